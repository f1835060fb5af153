/**
 * Places are never overbooked, the waitlist keeps its order, and the counter on the activity
 * always equals the confirmed rows — under hundreds of simultaneous sign-ups and cancellations.
 * Every call is its own transaction on a pool of 20 connections to a real PostgreSQL.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoNetwork } from "~/features/demo/seed.server";
import { cancelRegistrationByToken, registerForActivity } from "~/features/registrations/writes.server";
import { db } from "~/lib/db/client.server";
import { outboxEmails, registrations } from "~/lib/db/schema";
import { cancelTokenFromMail, createTestActivity, placeCounts } from "../support/activities";
import { useTestDatabase } from "../support/database";

useTestDatabase();

beforeAll(async () => {
  await seedDemoNetwork({ activities: false });
});

function signUp(activityId: string, email: string) {
  return registerForActivity({ activityId, name: `Deelnemer ${email}`, email, ageGroup: "18_26", locale: "nl" });
}

describe("200 simultaneous sign-ups for 20 places", () => {
  let activityId: string;
  const emails = Array.from({ length: 200 }, (_, i) => `persoon${i}@example.org`);

  beforeAll(async () => {
    activityId = await createTestActivity({ capacity: 20, waitlistEnabled: true });
  });

  it("confirms exactly 20 and puts the rest on the waitlist behind them", async () => {
    const results = await Promise.all(emails.map((email) => signUp(activityId, email)));
    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(20);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(180);
    expect(results.every((r) => r.created)).toBe(true);

    const counts = await placeCounts(activityId);
    expect(counts.rows).toHaveLength(200);
    expect(counts.confirmed).toHaveLength(20);
    expect(counts.confirmedCount).toBe(20);
    expect(new Set(counts.rows.map((r) => r.email)).size).toBe(200);
    // Acceptance order: every confirmed registration came before every waitlisted one.
    const lastConfirmed = Math.max(...counts.confirmed.map((r) => r.sequence));
    const firstWaitlisted = Math.min(...counts.waitlisted.map((r) => r.sequence));
    expect(lastConfirmed).toBeLessThan(firstWaitlisted);
    // Each answer matches the row it created.
    const byId = new Map(counts.rows.map((r) => [r.id, r.status]));
    expect(results.every((r) => byId.get(r.id) === r.status)).toBe(true);

    const mails = await db().select({ kind: outboxEmails.kind }).from(outboxEmails);
    expect(mails.filter((m) => m.kind === "registration-confirmed")).toHaveLength(20);
    expect(mails.filter((m) => m.kind === "registration-waitlisted")).toHaveLength(180);
  });

  it("promotes the first 10 of the waitlist, in order, when 10 confirmed people cancel at once", async () => {
    const before = await placeCounts(activityId);
    const leaving = before.confirmed.slice(0, 10);
    const nextInLine = before.waitlisted.slice(0, 10).map((r) => r.id);
    const tokens = await Promise.all(leaving.map((r) => cancelTokenFromMail(r.email!)));

    const results = await Promise.all(tokens.map((token) => cancelRegistrationByToken(token, "nl")));
    expect(results.every((r) => r?.status === "cancelled" && !r.alreadyCancelled)).toBe(true);

    const after = await placeCounts(activityId);
    expect(after.cancelled.map((r) => r.id).sort()).toEqual(leaving.map((r) => r.id).sort());
    expect(after.confirmed).toHaveLength(20);
    expect(after.confirmedCount).toBe(20);
    expect(after.confirmed.map((r) => r.id)).toEqual(expect.arrayContaining(nextInLine));
    expect(after.waitlisted).toHaveLength(170);
    expect(Math.min(...after.waitlisted.map((r) => r.sequence))).toBeGreaterThan(
      Math.max(...before.waitlisted.slice(0, 10).map((r) => r.sequence)),
    );
    const promotedMails = await db()
      .select({ to: outboxEmails.toAddress })
      .from(outboxEmails)
      .where(eq(outboxEmails.kind, "registration-promoted"));
    const promotedEmails = before.waitlisted.slice(0, 10).map((r) => r.email);
    expect(promotedMails.map((m) => m.to).sort()).toEqual(promotedEmails.sort());
  });

  it("cancelling again, even many times at once, changes nothing", async () => {
    const cancelled = (await placeCounts(activityId)).cancelled[0]!;
    const token = await cancelTokenFromMail(cancelled.email!);
    const results = await Promise.all(Array.from({ length: 10 }, () => cancelRegistrationByToken(token, "nl")));
    expect(results.every((r) => r?.alreadyCancelled === true)).toBe(true);
    const after = await placeCounts(activityId);
    expect(after.confirmed).toHaveLength(20);
    expect(after.confirmedCount).toBe(20);
    expect(after.waitlisted).toHaveLength(170);
  });
});

describe("the same address many times at once", () => {
  it("creates one registration and answers every request with it", async () => {
    const activityId = await createTestActivity({ capacity: 5 });
    const results = await Promise.all(Array.from({ length: 40 }, () => signUp(activityId, "Dubbel@Example.org")));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await db()
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.activityId, activityId), eq(registrations.email, "dubbel@example.org")));
    expect(rows).toHaveLength(1);
    const counts = await placeCounts(activityId);
    expect(counts.confirmedCount).toBe(1);
  });
});

describe("no waitlist", () => {
  it("refuses everyone past capacity with 'full' and writes nothing for them", async () => {
    const activityId = await createTestActivity({ capacity: 20, waitlistEnabled: false });
    const settled = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => signUp(activityId, `zonder-wachtlijst-${i}@example.org`)),
    );
    const refused = settled.filter((s) => s.status === "rejected");
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(20);
    expect(refused).toHaveLength(40);
    expect(refused.every((s) => (s.reason as { code?: string }).code === "full")).toBe(true);
    const counts = await placeCounts(activityId);
    expect(counts.rows).toHaveLength(20);
    expect(counts.confirmedCount).toBe(20);
  });
});
