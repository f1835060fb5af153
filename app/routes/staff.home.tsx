import { Link } from "react-router";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffOverview } from "~/features/municipalities/reads.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { StaffPageHeader } from "~/components/staff-nav";
import { isMessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff.home";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "municipality.view_staff_area");
  const { t } = await getTranslator(request);
  const roles = user.actor.memberships
    .filter((m) => m.municipalityId === municipality.id || m.role === "network_coordinator")
    .map((m) => m.role);
  return {
    ...staffPageData(user, municipality),
    name: municipality.name,
    slug: municipality.slug,
    roles: [...new Set(roles)],
    overview: await staffOverview(municipality.id),
    title: `${t("staff.home.title", { name: municipality.name })} — Buurtkracht`,
  };
}

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
