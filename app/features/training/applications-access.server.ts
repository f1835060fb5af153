/**
 * The gate for the staff pages of a cohort's applications: the person must see cohorts in this
 * municipality (project leader, course leader) and the people of this cohort (canSeeCohortPeople:
 * a course leader only of the cohorts they teach). Anything else gets the same 404 as a cohort
 * that does not exist; partner contacts, practice supervisors and the network coordinator never
 * get past the first check.
 */
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import type { MessageKey } from "~/lib/i18n";
import { findStaffCohort } from "./applications-reads.server";
import { canRunCohort, canSeeCohortPeople } from "./policy";

export async function authorizeCohortApplications(request: Request, slug: string | undefined, cohortId: string | undefined) {
  const { user, municipality } = await authorizeMunicipality(request, slug, "training.view_cohorts");
  const cohort = cohortId ? await findStaffCohort(municipality.id, cohortId) : null;
  if (!cohort || !canSeeCohortPeople(user.actor, cohort.ref)) throw notFound();
  return { user, municipality, cohort, canRun: canRunCohort(user.actor, cohort.ref) };
}

const NOTICES = {
  gepland: "staffApplication.notice.plan_intake",
  aantekeningen: "staffApplication.notice.notes",
  toegelaten: "staffApplication.notice.admit",
  wachtlijst: "staffApplication.notice.waitlist",
  afgewezen: "staffApplication.notice.decline",
  afgemeld: "staffApplication.notice.withdraw_trainee",
  aangeboden: "staffApplications.notice.offered",
} as const satisfies Record<string, MessageKey>;
export type ApplicationNotice = keyof typeof NOTICES;

export function withApplicationNotice(path: string, notice: ApplicationNotice): string {
  return `${path}?melding=${notice}`;
}

export function readApplicationNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as ApplicationNotice] : null;
}
