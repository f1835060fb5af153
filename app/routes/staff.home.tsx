import { Link } from "react-router";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffOverview } from "~/features/municipalities/reads.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { alertView, PracticeAlertList } from "~/features/practice/components/practice-alerts";
import { alertsFor, listPracticeAlerts, logAlertViews } from "~/features/practice/alerts.server";
import pipelineCss from "~/styles/pipeline.css?url";
import { isMessageKey } from "~/lib/i18n";
import { canInMunicipality } from "~/features/authorization/policy";
import { listReviewQueue } from "~/features/organisers/reads.server";
import { staffOrganisersPath } from "~/features/organisers/urls";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff.home";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "municipality.view_staff_area");
  const { t } = await getTranslator(request);
  const roles = user.actor.memberships
    .filter((m) => m.municipalityId === municipality.id || m.role === "network_coordinator")
    .map((m) => m.role);
  // The practice alerts are the project leader's (all) and a supervisor's (their own placements').
  const seesAlerts = roles.includes("project_leader") || roles.includes("practice_supervisor");
  const alerts = seesAlerts ? alertsFor(user.actor, municipality.id, await listPracticeAlerts(municipality.id)) : [];
  await logAlertViews(user.actor, municipality.id, alerts);
  return {
    ...staffPageData(user, municipality),
    alerts: seesAlerts
      ? alerts.map((alert) => alertView(alert, municipality.slug))
      : null,
    name: municipality.name,
    slug: municipality.slug,
    roles: [...new Set(roles)],
    overview: await staffOverview(municipality.id),
    // Residents' plans this coach may review (project leader, course leader, the organiser's supervisor).
    plansWaiting: canInMunicipality(user.actor, "organisers.review", municipality.id) ? (await listReviewQueue(user.actor, municipality.id)).length : null,
    title: `${t("staff.home.title", { name: municipality.name })} — Buurtkracht`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: pipelineCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export default function StaffHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { sections, overview } = loaderData;
  const counts: Record<string, number> = {
    [`/beheer/${loaderData.slug}/wijken`]: overview.neighbourhoods,
    [`/beheer/${loaderData.slug}/partners`]: overview.partners,
    [`/beheer/${loaderData.slug}/team`]: overview.team,
  };
  return (
    <>
      <StaffPageHeader title={t("staff.home.title", { name: loaderData.name })} sections={sections} />
      <p className="utrecht-paragraph">
        {t("staff.home.yourRoles")} {loaderData.roles.map((role) => t(`role.${role}`)).join(", ")}
      </p>
      {loaderData.alerts && (
        <section aria-labelledby="signalen">
          <h2 id="signalen" className="utrecht-heading-2">
            {t("pipeline.alerts.title")}
          </h2>
          <PracticeAlertList alerts={loaderData.alerts} />
        </section>
      )}
      {loaderData.plansWaiting !== null && loaderData.plansWaiting > 0 && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={staffOrganisersPath(loaderData.slug, "beoordelen")}>
            {t("organisers.staff.homeWaiting", { count: loaderData.plansWaiting })}
          </Link>
        </p>
      )}
      <ul className="card-list">
        {sections.slice(1).map((section) => (
          <li key={section.href} className="card">
            <h2 className="utrecht-heading-3">
              <Link className="utrecht-link" to={section.href}>
                {isMessageKey(section.label) ? t(section.label) : section.label}
              </Link>
            </h2>
            {counts[section.href] !== undefined && (
              <p className="utrecht-paragraph">{t("staff.home.count", { count: counts[section.href]! })}</p>
            )}
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/${loaderData.slug}`}>
          {t("staff.home.publicPage")}
        </Link>
      </p>
    </>
  );
}
