import { Link } from "react-router";
import { openPublicMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { listNeighbourhoods, listPartnerOrganisations } from "~/features/municipalities/reads.server";
import { listOpenCohorts } from "~/features/training/cohorts-reads.server";
import { publicTeamPath } from "~/features/organisers/urls";
import { listPublicTeams } from "~/features/teams/reads.server";
import { cohortApplicationPath } from "~/features/training/cohorts-urls";
import { ButtonLink, PageTitle } from "~/components/ui";
import { municipalityThemeStyle } from "~/components/municipality-theme";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone, zonedLocalToUtc } from "~/lib/time";
import type { Route } from "./+types/municipality";
import { publicPageHeaders } from "~/lib/http.server";

export const handle = { hydrate: false };
export const headers = publicPageHeaders;

export async function loader({ request, params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipality(params.slug);
  const [{ t, locale }, neighbourhoods, partners, openCohorts, teams] = await Promise.all([
    getTranslator(request),
    listNeighbourhoods(municipality.id),
    listPartnerOrganisations(municipality.id),
    listOpenCohorts(municipality.id),
    listPublicTeams(municipality.id),
  ]);
  const day = (date: string) => formatInZone(zonedLocalToUtc(date, "12:00")!, locale, { dateStyle: "long" });
  return {
    description: t("municipality.meta.description", { name: municipality.name }),
    municipality: {
      slug: municipality.slug,
      name: municipality.name,
      themeColour: municipality.themeColour,
      logoPath: municipality.logoPath,
      introduction: municipality.introduction,
    },
    // Read by the site header, which then takes the municipality's colour and logo.
    municipalityTheme: {
      name: municipality.name,
      slug: municipality.slug,
      themeColour: municipality.themeColour,
      logoPath: municipality.logoPath,
    },
    neighbourhoods: neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
    // Public page: partners' names, kinds and websites only (their email addresses are for staff).
    partners: partners.map((p) => ({ id: p.id, name: p.name, kind: p.kind, website: p.website })),
    // Resident teams whose key figures made their page public.
    teams: teams.map((team) => ({ id: team.id, name: team.name, neighbourhood: team.neighbourhoodName, isJunior: team.isJunior, path: publicTeamPath(municipality.slug, team.id) })),
    // "Citytrainer worden": the cohorts open for applications today, each with its application form.
    openCohorts: openCohorts.map((c) => ({
      id: c.id,
      name: c.name,
      trackName: c.trackName,
      location: c.location,
      startsOn: day(c.startsOn),
      closesOn: day(c.applicationsCloseOn),
      places: t("municipality.cohorts.placesValue", { left: c.placesLeft, max: c.maxSize }),
      ages:
        c.maxAge === null
          ? t("municipality.cohorts.agesFrom", { min: c.minAge })
          : t("municipality.cohorts.agesRange", { min: c.minAge, max: c.maxAge }),
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [{ title: `${loaderData.municipality.name} — Buurtkracht` }, { name: "description", content: loaderData.description }]
    : [{ title: "Buurtkracht" }];

export default function MunicipalityPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { municipality, neighbourhoods, partners, openCohorts, teams } = loaderData;
  return (
    <div style={municipalityThemeStyle(municipality.themeColour)} className="municipality-page">
      <div className="municipality-hero">
        {municipality.logoPath && (
          <img className="municipality-hero__logo" src={`/uploads/${municipality.logoPath}`} alt={t("municipality.logoAlt", { name: municipality.name })} />
        )}
        <div>
          <PageTitle>{t("municipality.welcome", { name: municipality.name })}</PageTitle>
          {municipality.introduction && <p className="utrecht-paragraph utrecht-paragraph--lead municipality-intro">{municipality.introduction}</p>}
          <p className="utrecht-paragraph">
            <ButtonLink to={`/${municipality.slug}/activiteiten`} appearance="primary">
              {t("calendar.title.municipality", { name: municipality.name })}
            </ButtonLink>
          </p>
        </div>
      </div>
      {openCohorts.length > 0 && (
        <section className="page-section" aria-labelledby="cohorts-heading">
          <h2 className="utrecht-heading-2" id="cohorts-heading">
            {t("municipality.cohorts.title")}
          </h2>
          <p className="utrecht-paragraph">{t("municipality.cohorts.intro")}</p>
          <ul className="card-list">
            {openCohorts.map((cohort) => (
              <li key={cohort.id} className="card card--accent">
                <h3 className="utrecht-heading-3">{cohort.name}</h3>
                <dl className="facts">
                  <dt>{t("municipality.cohorts.track")}</dt>
                  <dd>{cohort.trackName}</dd>
                  <dt>{t("municipality.cohorts.ages")}</dt>
                  <dd>{cohort.ages}</dd>
                  <dt>{t("municipality.cohorts.place")}</dt>
                  <dd>{cohort.location}</dd>
                  <dt>{t("municipality.cohorts.firstDay")}</dt>
                  <dd>{cohort.startsOn}</dd>
                  <dt>{t("municipality.cohorts.places")}</dt>
                  <dd>{cohort.places}</dd>
                </dl>
                <p className="utrecht-paragraph">{t("municipality.cohorts.closesOn", { date: cohort.closesOn })}</p>
                <p className="utrecht-paragraph">
                  <ButtonLink to={cohortApplicationPath(municipality.slug, cohort.id)} appearance="primary">
                    {t("municipality.cohorts.apply")}
                    <span className="visually-hidden"> {cohort.name}</span>
                  </ButtonLink>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {neighbourhoods.length > 0 && (
        <section className="page-section" aria-labelledby="neighbourhoods-heading">
          <h2 className="utrecht-heading-2" id="neighbourhoods-heading">
            {t("municipality.neighbourhoods")}
          </h2>
          <p className="utrecht-paragraph">{t("municipality.neighbourhoodsIntro")}</p>
          <ul className="tag-list">
            {neighbourhoods.map((neighbourhood) => (
              <li key={neighbourhood.id}>
                <Link className="utrecht-link tag-list__link" to={`/${municipality.slug}/activiteiten?wijk=${neighbourhood.id}`}>
                  {neighbourhood.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {teams.length > 0 && (
        <section className="page-section" aria-labelledby="teams-heading">
          <h2 className="utrecht-heading-2" id="teams-heading">
            {t("teams.municipality.title")}
          </h2>
          <ul className="utrecht-unordered-list">
            {teams.map((team) => (
              <li key={team.id} className="utrecht-unordered-list__item">
                <Link className="utrecht-link" to={team.path}>
                  {team.name}
                </Link>
                {[team.neighbourhood, team.isJunior ? t("teams.junior") : null].filter(Boolean).map((part) => ` · ${part}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {partners.length > 0 && (
        <section className="page-section" aria-labelledby="partners-heading">
          <h2 className="utrecht-heading-2" id="partners-heading">
            {t("municipality.partners")}
          </h2>
          <p className="utrecht-paragraph">{t("municipality.partnersIntro", { name: municipality.name })}</p>
          <ul className="card-list">
            {partners.map((partner) => (
              <li key={partner.id} className="card card--accent">
                <h3 className="utrecht-heading-3">{partner.name}</h3>
                <p className="utrecht-paragraph">{t(`partnerKind.${partner.kind}`)}</p>
                {partner.website && (
                  <p className="utrecht-paragraph">
                    <a className="utrecht-link" href={partner.website} rel="noopener noreferrer">
                      {t("municipality.partnerWebsite")}
                      <span className="visually-hidden"> {partner.name}</span>
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
