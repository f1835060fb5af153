/**
 * Places are never overbooked, the waitlist keeps its order, and the counter on the activity
 * always equals the confirmed rows — under hundreds of simultaneous sign-ups and cancellations.
 * First through the domain functions (each call its own transaction, on a pool of 20
 * connections), then over HTTP spread across two app instances on one database.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoNetwork } from "~/features/demo/seed.server";
import { cancelRegistrationByToken, registerForActivity } from "~/features/registrations/writes.server";
import { db } from "~/lib/db/client.server";
import { outboxEmails, registrations } from "~/lib/db/schema";
import { cancelTokenFromMail, createTestActivity, placeCounts } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let servers: TestServer[] = [];

beforeAll(async () => {
  // Two instances of the real app on the same database; the first fills it with the demo network.
  // TRUST_PROXY lets each simulated resident arrive from their own address (X-Forwarded-For), as
  // behind a load balancer, so the per-address sign-up limit does not stop the burst.
  const env = { TRUST_PROXY: "1", DATABASE_POOL_SIZE: "10" };
  servers = [await startTestServer({ databaseUrl: database.url, env })];
  servers.push(await startTestServer({ databaseUrl: database.url, env }));
  await seedDemoNetwork({ activities: false });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
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

describe("240 simultaneous sign-ups over HTTP, spread across two app instances", () => {
  let activityId: string;

  function post(i: number, path: string, init: { json?: unknown; form?: URLSearchParams }) {
    const server = servers[i % 2]!;
    return fetch(`${server.url}${path}`, {
      method: "POST",
      headers: {
        "x-forwarded-for": `198.51.100.${i % 250}`,
        origin: server.url,
        ...(init.json ? { "content-type": "application/json" } : { "content-type": "application/x-www-form-urlencoded" }),
      },
      body: init.json ? JSON.stringify(init.json) : init.form,
      redirect: "manual",
    });
  }

  beforeAll(async () => {
    activityId = await createTestActivity({ capacity: 20, waitlistEnabled: true });
  });

  it("confirms exactly 20, puts 220 on the waitlist in acceptance order, and answers every request", async () => {
    const responses = await Promise.all(
      Array.from({ length: 240 }, (_, i) =>
        post(i, `/api/v1/activities/${activityId}/registrations`, {
          json: { name: `Bewoner ${i}`, email: `http${i}@example.org`, ageGroup: "27_66" },
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { status: string } })),
      ),
    );
    // The answer does not say confirmed or waitlisted (the mail does), so the rows tell.
    expect(responses.map((r) => r.status)).toEqual(Array(240).fill(202));

    const counts = await placeCounts(activityId);
    expect(counts.rows).toHaveLength(240);
    expect(counts.confirmed).toHaveLength(20);
    expect(counts.confirmedCount).toBe(20);
    expect(new Set(counts.rows.map((r) => r.email)).size).toBe(240);
    expect(counts.waitlisted).toHaveLength(220);
    expect(Math.max(...counts.confirmed.map((r) => r.sequence))).toBeLessThan(Math.min(...counts.waitlisted.map((r) => r.sequence)));
  });

  it("moves the first 10 of the waitlist up, in order, when 10 people cancel at once on both instances", async () => {
    const before = await placeCounts(activityId);
    const leaving = before.confirmed.slice(0, 10);
    const nextInLine = before.waitlisted.slice(0, 10);
    const tokens = await Promise.all(leaving.map((r) => cancelTokenFromMail(r.email!)));
    const responses = await Promise.all(tokens.map((token, i) => post(i, `/aanmelding/${token}`, { form: new URLSearchParams() })));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));

    const after = await placeCounts(activityId);
    expect(after.cancelled.map((r) => r.id).sort()).toEqual(leaving.map((r) => r.id).sort());
    expect(after.confirmed).toHaveLength(20);
    expect(after.confirmedCount).toBe(20);
    expect(after.confirmed.map((r) => r.id)).toEqual(expect.arrayContaining(nextInLine.map((r) => r.id)));
    expect(after.waitlisted.map((r) => r.id)).toEqual(before.waitlisted.slice(10).map((r) => r.id));
  });

  // Five: the per-address-and-activity limit allows five attempts an hour.
  it("creates one registration when the same address arrives on both instances at once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        post(i, `/api/v1/activities/${activityId}/registrations`, { json: { name: "Twee Keer", email: "tweekeer@example.org", ageGroup: "18_26" } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(5).fill(202));
    const rows = await db()
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.activityId, activityId), eq(registrations.email, "tweekeer@example.org")));
    expect(rows).toHaveLength(1);
  });
});
