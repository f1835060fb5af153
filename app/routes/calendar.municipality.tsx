import { openPublicMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { CalendarBody, FilterForm } from "~/features/calendar/calendar-view";
import { loadCalendarPage } from "~/features/calendar/page.server";
import { listNeighbourhoodOptions } from "~/features/calendar/reads.server";
import { readCalendarPageQuery } from "~/features/calendar/schema";
import { MunicipalityBanner, municipalityThemeStyle } from "~/components/municipality-theme";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/calendar.municipality";
import { publicPageHeaders } from "~/lib/http.server";

export const handle = { hydrate: false };
export const headers = publicPageHeaders;

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipality(params.slug);
  const url = new URL(request.url);
  const query = readCalendarPageQuery(url.searchParams);
  const [{ t }, neighbourhoods, page] = await Promise.all([
    getTranslator(request),
    listNeighbourhoodOptions(municipality.id),
    loadCalendarPage(municipality.id, query),
  ]);
  const theme = { slug: municipality.slug, name: municipality.name, themeColour: municipality.themeColour, logoPath: municipality.logoPath };
  return {
    title: t("calendar.title.municipality", { name: municipality.name }),
    description: t("calendar.intro"),
    metaDescription: t("calendar.meta.municipality", { name: municipality.name }),
    municipality: theme,
    municipalityTheme: theme,
    neighbourhoods,
    filters: query.filters,
    search: url.search,
    page,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        { title: `${loaderData.title} — Buurtkracht` },
        { name: "description", content: loaderData.metaDescription },
        {
          tagName: "link",
          rel: "alternate",
          type: "text/calendar",
          title: loaderData.title,
          href: `/api/v1/municipalities/${loaderData.municipality.slug}/calendar.ics`,
        },
      ]
    : [{ title: "Buurtkracht" }];

export default function MunicipalityCalendarPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { municipality, page } = loaderData;
  const path = `/${municipality.slug}/activiteiten`;
  const feed = `/api/v1/municipalities/${municipality.slug}/calendar.ics`;
  return (
    <div style={municipalityThemeStyle(municipality.themeColour)}>
      <MunicipalityBanner municipality={municipality} />
      <PageTitle>{loaderData.title}</PageTitle>
      <p className="utrecht-paragraph">{loaderData.description}</p>
      <FilterForm path={path} filters={loaderData.filters} view={page.view} week={page.week?.id} neighbourhoods={loaderData.neighbourhoods} />
      <CalendarBody path={path} search={loaderData.search} view={page.view} items={page.items} next={page.next} week={page.week} />
      <p className="utrecht-paragraph calendar-feed">
        <a className="utrecht-link" href={feed}>
          {t("calendar.feed.subscribe")}
        </a>
        <br />
        {t("calendar.feed.hint")}
      </p>
    </div>
  );
}
