import { getCurrentUser, needsTwoFactorSetup } from "~/features/accounts/session.server";
import { staffNavigation, type NavigationItem } from "~/features/authorization/navigation.server";
import { getLocale } from "~/features/accounts/locale.server";
import type { Locale } from "~/lib/i18n";

export interface RootData {
  locale: Locale;
  user: { name: string; email: string; needsTwoFactor: boolean } | null;
  navigation: NavigationItem[];
}

export async function loadRootData(request: Request): Promise<RootData> {
  const [locale, user] = await Promise.all([getLocale(request), getCurrentUser(request)]);
  return {
    locale,
    user: user ? { name: user.name, email: user.email, needsTwoFactor: needsTwoFactorSetup(user) } : null,
    navigation: user ? await staffNavigation(user.actor) : [],
  };
}
