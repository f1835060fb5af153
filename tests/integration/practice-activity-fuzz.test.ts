/**
 * Hostile input to the practice activity's forms, through the real server: random values in every
 * field of the trainee's plan, submit and evaluation, the reviewer's answer and the check-in,
 * and odd ids in the address. The answer is always a redirect or a 4xx, never a 5xx, and a
 * refused post writes nothing. Markup in an approved plan reaches the public calendar, the
 * activity page, its JSON-LD and its .ics only escaped.
 */
import fc from "fast-check";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, outboxEmails, practiceActivities, registrations } from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { createActivePlacement, giveDateOfBirth, partnerIdOf } from "../support/practice-placement";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let placementId: string;
const cookies: Record<string, string> = {};
const TRAINEE = "fuzz-trainee@example.org";
const SUPERVISOR = "begeleider@havenstad.example";
const MARKUP = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const fixture = await createCourseFixture({ courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")], trainees: [{ email: TRAINEE, name: "Fuzz Cursist" }] });
  const trainee = fixture.enrolments[0]!;
  await giveDateOfBirth(trainee, fixture.cohortId, fixture.municipalityId, "2012-05-05", "Fuzz Cursist");
  placementId = await createActivePlacement({
    municipalityId: fixture.municipalityId,
    enrolmentId: trainee.id,
    traineeUserId: trainee.userId,
    partnerOrganisationId: await partnerIdOf(fixture.municipalityId, "Sportvereniging Havenstad Vooruit"),
    supervisorUserId: await userIdOf(SUPERVISOR),
  });
  for (const email of [TRAINEE, SUPERVISOR]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

function post(path: string, who: string, body: URLSearchParams) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie: cookies[who]!, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
}
const get = (path: string, who?: string) => fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });

async function snapshot() {
  const rows = await db().select({ status: activities.status, title: activities.title, updatedAt: activities.updatedAt, practice: practiceActivities.updatedAt }).from(practiceActivities).innerJoin(activities, eq(activities.id, practiceActivities.activityId));
  const [mails] = await db().select({ n: count() }).from(outboxEmails);
  const [attendance] = await db().select({ n: count() }).from(registrations);
  return JSON.stringify({ rows, mails: mails!.n, attendance: attendance!.n });
}

const fields = ["intent", "idea", "goal", "targetGroup", "title", "description", "category", "neighbourhoodId", "location", "date", "startTime", "endTime", "minAge", "maxAge", "capacity", "comment", "turnout", "wentWell", "doDifferently", "registrationId", "attendance", "confirm"];
const hostile = hostileFormValue(["save", "submit", "evaluate", "approve", "request_changes", "cancel", "sport", "25:00", "23:60", "attended", "clear", "no_show"]);
const paths = () => ["/mijn-praktijk/activiteit", "/mijn-praktijk/activiteit/aanwezig", `/beheer/havenstad/praktijk/${placementId}/activiteit`];

describe("hostile practice activity posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 2), fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 12 }), async (target, values) => {
        const who = target === 2 ? SUPERVISOR : TRAINEE;
        const before = await snapshot();
        const response = await post(paths()[target]!, who, new URLSearchParams(values));
        expect(response.status, JSON.stringify(values)).toBeLessThan(500);
        if (response.status >= 400) expect(await snapshot()).toEqual(before);
      }),
      { numRuns: 80 },
    );
  });

  it("answers odd placement ids in the address with 404", async () => {
    for (const id of ["------------------------------------", "00000000-0000-0000-0000-000000000000", "x", "%00", "..%2f..%2fetc"]) {
      expect((await get(`/beheer/havenstad/praktijk/${id}/activiteit`, SUPERVISOR)).status, id).toBe(404);
    }
  });

  it("shows markup from an approved plan only escaped in the calendar, the activity page, its JSON-LD and .ics", async () => {
    const date = addDaysToLocalDate(utcToZonedLocal(new Date()).date, 10);
    const plan = {
      intent: "save",
      idea: MARKUP,
      goal: MARKUP,
      targetGroup: MARKUP.slice(0, 400),
      title: `Feest ${MARKUP}`.slice(0, 150),
      description: `${MARKUP}\n</script><script>alert(2)</script>`,
      category: "culture",
      location: `Plein ${MARKUP}`.slice(0, 200),
      date,
      startTime: "14:00",
      endTime: "15:00",
    };
    // The fuzz run may have left a submitted plan; a clean draft is what this test is about.
    await db().delete(activities).where(eq(activities.createdBy, (await userIdOf(TRAINEE))));
    expect((await post("/mijn-praktijk/activiteit", TRAINEE, new URLSearchParams(plan))).status).toBe(302);
    expect((await post("/mijn-praktijk/activiteit", TRAINEE, new URLSearchParams({ intent: "submit" }))).status).toBe(302);
    const review = await (await get(`/beheer/havenstad/praktijk/${placementId}/activiteit`, SUPERVISOR)).text();
    expect(review).not.toContain("<script>alert");
    expect(review).not.toContain("<img src=x");
    expect((await post(`/beheer/havenstad/praktijk/${placementId}/activiteit`, SUPERVISOR, new URLSearchParams({ intent: "approve" }))).status).toBe(302);
    const [row] = await db().select({ id: activities.id }).from(practiceActivities).innerJoin(activities, eq(activities.id, practiceActivities.activityId)).where(eq(practiceActivities.placementId, placementId));
    for (const path of ["/havenstad/activiteiten", "/havenstad", `/havenstad/activiteiten/${row!.id}`, "/mijn-praktijk/activiteit"]) {
      const html = await (await get(path, path.startsWith("/mijn") ? TRAINEE : undefined)).text();
      expect(html, path).not.toContain("<script>alert");
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).not.toContain("</script><script>");
    }
    const page = await (await get(`/havenstad/activiteiten/${row!.id}`)).text();
    const jsonLd = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? "";
    expect(jsonLd).toContain("Feest");
    expect(jsonLd).not.toContain("<");
    expect(JSON.parse(jsonLd).name).toBe(`Feest ${MARKUP}`);
    const ics = await (await get(`/havenstad/activiteiten/${row!.id}/agenda.ics`)).text();
    // In a calendar file markup is plain text; what must hold is that it cannot start lines of its
    // own: the description's newline is escaped, so every (unfolded) line is a property.
    const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter((line) => line !== "");
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
    for (const line of lines) expect(line, line).toMatch(/^[A-Z][A-Z-]*[;:]/);
    expect(lines.find((line) => line.startsWith("DESCRIPTION"))).toContain("\\n</script>");
  });
});
