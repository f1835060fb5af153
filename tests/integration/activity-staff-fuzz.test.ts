/**
 * Hostile input to the staff activity pages, through the real server: random values in every
 * field of the activity form, the status buttons, check-in and the walk-in form, and odd ids in
 * the address. The answer is always a redirect or a 4xx, never a 5xx, and a refused form writes
 * nothing.
 */
import fc from "fast-check";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, registrations, users } from "~/lib/db/schema";
import { createTestActivity } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { sessionCookieFor } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { hostileFormValue } from "../support/hostile-input";

const database = useTestDatabase();
let server: TestServer;
let cookie = "";
let activityId: string;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  cookie = (await sessionCookieFor(database.url, "cursusleider@havenstad.example")).header;
  const [courseLeader] = await db().select({ id: users.id }).from(users).where(eq(users.email, "cursusleider@havenstad.example"));
  // The course leader's own activity: its participant list is theirs to use (canSeeParticipants).
  activityId = await createTestActivity({ capacity: 3, title: "Fuzzactiviteit", createdBy: courseLeader!.id });
});
afterAll(async () => {
  await server?.stop();
});

const hostile = hostileFormValue(["------------------------------------", "25:00", "23:60", "walk_in", "publishSeries"]);

const fields = ["title", "description", "category", "neighbourhoodId", "location", "date", "startTime", "endTime", "repeatWeeks", "minAge", "maxAge", "capacity", "waitlistEnabled", "registration", "organiserName", "partnerOrganisationId", "removeImage", "intent", "confirm", "registrationId", "attendance", "name", "ageGroup", "email"];

function post(path: string, body: URLSearchParams) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
}

async function counts() {
  const [a] = await db().select({ n: count() }).from(activities);
  const [r] = await db().select({ n: count() }).from(registrations);
  return { activities: a!.n, registrations: r!.n };
}

describe("hostile staff form posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const paths = () => [
      "/beheer/havenstad/activiteiten/nieuw",
      `/beheer/havenstad/activiteiten/${activityId}`,
      `/beheer/havenstad/activiteiten/${activityId}/deelnemers`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 2), fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 10 }), async (target, values) => {
        const before = await counts();
        const response = await post(paths()[target]!, new URLSearchParams(values));
        expect(response.status, JSON.stringify(values)).toBeLessThan(500);
        if (response.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it("answers odd ids in the address with 404", async () => {
    for (const id of ["------------------------------------", "00000000-0000-0000-0000-000000000000", "x", "%00", "..%2f..%2fetc"]) {
      const response = await fetch(`${server.url}/beheer/havenstad/activiteiten/${id}`, { headers: { cookie }, redirect: "manual" });
      expect(response.status, id).toBe(404);
      const participants = await fetch(`${server.url}/beheer/havenstad/activiteiten/${id}/deelnemers.csv`, { headers: { cookie }, redirect: "manual" });
      expect(participants.status, id).toBe(404);
    }
  });

  it("leaves every counter equal to the confirmed rows after all that", async () => {
    const wrong = await db().execute(sql`
      select a.id from activities a
      where a.confirmed_count <> (select count(*) from registrations r where r.activity_id = a.id and r.status = 'confirmed')`);
    expect(wrong.rows).toHaveLength(0);
  });
});
