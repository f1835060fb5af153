import { publicActivityPath } from "~/features/activities/urls";
import { notFound, openPublicMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { findPublicTeam } from "~/features/teams/reads.server";
import { municipalityThemeStyle } from "~/components/municipality-theme";
import { PageTitle } from "~/components/ui";
import { publicPageHeaders } from "~/lib/http.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import { Link } from "react-router";
import type { Route } from "./+types/public-team";

export const handle = { hydrate: false };
export const headers = publicPageHeaders;

/**
 * A team's public page, when its key figures made it public: what the team did (agreed points it
 * carried out, its activities, the people it reached) and who is in it — by first name only, and
 * only members the platform knows to be 16 or older; the others are counted, never named.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipality(params.slug);
  const found = await findPublicTeam(municipality.id, params.teamId);
  if (!found) throw notFound();
  const { t, locale } = await getTranslator(request);
  return {
    title: `${found.team.name} — ${municipality.name}`,
    description: t("teams.public.metaDescription", { team: found.team.name, municipality: municipality.name }),
    municipalityTheme: { name: municipality.name, slug: municipality.slug, themeColour: municipality.themeColour, logoPath: municipality.logoPath },
    slug: municipality.slug,
    themeColour: municipality.themeColour,
    team: { name: found.team.name, description: found.team.description, neighbourhood: found.team.neighbourhoodName, isJunior: found.team.isJunior },
    firstNames: found.firstNames,
    othersCount: found.othersCount,
    done: found.donePoints.map((p) => ({ id: p.id, what: p.what })),
    activities: found.activities.map((a) => ({ id: a.id, title: a.title, when: formatInZone(a.startsAt, locale, { dateStyle: "long" }) })),
    reached: found.reached,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? [{ title: loaderData.title }, { name: "description", content: loaderData.description }] : [{ title: "Buurtkracht" }];

export default function PublicTeam({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { team } = loaderData;
  return (
    <div style={municipalityThemeStyle(loaderData.themeColour)} className="municipality-page">
      <PageTitle>{team.name}</PageTitle>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {team.isJunior ? t("teams.public.leadJunior", { neighbourhood: team.neighbourhood ?? "" }) : t("teams.public.lead", { neighbourhood: team.neighbourhood ?? "" })}
      </p>
      {team.description && <p className="utrecht-paragraph plan-text">{team.description}</p>}
      <p className="utrecht-paragraph">{t("teams.activities.reached", { count: loaderData.reached })}</p>
      <section className="page-section" aria-labelledby="done-heading">
        <h2 className="utrecht-heading-2" id="done-heading">
          {t("teams.public.doneTitle")}
        </h2>
        {loaderData.done.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.public.noneDone")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.done.map((p) => (
              <li key={p.id} className="utrecht-unordered-list__item">
                {p.what}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="page-section" aria-labelledby="activities-heading">
        <h2 className="utrecht-heading-2" id="activities-heading">
          {t("teams.activities.title")}
        </h2>
        {loaderData.activities.length === 0 ? (
          <p className="utrecht-paragraph">{t("teams.activities.none")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.activities.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item">
                <Link className="utrecht-link" to={publicActivityPath(loaderData.slug, a.id)}>
                  {a.title}
                </Link>{" "}
                — {a.when}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="page-section" aria-labelledby="who-heading">
        <h2 className="utrecht-heading-2" id="who-heading">
          {t("teams.public.whoTitle")}
        </h2>
        <p className="utrecht-paragraph">
          {loaderData.firstNames.length > 0
            ? loaderData.othersCount > 0
              ? t("teams.public.namesAndOthers", { names: loaderData.firstNames.join(", "), count: loaderData.othersCount })
              : t("teams.public.names", { names: loaderData.firstNames.join(", ") })
            : t("teams.public.onlyCount", { count: loaderData.othersCount })}
        </p>
      </section>
    </div>
  );
}
