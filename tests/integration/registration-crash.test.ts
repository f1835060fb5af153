/**
 * An acknowledged sign-up survives a crash of the app: the server is killed (SIGKILL, no chance
 * to clean up) in the middle of a burst of API sign-ups, started again on the same database, and
 * every sign-up that was answered with 202 is there, with its confirmation mail, while the
 * counter on the activity still equals the confirmed rows.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { outboxEmails, registrations } from "~/lib/db/schema";
import { createTestActivity, placeCounts } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
const env = { TRUST_PROXY: "1" };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env });
});
afterAll(async () => {
  await server?.stop();
});

describe("kill -9 during a burst of sign-ups", () => {
  it("keeps every acknowledged registration and a true counter", async () => {
    const activityId = await createTestActivity({ capacity: 25, waitlistEnabled: true });
    const acknowledged: string[] = [];
    let killed: Promise<void> | undefined;
    const victim = server;

    const attempts = Array.from({ length: 300 }, async (_, i) => {
      const email = `crash${i}@example.org`;
      try {
        const response = await fetch(`${victim.url}/api/v1/activities/${activityId}/registrations`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i % 250}` },
          body: JSON.stringify({ name: `Bewoner ${i}`, email, ageGroup: "18_26" }),
        });
        if (response.status === 202) {
          acknowledged.push(email);
          // Kill while most of the burst is still in flight.
          if (acknowledged.length === 40) killed = victim.kill();
        }
      } catch {
        // The connection died with the server: not acknowledged, so nothing is promised.
      }
    });
    await Promise.all(attempts);
    await killed;
    expect(victim.process.exitCode === null ? victim.process.signalCode : "exited").toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(acknowledged.length).toBeLessThan(300);

    server = await startTestServer({ databaseUrl: database.url, env });

    const rows = await db()
      .select({ id: registrations.id, email: registrations.email, status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.activityId, activityId), inArray(registrations.email, acknowledged)));
    expect(rows).toHaveLength(acknowledged.length);
    expect(rows.every((r) => r.status === "confirmed" || r.status === "waitlisted")).toBe(true);
    const counts = await placeCounts(activityId);
    expect(counts.confirmedCount).toBe(counts.confirmed.length);
    expect(counts.confirmed.length).toBeLessThanOrEqual(25);
    expect(new Set(counts.rows.map((r) => r.email)).size).toBe(counts.rows.length);
    // The confirmation mail was written in the same transaction as each registration.
    const mails = await db().select({ to: outboxEmails.toAddress }).from(outboxEmails);
    const mailed = new Set(mails.map((m) => m.to));
    expect(counts.rows.every((r) => mailed.has(r.email!))).toBe(true);

    // The restarted app carries on: the next sign-up is accepted with the counter intact.
    const response = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.251" },
      body: JSON.stringify({ name: "Na de crash", email: "nadecrash@example.org", ageGroup: "18_26" }),
    });
    expect(response.status).toBe(202);
    const after = await placeCounts(activityId);
    expect(after.confirmedCount).toBe(after.confirmed.length);
    const [row] = await db().select().from(registrations).where(eq(registrations.email, "nadecrash@example.org"));
    expect(row).toBeDefined();
  });
});
