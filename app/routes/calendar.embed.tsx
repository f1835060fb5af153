import { openPublicMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { ActivityList } from "~/features/calendar/calendar-view";
import { toCalendarItem } from "~/features/calendar/page.server";
import { listUpcomingActivities } from "~/features/calendar/reads.server";
import { municipalityThemeStyle } from "~/components/municipality-theme";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/calendar.embed";
import { publicPageHeaders } from "~/lib/http.server";

/** For an iframe on another site: no site header or footer, no JavaScript, links open outside the frame. */
export const handle = { embed: true, hydrate: false };
export const headers = publicPageHeaders;

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

const EMBED_SIZE = 20;

export async function loader({ request, params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipality(params.slug);
  const [{ t }, page] = await Promise.all([getTranslator(request), listUpcomingActivities(municipality.id, {}, { limit: EMBED_SIZE })]);
  return {
    municipality: { slug: municipality.slug, name: municipality.name, themeColour: municipality.themeColour },
    title: t("embed.title", { name: municipality.name }),
    description: t("embed.meta.description", { name: municipality.name }),
    more: t("embed.more", { name: municipality.name }),
    newTab: t("embed.newTab"),
    items: page.items.map((item) => toCalendarItem(item)),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? [{ title: loaderData.title }, { name: "description", content: loaderData.description }] : [{ title: "Buurtkracht" }];

export default function EmbedPage({ loaderData }: Route.ComponentProps) {
  const { municipality } = loaderData;
  return (
    <div className="embed-page" style={municipalityThemeStyle(municipality.themeColour)}>
      <h1 className="utrecht-heading-1 embed-title">{loaderData.title}</h1>
      <ActivityList items={loaderData.items} options={{ newTab: true }} />
      <p className="utrecht-paragraph page-link">
        <a className="utrecht-link" href={`/${municipality.slug}/activiteiten`} target="_blank" rel="noopener noreferrer">
          {loaderData.more}
          <span className="visually-hidden"> {loaderData.newTab}</span>
        </a>
      </p>
    </div>
  );
}
