import { openPublicMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { CalendarBody, FilterForm } from "~/features/calendar/calendar-view";
import { loadCalendarPage } from "~/features/calendar/page.server";
import { readCalendarPageQuery } from "~/features/calendar/schema";
import { listMunicipalities } from "~/features/municipalities/reads.server";
import { PageTitle } from "~/components/ui";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/calendar";
import { publicPageHeaders } from "~/lib/http.server";

export const handle = { hydrate: false };
export const headers = publicPageHeaders;

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

/** The national calendar: published activities of every municipality, or of the one chosen. */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const parsed = readCalendarPageQuery(url.searchParams);
  // Neighbourhoods belong to one municipality, so this page filters by municipality instead.
  const query = { ...parsed, filters: { ...parsed.filters, neighbourhoodId: undefined } };
  const municipality = query.municipality ? await openPublicMunicipality(query.municipality) : null;
  const [{ t }, municipalities, page] = await Promise.all([
    getTranslator(request),
    listMunicipalities(),
    loadCalendarPage(municipality?.id ?? null, query),
  ]);
  return {
    title: t("calendar.title.network"),
    description: t("calendar.intro"),
    metaDescription: t("calendar.meta.network"),
    municipalities: municipalities.map((m) => ({ slug: m.slug, name: m.name })),
    municipality: municipality?.slug,
    filters: query.filters,
    search: url.search,
    page,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [{ title: `${loaderData.title} — Buurtkracht` }, { name: "description", content: loaderData.metaDescription }]
    : [{ title: "Buurtkracht" }];

export default function NetworkCalendarPage({ loaderData }: Route.ComponentProps) {
  const { page } = loaderData;
  return (
    <>
      <PageTitle>{loaderData.title}</PageTitle>
      <p className="utrecht-paragraph">{loaderData.description}</p>
      <FilterForm
        path="/activiteiten"
        filters={loaderData.filters}
        view={page.view}
        week={page.week?.id}
        municipalities={loaderData.municipalities}
        municipality={loaderData.municipality}
      />
      <CalendarBody
        path="/activiteiten"
        search={loaderData.search}
        view={page.view}
        items={page.items}
        next={page.next}
        week={page.week}
        options={{ showMunicipality: true }}
      />
    </>
  );
}
