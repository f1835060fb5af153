import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { formatEuros } from "~/features/budgets/money";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { ACTIVE_MONTHS, loadNeighbourhoodOverview, type NeighbourhoodOverview } from "~/features/organisers/overview-reads.server";
import { staffBudgetsPath, staffOrganisersPath, staffTeamsPath } from "~/features/organisers/urls";
import { listTeamsForOverview } from "~/features/teams/reads.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-overview";

/**
 * "Wijkoverzicht": per neighbourhood, the residents who organise, the teams, the plans waiting for
 * review, the budget pots, the residents recruited through invite links, and what needs attention.
 * Counts only; the linked pages show the people (and log views of minors there).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "organisers.view_overview");
  const { t } = await getTranslator(request);
  const [neighbourhoods, teams] = await Promise.all([loadNeighbourhoodOverview(municipality.id), listTeamsForOverview(municipality.id)]);
  // Teams whose work rests on one member (teams/one-person.ts), by neighbourhood: named here, the team page says who.
  const restingOnOne = (neighbourhoodId: string | null) =>
    teams.filter((team) => team.status === "active" && team.flags.length > 0 && team.neighbourhoodId === neighbourhoodId).map((team) => ({ id: team.id, name: team.name }));
  return {
    ...staffPageData(user, municipality),
    slug: municipality.slug,
    activeMonths: ACTIVE_MONTHS,
    neighbourhoods: neighbourhoods.map((row) => {
      const fragileTeams = restingOnOne(row.neighbourhoodId);
      return { ...row, fragileTeams, flags: flagsOf(row, fragileTeams.length > 0) };
    }),
    title: `${t("organisers.overview.title")} — ${municipality.name}`,
  };
}

type Flag = "noOrganiser" | "potNearlyExhausted" | "waitingForReview" | "teamToConfirm" | "restingOnOne";

/** What the project leader should look at in a neighbourhood, most pressing first. */
function flagsOf(row: NeighbourhoodOverview, hasTeamRestingOnOne: boolean): Flag[] {
  const flags: Flag[] = [];
  if (hasTeamRestingOnOne) flags.push("restingOnOne");
  if (row.inReview > 0) flags.push("waitingForReview");
  if (row.proposedTeams > 0) flags.push("teamToConfirm");
  if (row.pots.some((pot) => pot.isNearlyExhausted)) flags.push("potNearlyExhausted");
  if (row.neighbourhoodId !== null && row.activeOrganisers === 0 && row.activeTeams === 0) flags.push("noOrganiser");
  return flags;
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function NeighbourhoodOverviewPage({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { slug } = loaderData;
  const euro = (cents: number) => formatEuros(cents, locale);
  return (
    <>
      <StaffPageHeader title={t("organisers.overview.title")} sections={loaderData.sections} />
      <p className="utrecht-paragraph">{t("organisers.overview.intro", { months: loaderData.activeMonths })}</p>
      {loaderData.neighbourhoods.length === 0 ? (
        <p className="utrecht-paragraph">{t("organisers.overview.empty")}</p>
      ) : (
        <ul className="neighbourhood-overview">
          {loaderData.neighbourhoods.map((row) => {
            const headingId = `wijk-${row.neighbourhoodId ?? "overig"}`;
            return (
              <li key={row.neighbourhoodId ?? "rest"} className="neighbourhood-overview__item">
                <section aria-labelledby={headingId}>
                  <h2 id={headingId} className="utrecht-heading-3">
                    {row.name ?? t("organisers.overview.noNeighbourhood")}
                  </h2>
                  {row.flags.length > 0 && (
                    <ul className="neighbourhood-overview__flags" aria-label={t("organisers.overview.flags")}>
                      {row.flags.map((flag) => (
                        <li key={flag}>{t(`organisers.overview.flag.${flag}`)}</li>
                      ))}
                    </ul>
                  )}
                  <dl className="neighbourhood-overview__figures">
                    <div>
                      <dt>{t("organisers.overview.activeOrganisers")}</dt>
                      <dd>{row.activeOrganisers}</dd>
                    </div>
                    <div>
                      <dt>{t("organisers.overview.activeTeams")}</dt>
                      <dd>{row.proposedTeams > 0 ? `${row.activeTeams} ${t("organisers.overview.proposedTeams", { count: row.proposedTeams })}` : row.activeTeams}</dd>
                    </div>
                    <div>
                      <dt>{t("organisers.overview.inReview")}</dt>
                      <dd>{row.inReview}</dd>
                    </div>
                    <div>
                      <dt>{t("organisers.overview.organised")}</dt>
                      <dd>{row.organised}</dd>
                    </div>
                    <div>
                      <dt>{t("organisers.overview.recruited")}</dt>
                      <dd>{row.recruited}</dd>
                    </div>
                    <div>
                      <dt>{t("organisers.overview.recruitedNew")}</dt>
                      <dd>{row.recruitedNew}</dd>
                    </div>
                  </dl>
                  {row.fragileTeams.length > 0 && (
                    <ul className="neighbourhood-overview__pots" aria-label={t("organisers.overview.fragileTeams")}>
                      {row.fragileTeams.map((team) => (
                        <li key={team.id}>
                          <Link className="utrecht-link" to={staffTeamsPath(slug, team.id)}>
                            {t("organisers.overview.fragileTeam", { name: team.name })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                  {row.pots.length > 0 && (
                    <ul className="neighbourhood-overview__pots" aria-label={t("organisers.overview.pots")}>
                      {row.pots.map((pot) => (
                        <li key={pot.id}>
                          <Link className="utrecht-link" to={staffBudgetsPath(slug, pot.id)}>
                            {pot.name}
                          </Link>
                          {": "}
                          {t("organisers.overview.potValue", { available: euro(pot.availableCents), amount: euro(pot.amountCents) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </li>
            );
          })}
        </ul>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link link-block" to={staffOrganisersPath(slug, "beoordelen")}>
          {t("organisers.overview.toReview")}
        </Link>{" "}
        <Link className="utrecht-link link-block" to={staffTeamsPath(slug)}>
          {t("organisers.overview.toTeams")}
        </Link>{" "}
        <Link className="utrecht-link link-block" to={staffBudgetsPath(slug)}>
          {t("organisers.overview.toBudgets")}
        </Link>
      </p>
    </>
  );
}
