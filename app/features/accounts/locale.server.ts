import { getCurrentUser } from "./session.server";
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translate } from "~/lib/i18n";

export const LOCALE_COOKIE = "buurtkracht_lang";

function cookieLocale(request: Request): Locale | null {
  const match = request.headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(nl|en)`));
  return match && isLocale(match[1]) ? match[1] : null;
}

/** The language of this request: the language switch (cookie), then the profile, then Dutch. */
export async function getLocale(request: Request): Promise<Locale> {
  const fromCookie = cookieLocale(request);
  if (fromCookie) return fromCookie;
  const user = await getCurrentUser(request);
  return user?.locale ?? DEFAULT_LOCALE;
}

export async function getTranslator(request: Request): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale(request);
  return { locale, t: translator(locale) };
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
