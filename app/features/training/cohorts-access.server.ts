/**
 * The gate for staff pages of cohorts: project leaders reach every cohort of their municipality,
 * course leaders only the cohorts they teach. Anyone else, and a course leader at another cohort,
 * gets the same 404 as a cohort that does not exist, so nothing about other cohorts leaks.
 */
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import type { MessageKey } from "~/lib/i18n";
import { canEditCohort, canSeeCohortPeople } from "./policy";
import { findCohort } from "./cohorts-reads.server";

export async function authorizeCohorts(request: Request, slug: string | undefined) {
  const { user, municipality } = await authorizeMunicipality(request, slug, "training.view_cohorts");
  return { user, municipality, canManage: canEditCohort(user.actor, { municipalityId: municipality.id }) };
}

/** A cohort's overview, schedule and trainee list: its course leaders and the project leader. */
export async function authorizeCohort(request: Request, slug: string | undefined, cohortId: string | undefined) {
  const access = await authorizeCohorts(request, slug);
  const cohort = cohortId ? await findCohort(access.municipality.id, cohortId) : null;
  if (!cohort || !canSeeCohortPeople(access.user.actor, cohort)) throw notFound();
  return { ...access, cohort };
}

/** Changing a cohort or its schedule: the project leader only. */
export async function authorizeCohortEdit(request: Request, slug: string | undefined, cohortId: string | undefined) {
  const access = await authorizeCohort(request, slug, cohortId);
  if (!access.canManage) throw notFound();
  return access;
}

const NOTICES = {
  aangemaakt: "cohorts.notice.created",
  opgeslagen: "cohorts.notice.saved",
  "rooster-gemaakt": "cohorts.notice.generated",
  toegevoegd: "cohorts.notice.sessionAdded",
  aangepast: "cohorts.notice.sessionSaved",
  "gaat-niet-door": "cohorts.notice.sessionCancelled",
} as const satisfies Record<string, MessageKey>;
export type CohortNotice = keyof typeof NOTICES;

/** The path to show after a change, with its notice (POST → redirect → GET). */
export function withCohortNotice(path: string, notice: CohortNotice): string {
  return `${path}?melding=${notice}`;
}

export function readCohortNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as CohortNotice] : null;
}
