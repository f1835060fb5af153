/**
 * Hostile input to both practice-hours forms through the real server: the trainee's log, edit and
 * delete posts and the supervisor's sign-off and return posts, with random values in every field
 * (mixed with real ids, dates and times so posts reach the deeper checks). The answer is always a
 * redirect or a 4xx, never a 5xx, and a refused post writes nothing; markup comes back escaped.
 */
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { outboxEmails, practiceHours } from "~/lib/db/schema";
import { todayInAmsterdam } from "~/features/training/age";
import { addDaysToLocalDate } from "~/lib/time";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { createPartner, createPlacementFixture, createSupervisor, lastWeekday, type PlacementFixture } from "../support/practice-hours";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let fixture: PlacementFixture;
let other: PlacementFixture;
let trainee = "";
let supervisor = "";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const partner = await createPartner("havenstad");
  const supervisorId = await createSupervisor("fuzz-begeleider@havenstad.example", partner);
  fixture = await createPlacementFixture({ traineeEmail: "fuzz-uren@example.org", age: 14, partnerId: partner, supervisorId });
  other = await createPlacementFixture({ traineeEmail: "fuzz-ander@example.org", age: 17, partnerId: partner, supervisorId });
  trainee = (await sessionCookieFor(database.url, "fuzz-uren@example.org")).header;
  supervisor = (await sessionCookieFor(database.url, "fuzz-begeleider@havenstad.example")).header;
});
afterAll(async () => {
  await server?.stop();
});

function post(path: string, cookie: string, values: [string, string][]) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values),
    redirect: "manual",
  });
}

async function snapshot() {
  const hours = await db().select().from(practiceHours).orderBy(practiceHours.id);
  const mails = await db().select({ id: outboxEmails.id }).from(outboxEmails);
  return JSON.stringify({ hours, mails: mails.length });
}

async function seedEntries(): Promise<string[]> {
  const ids: string[] = [];
  for (const [f, description] of [[fixture, "Echte uren"], [other, "Andermans uren"]] as const) {
    const [row] = await db()
      .insert(practiceHours)
      .values({ municipalityId: f.municipalityId, placementId: f.placementId, traineeUserId: f.traineeUserId, startsAt: new Date(Date.now() - 3 * 86_400_000), endsAt: new Date(Date.now() - 3 * 86_400_000 + 3_600_000), description, guardWarnings: ["sunday"] })
      .returning({ id: practiceHours.id });
    ids.push(row!.id);
  }
  return ids;
}

describe("hostile practice-hours posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const entryIds = await seedEntries();
    const today = todayInAmsterdam();
    const plausible = fc.constantFrom(
      today,
      lastWeekday(0),
      addDaysToLocalDate(today, 60),
      addDaysToLocalDate(today, 61),
      "10:00",
      "23:59",
      "00:00",
      "24:00",
      "7:00",
      "placement",
      "activity",
      "activity_preparation",
      "on",
      "log",
      "edit",
      "delete",
      "signOff",
      "return",
      ...entryIds,
      ...fixture.goalIds,
      ...other.goalIds,
      fixture.placementId,
    );
    const value = fc.oneof(hostileFormValue(), plausible);
    const targets = [
      { path: "/mijn-praktijk/uren", cookie: trainee, fields: ["intent", "id", "date", "start", "end", "description", "learningGoalId", "kind", "schoolHoliday"] },
      { path: `/beheer/havenstad/praktijk/${fixture.placementId}/uren`, cookie: supervisor, fields: ["intent", "ids", "ids", "confirmGuard", "id", "comment"] },
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), fc.array(fc.tuple(fc.nat(20), value), { maxLength: 12 }), async (index, pairs) => {
        const target = targets[index]!;
        const values: [string, string][] = pairs.map(([field, v]) => [target.fields[field % target.fields.length]!, v]);
        const before = await snapshot();
        const response = await post(target.path, target.cookie, values);
        expect(response.status, `${target.path} ${JSON.stringify(values).slice(0, 400)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 150 },
    );
    // Someone else's entry was never touched by either form.
    const [othersEntry] = await db().select().from(practiceHours).where(eq(practiceHours.id, entryIds[1]!));
    expect(othersEntry).toMatchObject({ status: "submitted", description: "Andermans uren" });
  });

  it("shows markup in a description and a comment as text", async () => {
    const markup = '<script>alert("uren")</script><img src=x onerror=alert(1)>';
    const logged = await post("/mijn-praktijk/uren", trainee, [["intent", "log"], ["date", todayInAmsterdam()], ["start", "07:00"], ["end", "08:00"], ["description", markup], ["kind", "placement"]]);
    expect(logged.status).toBe(302);
    const page = await (await fetch(`${server.url}/mijn-praktijk/uren`, { headers: { cookie: trainee } })).text();
    expect(page).not.toContain("<script>alert(\"uren\")");
    expect(page).toContain("&lt;script&gt;");
    const staff = await (await fetch(`${server.url}/beheer/havenstad/praktijk/${fixture.placementId}/uren`, { headers: { cookie: supervisor } })).text();
    expect(staff).not.toContain("<img src=x");
  });

  it("answers odd placement ids in the address with 404", async () => {
    for (const id of ["------------------------------------", "00000000-0000-0000-0000-000000000000", "x", "%00", "..%2f..%2fetc"]) {
      const response = await fetch(`${server.url}/beheer/havenstad/praktijk/${id}/uren`, { headers: { cookie: supervisor }, redirect: "manual" });
      expect(response.status, id).toBe(404);
      const posted = await post(`/beheer/havenstad/praktijk/${id}/uren`, supervisor, [["intent", "signOff"], ["ids", fixture.placementId]]);
      expect(posted.status, id).toBe(404);
    }
  });
});
