import { data, redirect } from "react-router";
import { auth } from "~/features/accounts/auth.server";
import { forwardedCookies } from "~/features/accounts/auth-response.server";
import { findAccountByEmail, findMagicLinkEmail, maySignInWithLink } from "~/features/accounts/reads.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { discardMagicLink } from "~/features/accounts/writes.server";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/api.auth";

/**
 * better-auth's HTTP endpoints, limited to the links in our emails. Signing in, signing up and
 * every other change go through the product's own forms (throttled, translated, without
 * JavaScript); better-auth's JSON endpoints for those are not reachable from outside. People open
 * these links in a browser, so what is not a redirect (unknown paths, the rate limiter's 429)
 * is answered with the site's own error page in their language, not with better-auth's JSON.
 */
export const handle = { hydrate: false };

const LINK_PATHS = [/^\/api\/auth\/verify-email$/, /^\/api\/auth\/magic-link\/verify$/, /^\/api\/auth\/reset-password\/[A-Za-z0-9_-]{1,200}$/];

function errorPage(status: number): never {
  throw data(null, { status });
}

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!LINK_PATHS.some((path) => path.test(url.pathname))) errorPage(404);
  if (url.pathname === "/api/auth/magic-link/verify") {
    // A link made before its account switched two-factor sign-in on (or got a staff role) must not skip the code.
    const token = url.searchParams.get("token") ?? "";
    const email = token ? await findMagicLinkEmail(token) : null;
    const account = email ? await findAccountByEmail(email) : null;
    if (account && !maySignInWithLink(account)) {
      await discardMagicLink(token);
      return new Response(null, { status: 302, headers: { Location: "/inloggen/link?link=tweestaps" } });
    }
  }
  const response = await auth().handler(request);
  if (response.status >= 300 && response.status < 400) return response;
  // Every link carries a callbackURL, so success is a redirect; without one, go to the account.
  if (response.ok) throw redirect("/account", { headers: forwardedCookies(response) });
  if (response.status !== 429) errorPage(response.status);
  const { t } = await getTranslator(request);
  // better-auth's limiter says how long to wait in its own header; browsers and clients read Retry-After.
  const retryAfter = response.headers.get("x-retry-after") ?? "60";
  return data({ title: `${t("rateLimit.title")} — Buurtkracht` }, { status: 429, headers: { "Retry-After": retryAfter } });
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action() {
  errorPage(404);
}

/** Shown only when the link was opened too often from this address; every other answer is a redirect or the error page. */
export default function RateLimited() {
  const { t } = useTranslation();
  return (
    <div className="page-narrow">
      <PageTitle>{t("rateLimit.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("rateLimit.body")}</p>
    </div>
  );
}
