/**
 * The outside review of the practice path, over real HTTP against the built server and real
 * PostgreSQL: each test is an attack that worked before its fix (a forged or raced request, a
 * peek at data that was not handed over) and shows the answer the platform gives now.
 */
import { and, eq, inArray } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, assessments, ceremonies, finalReports, practiceActivities, practiceHours } from "~/lib/db/schema";
import { todayInAmsterdam } from "~/features/training/age";
import { addDaysToLocalDate } from "~/lib/time";
import { useTestDatabase } from "../support/database";
import { createPartner, createPlacementFixture, createSupervisor, lastWeekday, type PlacementFixture } from "../support/practice-hours";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseUser, userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};

const TRAINEE = "sam-review@example.org"; // 14
const SUPERVISOR = "begeleider-review@havenstad.example";
const LEADER = "cursusleider@havenstad.example";
const OTHER_LEADER = "andere-cursusleider-review@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";
const SECOND = "lotte-review@example.org"; // 15, plans in draft

let sam: PlacementFixture;
let lotte: PlacementFixture;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const partner = await createPartner("havenstad");
  const supervisorId = await createSupervisor(SUPERVISOR, partner, "havenstad", "Bea Review");
  sam = await createPlacementFixture({ traineeEmail: TRAINEE, traineeName: "Sam Veertien", age: 14, partnerId: partner, supervisorId, courseLeaderIds: [await userIdOf(LEADER)] });
  await createCourseUser(OTHER_LEADER, { name: "Olga Andere", role: "course_leader" });
  lotte = await createPlacementFixture({ traineeEmail: SECOND, traineeName: "Lotte Vijftien", age: 15, partnerId: partner, supervisorId, courseLeaderIds: [await userIdOf(LEADER)] });
  for (const email of [TRAINEE, SECOND, SUPERVISOR, LEADER, OTHER_LEADER, PROJECT_LEADER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
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

/** The hidden fields of the form with this id (or, with `intent`, the form posting that intent), as the browser would send them. */
function hiddenFieldsOf(html: string, formId: string, intent?: string): Record<string, string> {
  const forms = [...html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => (intent ? f[2]!.includes(`name="intent" value="${intent}"`) : f[1]!.includes(`id="${formId}"`)));
  expect(form, `form ${intent ?? `#${formId}`} on the page`).toBeDefined();
  const fields: Record<string, string> = {};
  for (const input of form![2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
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

describe("the practice activity", () => {
  const OWN = "/mijn-praktijk/activiteit";
  const plan = (title: string) => ({
    intent: "save",
    idea: "Een middag spelletjes op het plein.",
    goal: "Kinderen leren elkaar kennen.",
    targetGroup: "Kinderen van 8 tot 12 jaar",
    title,
    description: "Neem sportschoenen mee.",
    category: "sport",
    neighbourhoodId: "",
    location: "Pleintje Havenstraat",
    date: addDaysToLocalDate(todayInAmsterdam(), 12),
    startTime: "10:00",
    endTime: "12:00",
    minAge: "8",
    maxAge: "12",
    capacity: "10",
  });

  it("an approval covers the plan the reviewer read: a plan swapped in after the page was shown is not published", async () => {
    expect((await post(OWN, TRAINEE, plan("Spelletjesmiddag"))).status).toBe(302);
    expect((await post(OWN, TRAINEE, { intent: "submit" })).status).toBe(302);
    const review = `/beheer/havenstad/praktijk/${sam.placementId}/activiteit`;
    const page = await (await get(review, SUPERVISOR)).text();
    expect(page).toContain("Spelletjesmiddag");
    const approveForm = hiddenFieldsOf(page, "", "approve");
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Meanwhile the trainee cancels the plan the supervisor is reading and submits another one.
    expect((await post(OWN, TRAINEE, { intent: "cancel", confirm: "on" })).status).toBe(302);
    expect((await post(OWN, TRAINEE, plan("Iets heel anders"))).status).toBe(302);
    expect((await post(OWN, TRAINEE, { intent: "submit" })).status).toBe(302);
    const approve = await post(review, SUPERVISOR, approveForm);
    expect(approve.status).toBe(409);
    expect(await approve.text()).toContain("Het plan is veranderd nadat je het opende");
    const [practice] = await db().select().from(practiceActivities).where(eq(practiceActivities.placementId, sam.placementId));
    const [activity] = await db().select().from(activities).where(eq(activities.id, practice!.activityId));
    expect(activity).toMatchObject({ title: "Iets heel anders", status: "in_review" });
    // Read again, it can be approved knowingly.
    const again = hiddenFieldsOf(await (await get(review, SUPERVISOR)).text(), "", "approve");
    expect((await post(review, SUPERVISOR, again)).status).toBe(302);
    const [published] = await db().select().from(activities).where(eq(activities.id, practice!.activityId));
    expect(published!.status).toBe("published");
  });
});

describe("the final report's upload", () => {
  it("takes a file of more than the form limit also when the page's script sends the form (the .data address)", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(200 * 1024, 0x20), Buffer.from("\n%%EOF\n")]);
    const form = new FormData();
    form.append("intent", "save");
    form.append("body", "Mijn verslag met bijlage");
    form.append("file", new Blob([pdf], { type: "application/pdf" }), "verslag.pdf");
    const response = await fetch(`${server.url}/mijn-praktijk/eindverslag.data`, { method: "POST", headers: { cookie: cookies[TRAINEE]!, origin: server.url }, body: form, redirect: "manual" });
    expect(response.status).not.toBe(413);
    expect(response.status).toBeLessThan(400);
    const [report] = await db().select().from(finalReports).where(eq(finalReports.placementId, sam.placementId));
    expect(report).toMatchObject({ fileName: "verslag.pdf", fileType: "application/pdf", body: "Mijn verslag met bijlage" });
  });
});

describe("a sign-off racing the trainee's next entry of the same day", () => {
  it("the trainee's entry is saved (no 500), the signed-off entry keeps what the supervisor signed", async () => {
    const date = lastWeekday(2);
    expect((await post("/mijn-praktijk/uren", TRAINEE, { intent: "log", date, start: "15:00", end: "16:30", description: "Racetraining", kind: "placement" })).status).toBe(302);
    const [first] = await db().select().from(practiceHours).where(and(eq(practiceHours.placementId, sam.placementId), eq(practiceHours.description, "Racetraining")));
    expect(first!.guardWarnings).toEqual([]);
    // A test transaction holds the entry's row lock, so the two requests line up behind it in a known order:
    // the sign-off first, then the new entry (which has already read the day's entries by then).
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("select id from practice_hours where id = $1 for update", [first!.id]);
      const waiting = async (count: number) => {
        for (let i = 0; i < 200; i++) {
          // A fresh statistics snapshot each time: within the holder's transaction pg_stat_activity would stand still.
          await holder.query("select pg_stat_clear_snapshot()");
          const { rows } = await holder.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
          if (rows[0]!.n >= count) return;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        throw new Error(`never ${count} waiting`);
      };
      const signOff = post(`/beheer/havenstad/praktijk/${sam.placementId}/uren`, SUPERVISOR, { intent: "signOff", ids: first!.id });
      await waiting(1);
      const log = post("/mijn-praktijk/uren", TRAINEE, { intent: "log", date, start: "16:30", end: "17:15", description: "Opruimen na de race", kind: "placement" });
      await waiting(2);
      await holder.query("rollback");
      const [signed, logged] = await Promise.all([signOff, log]);
      expect(signed.status).toBe(302);
      expect(logged.status).toBe(302);
    } finally {
      await holder.end();
    }
    const rows = await db().select().from(practiceHours).where(and(eq(practiceHours.placementId, sam.placementId), inArray(practiceHours.description, ["Racetraining", "Opruimen na de race"])));
    expect(rows.find((r) => r.description === "Racetraining")).toMatchObject({ status: "signed_off", guardWarnings: [] });
    expect(rows.find((r) => r.description === "Opruimen na de race")).toMatchObject({ status: "submitted", guardWarnings: ["school_day_limit"] });
  });
});

describe("the practice activity through the general activity pages", () => {
  it("who the journey does not let cancel it (a course leader of another cohort, the project leader) cannot cancel it through the staff activity page either", async () => {
    const [practice] = await db().select().from(practiceActivities).where(eq(practiceActivities.placementId, sam.placementId));
    const [before] = await db().select().from(activities).where(eq(activities.id, practice!.activityId));
    expect(before!.status).toBe("published");
    for (const who of [OTHER_LEADER, PROJECT_LEADER]) {
      const response = await post(`/beheer/havenstad/activiteiten/${practice!.activityId}`, who, { intent: "cancel", confirm: "on" });
      expect(response.status, who).toBeGreaterThanOrEqual(400);
      expect(response.status, who).toBeLessThan(500);
    }
    const [after] = await db().select().from(activities).where(eq(activities.id, practice!.activityId));
    expect(after!.status).toBe("published");
  });
});

describe("a practice activity that is not published yet", () => {
  it("is the trainee's plan: course leaders of other cohorts and the project leader do not find it in the general activity pages", async () => {
    const plan = { intent: "save", idea: "Een knutselmiddag.", goal: "Samen iets maken.", targetGroup: "Kinderen van 6 tot 10 jaar", title: "GEHEIMPLAN knutselmiddag", description: "", category: "culture", neighbourhoodId: "", location: "Buurthuis", date: addDaysToLocalDate(todayInAmsterdam(), 20), startTime: "14:00", endTime: "16:00", minAge: "6", maxAge: "10", capacity: "8" };
    expect((await post("/mijn-praktijk/activiteit", SECOND, plan)).status).toBe(302);
    const [practice] = await db().select().from(practiceActivities).where(eq(practiceActivities.placementId, lotte.placementId));
    for (const who of [OTHER_LEADER, LEADER, PROJECT_LEADER]) {
      const list = await (await get("/beheer/havenstad/activiteiten?weergave=concepten", who)).text();
      expect(list, who).not.toContain("GEHEIMPLAN");
      expect((await get(`/beheer/havenstad/activiteiten/${practice!.activityId}`, who)).status, who).toBe(404);
    }
    // The placement's own page shows it to the cohort's course leader.
    expect(await (await get(`/beheer/havenstad/praktijk/${lotte.placementId}/activiteit`, LEADER)).text()).toContain("GEHEIMPLAN");
  });
});

describe("assessing a final report", () => {
  it("saves levels only for the report the reviewer read: a report sent back and handed in again since the page was shown is refused", async () => {
    const own = "/mijn-praktijk/eindverslag";
    const staff = `/beheer/havenstad/praktijk/${lotte.placementId}/eindverslag`;
    expect((await post(own, SECOND, { intent: "submit", body: "Mijn eerste verslag." })).status).toBe(302);
    const page = await (await get(staff, SUPERVISOR)).text();
    expect(page).toContain("Mijn eerste verslag.");
    const assessForm = hiddenFieldsOf(page, "", "assess");
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The course leader sends it back; the trainee hands in something else.
    expect((await post(staff, LEADER, { intent: "sendBack", comment: "Schrijf meer over je activiteit." })).status).toBe(302);
    expect((await post(own, SECOND, { intent: "submit", body: "Een heel ander verslag." })).status).toBe(302);
    const levels = Object.fromEntries(lotte.course.competences.map((c) => [`level-${c.id}`, String(c.levels[0])]));
    const assess = await post(staff, SUPERVISOR, { ...assessForm, ...levels });
    expect(assess.status).toBe(409);
    expect(await assess.text()).toContain("Het verslag is opnieuw ingediend nadat je het opende");
    expect(await db().select().from(assessments).where(eq(assessments.enrolmentId, lotte.enrolmentId))).toEqual([]);
    const [report] = await db().select().from(finalReports).where(eq(finalReports.placementId, lotte.placementId));
    expect(report!.status).toBe("submitted");
    // Read again, it can be assessed.
    const again = hiddenFieldsOf(await (await get(staff, SUPERVISOR)).text(), "", "assess");
    expect((await post(staff, SUPERVISOR, { ...again, ...levels })).status).toBe(302);
    const [assessed] = await db().select().from(finalReports).where(eq(finalReports.placementId, lotte.placementId));
    expect(assessed!.status).toBe("assessed");
  });
});

describe("the same hours twice", () => {
  it("a form sent twice (a double click without JavaScript) or an overlapping entry is refused: hours count once", async () => {
    const date = addDaysToLocalDate(lastWeekday(6), -7);
    const fields = { intent: "log", date, start: "09:00", end: "11:00", description: "Dubbel ingestuurd", kind: "placement" };
    const [first, second] = await Promise.all([post("/mijn-praktijk/uren", TRAINEE, fields), post("/mijn-praktijk/uren", TRAINEE, fields)]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    const overlapping = await post("/mijn-praktijk/uren", TRAINEE, { ...fields, start: "10:30", end: "12:00", description: "Half eroverheen" });
    expect(overlapping.status).toBe(409);
    expect(await overlapping.text()).toContain("overlappen");
    const rows = await db().select().from(practiceHours).where(and(eq(practiceHours.placementId, sam.placementId), inArray(practiceHours.description, ["Dubbel ingestuurd", "Half eroverheen"])));
    expect(rows).toHaveLength(1);
    // Right after it is fine, and so is moving an entry within its own time.
    expect((await post("/mijn-praktijk/uren", TRAINEE, { ...fields, start: "11:00", end: "12:00", description: "Direct erna" })).status).toBe(302);
    expect((await post("/mijn-praktijk/uren", TRAINEE, { ...fields, intent: "edit", id: rows[0]!.id, start: "09:30", end: "11:00" })).status).toBe(302);
  });
});

describe("planned hours", () => {
  it("are signed off once they have been worked: an entry planned for next week cannot count toward the target yet", async () => {
    const date = addDaysToLocalDate(todayInAmsterdam(), 7);
    expect((await post("/mijn-praktijk/uren", TRAINEE, { intent: "log", date, start: "13:00", end: "15:00", description: "Gepland voor volgende week", kind: "placement" })).status).toBe(302);
    const [planned] = await db().select().from(practiceHours).where(and(eq(practiceHours.placementId, sam.placementId), eq(practiceHours.description, "Gepland voor volgende week")));
    const staffPath = `/beheer/havenstad/praktijk/${sam.placementId}/uren`;
    const page = await (await get(staffPath, SUPERVISOR)).text();
    expect(page).not.toContain(`name="ids" value="${planned!.id}"`);
    const signOff = await post(staffPath, SUPERVISOR, { ...hiddenFieldsOf(page, "aftekenen"), ids: planned!.id, confirmGuard: "on" });
    expect(signOff.status).toBe(409);
    const [after] = await db().select().from(practiceHours).where(eq(practiceHours.id, planned!.id));
    expect(after!.status).toBe("submitted");
  });
});

describe("a ceremony that has begun", () => {
  it("is not published into the public calendar any more: family could sign up for something that is already under way", async () => {
    const startsAt = new Date(Date.now() - 60 * 60_000);
    const [ceremony] = await db()
      .insert(ceremonies)
      .values({ municipalityId: sam.municipalityId, title: "Uitreiking van vanmiddag", startsAt, endsAt: new Date(startsAt.getTime() + 3 * 60 * 60_000), location: "Stadhuis" })
      .returning({ id: ceremonies.id });
    const path = `/beheer/havenstad/eindpresentaties/${ceremony!.id}`;
    const page = await (await get(path, PROJECT_LEADER)).text();
    expect(page).not.toContain('name="intent" value="publish"');
    const response = await post(path, PROJECT_LEADER, { intent: "publish", capacity: "" });
    expect(response.status).toBe(400);
    const [after] = await db().select().from(ceremonies).where(eq(ceremonies.id, ceremony!.id));
    expect(after!.activityId).toBeNull();
  });
});
