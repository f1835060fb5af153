/**
 * Who may see and do what on a placement, as pure functions. A practice supervisor sees only the
 * placements they supervise, and only once the trainee (or guardian) agreed to share: never the
 * trainees of another partner organisation or of a colleague. The cohort's course leaders and the
 * municipality's project leader see every placement of their trainees. What each role may move is
 * the journey table (journey.ts); this module says which journey roles an actor holds here.
 */
import type { Actor } from "~/features/authorization/policy";
import { leadsProgramme, teachesCohort, type CohortRef } from "~/features/training/policy";
import type { JourneyRole } from "./journey";

/** A placement as far as permissions are concerned. */
export interface PlacementRef {
  municipalityId: string;
  partnerOrganisationId: string;
  supervisorUserId: string | null;
  traineeUserId: string;
  /** Set once the trainee or guardian agreed to share; before that the supervisor sees nothing. */
  sharedAt: Date | null;
  cohort: CohortRef;
}

/** The placement's supervisor, while they are a practice supervisor of its partner organisation. */
export function supervisesPlacement(actor: Actor, placement: PlacementRef): boolean {
  return (
    placement.sharedAt !== null &&
    placement.supervisorUserId === actor.userId &&
    actor.memberships.some(
      (m) => m.role === "practice_supervisor" && m.municipalityId === placement.municipalityId && m.partnerOrganisationId === placement.partnerOrganisationId,
    )
  );
}

/** The journey roles the actor holds on this placement (someone may hold more than one). */
export function journeyRolesOn(actor: Actor, placement: PlacementRef): JourneyRole[] {
  const roles: JourneyRole[] = [];
  if (placement.traineeUserId === actor.userId) roles.push("trainee");
  if (supervisesPlacement(actor, placement)) roles.push("practice_supervisor");
  if (teachesCohort(actor, placement.cohort)) roles.push("course_leader");
  if (leadsProgramme(actor, placement.cohort)) roles.push("project_leader");
  return roles;
}

/** Staff who may open the placement's pages: its supervisor, the cohort's course leaders, the project leader. */
export function canSeePlacement(actor: Actor, placement: PlacementRef): boolean {
  return journeyRolesOn(actor, placement).some((role) => role !== "trainee");
}

/** A practice supervisor who may be named on a proposal: one of the partner organisation's supervisors. */
export function isSupervisorOf(memberships: Actor["memberships"], municipalityId: string, partnerOrganisationId: string): boolean {
  return memberships.some(
    (m) => m.role === "practice_supervisor" && m.municipalityId === municipalityId && m.partnerOrganisationId === partnerOrganisationId,
  );
}
