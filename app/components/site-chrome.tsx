import { Form, Link, useLocation, useRouteLoaderData } from "react-router";
import { isMessageKey, LOCALES } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { RootData } from "~/root.server";
import { municipalityThemeStyle, useMunicipalityTheme } from "./municipality-theme";

export function LanguageSwitch() {
  const { t, locale } = useTranslation();
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <nav className="language-switch" aria-label={t("language.switch")}>
      <ul>
        {LOCALES.map((option) => (
          <li key={option}>
            {option === locale ? (
              <span aria-current="true" lang={option}>
                {t(`language.${option}`)}
              </span>
            ) : (
              <a className="utrecht-link" href={`/taal/${option}?terug=${back}`} hrefLang={option} lang={option}>
                {t(`language.${option}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const root = useRouteLoaderData("root") as RootData | undefined;
  const user = root?.user ?? null;
  // On a municipality's pages the header takes its colour and shows its logo and name.
  const theme = useMunicipalityTheme();
  return (
    <header className="utrecht-page-header site-header" style={theme ? municipalityThemeStyle(theme.themeColour) : undefined}>
      <div className="site-header__bar">
        <Link to="/" className="site-logo">
          <span className="site-logo__mark" aria-hidden="true">
            ◆
          </span>{" "}
          {t("app.name")}
        </Link>
        {theme && (
          <Link to={`/${theme.slug}`} className="site-header__municipality">
            {theme.logoPath && <img src={`/uploads/${theme.logoPath}`} alt="" />}
            <span>{theme.name}</span>
          </Link>
        )}
        <LanguageSwitch />
      </div>
      <nav className="site-nav" aria-label={t("nav.main")}>
        <ul>
          <li>
            <Link className="utrecht-link" to="/activiteiten">
              {t("nav.calendar")}
            </Link>
          </li>
          {(root?.navigation ?? []).map((item) => (
            <li key={item.href}>
              <Link className="utrecht-link" to={item.href}>
                {item.literal || !isMessageKey(item.label) ? item.label : t(item.label)}
              </Link>
            </li>
          ))}
          {user ? (
            <>
              <li>
                <Link className="utrecht-link" to="/account/aanmeldingen">
                  {t("nav.myRegistrations")}
                </Link>
              </li>
              <li>
                <Link className="utrecht-link" to="/account">
                  {t("nav.account")}
                </Link>
              </li>
              <li>
                <Form method="post" action="/uitloggen" className="inline-form">
                  <button type="submit" className="utrecht-button utrecht-button--subtle-action link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </li>
            </>
          ) : (
            <>
              <li>
                <Link className="utrecht-link" to="/inloggen">
                  {t("nav.signIn")}
                </Link>
              </li>
              <li>
                <Link className="utrecht-link" to="/registreren">
                  {t("nav.signUp")}
                </Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="utrecht-page-footer site-footer">
      <ul>
        <li>
          <a className="utrecht-link" href="/.well-known/security.txt">
            {t("footer.security")}
          </a>
        </li>
        <li>
          <a className="utrecht-link" href="/api/v1/openapi.json">
            {t("footer.api")}
          </a>
        </li>
        <li>{t("footer.licence")}</li>
      </ul>
    </footer>
  );
}
