/**
 * Who may organise, who is trusted, who reviews, and what each organising role may do, as pure
 * functions over facts the reads load (certificates, team memberships, trust, placements). What
 * may follow what is ORGANISED_ACTIVITY_MACHINE (journey.ts); this module says which role a person
 * holds on an activity. docs/decisions/029-residents-organise.md explains the choices.
 */
import type { Actor } from "~/features/authorization/policy";
import type { OrganiserTrust, TeamStatus } from "~/lib/db/schema";
import type { OrganisingRole } from "./journey";

/** What makes a person an organiser: their certificates and their team memberships. */
export interface OrganiserFacts {
  userId: string;
  /** Municipalities that issued the person a Citytrainer certificate that is not revoked. */
  certifiedIn: readonly string[];
  /** Teams the person is a current member of (left_at null), with the team's state. */
  teams: readonly { teamId: string; municipalityId: string; status: TeamStatus }[];
}

/** A certified Citytrainer of that municipality, or a member of one of its active teams. */
export function mayOrganiseIn(facts: OrganiserFacts, municipalityId: string): boolean {
  return facts.certifiedIn.includes(municipalityId) || facts.teams.some((team) => team.municipalityId === municipalityId && team.status === "active");
}

/** Organise as oneself (a certified Citytrainer there) or as a team (a member of that active team). */
export function mayOrganiseAs(facts: OrganiserFacts, municipalityId: string, teamId: string | null): boolean {
  if (teamId === null) return facts.certifiedIn.includes(municipalityId);
  return facts.teams.some((team) => team.teamId === teamId && team.municipalityId === municipalityId && team.status === "active");
}

/** Whoever may organise in the municipality may help organise someone else's activity there. */
export const mayCoOrganise = mayOrganiseIn;

export type TrustSource = "setting" | "override";

/**
 * Whether an organiser publishes without review: the project leader's choice for this person when
 * there is one, else the municipality's setting (certified_publish_directly). Decided at the
 * moment of submission; a team's plan follows the trust of the member who submits it.
 */
export function organiserTrust(settingPublishesDirectly: boolean, override: OrganiserTrust | null): { trusted: boolean; source: TrustSource } {
  if (override !== null) return { trusted: override === "trusted", source: "override" };
  return { trusted: settingPublishesDirectly, source: "setting" };
}

/** An organised activity as far as roles are concerned. */
export interface OrganisedActivityRef {
  municipalityId: string;
  organiserUserId: string | null;
  teamId: string | null;
  coOrganiserIds: readonly string[];
  /** Current members of the activity's team (empty without a team). */
  teamMemberIds: readonly string[];
}

/**
 * The person's role on the activity: the organiser (who planned it), a co-organiser (named on it,
 * or another member of its team), or none. Co-organisers see registrations, check in and message,
 * but do not change or cancel the plan.
 */
export function organisingRoleOf(userId: string, activity: OrganisedActivityRef): Exclude<OrganisingRole, "coach"> | null {
  if (activity.organiserUserId === userId) return "organiser";
  if (activity.coOrganiserIds.includes(userId) || activity.teamMemberIds.includes(userId)) return "co_organiser";
  return null;
}

/** What a role may do on the activity's own pages besides the journey's state changes. */
export function organisingRights(role: Exclude<OrganisingRole, "coach"> | null) {
  return {
    see: role !== null,
    seeRegistrations: role !== null,
    checkIn: role !== null,
    message: role !== null,
    editPlan: role === "organiser",
  };
}

/**
 * Which coach may review a plan: the municipality's project leaders and course leaders, and a
 * practice supervisor only for organisers whose placement they supervised (supervisorIds: the
 * supervisors of the organiser's placements in this municipality); never the organiser themself.
 */
export function mayReviewPlan(actor: Actor, municipalityId: string, organiser: { userId?: string | null; supervisorIds: readonly string[] }): boolean {
  // Nobody reviews their own plan, whatever staff role they also hold.
  if (organiser.userId && organiser.userId === actor.userId) return false;
  const roles = actor.memberships.filter((m) => m.municipalityId === municipalityId).map((m) => m.role);
  if (roles.includes("project_leader") || roles.includes("course_leader")) return true;
  return roles.includes("practice_supervisor") && organiser.supervisorIds.includes(actor.userId);
}

/** The organiser's name in the public calendar: a team by its name, a Citytrainer by first name only. */
export function publicOrganiserName(organiser: { teamName: string } | { personName: string }): string {
  if ("teamName" in organiser) return organiser.teamName;
  const trimmed = organiser.personName.trim().replace(/\s+/g, " ");
  return trimmed.split(" ")[0] ?? trimmed;
}

/** The groups of the organiser's own page, in the order shown. */
export const OWN_ACTIVITY_GROUPS = ["changes_asked", "draft", "in_review", "upcoming", "past", "completed", "cancelled"] as const;
export type OwnActivityGroup = (typeof OWN_ACTIVITY_GROUPS)[number];

/** Which group an activity belongs in on the organiser's page. */
export function ownActivityGroup(activity: { status: string; endsAt: Date; changesRequested: string | null }, now: Date = new Date()): OwnActivityGroup {
  switch (activity.status) {
    case "draft":
      return activity.changesRequested ? "changes_asked" : "draft";
    case "in_review":
      return "in_review";
    case "published":
      return activity.endsAt.getTime() > now.getTime() ? "upcoming" : "past";
    case "completed":
      return "completed";
    default:
      return "cancelled";
  }
}

/** Cancelling is for plans that did not happen yet; afterwards the evaluation says how it went. */
export function canCancelYet(startsAt: Date, now: Date = new Date()): boolean {
  return startsAt.getTime() > now.getTime();
}
