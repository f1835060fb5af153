/**
 * Hostile input to the final report and ceremony forms through the real server: the trainee's
 * report (text fields, a "file" that is no file), the reviewer's assessment and send-back, the
 * new ceremony, and every form of a ceremony's page, with random values in every field. The answer
 * is always a redirect or a 4xx, never a 5xx, and a refused post writes nothing. Markup in a
 * ceremony published as a public activity is shown as text on the public page.
 */
import fc from "fast-check";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, assessmentMoments, assessments, ceremonies, finalPresentations, finalReports } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";
import { createActivePlacement, partnerIdOf } from "../support/practice-finale";

const database = useTestDatabase();
let server: TestServer;
let fixture: CourseFixture;
let placementId = "";
let ceremonyId = "";
const cookies: Record<string, string> = {};

const TRAINEE = "fuzz-eind@example.org";
const SUPERVISOR = "begeleider@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  fixture = await createCourseFixture({ courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")], trainees: [{ email: TRAINEE }] });
  placementId = await createActivePlacement({
    municipalityId: fixture.municipalityId,
    enrolmentId: fixture.enrolments[0]!.id,
    traineeUserId: fixture.enrolments[0]!.userId,
    partnerOrganisationId: await partnerIdOf("Sportvereniging Havenstad Vooruit"),
    supervisorUserId: await userIdOf(SUPERVISOR),
  });
  const starts = new Date(Date.now() + 7 * 86_400_000);
  const [ceremony] = await db()
    .insert(ceremonies)
    .values({ municipalityId: fixture.municipalityId, title: "Fuzz-uitreiking", startsAt: starts, endsAt: new Date(starts.getTime() + 7_200_000), location: "Zaal" })
    .returning({ id: ceremonies.id });
  ceremonyId = ceremony!.id;
  for (const email of [TRAINEE, SUPERVISOR, PROJECT_LEADER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

async function counts() {
  const tables = { finalReports, assessments, assessmentMoments, ceremonies, finalPresentations, activities };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db().select({ n: count() }).from(table))[0]!.n;
  return out;
}

function post(path: string, who: string, values: Record<string, string>, multipart = false) {
  const headers: Record<string, string> = { cookie: cookies[who]!, origin: server.url };
  let body: FormData | URLSearchParams;
  if (multipart) {
    body = new FormData();
    for (const [name, value] of Object.entries(values)) body.append(name, value);
  } else {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(values);
  }
  return fetch(`${server.url}${path}`, { method: "POST", headers, body, redirect: "manual" });
}

const hostile = hostileFormValue(["save", "submit", "assess", "sendBack", "edit", "publish", "assign", "remove", "markGiven", "unmarkGiven", "1", "4", "19:00", "23:59", "2026-12-24", "<b>vet</b>"]);

describe("hostile final report and ceremony posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const staffReport = `/beheer/havenstad/praktijk/${placementId}/eindverslag`;
    const ceremony = `/beheer/havenstad/eindpresentaties/${ceremonyId}`;
    const competenceFields = fixture.competences.flatMap((c) => [`level-${c.id}`, `narrative-${c.id}`]);
    const targets = [
      { path: "/mijn-praktijk/eindverslag", who: TRAINEE, multipart: true, fields: ["intent", "body", "removeFile", "file"] },
      { path: staffReport, who: SUPERVISOR, multipart: false, fields: ["intent", "comment", ...competenceFields] },
      { path: "/beheer/havenstad/eindpresentaties/nieuw", who: PROJECT_LEADER, multipart: false, fields: ["title", "date", "startTime", "endTime", "location", "programme"] },
      { path: ceremony, who: PROJECT_LEADER, multipart: false, fields: ["intent", "title", "date", "startTime", "endTime", "location", "programme", "capacity", "placementId", "position", "id"] },
    ];
    const real = [placementId, ceremonyId, fixture.enrolments[0]!.id, ...fixture.competences.map((c) => c.id)];
    const value = fc.oneof(hostile, fc.constantFrom(...real));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), fc.array(fc.tuple(fc.nat(20), value), { maxLength: 10 }), async (index, pairs) => {
        const target = targets[index]!;
        const values: Record<string, string> = {};
        for (const [field, v] of pairs) values[target.fields[field % target.fields.length]!] = v;
        const before = await counts();
        const response = await post(target.path, target.who, values, target.multipart);
        expect(response.status, `${target.path} ${JSON.stringify(values).slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("answers odd ids in the address with 404", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "..%2F"]) {
      expect((await fetch(`${server.url}/beheer/havenstad/praktijk/${id}/eindverslag`, { headers: { cookie: cookies[SUPERVISOR]! } })).status).toBe(404);
      expect((await fetch(`${server.url}/beheer/havenstad/praktijk/${id}/eindverslag/bestand`, { headers: { cookie: cookies[SUPERVISOR]! } })).status).toBe(404);
      expect((await fetch(`${server.url}/beheer/havenstad/eindpresentaties/${id}`, { headers: { cookie: cookies[PROJECT_LEADER]! } })).status).toBe(404);
    }
  });

  it("shows markup in a published ceremony as text on the public activity page", async () => {
    const title = `<script>alert("uitreiking")</script><img src=x onerror=alert(1)>`;
    const created = await post("/beheer/havenstad/eindpresentaties/nieuw", PROJECT_LEADER, {
      title,
      date: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
      startTime: "19:00",
      endTime: "21:00",
      location: "<b>Zaal</b>",
      programme: "<a href=javascript:alert(1)>programma</a>",
    });
    expect(created.status).toBe(302);
    const id = created.headers.get("location")!.match(/eindpresentaties\/([0-9a-f-]{36})/)![1]!;
    expect((await post(`/beheer/havenstad/eindpresentaties/${id}`, PROJECT_LEADER, { intent: "publish", capacity: "" })).status).toBe(302);
    const [row] = await db().select().from(ceremonies).where(eq(ceremonies.id, id));
    const page = await fetch(`${server.url}/havenstad/activiteiten/${row!.activityId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain(title);
    expect(html).not.toContain("<b>Zaal</b>");
    expect(html).not.toContain("<a href=javascript:alert(1)>");
    expect(html).toContain("&lt;script&gt;");
  });
});
