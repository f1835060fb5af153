import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeCohort } from "~/features/training/cohorts-access.server";
import { exportCohortTrainees } from "~/features/training/cohorts-writes.server";
import { toCsv } from "~/lib/csv";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/cohort-trainees-csv";

/**
 * The cohort's trainees as a spreadsheet file, for the project leader and the cohort's course
 * leaders. Cells that a spreadsheet would run as a formula are made plain text (lib/csv.ts), and
 * every export writes one audit-log row per trainee in it (resource enrolment, action export), so
 * each person sees on their account page that their name and address left the platform.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort } = await authorizeCohort(request, params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const trainees = await exportCohortTrainees(municipality.id, cohort.id, user.actor);
  const yesNo = (value: boolean) => (value ? t("cohorts.trainees.yes") : t("cohorts.trainees.no"));
  const header = [t("cohorts.csv.name"), t("cohorts.csv.email"), t("cohorts.csv.status"), t("cohorts.csv.enrolledAt"), t("cohorts.csv.present"), t("cohorts.csv.recorded"), t("cohorts.csv.certificate")];
  const rows = trainees.map((p) => [
    p.name,
    p.email,
    t(`cohorts.enrolmentStatus.${p.status}`),
    formatInZone(p.enrolledAt, locale, { dateStyle: "short" }),
    p.present,
    p.recorded,
    yesNo(p.hasCertificate),
  ]);
  return new Response(toCsv(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="cursisten-${cohort.startsOn}-${cohort.id.slice(0, 8)}.csv"`,
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      "cache-control": "no-store",
    },
  });
}
