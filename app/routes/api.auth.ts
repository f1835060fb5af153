import { auth } from "~/features/accounts/auth.server";
import { findAccountByEmail, findMagicLinkEmail, maySignInWithLink } from "~/features/accounts/reads.server";
import { discardMagicLink } from "~/features/accounts/writes.server";
import type { Route } from "./+types/api.auth";

/**
 * better-auth's HTTP endpoints, limited to the links in our emails. Signing in, signing up and
 * every other change go through the product's own forms (throttled, translated, without
 * JavaScript); better-auth's JSON endpoints for those are not reachable from outside.
 */
const LINK_PATHS = [/^\/api\/auth\/verify-email$/, /^\/api\/auth\/magic-link\/verify$/, /^\/api\/auth\/reset-password\/[A-Za-z0-9_-]{1,200}$/];

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!LINK_PATHS.some((path) => path.test(url.pathname))) return notFound();
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
  return auth().handler(request);
}

export async function action() {
  return notFound();
}
