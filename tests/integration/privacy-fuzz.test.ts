/**
 * Hostile input to the privacy forms through the real server: random form posts to "Mijn gegevens"
 * (the erasure request) and to the municipality's privacy page (carry out, turn down). Whatever
 * arrives, the answer is never 5xx, and a refused post writes nothing: no request appears, no
 * request changes, nobody is erased.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

let server: TestServer;
let databaseUrl: string;
let client: pg.Client;
let personCookie: string;
let personId: string;
let leaderCookie: string;
/** A pending request of someone without data in Havenstad: Havenstad's project leader may not touch it. */
let foreignRequestId: string;

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("<script>alert(1)</script>", "'; drop table users; --", "\u0000", "\ud800", "x".repeat(1001), "x".repeat(9000), "__proto__", " ", "on", "ON", "true"),
);

async function count(sql: string, values: unknown[] = []): Promise<number> {
  return (await client.query<{ n: number }>(sql, values)).rows[0]!.n;
}

async function snapshot(): Promise<string> {
  const rows = await client.query<{ s: string }>(`select coalesce(string_agg(t::text, '|' order by t::text), '') as s from erasure_requests t`);
  return `${await count(`select count(*)::int as n from users`)}:${rows.rows[0]!.s}`;
}

async function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
  });
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  personId = `fuzz-${randomBytes(4).toString("hex")}`;
  await client.query(`insert into users (id, name, email) values ($1, 'Fuzz Persoon', $2)`, [personId, `${personId}@example.org`]);
  personCookie = (await sessionCookieFor(databaseUrl, `${personId}@example.org`)).header;
  const other = `fuzz-${randomBytes(4).toString("hex")}`;
  await client.query(`insert into users (id, name, email) values ($1, 'Alleen Account', $2)`, [other, `${other}@example.org`]);
  foreignRequestId = (await client.query<{ id: string }>(`insert into erasure_requests (user_id, reason) values ($1, 'graag') returning id`, [other])).rows[0]!.id;
  leaderCookie = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
});

afterAll(async () => {
  await client?.end();
  await server?.stop();
});

describe("hostile input to the privacy forms", () => {
  it("never answers 5xx to an erasure request, and writes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ reason: hostileString, confirm: hostileString }, { requiredKeys: [] }), async (fields) => {
        const before = await snapshot();
        const response = await post("/account/mijn-gegevens", personCookie, fields as Record<string, string>);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(await snapshot()).toBe(before);
        // Keep the person without an open request, so every run is judged afresh.
        await client.query(`delete from erasure_requests where user_id = $1`, [personId]);
      }),
      { numRuns: 60 },
    );
  });

  it("never answers 5xx on the project leader's page, and refused posts change nothing", async () => {
    const requestId = fc.oneof(hostileString, fc.constant(foreignRequestId), fc.constant(randomUUID()), fc.uuid());
    await fc.assert(
      fc.asyncProperty(
        fc.record({ intent: fc.oneof(fc.constantFrom("erase", "reject"), hostileString), requestId, note: hostileString }, { requiredKeys: [] }),
        async (fields) => {
          const before = await snapshot();
          const response = await post("/beheer/havenstad/privacy", leaderCookie, fields as Record<string, string>);
          expect(response.status).toBeLessThan(500);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(await snapshot()).toBe(before);
        },
      ),
      { numRuns: 80 },
    );
    expect(await count(`select count(*)::int as n from erasure_requests where id = $1 and status = 'pending'`, [foreignRequestId])).toBe(1);
  });
});
