import type { ReactNode } from "react";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import utrechtCss from "@utrecht/component-library-css/dist/index.css?url";
import themeCss from "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css?url";
import appCss from "~/styles/app.css?url";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import { useNonce } from "~/lib/csp-nonce";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/root";
import { loadRootData } from "./root.server";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: themeCss },
  { rel: "stylesheet", href: utrechtCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: Route.LoaderArgs) {
  return loadRootData(request);
}

/** Route modules set `handle: { hydrate: false }` for pages that need no client JavaScript. */
export interface RouteHandle {
  hydrate?: boolean;
}

function useHydrate(): boolean {
  return useMatches().every((match) => (match.handle as RouteHandle | undefined)?.hydrate !== false);
}

export function Layout({ children }: { children: ReactNode }) {
  const { locale } = useTranslation();
  const hydrate = useHydrate();
  const nonce = useNonce();
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links nonce={nonce} />
      </head>
      <body className="voorbeeld-theme utrecht-document utrecht-page-body">
        {children}
        {hydrate && <ScrollRestoration nonce={nonce} />}
        {hydrate && <Scripts nonce={nonce} />}
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Chrome>
      <Outlet />
    </Chrome>
  );
}

function Chrome({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const embedded = useMatches().some((match) => (match.handle as { embed?: boolean } | undefined)?.embed);
  if (embedded) return <main id="main">{children}</main>;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <SiteHeader />
      <main id="main" className="utrecht-page-content page-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const rootData = useRouteLoaderData("root");
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : status === 429
          ? [t("rateLimit.title"), t("rateLimit.body")]
          : [t("error.generic.title"), t("error.generic.body")];
  const content = (
    <div className="page-narrow" data-status={status} data-path={location.pathname}>
      <title>{`${title} — Buurtkracht`}</title>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{body}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
  if (!rootData) {
    return <main id="main">{content}</main>;
  }
  return <Chrome>{content}</Chrome>;
}
