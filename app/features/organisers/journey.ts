/**
 * A resident's own activity (a Citytrainer's or a team's), in the activity's own states: planned
 * as a draft, submitted, then either reviewed by a coach or, when the organiser is trusted,
 * published at once; evaluated afterwards, which completes it. Every write that changes the state
 * of an organised activity asks this table first; the unit test walks it as role × state × event.
 */
import type { ActivityStatus } from "~/lib/db/schema";
import { eventsFor, mayTransition, nextState, type Machine } from "~/lib/state-machine";

/**
 * Who acts: the organiser (the Citytrainer, or for a team any of its members), a co-organiser,
 * and the coaches who review (project leader, course leader, the organiser's practice supervisor).
 */
export const ORGANISING_ROLES = ["organiser", "co_organiser", "coach"] as const;
export type OrganisingRole = (typeof ORGANISING_ROLES)[number];

export const ORGANISED_ACTIVITY_MACHINE = {
  /** An organiser who is not trusted submits for review. */
  submit: { from: ["draft"], to: "in_review", by: ["organiser"] },
  /** A trusted organiser's plan is published when submitted (organised_activities.published_without_review_at). */
  publish_directly: { from: ["draft"], to: "published", by: ["organiser"] },
  approve: { from: ["in_review"], to: "published", by: ["coach"] },
  request_changes: { from: ["in_review"], to: "draft", by: ["coach"] },
  /** The organiser takes a plan back from review to change it. */
  withdraw: { from: ["in_review"], to: "draft", by: ["organiser"] },
  /** After the activity: the evaluation completes it and it counts as organised. */
  evaluate: { from: ["published"], to: "completed", by: ["organiser", "co_organiser"] },
  cancel: { from: ["draft", "in_review", "published"], to: "cancelled", by: ["organiser", "coach"] },
} as const satisfies Machine<ActivityStatus, string, OrganisingRole>;
export type OrganisedActivityEvent = keyof typeof ORGANISED_ACTIVITY_MACHINE;

export const mayOrganisedActivity = (state: ActivityStatus, event: OrganisedActivityEvent, role: OrganisingRole) =>
  mayTransition(ORGANISED_ACTIVITY_MACHINE, state, event, role);
export const nextOrganisedActivityState = (state: ActivityStatus, event: OrganisedActivityEvent) => nextState(ORGANISED_ACTIVITY_MACHINE, state, event);
export const organisedActivityEventsFor = (state: ActivityStatus, role: OrganisingRole) => eventsFor(ORGANISED_ACTIVITY_MACHINE, state, role);
