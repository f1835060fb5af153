import { openPublicMunicipality } from "~/features/authorization/gate.server";
import { PageTitle } from "~/components/ui";
import { MunicipalityBanner, municipalityThemeStyle } from "~/components/municipality-theme";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/municipality";

export const handle = { hydrate: false };

export async function loader({ params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipality(params.slug);
  return { municipality: { slug: municipality.slug, name: municipality.name, themeColour: municipality.themeColour, logoPath: municipality.logoPath, introduction: municipality.introduction } };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData ? `${loaderData.municipality.name} — Buurtkracht` : "Buurtkracht" }];

export default function MunicipalityPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { municipality } = loaderData;
  return (
    <div style={municipalityThemeStyle(municipality.themeColour)}>
      <MunicipalityBanner municipality={municipality} />
      <PageTitle>{t("municipality.welcome", { name: municipality.name })}</PageTitle>
      {municipality.introduction && <p className="utrecht-paragraph">{municipality.introduction}</p>}
    </div>
  );
}
