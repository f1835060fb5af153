import { redirect } from "react-router";
import { isLocale } from "~/lib/i18n";
import { localeCookie } from "~/features/accounts/locale.server";
import { safeRedirectPath } from "~/lib/http.server";
import type { Route } from "./+types/language";

/** The language switch: a plain link, so it works without JavaScript. */
export async function loader({ params, request }: Route.LoaderArgs) {
  const locale = isLocale(params.locale) ? params.locale : "nl";
  const back = safeRedirectPath(new URL(request.url).searchParams.get("terug"));
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}
