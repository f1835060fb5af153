/**
 * The path from course to Citytrainer, as tables: for each thing that moves (a placement, an hours
 * entry, the practice activity, the final report, the final presentation, the Citytrainer
 * certificate), which event may happen in which state, who may cause it, and where it leads.
 * Every write that changes one of these states asks this module first; the unit test walks each
 * table as role × state × event. The database's check constraints refuse the states no row here
 * leads to (app/lib/db/schema/practice.ts).
 */
import type { ActivityStatus, FinalReportStatus, HourStatus, PlacementStatus } from "~/lib/db/schema";
import { eventsFor, mayTransition, nextState, type Machine as GenericMachine } from "~/lib/state-machine";

/** Who acts on the path. `system` is the platform itself (e.g. completing a placement on certification). */
export const JOURNEY_ROLES = ["trainee", "course_leader", "practice_supervisor", "project_leader", "system"] as const;
export type JourneyRole = (typeof JOURNEY_ROLES)[number];

export type Machine<State extends string, Event extends string> = GenericMachine<State, Event, JourneyRole>;

/**
 * A placement. The course leader (or the project leader standing in) proposes it at the warm
 * handover; the proposal reaches the supervisor once the trainee (or guardian) agreed to share.
 */
export const PLACEMENT_MACHINE = {
  accept: { from: ["proposed"], to: "active", by: ["practice_supervisor"] },
  decline: { from: ["proposed"], to: "declined", by: ["practice_supervisor"] },
  withdraw: { from: ["proposed"], to: "withdrawn", by: ["course_leader", "project_leader"] },
  end: { from: ["active"], to: "ended", by: ["course_leader", "project_leader"] },
  complete: { from: ["active"], to: "completed", by: ["system"] },
} as const satisfies Machine<PlacementStatus, string>;
export type PlacementEvent = keyof typeof PLACEMENT_MACHINE;

/** Roles that may propose a placement for a trainee (creating it in `proposed`). */
export const PROPOSE_PLACEMENT_BY: readonly JourneyRole[] = ["course_leader", "project_leader"];

/** An hours entry: logged by the trainee (created `submitted`), signed off or returned by the supervisor. */
export const HOURS_MACHINE = {
  sign_off: { from: ["submitted"], to: "signed_off", by: ["practice_supervisor"] },
  return: { from: ["submitted"], to: "returned", by: ["practice_supervisor"] },
  resubmit: { from: ["returned"], to: "submitted", by: ["trainee"] },
} as const satisfies Machine<HourStatus, string>;
export type HoursEvent = keyof typeof HOURS_MACHINE;

/** The practice activity, in the activity's own states: review by the supervisor or course leader. */
export const PRACTICE_ACTIVITY_MACHINE = {
  submit: { from: ["draft"], to: "in_review", by: ["trainee"] },
  approve: { from: ["in_review"], to: "published", by: ["practice_supervisor", "course_leader"] },
  request_changes: { from: ["in_review"], to: "draft", by: ["practice_supervisor", "course_leader"] },
  evaluate: { from: ["published"], to: "completed", by: ["trainee"] },
  cancel: { from: ["draft", "in_review", "published"], to: "cancelled", by: ["trainee", "practice_supervisor", "course_leader"] },
} as const satisfies Machine<ActivityStatus, string>;
export type PracticeActivityEvent = keyof typeof PRACTICE_ACTIVITY_MACHINE;

/** The final report: written and submitted by the trainee, assessed (or sent back) by supervisor or course leader. */
export const FINAL_REPORT_MACHINE = {
  submit: { from: ["draft"], to: "submitted", by: ["trainee"] },
  send_back: { from: ["submitted"], to: "draft", by: ["practice_supervisor", "course_leader"] },
  assess: { from: ["submitted"], to: "assessed", by: ["practice_supervisor", "course_leader"] },
} as const satisfies Machine<FinalReportStatus, string>;
export type FinalReportEvent = keyof typeof FINAL_REPORT_MACHINE;

export type PresentationStatus = "assigned" | "given";
/** A final presentation at a ceremony: assigned (created) and marked given by the project leader. */
export const PRESENTATION_MACHINE = {
  mark_given: { from: ["assigned"], to: "given", by: ["project_leader"] },
  unmark_given: { from: ["given"], to: "assigned", by: ["project_leader"] },
} as const satisfies Machine<PresentationStatus, string>;
export type PresentationEvent = keyof typeof PRESENTATION_MACHINE;

export type CitytrainerCertificateStatus = "none" | "valid" | "revoked";
/** The Citytrainer certificate: issued when every requirement is met (requirements.ts), revocable with a reason. */
export const CERTIFICATE_MACHINE = {
  issue: { from: ["none"], to: "valid", by: ["project_leader"] },
  revoke: { from: ["valid"], to: "revoked", by: ["project_leader"] },
} as const satisfies Machine<CitytrainerCertificateStatus, string>;
export type CertificateEvent = keyof typeof CERTIFICATE_MACHINE;

export { eventsFor, mayTransition, nextState };
