import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { authorizeCohort, readCohortNotice } from "~/features/training/cohorts-access.server";
import { cohortPath } from "~/features/training/cohorts-urls";
import { cohortNumbers, listCohortSessions, listCohortTrainees } from "~/features/training/cohorts-reads.server";
import { SessionCells } from "~/components/cohort-sessions";
import { DataTable } from "~/components/data-table";
import { StaffPageHeader } from "~/components/staff-nav";
import { ButtonLink } from "~/components/ui";
import { APPLICATION_STATUSES } from "~/lib/db/schema";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone, zonedLocalToUtc } from "~/lib/time";
import type { Route } from "./+types/cohort";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/**
 * A cohort at a glance, for the project leader and the cohort's course leaders: its facts, the
 * numbers (applications by status, admitted, attendance, assessments, certificates), the schedule
 * and the trainees, with links to the pages where the work is done.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort, canManage } = await authorizeCohort(request, params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const [numbers, sessions, trainees] = await Promise.all([
    cohortNumbers(municipality.id, cohort.id),
    listCohortSessions(municipality.id, cohort.id),
    listCohortTrainees(municipality.id, cohort.id),
  ]);
  const day = (date: string) => formatInZone(zonedLocalToUtc(date, "12:00")!, locale, { dateStyle: "long" });
  return {
    ...staffPageData(user, municipality),
    notice: readCohortNotice(request),
    base: cohortPath(municipality.slug, cohort.id),
    listPath: `/beheer/${municipality.slug}/cohorten`,
    pipelinePath: `/beheer/${municipality.slug}/doorstroom?cohort=${cohort.id}`,
    canManage,
    cohort: {
      id: cohort.id,
      name: cohort.name,
      trackName: cohort.trackName,
      location: cohort.location,
      startsOn: day(cohort.startsOn),
      applicationPeriod: t("cohorts.facts.applicationPeriodValue", { from: day(cohort.applicationsOpenOn), until: day(cohort.applicationsCloseOn) }),
      courseLeaders: cohort.courseLeaders.map((l) => l.name).join(", "),
      admitted: t("cohorts.admitted", { admitted: cohort.admittedCount, max: cohort.maxSize }),
      status: cohort.finishedAt ? ("finished" as const) : cohort.publishedAt ? ("published" as const) : ("draft" as const),
    },
    numbers: {
      applications: APPLICATION_STATUSES.map((status) => ({ status, count: numbers.applicationsByStatus[status] })),
      attendance:
        numbers.attendanceRecorded === 0
          ? t("cohorts.numbers.attendanceNone")
          : t("cohorts.numbers.attendanceValue", {
              rate: Math.round((100 * numbers.attendancePresent) / numbers.attendanceRecorded),
              present: numbers.attendancePresent,
              recorded: numbers.attendanceRecorded,
            }),
      assessments: t("cohorts.numbers.assessmentsValue", { count: numbers.assessmentsRecorded, trainees: numbers.traineesAssessed }),
      certificates: numbers.certificatesIssued,
      enrolled: numbers.enrolled,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      when: `${formatInZone(s.startsAt, locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })} – ${formatInZone(s.endsAt, locale, { hour: "2-digit", minute: "2-digit" })}`,
      startsAt: s.startsAt.toISOString(),
      what: s.moduleTitle ?? s.title,
      location: s.location,
      isCancelled: s.cancelledAt !== null,
    })),
    // Names and enrolment status only: a person's attendance and certificate are on the trainee's
    // own page, which logs the access (privacy/audit.server.ts); this overview shows counts.
    trainees: trainees.map((p) => ({ enrolmentId: p.enrolmentId, name: p.name, status: p.status })),
    title: `${cohort.name} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export default function CohortOverview({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { cohort, numbers, base, sessions, trainees } = loaderData;
  return (
    <>
      <StaffPageHeader title={cohort.name} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={loaderData.listPath}>
          {t("cohorts.backToList")}
        </Link>
      </p>
      <section className="page-section" aria-labelledby="overview-heading">
        <h2 className="utrecht-heading-2" id="overview-heading">
          {t("cohorts.overview")}
        </h2>
        <dl className="facts">
          <dt>{t("cohorts.facts.track")}</dt>
          <dd>{cohort.trackName}</dd>
          <dt>{t("cohorts.facts.location")}</dt>
          <dd>{cohort.location}</dd>
          <dt>{t("cohorts.facts.startsOn")}</dt>
          <dd>{cohort.startsOn}</dd>
          <dt>{t("cohorts.facts.applicationPeriod")}</dt>
          <dd>{cohort.applicationPeriod}</dd>
          <dt>{t("cohorts.facts.courseLeaders")}</dt>
          <dd>{cohort.courseLeaders}</dd>
          <dt>{t("cohorts.facts.status")}</dt>
          <dd>{t(`cohorts.status.${cohort.status}`)}</dd>
        </dl>
        <p className="button-row">
          <ButtonLink to={`${base}/aanmeldingen`} appearance="primary">
            {t("cohorts.links.applications")}
          </ButtonLink>
          <ButtonLink to={`${base}/rooster`}>{t("cohorts.links.schedule")}</ButtonLink>
          <ButtonLink to={`${base}/beoordelingen`}>{t("cohorts.links.assessments")}</ButtonLink>
          <ButtonLink to={loaderData.pipelinePath}>{t("pipeline.cohortLink")}</ButtonLink>
          {loaderData.canManage && <ButtonLink to={`${base}/bewerken`}>{t("cohorts.links.edit")}</ButtonLink>}
          <a className="utrecht-link" href={`${base}/cursisten.csv`} download>
            {t("cohorts.links.export")}
          </a>
        </p>
      </section>

      <section className="page-section" aria-labelledby="numbers-heading">
        <h2 className="utrecht-heading-2" id="numbers-heading">
          {t("cohorts.numbers")}
        </h2>
        <dl className="facts">
          <dt>{t("cohorts.facts.admitted")}</dt>
          <dd>{cohort.admitted}</dd>
          <dt>{t("cohorts.numbers.enrolled")}</dt>
          <dd>{numbers.enrolled}</dd>
          <dt>{t("cohorts.numbers.attendance")}</dt>
          <dd>{numbers.attendance}</dd>
          <dt>{t("cohorts.numbers.assessments")}</dt>
          <dd>{numbers.assessments}</dd>
          <dt>{t("cohorts.numbers.certificates")}</dt>
          <dd>{numbers.certificates}</dd>
        </dl>
        <h3 className="utrecht-heading-3" id="applications-heading">
          {t("cohorts.numbers.applications")}
        </h3>
        <DataTable caption={t("cohorts.numbers.applications")} columns={[t("cohorts.numbers.status"), t("cohorts.numbers.count")]}>
          {numbers.applications.map((row) => (
            <tr key={row.status}>
              <td>{t(`cohorts.applicationStatus.${row.status}`)}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section className="page-section" aria-labelledby="sessions-heading">
        <h2 className="utrecht-heading-2" id="sessions-heading">
          {t("cohorts.links.schedule")}
        </h2>
        {sessions.length === 0 ? (
          <p className="utrecht-paragraph">{t("cohorts.schedule.empty")}</p>
        ) : (
          <DataTable
            caption={t("cohorts.links.schedule")}
            columns={[t("cohorts.schedule.column.when"), t("cohorts.schedule.column.kind"), t("cohorts.schedule.column.what"), t("cohorts.schedule.column.where")]}
          >
            {sessions.map((s) => (
              <tr key={s.id}>
                <SessionCells session={s} cohortBase={base} />
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="page-section" aria-labelledby="trainees-heading">
        <h2 className="utrecht-heading-2" id="trainees-heading">
          {t("cohorts.trainees")}
        </h2>
        {trainees.length === 0 ? (
          <p className="utrecht-paragraph">{t("cohorts.trainees.empty")}</p>
        ) : (
          <DataTable
            caption={t("cohorts.trainees")}
            columns={[t("cohorts.trainees.name"), t("cohorts.csv.status")]}
          >
            {trainees.map((p) => (
              <tr key={p.enrolmentId}>
                <td>
                  <Link className="utrecht-link" to={`${base}/cursisten/${p.enrolmentId}`}>
                    {p.name}
                  </Link>
                </td>
                <td>{t(`cohorts.enrolmentStatus.${p.status}`)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
