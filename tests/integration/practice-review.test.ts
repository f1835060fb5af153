/**
 * The outside review of the practice path, over real HTTP against the built server and real
 * PostgreSQL: each test is an attack that worked before its fix (a forged or raced request, a
 * peek at data that was not handed over) and shows the answer the platform gives now.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { finalReports, practiceHours } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { createPartner, createPlacementFixture, createSupervisor, lastWeekday, type PlacementFixture } from "../support/practice-hours";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};

const TRAINEE = "sam-review@example.org"; // 14
const SUPERVISOR = "begeleider-review@havenstad.example";
const LEADER = "cursusleider@havenstad.example";

let sam: PlacementFixture;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const partner = await createPartner("havenstad");
  const supervisorId = await createSupervisor(SUPERVISOR, partner, "havenstad", "Bea Review");
  sam = await createPlacementFixture({ traineeEmail: TRAINEE, traineeName: "Sam Veertien", age: 14, partnerId: partner, supervisorId, courseLeaderIds: [await userIdOf(LEADER)] });
  for (const email of [TRAINEE, SUPERVISOR, LEADER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

function post(path: string, who: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return fetch(`${server.url}${path}`, { method: "POST", headers: { cookie: cookies[who] ?? "", origin: server.url, "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
}
function get(path: string, who: string) {
  return fetch(`${server.url}${path}`, { headers: { cookie: cookies[who]! }, redirect: "manual" });
}

/** The hidden fields of the form with this id, as the browser would send them. */
function hiddenFieldsOf(html: string, formId: string): Record<string, string> {
  const form = new RegExp(`<form[^>]*id="${formId}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  expect(form, `form #${formId} on the page`).not.toBeNull();
  const fields: Record<string, string> = {};
  for (const input of form![1]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name) fields[name] = value.replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  }
  return fields;
}

describe("practice hours", () => {
  it("a sign-off covers the hours the supervisor saw: an entry the trainee changed after the page was shown is not signed off", async () => {
    const date = lastWeekday(6);
    expect((await post("/mijn-praktijk/uren", TRAINEE, { intent: "log", date, start: "10:00", end: "11:00", description: "Ballen oppompen", kind: "placement" })).status).toBe(302);
    const [entry] = await db().select().from(practiceHours).where(eq(practiceHours.placementId, sam.placementId));
    const staffPath = `/beheer/havenstad/praktijk/${sam.placementId}/uren`;
    const page = await (await get(staffPath, SUPERVISOR)).text();
    expect(page).toContain("Ballen oppompen");
    const signOffForm = hiddenFieldsOf(page, "aftekenen");
    // The supervisor ticks the one-hour entry; meanwhile the trainee makes it seven hours.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edit = await post("/mijn-praktijk/uren", TRAINEE, { intent: "edit", id: entry!.id, date, start: "10:00", end: "17:00", description: "Ballen oppompen", kind: "placement" });
    expect(edit.status).toBe(302);
    const signOff = await post(staffPath, SUPERVISOR, { ...signOffForm, ids: entry!.id, confirmGuard: "on" });
    expect(signOff.status).toBe(409);
    expect(await signOff.text()).toContain("Deze uren zijn veranderd nadat je de lijst opende");
    const [after] = await db().select().from(practiceHours).where(eq(practiceHours.id, entry!.id));
    expect(after!.status).toBe("submitted");
    // Looked at again, the seven hours can be signed off knowingly.
    const again = hiddenFieldsOf(await (await get(staffPath, SUPERVISOR)).text(), "aftekenen");
    expect((await post(staffPath, SUPERVISOR, { ...again, ids: entry!.id, confirmGuard: "on" })).status).toBe(302);
    const [signed] = await db().select().from(practiceHours).where(eq(practiceHours.id, entry!.id));
    expect(signed!.status).toBe("signed_off");
  });
});

describe("the final report", () => {
  it("a draft stays the trainee's own: its text and file name are nowhere in the staff page, also not in the data the page carries", async () => {
    await db().insert(finalReports).values({
      municipalityId: sam.municipalityId,
      placementId: sam.placementId,
      body: "CONCEPT-GEHEIM nog niet af",
      filePath: "00000000-0000-4000-8000-000000000000.pdf",
      fileName: "concept-geheim.pdf",
      fileType: "application/pdf",
      fileSize: 10,
    });
    for (const who of [SUPERVISOR, LEADER]) {
      const response = await get(`/beheer/havenstad/praktijk/${sam.placementId}/eindverslag`, who);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).not.toContain("CONCEPT-GEHEIM");
      expect(html).not.toContain("concept-geheim.pdf");
      const data = await get(`/beheer/havenstad/praktijk/${sam.placementId}/eindverslag.data`, who);
      expect(await data.text()).not.toContain("CONCEPT-GEHEIM");
    }
    // The trainee still sees their own draft.
    expect(await (await get("/mijn-praktijk/eindverslag", TRAINEE)).text()).toContain("CONCEPT-GEHEIM");
  });
});
