/**
 * Who may do what, as pure functions over an actor's memberships. No database access here: the
 * gate (gate.server.ts) loads the actor, then asks these functions. The unit tests walk the whole
 * table of role × scope × action, and the end-to-end permission tests use the same table.
 */
import { ROLES, type Role } from "~/lib/db/schema";

export interface Membership {
  role: Role;
  municipalityId: string | null;
  partnerOrganisationId: string | null;
}

export interface Actor {
  userId: string;
  memberships: readonly Membership[];
}

/** Actions on a municipality's own data. */
export const MUNICIPALITY_ACTIONS = [
  "municipality.view_staff_area",
  "municipality.edit_settings",
  "municipality.manage_neighbourhoods",
  "municipality.manage_partners",
  "municipality.invite_staff",
  "municipality.view_mail",
  "activity.create",
  "activity.manage_any",
  "activity.view_any_participants",
  "training.manage_tracks",
  "training.manage_cohorts",
  "training.view_cohorts",
  "privacy.view_audit_log",
  "privacy.handle_erasure",
  "practice.supervise",
  "practice.view_pipeline",
  "practice.edit_settings",
  "practice.manage_ceremonies",
  "certificates.issue",
  "certificates.rotate_key",
  "organisers.review",
  "organisers.manage_trust",
  "organisers.view_overview",
  "budgets.manage",
  "teams.register",
  "teams.confirm",
] as const;
export type MunicipalityAction = (typeof MUNICIPALITY_ACTIONS)[number];

/** Actions on the network as a whole. */
export const NETWORK_ACTIONS = [
  "network.manage_municipalities",
  "network.appoint_project_leaders",
  "network.view_mail",
  "network.manage_tracks",
  "network.handle_erasure",
] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

const MUNICIPALITY_GRANTS: Record<MunicipalityAction, readonly Role[]> = {
  "municipality.view_staff_area": ["project_leader", "course_leader", "practice_supervisor", "partner_contact"],
  "municipality.edit_settings": ["project_leader"],
  "municipality.manage_neighbourhoods": ["project_leader"],
  "municipality.manage_partners": ["project_leader"],
  "municipality.invite_staff": ["project_leader"],
  "municipality.view_mail": ["project_leader"],
  "activity.create": ["project_leader", "course_leader", "partner_contact"],
  "activity.manage_any": ["project_leader", "course_leader"],
  "activity.view_any_participants": ["project_leader"],
  // The municipality's own copies of network tracks, and its cohorts with their schedules.
  "training.manage_tracks": ["project_leader"],
  "training.manage_cohorts": ["project_leader"],
  // Seeing cohorts at all; which cohorts' trainees a course leader sees is training/policy.ts.
  "training.view_cohorts": ["project_leader", "course_leader"],
  "privacy.view_audit_log": ["project_leader"],
  "privacy.handle_erasure": ["project_leader"],
  // The practice supervisor's working area; which placements they see is practice/policy.ts.
  "practice.supervise": ["practice_supervisor"],
  // The pipeline of people on the path; course leaders see only their own cohorts' trainees there.
  "practice.view_pipeline": ["project_leader", "course_leader"],
  "practice.edit_settings": ["project_leader"],
  "practice.manage_ceremonies": ["project_leader"],
  "certificates.issue": ["project_leader"],
  // Replacing a municipality's signing key touches no trainee's data: the coordinator may too.
  "certificates.rotate_key": ["project_leader"],
  // Reviewing residents' activity plans; which plans a practice supervisor reviews (their own
  // former trainees') is organisers/policy.ts.
  "organisers.review": ["project_leader", "course_leader", "practice_supervisor"],
  "organisers.manage_trust": ["project_leader"],
  // The per-neighbourhood overview of organisers, teams, budgets, recruitment and flags.
  "organisers.view_overview": ["project_leader"],
  "budgets.manage": ["project_leader"],
  // A coach registers a team that is active at once; residents' proposals wait for a project leader.
  "teams.register": ["project_leader", "course_leader"],
  "teams.confirm": ["project_leader"],
};

const NETWORK_GRANTS: Record<NetworkAction, readonly Role[]> = {
  "network.manage_municipalities": ["network_coordinator"],
  "network.appoint_project_leaders": ["network_coordinator"],
  "network.view_mail": ["network_coordinator"],
  "network.manage_tracks": ["network_coordinator"],
  // Erasure requests of people without data in any municipality (docs/decisions/026-privacy-core.md).
  "network.handle_erasure": ["network_coordinator"],
};

/** Network coordinators may act on any municipality's settings (not on its daily work). */
const NETWORK_COORDINATOR_MUNICIPALITY_ACTIONS: ReadonlySet<MunicipalityAction> = new Set([
  "municipality.view_staff_area",
  "municipality.edit_settings",
  "municipality.manage_neighbourhoods",
  "municipality.manage_partners",
  "municipality.invite_staff",
  "municipality.view_mail",
  "certificates.rotate_key",
]);

export function isNetworkCoordinator(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === "network_coordinator");
}

export function can(actor: Actor, action: NetworkAction): boolean {
  return actor.memberships.some((m) => NETWORK_GRANTS[action].includes(m.role));
}

export function canInMunicipality(actor: Actor, action: MunicipalityAction, municipalityId: string): boolean {
  if (isNetworkCoordinator(actor) && NETWORK_COORDINATOR_MUNICIPALITY_ACTIONS.has(action)) return true;
  return actor.memberships.some(
    (m) => m.municipalityId === municipalityId && MUNICIPALITY_GRANTS[action].includes(m.role),
  );
}

/** An activity as far as permissions are concerned. */
export interface ActivityRef {
  municipalityId: string;
  partnerOrganisationId: string | null;
  createdBy: string | null;
  organiserUserId: string | null;
}

/**
 * The actor's own activity: they organise it (its organiser) or are the staff member responsible
 * for it (the one who made it).
 */
export function isOwnActivity(actor: Actor, activity: ActivityRef): boolean {
  return activity.organiserUserId === actor.userId || activity.createdBy === actor.userId;
}

/**
 * Staff who may edit an activity, see its participants and check people in: project and course
 * leaders of its municipality, and contacts of the partner organisation that hosts it.
 */
export function canManageActivity(actor: Actor, activity: ActivityRef): boolean {
  return canInMunicipality(actor, "activity.manage_any", activity.municipalityId) || isPartnerContactFor(actor, activity);
}

/** A partner contact of the activity's host organisation, or the partner contact who made it. */
function isPartnerContactFor(actor: Actor, activity: ActivityRef): boolean {
  return actor.memberships.some(
    (m) =>
      m.role === "partner_contact" &&
      m.municipalityId === activity.municipalityId &&
      (m.partnerOrganisationId === activity.partnerOrganisationId || activity.createdBy === actor.userId),
  );
}

/**
 * Who may see an activity's participants (names, email addresses, age groups) and check them in:
 * the project leader sees every activity of the municipality; a course leader only their own
 * activities (organised or made by them) — editing others' activities needs no personal data; a
 * partner contact the activities they may manage.
 */
export function canSeeParticipants(actor: Actor, activity: ActivityRef): boolean {
  if (canInMunicipality(actor, "activity.view_any_participants", activity.municipalityId)) return true;
  const isCourseLeaderHere = actor.memberships.some((m) => m.role === "course_leader" && m.municipalityId === activity.municipalityId);
  return (isCourseLeaderHere && isOwnActivity(actor, activity)) || isPartnerContactFor(actor, activity);
}

/** Roles a project leader may invite into their municipality. */
export const INVITABLE_BY_PROJECT_LEADER: readonly Role[] = ["course_leader", "practice_supervisor", "partner_contact"];

export function canInvite(actor: Actor, role: Role, municipalityId: string | null): boolean {
  if (role === "network_coordinator") return false;
  if (role === "project_leader") return can(actor, "network.appoint_project_leaders");
  if (!municipalityId) return false;
  return canInMunicipality(actor, "municipality.invite_staff", municipalityId) && INVITABLE_BY_PROJECT_LEADER.includes(role);
}

/** Taking a role away needs the same right as giving it: a project leader cannot remove another project leader. */
export function canRemoveMembership(actor: Actor, membership: Membership): boolean {
  return canInvite(actor, membership.role, membership.municipalityId);
}

/**
 * Staff roles are those for which two-factor sign-in can be made mandatory and which never get an
 * emailed sign-in link: every role with a right in the staff area, because each of them reaches
 * residents' personal data (participant lists with age groups down to under 12, mail). Partner
 * contacts included: they read and export the participants of their organisation's activities.
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter(
  (role) =>
    Object.values(MUNICIPALITY_GRANTS).some((roles) => roles.includes(role)) || Object.values(NETWORK_GRANTS).some((roles) => roles.includes(role)),
);

export function isStaff(actor: Actor): boolean {
  return actor.memberships.some((m) => STAFF_ROLES.includes(m.role));
}
