/**
 * Remembers a signed-in person's age group on their device after a sign-up, so the next sign-up
 * is one click. A cookie rather than a lookup of their earlier registrations: it costs no query on
 * the activity page and keeps the age group out of the account.
 */
import { AGE_GROUPS, type AgeGroup } from "~/lib/db/schema";

const COOKIE = "buurtkracht_age_group";

export function rememberedAgeGroup(request: Request): AgeGroup | null {
  const match = request.headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${COOKIE}=([a-z0-9_]+)`));
  const value = match?.[1];
  return value && (AGE_GROUPS as readonly string[]).includes(value) ? (value as AgeGroup) : null;
}

export function ageGroupCookie(ageGroup: AgeGroup): string {
  return `${COOKIE}=${ageGroup}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`;
}
