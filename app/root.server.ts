import { getCurrentUser, needsTwoFactorSetup } from "~/features/accounts/session.server";
import { staffNavigation, type NavigationItem } from "~/features/authorization/navigation.server";
import { getLocale } from "~/features/accounts/locale.server";
import { hasOwnCourse } from "~/features/training/course-reads.server";
import { hasOwnPlacement } from "~/features/practice/placements-reads.server";
import { hasOwnOrganising } from "~/features/organisers/reads.server";
import { OWN_ORGANISING_PATHS } from "~/features/organisers/urls";
import type { Locale, MessageKey } from "~/lib/i18n";

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
    navigation: user ? await navigationFor(user) : [],
  };
}

/** A trainee's "Mijn cursus" (and "Mijn praktijk" once there is a placement, "Mijn activiteiten" for an organiser) first, then the staff links their roles allow. */
async function navigationFor(user: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>): Promise<NavigationItem[]> {
  const [trainee, practice, organising, staff] = await Promise.all([hasOwnCourse(user.id), hasOwnPlacement(user.id), hasOwnOrganising(user.id), staffNavigation(user.actor)]);
  return [
    ...(trainee ? [{ href: "/mijn-cursus", label: "course.mine.title" satisfies MessageKey }] : []),
    ...(practice ? [{ href: "/mijn-praktijk", label: "handover.own.title" satisfies MessageKey }] : []),
    // A Citytrainer or team member who organises (issue 9).
    ...(organising ? [{ href: OWN_ORGANISING_PATHS.activities, label: "organisers.mine.title" satisfies MessageKey }] : []),
    ...staff,
  ];
}
