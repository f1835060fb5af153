import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { authorizeCohorts, readCohortNotice } from "~/features/training/cohorts-access.server";
import { listCohorts } from "~/features/training/cohorts-reads.server";
import { DataTable } from "~/components/data-table";
import { StaffPageHeader } from "~/components/staff-nav";
import { ButtonLink } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone, zonedLocalToUtc } from "~/lib/time";
import type { Route } from "./+types/cohorts";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/** The municipality's cohorts: all of them for the project leader, the ones they teach for a course leader. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, canManage } = await authorizeCohorts(request, params.slug);
  const { t, locale } = await getTranslator(request);
  const rows = await listCohorts(municipality.id, { taughtBy: canManage ? null : user.id });
  return {
    ...staffPageData(user, municipality),
    notice: readCohortNotice(request),
    slug: municipality.slug,
    canManage,
    cohorts: rows.map((c) => ({
      id: c.id,
      name: c.name,
      trackName: c.trackName,
      startsOn: formatInZone(zonedLocalToUtc(c.startsOn, "12:00")!, locale, { dateStyle: "medium" }),
      admitted: t("cohorts.admitted", { admitted: c.admittedCount, max: c.maxSize }),
      status: c.finishedAt ? ("finished" as const) : c.publishedAt ? ("published" as const) : ("draft" as const),
    })),
    title: `${t("cohorts.title")} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export default function Cohorts({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug, canManage, cohorts } = loaderData;
  const base = `/beheer/${slug}/cohorten`;
  return (
    <>
      <StaffPageHeader title={t("cohorts.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">{canManage ? t("cohorts.intro") : t("cohorts.introCourseLeader")}</p>
      {canManage && (
        <p className="button-row">
          <ButtonLink to={`${base}/nieuw`} appearance="primary">
            {t("cohorts.new")}
          </ButtonLink>
        </p>
      )}
      {cohorts.length === 0 ? (
        <p className="utrecht-paragraph">{t("cohorts.empty")}</p>
      ) : (
        <DataTable
          caption={t("cohorts.title")}
          columns={[t("cohorts.column.name"), t("cohorts.column.track"), t("cohorts.column.startsOn"), t("cohorts.column.places"), t("cohorts.column.status")]}
        >
          {cohorts.map((cohort) => (
            <tr key={cohort.id}>
              <td>
                <Link className="utrecht-link" to={`${base}/${cohort.id}`}>
                  {cohort.name}
                </Link>
              </td>
              <td>{cohort.trackName}</td>
              <td>{cohort.startsOn}</td>
              <td>{cohort.admitted}</td>
              <td>{t(`cohorts.status.${cohort.status}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
