import { eq, sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { users, verifications } from "~/lib/db/schema";
import type { Locale } from "~/lib/i18n";

/** Saves a person's name and language. */
export async function updateProfile(userId: string, input: { name: string; locale: Locale }): Promise<void> {
  await db().update(users).set({ name: input.name, locale: input.locale, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** Removes an emailed sign-in link so it can never be used. */
export async function discardMagicLink(token: string): Promise<void> {
  await db().delete(verifications).where(eq(verifications.identifier, `magic-link:${token}`));
}

