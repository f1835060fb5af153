/**
 * Practice hours over HTTP against the real server: the trainee logs, changes and deletes hours;
 * the supervisor signs them off (several at once) or returns one with a comment (a mail to the
 * trainee), the trainee corrects and submits again; only signed-off hours count. A 14-year-old's
 * Sunday warns and cannot be signed off without the confirmation, and the database refuses it
 * too. Course leader and project leader read along; a supervisor of another partner, a colleague
 * at the same partner and staff of another municipality reach nothing and change nothing.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hoursSummary } from "~/features/practice/hours-reads.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { personalDataAccessLog, practiceHours } from "~/lib/db/schema";
import { addDaysToLocalDate } from "~/lib/time";
import { todayInAmsterdam } from "~/features/training/age";
import { mailsTo, query } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { createPartner, createPlacementFixture, createSupervisor, lastWeekday, type PlacementFixture } from "../support/practice-hours";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};

const NOOR = "noor-uren@example.org"; // 14
const DAAN = "daan-uren@example.org"; // 20
const RIVKA = "rivka-uren@example.org"; // in Rivierendal
const SUPERVISOR = "begeleider-a-uren@havenstad.example";
const COLLEAGUE = "collega-a-uren@havenstad.example";
const OTHER_PARTNER = "begeleider-b-uren@havenstad.example";
const RIVER_SUPERVISOR = "begeleider-uren@rivierendal.example";
const LEADER = "cursusleider@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";
const RIVER_PROJECT_LEADER = "projectleider@rivierendal.example";

let noor: PlacementFixture;
let daan: PlacementFixture;
let rivka: PlacementFixture;
let supervisorId: string;

const SCHOOL_DAY = () => lastWeekday(2);
const SUNDAY = () => lastWeekday(0);
const SATURDAY = () => lastWeekday(6);

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const partnerA = await createPartner("havenstad");
  const partnerB = await createPartner("havenstad");
  const partnerR = await createPartner("rivierendal");
  supervisorId = await createSupervisor(SUPERVISOR, partnerA, "havenstad", "Bea Begeleider");
  await createSupervisor(COLLEAGUE, partnerA, "havenstad", "Chris Collega");
  const otherSupervisor = await createSupervisor(OTHER_PARTNER, partnerB, "havenstad", "Bob Anderepartner");
  const riverSupervisor = await createSupervisor(RIVER_SUPERVISOR, partnerR, "rivierendal", "Rik Rivier");
  const leaderId = await userIdOf(LEADER);
  noor = await createPlacementFixture({ traineeEmail: NOOR, traineeName: "Noor Veertien", age: 14, partnerId: partnerA, supervisorId, courseLeaderIds: [leaderId] });
  daan = await createPlacementFixture({ traineeEmail: DAAN, traineeName: "Daan Twintig", age: 20, partnerId: partnerA, supervisorId, courseLeaderIds: [leaderId] });
  rivka = await createPlacementFixture({ traineeEmail: RIVKA, traineeName: "Rivka Rivier", age: 15, partnerId: partnerR, supervisorId: riverSupervisor, municipalitySlug: "rivierendal" });
  void otherSupervisor;
  for (const email of [NOOR, DAAN, RIVKA, SUPERVISOR, COLLEAGUE, OTHER_PARTNER, RIVER_SUPERVISOR, LEADER, PROJECT_LEADER, RIVER_PROJECT_LEADER]) {
    cookies[email] = (await sessionCookieFor(database.url, email)).header;
  }
});
afterAll(async () => {
  await server?.stop();
});

function post(path: string, who: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return fetch(`${server.url}${path}`, { method: "POST", headers: { cookie: cookies[who] ?? "", origin: server.url, "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
}
function get(path: string, who?: string) {
  return fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });
}
const OWN = "/mijn-praktijk/uren";
const staffPath = (f: PlacementFixture, slug = "havenstad") => `/beheer/${slug}/praktijk/${f.placementId}/uren`;

async function entriesOf(f: PlacementFixture) {
  return db().select().from(practiceHours).where(eq(practiceHours.placementId, f.placementId)).orderBy(practiceHours.startsAt, practiceHours.createdAt);
}
async function snapshot() {
  return JSON.stringify(await db().select().from(practiceHours).orderBy(practiceHours.id));
}
const entry = (fields: Partial<Record<string, string>> = {}) => ({ intent: "log", date: SCHOOL_DAY(), start: "15:00", end: "16:30", description: "Voetbaltraining voor de jongste groep", kind: "placement", ...fields }) as Record<string, string>;

describe("logging hours", () => {
  it("saves an entry as submitted, with its learning goal, and lists it", async () => {
    const response = await post(OWN, NOOR, entry({ learningGoalId: noor.goalIds[0]! }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("melding=opgeslagen");
    const [row] = await entriesOf(noor);
    expect(row).toMatchObject({ status: "submitted", guardWarnings: [], learningGoalId: noor.goalIds[0], kind: "placement", traineeUserId: noor.traineeUserId, municipalityId: noor.municipalityId });
    expect((row!.endsAt.getTime() - row!.startsAt.getTime()) / 60_000).toBe(90);
    const page = await (await get(OWN, NOOR)).text();
    expect(page).toContain("Voetbaltraining voor de jongste groep");
    expect(page).toContain("Wacht op aftekenen");
    expect(page).toContain("Een groep kinderen begeleiden");
    expect(page).toMatch(/0 van 15 uur afgetekend/);
    expect(page).toMatch(/1,5 uur wacht nog op aftekenen/);
    expect(page).toMatch(/<progress[^>]*max="15"[^>]*value="0"/);
  });

  it("counts the other entries of the day: a second entry past two hours on a school day warns on both, deleting it clears both", async () => {
    const response = await post(OWN, NOOR, entry({ start: "16:30", end: "17:15", description: "Opruimen" }));
    expect(response.headers.get("location")).toContain("melding=let-op");
    const rows = (await entriesOf(noor)).filter((r) => r.startsAt.toISOString().slice(0, 10) <= SCHOOL_DAY());
    expect(rows.map((r) => r.guardWarnings)).toEqual([["school_day_limit"], ["school_day_limit"]]);
    const page = await (await get(response.headers.get("location")!, NOOR)).text();
    expect(page).toContain("Op een schooldag mag je samen niet meer dan 2 uur werken.");
    const second = rows.find((r) => r.description === "Opruimen")!;
    expect((await post(OWN, NOOR, { intent: "delete", id: second.id })).status).toBe(302);
    const after = await entriesOf(noor);
    expect(after.map((r) => r.guardWarnings)).toEqual([[]]);
  });

  it("warns a 14-year-old about Sunday, on saving and in the list, and tells the supervisor", async () => {
    const response = await post(OWN, NOOR, entry({ date: SUNDAY(), start: "10:00", end: "12:00", description: "Zondagsmarkt" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/melding=let-op&uren=[0-9a-f-]{36}/);
    const sunday = (await entriesOf(noor)).find((r) => r.description === "Zondagsmarkt")!;
    expect(sunday.guardWarnings).toEqual(["sunday"]);
    const saved = await (await get(response.headers.get("location")!, NOOR)).text();
    expect(saved).toContain("Je uren zijn opgeslagen. Let op: ze passen niet binnen de regels voor jongeren.");
    expect(saved).toContain("Als je 13 of 14 bent, mag je niet op zondag werken.");
    const staff = await (await get(staffPath(noor), SUPERVISOR)).text();
    expect(staff).toContain("Op zondag (13 en 14 jaar)");
  });

  it("treats a weekday in a school holiday as another day", async () => {
    const response = await post(OWN, NOOR, entry({ date: addDaysToLocalDate(SCHOOL_DAY(), -7), start: "10:00", end: "13:00", description: "Vakantieweek", schoolHoliday: "on" }));
    expect(response.headers.get("location")).toContain("melding=opgeslagen");
    const row = (await entriesOf(noor)).find((r) => r.description === "Vakantieweek")!;
    expect(row).toMatchObject({ schoolHoliday: true, guardWarnings: [] });
  });

  it.each([
    ["an end before the start", { start: "16:00", end: "15:00" }, "end", "De eindtijd moet na de begintijd liggen"],
    ["an end equal to the start", { start: "16:00", end: "16:00" }, "end", "De eindtijd moet na de begintijd liggen"],
    ["more than 12 hours", { start: "06:00", end: "18:01" }, "end", "hoogstens 12 uur"],
    ["a date that does not exist", { date: "2026-02-30" }, "date", "Vul een datum in als jjjj-mm-dd"],
    ["a time that does not exist", { start: "25:00" }, "start", "Vul een tijd in als uu:mm"],
    ["a time with seconds", { end: "16:30:00" }, "end", "Vul een tijd in als uu:mm"],
    ["a date more than 60 days ahead", { date: addDaysToLocalDate(todayInAmsterdam(), 61) }, "date", "tot 60 dagen vooruit"],
    ["a date before the placement started", { date: addDaysToLocalDate(todayInAmsterdam(), -45) }, "date", "voor het begin van je praktijkplaats"],
    ["no description", { description: "   " }, "description", "Wat heb je gedaan?"],
    ["an unknown kind", { kind: "overtime" }, "kind", "Soort uren"],
  ] as const)("refuses %s with a 400 and writes nothing", async (_label, fields, field, message) => {
    const before = await snapshot();
    const response = await post(OWN, NOOR, entry(fields));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`href="#field-${field}"`);
    expect(html).toContain(message);
    expect(await snapshot()).toBe(before);
  });

  it("refuses a learning goal of someone else's enrolment", async () => {
    const before = await snapshot();
    const response = await post(OWN, NOOR, entry({ learningGoalId: daan.goalIds[0]! }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies een van je eigen leerdoelen");
    expect(await snapshot()).toBe(before);
  });

  it("allows planning ahead: a date 60 days from today is accepted and stays submitted", async () => {
    const response = await post(OWN, DAAN, entry({ date: addDaysToLocalDate(todayInAmsterdam(), 60), description: "Gepland" }));
    expect(response.status).toBe(302);
    const planned = (await entriesOf(daan)).find((r) => r.description === "Gepland")!;
    expect(planned.status).toBe("submitted");
    expect((await post(OWN, DAAN, { intent: "delete", id: planned.id })).status).toBe(302);
  });

  it("lets the trainee change a submitted entry, which stays submitted", async () => {
    // The entry logged at these times first: moving another entry onto them would log the same hours twice.
    const first = (await entriesOf(noor)).find((r) => r.description === "Voetbaltraining voor de jongste groep");
    const response = await post(OWN, NOOR, { ...entry({ description: "Voetbaltraining, nu met warming-up" }), intent: "edit", id: first!.id });
    expect(response.status).toBe(302);
    const [changed] = await db().select().from(practiceHours).where(eq(practiceHours.id, first!.id));
    expect(changed).toMatchObject({ status: "submitted", description: "Voetbaltraining, nu met warming-up", learningGoalId: null });
  });

  it("refuses the trainee's post about another trainee's entry with a 404 and changes nothing", async () => {
    await post(OWN, DAAN, entry({ description: "Daans uren" }));
    const daans = (await entriesOf(daan)).find((r) => r.description === "Daans uren")!;
    const before = await snapshot();
    expect((await post(OWN, NOOR, { intent: "delete", id: daans.id })).status).toBe(404);
    expect((await post(OWN, NOOR, { ...entry(), intent: "edit", id: daans.id })).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it("gives someone without a placement a 404", async () => {
    expect((await get(OWN, LEADER)).status).toBe(404);
    expect((await post(OWN, LEADER, entry())).status).toBe(404);
  });
});

describe("signing off and returning", () => {
  it("refuses to sign off a warned entry without the confirmation, naming the reason, and changes nothing", async () => {
    const sunday = (await entriesOf(noor)).find((r) => r.description === "Zondagsmarkt")!;
    const before = await snapshot();
    const response = await post(staffPath(noor), SUPERVISOR, { intent: "signOff", ids: sunday.id });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Zet eerst een vinkje bij de bevestiging");
    expect(html).toContain('href="#field-confirmGuard"');
    expect(await snapshot()).toBe(before);
  });

  it("lets the database refuse a sign-off of a warned entry without confirmation", async () => {
    const sunday = (await entriesOf(noor)).find((r) => r.description === "Zondagsmarkt")!;
    await expect(query(database.url, "update practice_hours set status = 'signed_off', reviewed_at = now(), reviewed_by = $2 where id = $1", [sunday.id, supervisorId])).rejects.toThrow(
      /practice_hours_guard_confirmed_before_sign_off/,
    );
    const [row] = await db().select().from(practiceHours).where(eq(practiceHours.id, sunday.id));
    expect(row!.status).toBe("submitted");
  });

  it("signs off several entries at once with the confirmation, recording who confirmed", async () => {
    const ids = (await entriesOf(noor)).filter((r) => r.status === "submitted").map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const response = await post(staffPath(noor), SUPERVISOR, { intent: "signOff", ids, confirmGuard: "on" });
    expect(response.status).toBe(302);
    const rows = await db().select().from(practiceHours).where(inArray(practiceHours.id, ids));
    for (const row of rows) {
      expect(row).toMatchObject({ status: "signed_off", reviewedBy: supervisorId });
      if (row.guardWarnings.length > 0) expect(row).toMatchObject({ guardConfirmedBy: supervisorId, guardConfirmedAt: expect.any(Date) });
      else expect(row.guardConfirmedAt).toBeNull();
    }
    const log = await db().select().from(personalDataAccessLog).where(and(eq(personalDataAccessLog.subjectUserId, noor.traineeUserId), eq(personalDataAccessLog.resource, "practice_hours")));
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(["view", "change"]));
  });

  it("does not let the trainee change or delete signed-off hours", async () => {
    const [signed] = (await entriesOf(noor)).filter((r) => r.status === "signed_off");
    const before = await snapshot();
    expect((await post(OWN, NOOR, { intent: "delete", id: signed!.id })).status).toBe(409);
    expect((await post(OWN, NOOR, { ...entry(), intent: "edit", id: signed!.id })).status).toBe(409);
    expect(await snapshot()).toBe(before);
  });

  it("refuses to sign off again what is already signed off", async () => {
    const [signed] = (await entriesOf(noor)).filter((r) => r.status === "signed_off");
    const response = await post(staffPath(noor), SUPERVISOR, { intent: "signOff", ids: signed!.id, confirmGuard: "on" });
    expect(response.status).toBe(409);
  });

  it("returns an entry only with a comment, mails the trainee, and the corrected entry is submitted again", async () => {
    await post(OWN, NOOR, entry({ date: SATURDAY(), start: "10:00", end: "12:00", description: "Speeltuin opknappen" }));
    const row = (await entriesOf(noor)).find((r) => r.description === "Speeltuin opknappen")!;
    const empty = await post(staffPath(noor), SUPERVISOR, { intent: "return", id: row.id, comment: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#field-comment"');
    expect((await db().select().from(practiceHours).where(eq(practiceHours.id, row.id)))[0]!.status).toBe("submitted");

    const response = await post(staffPath(noor), SUPERVISOR, { intent: "return", id: row.id, comment: "Je begon om 11:00, niet om 10:00." });
    expect(response.status).toBe(302);
    const [returned] = await db().select().from(practiceHours).where(eq(practiceHours.id, row.id));
    expect(returned).toMatchObject({ status: "returned", returnComment: "Je begon om 11:00, niet om 10:00.", reviewedBy: supervisorId });
    const mail = (await mailsTo(database.url, NOOR)).filter((m) => m.kind === "practice-hours-returned").at(-1)!;
    expect(mail.subject).toBe("Je praktijkuren zijn teruggestuurd");
    expect(mail.text_body).toContain("Je begon om 11:00, niet om 10:00.");
    expect(mail.text_body).toContain("/mijn-praktijk/uren");

    const page = await (await get(OWN, NOOR)).text();
    expect(page).toContain("Teruggestuurd");
    expect(page).toContain("Opmerking van je praktijkbegeleider: Je begon om 11:00, niet om 10:00.");

    const corrected = await post(OWN, NOOR, { ...entry({ date: SATURDAY(), start: "11:00", end: "12:00", description: "Speeltuin opknappen" }), intent: "edit", id: row.id });
    expect(corrected.headers.get("location")).toContain("melding=opnieuw-ingestuurd");
    const [again] = await db().select().from(practiceHours).where(eq(practiceHours.id, row.id));
    expect(again).toMatchObject({ status: "submitted", reviewedAt: null, reviewedBy: null });
    expect(again!.returnComment).toBe("Je begon om 11:00, niet om 10:00.");
  });

  it("counts only signed-off hours, in the page and in the summary for colleagues", async () => {
    const rows = await entriesOf(noor);
    const minutes = (status: string) => rows.filter((r) => r.status === status).reduce((sum, r) => sum + (r.endsAt.getTime() - r.startsAt.getTime()) / 60_000, 0);
    const summary = await hoursSummary(noor.municipalityId as MunicipalityId, [noor.placementId, daan.placementId, rivka.placementId]);
    expect(summary.get(noor.placementId)).toMatchObject({ signedOffMinutes: minutes("signed_off"), submittedMinutes: minutes("submitted"), entriesWithWarnings: 0, lastSignedOffAt: expect.any(Date), lastLoggedAt: expect.any(Date) });
    expect(summary.get(daan.placementId)).toMatchObject({ signedOffMinutes: 0, entriesWithWarnings: 0 });
    // Another municipality's placement gets nothing from this municipality's scope.
    expect(summary.get(rivka.placementId)).toMatchObject({ signedOffMinutes: 0, submittedMinutes: 0, lastLoggedAt: null });
    const page = await (await get(OWN, NOOR)).text();
    const signedOffHours = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }).format(Math.floor(minutes("signed_off") / 6) / 10);
    expect(page).toContain(`${signedOffHours} van 15 uur afgetekend.`);
  });
});

describe("who may see and act", () => {
  it("shows the page read-only to the cohort's course leader and the project leader, who cannot sign off", async () => {
    const waiting = (await entriesOf(noor)).find((r) => r.status === "submitted")!;
    for (const who of [LEADER, PROJECT_LEADER]) {
      const response = await get(staffPath(noor), who);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Alleen de praktijkbegeleider tekent ze af.");
      expect(html).not.toContain('id="aftekenen"');
      const before = await snapshot();
      expect((await post(staffPath(noor), who, { intent: "signOff", ids: waiting.id, confirmGuard: "on" })).status).toBe(403);
      expect((await post(staffPath(noor), who, { intent: "return", id: waiting.id, comment: "Nee" })).status).toBe(403);
      expect(await snapshot()).toBe(before);
    }
  });

  it("gives a supervisor of another partner and a colleague at the same partner a 404, changing nothing", async () => {
    const waiting = (await entriesOf(noor)).find((r) => r.status === "submitted")!;
    for (const who of [OTHER_PARTNER, COLLEAGUE]) {
      expect((await get(staffPath(noor), who)).status).toBe(404);
      const before = await snapshot();
      expect((await post(staffPath(noor), who, { intent: "signOff", ids: waiting.id, confirmGuard: "on" })).status).toBe(404);
      expect((await post(staffPath(noor), who, { intent: "return", id: waiting.id, comment: "Nee" })).status).toBe(404);
      expect(await snapshot()).toBe(before);
    }
  });

  it("keeps another municipality's placement unreachable, by its own address and through this one's", async () => {
    await post(OWN, RIVKA, entry({ description: "Rivierendal uren" }));
    const rivkas = (await entriesOf(rivka)).find((r) => r.description === "Rivierendal uren")!;
    expect((await get(staffPath(rivka, "havenstad"), PROJECT_LEADER)).status).toBe(404);
    expect((await get(staffPath(rivka, "rivierendal"), SUPERVISOR)).status).toBe(404);
    expect((await get(staffPath(noor, "rivierendal"), RIVER_PROJECT_LEADER)).status).toBe(404);
    expect((await get(staffPath(noor, "havenstad"), RIVER_SUPERVISOR)).status).toBe(404);
    const before = await snapshot();
    // Its entry's id posted to a placement this supervisor does supervise: not found there.
    expect((await post(staffPath(noor), SUPERVISOR, { intent: "signOff", ids: rivkas.id, confirmGuard: "on" })).status).toBe(404);
    expect((await post(staffPath(noor), SUPERVISOR, { intent: "return", id: rivkas.id, comment: "Nee" })).status).toBe(404);
    expect((await post(OWN, NOOR, { intent: "delete", id: rivkas.id })).status).toBe(404);
    expect(await snapshot()).toBe(before);
    expect((await get(staffPath(rivka, "rivierendal"), RIVER_SUPERVISOR)).status).toBe(200);
  });

  it("sends someone who is not signed in to the sign-in page", async () => {
    expect((await get(OWN)).status).toBe(302);
    expect((await get(staffPath(noor))).status).toBe(302);
  });
});
