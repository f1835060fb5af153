/**
 * Factories for activity tests: a published activity in a demo municipality, and the cancellation
 * tokens that only ever exist in the emails people receive.
 */
import { and, asc, eq, like } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { activities, municipalities, outboxEmails, registrations, type ActivityStatus } from "~/lib/db/schema";

let counter = 0;

export async function municipalityIdOf(slug: string): Promise<string> {
  const [row] = await db().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, slug));
  if (!row) throw new Error(`no municipality ${slug}; seed the demo network first`);
  return row.id;
}

export async function createTestActivity(
  overrides: Partial<typeof activities.$inferInsert> & { municipalitySlug?: string } = {},
): Promise<string> {
  const { municipalitySlug = "havenstad", ...values } = overrides;
  const startsAt = values.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  const [row] = await db()
    .insert(activities)
    .values({
      municipalityId: await municipalityIdOf(municipalitySlug),
      title: `Testactiviteit ${++counter}`,
      category: "sport",
      location: "Buurthuis",
      organiserName: "Testorganisatie",
      status: "published" satisfies ActivityStatus,
      capacity: 20,
      ...values,
      startsAt,
      endsAt: values.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000),
    })
    .returning({ id: activities.id });
  return row!.id;
}

/** The activity's counter next to the truth in the registrations table. */
export async function placeCounts(activityId: string) {
  const [activity] = await db().select({ confirmedCount: activities.confirmedCount }).from(activities).where(eq(activities.id, activityId));
  const rows = await db()
    .select({ id: registrations.id, email: registrations.email, status: registrations.status, sequence: registrations.sequence })
    .from(registrations)
    .where(eq(registrations.activityId, activityId))
    .orderBy(asc(registrations.sequence));
  return {
    confirmedCount: activity!.confirmedCount,
    rows,
    confirmed: rows.filter((r) => r.status === "confirmed"),
    waitlisted: rows.filter((r) => r.status === "waitlisted"),
    cancelled: rows.filter((r) => r.status === "cancelled"),
  };
}

/** The cancellation token from the newest email to `email` that carries a cancellation link. */
export async function cancelTokenFromMail(email: string): Promise<string> {
  const mails = await db()
    .select({ text: outboxEmails.textBody, createdAt: outboxEmails.createdAt })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toAddress, email), like(outboxEmails.textBody, "%/aanmelding/%")));
  const match = mails.map((m) => /\/aanmelding\/([A-Za-z0-9_-]+)/.exec(m.text)).find(Boolean);
  if (!match) throw new Error(`no cancellation link mailed to ${email}`);
  return match[1]!;
}
