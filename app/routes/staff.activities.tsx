import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { listStaffActivities } from "~/features/activities/reads.server";
import { STAFF_LIST_VIEWS, type StaffListView } from "~/features/activities/schema";
import { authorizeActivities, readActivityNotice } from "~/features/activities/staff-access.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { DataTable } from "~/components/data-table";
import { ButtonLink } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.activities";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

const VIEW_PARAM: Record<string, StaffListView> = { komend: "upcoming", voorbij: "past", concepten: "drafts" };
const VIEW_SLUG: Record<StaffListView, string> = { upcoming: "komend", past: "voorbij", drafts: "concepten" };

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, partnerChoice } = await authorizeActivities(request, params.slug);
  const { t, locale } = await getTranslator(request);
  const url = new URL(request.url);
  const view = VIEW_PARAM[url.searchParams.get("weergave") ?? ""] ?? "upcoming";
  const requestedPage = Number(url.searchParams.get("pagina") ?? "1");
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10_000 ? requestedPage : 1;
  const list = await listStaffActivities(municipality.id, { view, partnerChoice, userId: user.id, page });
  // Dates are formatted here, not in the browser, so server and client render the same text.
  const activities = list.activities.map((activity) => ({
    ...activity,
    when: formatInZone(activity.startsAt, locale, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }),
  }));
  return {
    ...staffPageData(user, municipality),
    notice: readActivityNotice(request),
    slug: municipality.slug,
    view,
    page,
    activities,
    hasMore: list.hasMore,
    title: `${t("staffActivities.title")} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export default function StaffActivities({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { slug, view, page } = loaderData;
  const base = `/beheer/${slug}/activiteiten`;
  const pageLink = (n: number) => `${base}?weergave=${VIEW_SLUG[view]}&pagina=${n}`;
  return (
    <>
      <StaffPageHeader title={t("staffActivities.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="button-row">
        <ButtonLink to={`${base}/nieuw`} appearance="primary">
          {t("staffActivities.new")}
        </ButtonLink>
      </p>
      <nav aria-label={t("staffActivities.views")} className="tab-links">
        <ul>
          {STAFF_LIST_VIEWS.map((v) => (
            <li key={v}>
              <Link className="utrecht-link" to={`${base}?weergave=${VIEW_SLUG[v]}`} aria-current={v === view ? "page" : undefined}>
                {t(`staffActivities.view.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {loaderData.activities.length === 0 ? (
        <p className="utrecht-paragraph">{t("staffActivities.empty")}</p>
      ) : (
        <DataTable
          caption={t(`staffActivities.view.${view}`)}
          columns={[
            t("staffActivities.column.when"),
            t("staffActivities.column.title"),
            t("staffActivities.column.neighbourhood"),
            t("staffActivities.column.status"),
            t("staffActivities.column.places"),
          ]}
        >
          {loaderData.activities.map((activity) => (
            <tr key={activity.id}>
              <td>
                <time dateTime={new Date(activity.startsAt).toISOString()}>{activity.when}</time>
              </td>
              <td>
                <Link className="utrecht-link" to={`${base}/${activity.id}`}>
                  {activity.title}
                </Link>
                {activity.seriesId && <span className="badge"> {t("staffActivities.series")}</span>}
              </td>
              <td>{activity.neighbourhoodName ?? ""}</td>
              <td>{t(`activityStatus.${activity.status}`)}</td>
              <td>
                {!activity.registrationRequired
                  ? t("staffActivities.walkIn")
                  : activity.capacity === null
                    ? t("staffActivities.placesUnlimited", { confirmed: activity.confirmedCount })
                    : t("staffActivities.places", { confirmed: activity.confirmedCount, capacity: activity.capacity })}
                {activity.waitlisted > 0 && (
                  <>
                    <br />
                    {t("staffActivities.waitlistCount", { count: activity.waitlisted })}
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {(page > 1 || loaderData.hasMore) && (
        <nav aria-label={t("staffActivities.pagination")} className="button-row">
          {page > 1 && <ButtonLink to={pageLink(page - 1)}>{t("staffActivities.previousPage")}</ButtonLink>}
          {loaderData.hasMore && <ButtonLink to={pageLink(page + 1)}>{t("staffActivities.nextPage")}</ButtonLink>}
        </nav>
      )}
    </>
  );
}
