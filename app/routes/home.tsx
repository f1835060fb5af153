import { Link } from "react-router";
import { listMunicipalities } from "~/features/municipalities/reads.server";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { getTranslator } from "~/features/accounts/locale.server";
import type { Route } from "./+types/home";
import { publicPageHeaders } from "~/lib/http.server";

export const handle = { hydrate: false };
export const headers = publicPageHeaders;

export async function loader({ request }: Route.LoaderArgs) {
  const { t } = await getTranslator(request);
  return { municipalities: await listMunicipalities(), title: `${t("app.name")} — ${t("app.tagline")}`, description: t("home.meta.description") };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? [{ title: loaderData.title }, { name: "description", content: loaderData.description }] : [{ title: "Buurtkracht" }];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("app.name")}</PageTitle>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t("home.intro")}</p>
      <h2 className="utrecht-heading-2">{t("home.municipalities")}</h2>
      <ul className="card-list">
        {loaderData.municipalities.map((m) => (
          <li key={m.id} className="card" style={{ borderTop: `6px solid ${m.themeColour}` }}>
            <h3 className="utrecht-heading-3">
              <Link className="utrecht-link" to={`/${m.slug}`}>
                {m.name}
              </Link>
            </h3>
          </li>
        ))}
      </ul>
    </>
  );
}
