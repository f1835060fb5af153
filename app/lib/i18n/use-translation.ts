import { useRouteLoaderData } from "react-router";
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from "./index";

/** The translate function for the language of the current page (set by the root loader). */
export function useTranslation(): { locale: Locale; t: Translate } {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return { locale, t: translator(locale) };
}
