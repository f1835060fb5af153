/**
 * Who may see and change what of a cohort and its people, as pure functions. Course leaders see
 * the cohorts they teach (never other cohorts of their municipality); project leaders every cohort
 * of their municipality; partner contacts, practice supervisors and the network coordinator see
 * no applications, plans or assessments (the coordinator sees templates and aggregate numbers).
 */
import { canInMunicipality, type Actor } from "~/features/authorization/policy";

/** A cohort as far as permissions are concerned. */
export interface CohortRef {
  municipalityId: string;
  courseLeaderIds: readonly string[];
}

/** A course leader of the cohort's municipality who is one of the cohort's course leaders. */
export function teachesCohort(actor: Actor, cohort: CohortRef): boolean {
  return (
    cohort.courseLeaderIds.includes(actor.userId) &&
    actor.memberships.some((m) => m.role === "course_leader" && m.municipalityId === cohort.municipalityId)
  );
}

/** The municipality's project leader. */
export function leadsProgramme(actor: Actor, cohort: Pick<CohortRef, "municipalityId">): boolean {
  return canInMunicipality(actor, "training.manage_cohorts", cohort.municipalityId);
}

/** Applications, intake notes, development plans, attendance and assessments of the cohort's people. */
export function canSeeCohortPeople(actor: Actor, cohort: CohortRef): boolean {
  return teachesCohort(actor, cohort) || leadsProgramme(actor, cohort);
}

/**
 * Intake, admission, development-plan observations, attendance, assessments, certificates: the
 * cohort's course leaders, and the project leader (who stands in when a course leader is away).
 */
export function canRunCohort(actor: Actor, cohort: CohortRef): boolean {
  return teachesCohort(actor, cohort) || leadsProgramme(actor, cohort);
}

/** Name, schedule, size, course leaders: the project leader only. */
export function canEditCohort(actor: Actor, cohort: Pick<CohortRef, "municipalityId">): boolean {
  return leadsProgramme(actor, cohort);
}
