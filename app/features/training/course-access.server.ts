/**
 * The gate for the pages that run a cohort (a trainee's page, a session's attendance, the
 * assessment moments): a staff member who may see cohorts in this municipality at all, and who
 * teaches this cohort or leads the municipality's programme (canRunCohort). Anyone else gets the
 * same 404 as a cohort that does not exist, also a course leader of another cohort.
 */
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import type { MessageKey } from "~/lib/i18n";
import { findCourseCohort } from "./course-reads.server";
import { canRunCohort } from "./policy";

export async function authorizeRunCohort(request: Request, slug: string | undefined, cohortId: string | undefined) {
  const { user, municipality } = await authorizeMunicipality(request, slug, "training.view_cohorts");
  const cohort = cohortId ? await findCourseCohort(municipality.id, cohortId) : null;
  if (!cohort || !canRunCohort(user.actor, cohort)) throw notFound();
  return { user, municipality, cohort };
}

const NOTICES = {
  opgeslagen: "form.saved",
  "doel-toegevoegd": "course.notice.goalAdded",
  aanwezigheid: "course.notice.attendanceSaved",
  beoordeeld: "course.notice.assessed",
  "moment-toegevoegd": "course.notice.momentAdded",
  uitgereikt: "course.notice.certificateIssued",
  "al-uitgereikt": "course.notice.certificateAlreadyIssued",
} as const satisfies Record<string, MessageKey>;
export type CourseNotice = keyof typeof NOTICES;

export function withCourseNotice(path: string, notice: CourseNotice): string {
  return `${path}?melding=${notice}`;
}

export function readCourseNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as CourseNotice] : null;
}
