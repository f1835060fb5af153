/**
 * The activity and registration rules, told as the stories organisers and residents live through:
 * the waitlist moving up, places added or taken away, the same person signing up twice, an
 * activity called off, clock changes, and what staff may touch. Real PostgreSQL, and the real
 * server for the pages.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityToIcs } from "~/features/activities/ics.server";
import { createActivities, changeActivityStatus, updateActivity, type ActivityAuthor } from "~/features/activities/writes.server";
import type { ActivityCreateInput } from "~/features/activities/schema";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import {
  addWalkIn,
  cancelRegistrationByToken,
  findRegistrationByToken,
  recordAttendance,
  registerForActivity,
  type RegistrationError,
} from "~/features/registrations/writes.server";
import { db } from "~/lib/db/client.server";
import { activities, neighbourhoods, outboxEmails, partnerOrganisations, registrations, users } from "~/lib/db/schema";
import { formatInZone, utcToZonedLocal } from "~/lib/time";
import { cancelTokenFromMail, createTestActivity, municipalityIdOf, placeCounts } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { sessionCookieFor } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let server: TestServer;
let havenstad: MunicipalityId;
let leader: ActivityAuthor;

beforeAll(async () => {
  // The server fills the empty database with the demo network, demo activities included.
  server = await startTestServer({ databaseUrl: database.url });
  havenstad = (await municipalityIdOf("havenstad")) as MunicipalityId;
  const [courseLeader] = await db().select({ id: users.id }).from(users).where(eq(users.email, "cursusleider@havenstad.example"));
  leader = { userId: courseLeader!.id, partnerChoice: "any" };
});
afterAll(async () => {
  await server?.stop();
});

/** The clock reaches the activity: it began a minute ago (sign-ups close at the start, so they come first). */
async function beginNow(activityId: string) {
  await db()
    .update(activities)
    .set({ startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000) })
    .where(eq(activities.id, activityId));
}

let emailCounter = 0;
function signUp(activityId: string, email = `bewoner${++emailCounter}@example.org`) {
  return registerForActivity({ activityId, name: "Bewoner", email, ageGroup: "27_66", locale: "nl" });
}

async function mailsTo(email: string) {
  return db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, email));
}

function formInput(overrides: Partial<ActivityCreateInput>): ActivityCreateInput {
  return {
    title: "Buurtvoetbal",
    description: "",
    category: "sport",
    neighbourhoodId: null,
    location: "Speelveld",
    date: "2099-06-01",
    startTime: "14:00",
    endTime: "16:00",
    minAge: null,
    maxAge: null,
    capacity: 10,
    waitlistEnabled: true,
    registration: "required",
    organiserName: "Citytrainer Daan",
    partnerOrganisationId: null,
    removeImage: false,
    repeatWeeks: 1,
    ...overrides,
  };
}

describe("demo activities", () => {
  it("fill Havenstad's calendar with over 300 upcoming activities and keep every counter true", async () => {
    const [upcoming] = await db()
      .select({ n: count() })
      .from(activities)
      .where(and(eq(activities.municipalityId, havenstad), eq(activities.status, "published"), sql`${activities.startsAt} > now()`));
    expect(upcoming!.n).toBeGreaterThanOrEqual(300);
    const perMunicipality = await db()
      .select({ municipalityId: activities.municipalityId, n: count() })
      .from(activities)
      .where(and(eq(activities.status, "published"), sql`${activities.startsAt} > now()`))
      .groupBy(activities.municipalityId);
    expect(perMunicipality.length).toBeGreaterThanOrEqual(3);
    expect(perMunicipality.every((row) => row.n >= 15)).toBe(true);
    const wrongCounters = await db().execute(sql`
      select a.id from activities a
      where a.confirmed_count <> (select count(*) from registrations r where r.activity_id = a.id and r.status = 'confirmed')`);
    expect(wrongCounters.rows).toHaveLength(0);
    const fullWithWaitlist = await db().execute(sql`
      select a.id from activities a
      where a.capacity is not null and a.confirmed_count >= a.capacity
        and exists (select 1 from registrations r where r.activity_id = a.id and r.status = 'waitlisted')`);
    expect(fullWithWaitlist.rows.length).toBeGreaterThan(3);
    const [series] = await db().select({ n: sql<number>`count(distinct ${activities.seriesId})::int` }).from(activities);
    expect(series!.n).toBeGreaterThan(5);
    const [walkIns] = await db().select({ n: count() }).from(activities).where(eq(activities.registrationRequired, false));
    expect(walkIns!.n).toBeGreaterThan(10);
  });
});

describe("signing up", () => {
  it("sends a confirmation with the details, a calendar attachment and a working cancellation link", async () => {
    const activityId = await createTestActivity({ capacity: 5, title: "Zaalvoetbal" });
    const result = await signUp(activityId, "lisa@example.org");
    expect(result).toMatchObject({ status: "confirmed", created: true });
    const [mail] = await mailsTo("lisa@example.org");
    expect(mail!.kind).toBe("registration-confirmed");
    expect(mail!.subject).toContain("Zaalvoetbal");
    expect(mail!.textBody).toContain(`/havenstad/activiteiten/${activityId}`);
    // "Aanmelding" is the word for it everywhere, the address in the mail included (docs/writing.md).
    expect(mail!.textBody).toMatch(/\/aanmelding\/[A-Za-z0-9_-]{43}/);
    const attachments = JSON.parse(mail!.attachments!) as { filename: string; content: string }[];
    expect(attachments[0]!.content).toContain("BEGIN:VTIMEZONE");
    expect(attachments[0]!.content).toContain("DTSTART;TZID=Europe/Amsterdam:");
    const token = await cancelTokenFromMail("lisa@example.org");
    const found = await findRegistrationByToken(token);
    expect(found).toMatchObject({ name: "Bewoner", status: "confirmed", activityTitle: "Zaalvoetbal", municipalitySlug: "havenstad" });
    expect(await findRegistrationByToken("not-a-real-token-but-long-enough")).toBeNull();
  });

  it("keeps the links of mails sent before the address became /aanmelding working", async () => {
    const activityId = await createTestActivity({ capacity: 5, title: "Voorleesochtend" });
    await signUp(activityId, "oude-link@example.org");
    const token = await cancelTokenFromMail("oude-link@example.org");
    const opened = await fetch(`${server.url}/inschrijving/${token}`, { redirect: "manual" });
    expect(opened.status).toBe(301);
    expect(opened.headers.get("location")).toBe(`/aanmelding/${token}`);
    // A cancel button on a page still open at the old address posts there: the post follows the redirect.
    const cancelled = await fetch(`${server.url}/inschrijving/${token}`, { method: "POST", headers: { origin: server.url }, redirect: "manual" });
    expect(cancelled.status).toBe(308);
    expect(cancelled.headers.get("location")).toBe(`/aanmelding/${token}`);
    const page = await fetch(`${server.url}/inschrijving/${token}`);
    expect(page.url).toBe(`${server.url}/aanmelding/${token}`);
    expect(await page.text()).toContain("Voorleesochtend");
    expect((await fetch(`${server.url}/inschrijving/onbekend-token-dat-niet-bestaat`)).status).toBe(404);
  });

  it("answers the same address again with the existing registration, changes nothing and mails that it was a repeat", async () => {
    const activityId = await createTestActivity({ capacity: 5 });
    const first = await signUp(activityId, "dubbel@example.org");
    const again = await signUp(activityId, "  DUBBEL@example.org ");
    expect(again).toEqual({ id: first.id, status: "confirmed", created: false, answer: "confirmed" });
    expect((await mailsTo("dubbel@example.org")).map((m) => m.kind).sort()).toEqual(["registration-alreadyConfirmed", "registration-confirmed"]);
    expect((await placeCounts(activityId)).confirmedCount).toBe(1);
  });

  it("refuses drafts, unknown ids, walk-in activities and activities that have begun, writing nothing", async () => {
    const draft = await createTestActivity({ status: "draft" });
    const walkIn = await createTestActivity({ registrationRequired: false, capacity: null });
    const begun = await createTestActivity({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) });
    const cancelled = await createTestActivity({ status: "cancelled" });
    const codeOf = (promise: Promise<unknown>) => promise.then(() => "accepted", (error: RegistrationError) => error.code);
    expect(await codeOf(signUp(draft))).toBe("not_found");
    expect(await codeOf(signUp("00000000-0000-4000-8000-000000000000"))).toBe("not_found");
    expect(await codeOf(signUp("not-a-uuid"))).toBe("not_found");
    expect(await codeOf(signUp(walkIn))).toBe("closed");
    expect(await codeOf(signUp(begun))).toBe("closed");
    expect(await codeOf(signUp(cancelled))).toBe("closed");
    for (const id of [draft, walkIn, begun, cancelled]) expect((await placeCounts(id)).rows).toHaveLength(0);
  });
});

describe("the waitlist", () => {
  it("moves the first person up when someone with a place cancels, and tells them", async () => {
    const activityId = await createTestActivity({ capacity: 2 });
    await signUp(activityId, "een@example.org");
    await signUp(activityId, "twee@example.org");
    const third = await signUp(activityId, "drie@example.org");
    const fourth = await signUp(activityId, "vier@example.org");
    expect([third.status, fourth.status]).toEqual(["waitlisted", "waitlisted"]);
    expect((await mailsTo("vier@example.org"))[0]!.textBody).toContain("plaats 2");

    const result = await cancelRegistrationByToken(await cancelTokenFromMail("een@example.org"), "nl");
    expect(result).toEqual({ activityId, activityTitle: expect.stringMatching(/^Testactiviteit \d+$/), status: "cancelled", alreadyCancelled: false });
    const counts = await placeCounts(activityId);
    expect(counts.confirmed.map((r) => r.email)).toEqual(["twee@example.org", "drie@example.org"]);
    expect(counts.waitlisted.map((r) => r.email)).toEqual(["vier@example.org"]);
    expect(counts.confirmedCount).toBe(2);
    expect((await mailsTo("drie@example.org")).map((m) => m.kind)).toEqual(["registration-waitlisted", "registration-promoted"]);
    expect((await mailsTo("een@example.org")).map((m) => m.kind)).toContain("registration-cancelled");
  });

  it("leaving the waitlist frees no place and promotes nobody", async () => {
    const activityId = await createTestActivity({ capacity: 1 });
    await signUp(activityId, "plek@example.org");
    await signUp(activityId, "wacht1@example.org");
    await signUp(activityId, "wacht2@example.org");
    await cancelRegistrationByToken(await cancelTokenFromMail("wacht1@example.org"), "nl");
    const counts = await placeCounts(activityId);
    expect(counts.confirmed.map((r) => r.email)).toEqual(["plek@example.org"]);
    expect(counts.waitlisted.map((r) => r.email)).toEqual(["wacht2@example.org"]);
  });

  it("moves people up in order when places are added, and everyone when the limit is lifted", async () => {
    const [created] = (await createActivities(havenstad, leader, formInput({ capacity: 2 }), null).then((r) => (r.ok ? r.ids : []))) ?? [];
    await changeActivityStatus(havenstad, created!, "publish", leader.userId);
    for (const name of ["a", "b", "c", "d", "e"]) await signUp(created!, `${name}@capaciteit.example`);

    expect((await updateActivity(havenstad, created!, leader, formInput({ capacity: 4 }), null)).ok).toBe(true);
    let counts = await placeCounts(created!);
    expect(counts.confirmed.map((r) => r.email)).toEqual(["a", "b", "c", "d"].map((n) => `${n}@capaciteit.example`));
    expect(counts.confirmedCount).toBe(4);
    expect((await mailsTo("c@capaciteit.example")).map((m) => m.kind)).toContain("registration-promoted");

    await updateActivity(havenstad, created!, leader, formInput({ capacity: null }), null);
    counts = await placeCounts(created!);
    expect(counts.confirmed).toHaveLength(5);
    expect(counts.waitlisted).toHaveLength(0);
    expect(counts.confirmedCount).toBe(5);
  });

  it("tells everyone of a move, but puts it in the calendar only of those with a place", async () => {
    const [id] = await createActivities(havenstad, leader, formInput({ capacity: 1 }), null).then((r) => (r.ok ? r.ids : []));
    await changeActivityStatus(havenstad, id!, "publish", leader.userId);
    await signUp(id!, "plaats@verhuis.example");
    expect((await signUp(id!, "wachtlijst@verhuis.example")).status).toBe("waitlisted");
    expect((await updateActivity(havenstad, id!, leader, formInput({ capacity: 1, location: "Ander buurthuis" }), null)).ok).toBe(true);
    const changed = async (email: string) => (await mailsTo(email)).find((m) => m.kind === "registration-activityChanged");
    expect(JSON.parse((await changed("plaats@verhuis.example"))!.attachments!)[0].content).toContain("STATUS:CONFIRMED");
    // A waitlist place is no appointment: the .ics would add a confirmed event to their calendar.
    expect((await changed("wachtlijst@verhuis.example"))!.attachments).toBeNull();
  });

  it("keeps everyone who has a place when places are taken away", async () => {
    const [id] = await createActivities(havenstad, leader, formInput({ capacity: 4 }), null).then((r) => (r.ok ? r.ids : []));
    await changeActivityStatus(havenstad, id!, "publish", leader.userId);
    for (const name of ["a", "b", "c", "d"]) await signUp(id!, `${name}@minder.example`);
    await updateActivity(havenstad, id!, leader, formInput({ capacity: 2 }), null);
    let counts = await placeCounts(id!);
    expect(counts.confirmed).toHaveLength(4);
    expect(counts.confirmedCount).toBe(4);
    expect((await signUp(id!, "e@minder.example")).status).toBe("waitlisted");
    // One of four leaves: three still exceed the two places, so nobody moves up.
    await cancelRegistrationByToken(await cancelTokenFromMail("a@minder.example"), "nl");
    counts = await placeCounts(id!);
    expect(counts.confirmed).toHaveLength(3);
    expect(counts.waitlisted.map((r) => r.email)).toEqual(["e@minder.example"]);
    expect(counts.confirmedCount).toBe(3);
  });
});

describe("calling an activity off", () => {
  it("tells everyone registered, the waitlist included, and closes sign-up", async () => {
    const activityId = await createTestActivity({ capacity: 1, title: "Buurtbarbecue" });
    await signUp(activityId, "bbq1@example.org");
    await signUp(activityId, "bbq2@example.org");
    const result = await changeActivityStatus(havenstad, activityId, "cancel", leader.userId);
    expect(result.ok).toBe(true);
    for (const email of ["bbq1@example.org", "bbq2@example.org"]) {
      const mail = (await mailsTo(email)).find((m) => m.kind === "registration-activityCancelled");
      expect(mail?.subject).toContain("Buurtbarbecue");
      expect(JSON.parse(mail!.attachments!)[0].content).toContain("STATUS:CANCELLED");
    }
    const [row] = await db().select().from(activities).where(eq(activities.id, activityId));
    expect(row!.status).toBe("cancelled");
    expect(row!.cancelledAt).not.toBeNull();
    await expect(signUp(activityId)).rejects.toMatchObject({ code: "closed" });
    expect((await changeActivityStatus(havenstad, activityId, "publish", leader.userId)).ok).toBe(false);
  });
});

function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

describe("clock changes", () => {
  const year = new Date().getUTCFullYear() + 1;
  const october = lastSunday(year, 10);
  const march = lastSunday(year, 3);

  it("stores 14:00 on the last Sundays of October and March as the right instants and shows 14:00", async () => {
    const autumn = await createActivities(havenstad, leader, formInput({ date: october, startTime: "14:00", endTime: "16:00" }), null);
    const spring = await createActivities(havenstad, leader, formInput({ date: march, startTime: "14:00", endTime: "16:00" }), null);
    if (!autumn.ok || !spring.ok) throw new Error("not created");
    const [a] = await db().select().from(activities).where(eq(activities.id, autumn.ids[0]!));
    const [s] = await db().select().from(activities).where(eq(activities.id, spring.ids[0]!));
    // Winter time (UTC+1) after the October change, summer time (UTC+2) after the March change.
    expect(a!.startsAt.toISOString()).toBe(`${october}T13:00:00.000Z`);
    expect(s!.startsAt.toISOString()).toBe(`${march}T12:00:00.000Z`);
    expect(formatInZone(a!.startsAt, "nl", { timeStyle: "short" })).toBe("14:00");
    expect(formatInZone(s!.endsAt, "nl", { timeStyle: "short" })).toBe("16:00");
    expect(utcToZonedLocal(a!.startsAt)).toEqual({ date: october, time: "14:00" });
    const ics = activityToIcs([{ ...a!, status: "published" }, { ...s!, status: "published" }], { calendarName: "Test", url: () => "https://example.org" });
    expect(ics).toContain(`DTSTART;TZID=Europe/Amsterdam:${october.replaceAll("-", "")}T140000`);
    expect(ics).toContain(`DTSTART;TZID=Europe/Amsterdam:${march.replaceAll("-", "")}T140000`);
  });

  it("keeps a weekly series at the same local time across the change", async () => {
    const start = new Date(`${march}T12:00:00Z`);
    start.setUTCDate(start.getUTCDate() - 7);
    const result = await createActivities(havenstad, leader, formInput({ date: start.toISOString().slice(0, 10), repeatWeeks: 3, startTime: "19:30", endTime: "21:00" }), null);
    if (!result.ok) throw new Error("not created");
    const rows = await db().select().from(activities).where(inArray(activities.id, result.ids)).orderBy(activities.startsAt);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    expect(rows.map((r) => formatInZone(r.startsAt, "nl", { timeStyle: "short" }))).toEqual(["19:30", "19:30", "19:30"]);
    // The week that contains the change is an hour shorter; the local time stays 19:30.
    expect(rows[1]!.startsAt.getTime() - rows[0]!.startsAt.getTime()).toBe(7 * 86_400_000 - 3_600_000);
    expect(rows[2]!.startsAt.getTime() - rows[1]!.startsAt.getTime()).toBe(7 * 86_400_000);
  });
});

describe("staff rules in the domain", () => {
  it("refuses a neighbourhood or partner of another municipality, and a partner contact choosing someone else's partner", async () => {
    const rivierendal = await municipalityIdOf("rivierendal");
    const [foreignNeighbourhood] = await db().select().from(neighbourhoods).where(eq(neighbourhoods.municipalityId, rivierendal));
    const [foreignPartner] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.municipalityId, rivierendal));
    const [loods] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, "Cultuurhuis De Loods"));
    const [otherPartner] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, "Welzijn Havenstad"));
    const before = (await db().select({ n: count() }).from(activities))[0]!.n;

    expect(await createActivities(havenstad, leader, formInput({ neighbourhoodId: foreignNeighbourhood!.id }), null)).toMatchObject({ ok: false, field: "neighbourhoodId" });
    expect(await createActivities(havenstad, leader, formInput({ partnerOrganisationId: foreignPartner!.id }), null)).toMatchObject({ ok: false, field: "partnerOrganisationId" });
    const partnerContact: ActivityAuthor = { userId: leader.userId, partnerChoice: [loods!.id] };
    expect(await createActivities(havenstad, partnerContact, formInput({ partnerOrganisationId: otherPartner!.id }), null)).toMatchObject({ ok: false, field: "partnerOrganisationId" });
    expect(await createActivities(havenstad, partnerContact, formInput({ partnerOrganisationId: null }), null)).toMatchObject({ ok: false, field: "partnerOrganisationId" });
    expect((await db().select({ n: count() }).from(activities))[0]!.n).toBe(before);
    expect((await createActivities(havenstad, partnerContact, formInput({ partnerOrganisationId: loods!.id }), null)).ok).toBe(true);
  });

  it("lets staff add a walk-in to a full activity and check in someone from the waitlist", async () => {
    const activityId = await createTestActivity({ capacity: 1 });
    await signUp(activityId, "vol@example.org");
    const waiting = await signUp(activityId, "wachtend@example.org");
    await beginNow(activityId);
    const walkIn = await addWalkIn(havenstad, activityId, { name: "Deur Gast", ageGroup: "16_17", email: null });
    expect(walkIn).toMatchObject({ ok: true, created: true });
    expect(await recordAttendance(havenstad, activityId, waiting.id, "attended")).toEqual({ ok: true });
    const counts = await placeCounts(activityId);
    expect(counts.confirmed).toHaveLength(3);
    expect(counts.confirmedCount).toBe(3);
    const [walkInRow] = await db().select().from(registrations).where(eq(registrations.id, walkIn.ok ? walkIn.id : ""));
    expect(walkInRow).toMatchObject({ isWalkIn: true, attendance: "attended", email: null, status: "confirmed" });
    // Another municipality's scope reaches nothing.
    const rivierendal = (await municipalityIdOf("rivierendal")) as MunicipalityId;
    expect(await recordAttendance(rivierendal, activityId, waiting.id, "no_show")).toMatchObject({ ok: false, message: "staffActivities.notFound" });
    expect(await addWalkIn(rivierendal, activityId, { name: "X", ageGroup: "16_17", email: null })).toMatchObject({ ok: false, message: "staffActivities.notFound" });
  });

  it("records no attendance and no walk-in before the activity starts, and writes nothing", async () => {
    const activityId = await createTestActivity({ capacity: 1, startsAt: new Date(Date.now() + 10 * 60_000) });
    const present = await signUp(activityId, "te-vroeg@example.org");
    const waiting = await signUp(activityId, "te-vroeg-wachtend@example.org");
    const before = await db().select().from(registrations).where(eq(registrations.activityId, activityId));
    const notStarted = { ok: false, field: "_form", message: "participants.notStarted" };
    for (const attendance of ["attended", "no_show", null] as const) {
      expect(await recordAttendance(havenstad, activityId, present.id, attendance), String(attendance)).toEqual(notStarted);
    }
    expect(await recordAttendance(havenstad, activityId, waiting.id, "attended")).toEqual(notStarted);
    expect(await addWalkIn(havenstad, activityId, { name: "Vroege Gast", ageGroup: "16_17", email: null })).toEqual(notStarted);
    expect(await addWalkIn(havenstad, activityId, { name: "Bekende", ageGroup: "27_66", email: "te-vroeg@example.org" })).toEqual(notStarted);
    expect(await db().select().from(registrations).where(eq(registrations.activityId, activityId))).toEqual(before);
    expect((await placeCounts(activityId)).confirmedCount).toBe(1);
  });
});

describe("staff pages over HTTP", () => {
  async function get(path: string, email: string) {
    const cookie = await sessionCookieFor(database.url, email);
    return fetch(`${server.url}${path}`, { headers: { cookie: cookie.header }, redirect: "manual" });
  }

  it("refuses check-in before the start with a message in the person's language, and offers it from the start", async () => {
    const activityId = await createTestActivity({ capacity: 5, startsAt: new Date(Date.now() + 3_600_000) });
    const person = await registerForActivity({ activityId, name: "Vroege Vogel", email: "vroeg@example.org", ageGroup: "18_26", locale: "nl" });
    const path = `/beheer/havenstad/activiteiten/${activityId}/deelnemers`;
    const cookie = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
    const post = (fields: Record<string, string>, language = "nl") =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { cookie: `${cookie}; buurtkracht_lang=${language}`, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });

    const page = await (await get(path, "projectleider@havenstad.example")).text();
    expect(page).toContain("Vroege Vogel");
    expect(page).not.toContain("Aanwezig: Vroege Vogel");
    expect(page).not.toContain('name="intent" value="walkIn"');
    expect(page).toContain("Aanwezigheid bijhouden en iemand aan de deur toevoegen kan vanaf het begin van de activiteit");

    const dutch = await post({ registrationId: person.id, attendance: "attended" });
    expect(dutch.status).toBe(400);
    expect(await dutch.text()).toContain("Deze activiteit is nog niet begonnen. Aanwezigheid houd je bij vanaf het begin.");
    const english = await post({ intent: "walkIn", name: "Early Bird", ageGroup: "18_26" }, "en");
    expect(english.status).toBe(400);
    expect(await english.text()).toContain("This activity has not started yet. Attendance can be recorded from its start.");
    const rows = await db().select().from(registrations).where(eq(registrations.activityId, activityId));
    expect(rows.map((r) => [r.name, r.attendance])).toEqual([["Vroege Vogel", null]]);

    await beginNow(activityId);
    expect(await (await get(path, "projectleider@havenstad.example")).text()).toContain("Aanwezig: Vroege Vogel");
    expect((await post({ registrationId: person.id, attendance: "attended" })).status).toBe(302);
    expect((await db().select().from(registrations).where(eq(registrations.id, person.id)))[0]!.attendance).toBe("attended");
  });

  it("shows a course leader the participants of their own activities only; the project leader sees all", async () => {
    const own = await createTestActivity({ title: "Eigen activiteit", createdBy: leader.userId, organiserUserId: leader.userId });
    const organised = await createTestActivity({ title: "Georganiseerd door de cursusleider", organiserUserId: leader.userId });
    const others = await createTestActivity({ title: "Van een collega" });
    for (const id of [own, organised, others]) {
      await registerForActivity({ activityId: id, name: "Privé Persoon", email: `prive-${id.slice(0, 8)}@example.org`, ageGroup: "12_15", locale: "nl" });
    }
    const courseLeader = "cursusleider@havenstad.example";
    for (const id of [own, organised]) {
      const page = await get(`/beheer/havenstad/activiteiten/${id}/deelnemers`, courseLeader);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Privé Persoon");
      const csv = await get(`/beheer/havenstad/activiteiten/${id}/deelnemers.csv`, courseLeader);
      expect(await csv.text()).toContain(`prive-${id.slice(0, 8)}@example.org`);
    }
    const page = await get(`/beheer/havenstad/activiteiten/${others}/deelnemers`, courseLeader);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Privé Persoon");
    const csv = await get(`/beheer/havenstad/activiteiten/${others}/deelnemers.csv`, courseLeader);
    expect(csv.status).toBe(404);
    expect(await csv.text()).not.toContain("@example.org");
    // The activity itself stays theirs to edit, without the way to the participants.
    const edit = await get(`/beheer/havenstad/activiteiten/${others}`, courseLeader);
    expect(edit.status).toBe(200);
    expect(await edit.text()).not.toContain(`/activiteiten/${others}/deelnemers`);
    expect(await (await get(`/beheer/havenstad/activiteiten/${own}`, courseLeader)).text()).toContain(`/activiteiten/${own}/deelnemers`);
    for (const path of [`/beheer/havenstad/activiteiten/${others}/deelnemers`, `/beheer/havenstad/activiteiten/${others}/deelnemers.csv`]) {
      expect((await get(path, "projectleider@havenstad.example")).status).toBe(200);
    }
  });

  it("exports participants as CSV with formula cells made harmless", async () => {
    const activityId = await createTestActivity({ capacity: 5, createdBy: leader.userId });
    await registerForActivity({ activityId, name: '=HYPERLINK("http://evil.example","klik")', email: "formule@example.org", ageGroup: "18_26", locale: "nl" });
    await registerForActivity({ activityId, name: "Jan; de \"Boer\"", email: "jan@example.org", ageGroup: "18_26", locale: "nl" });
    const response = await get(`/beheer/havenstad/activiteiten/${activityId}/deelnemers.csv`, "cursusleider@havenstad.example");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const body = await response.text();
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(body).toContain(`"Jan; de ""Boer"""`);
    expect(body).not.toMatch(/(^|;)=HYPERLINK/m);
  });

  it("answers 404 to a partner contact for another partner's activity and to another municipality's project leader", async () => {
    const [otherPartner] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, "Welzijn Havenstad"));
    const activityId = await createTestActivity({ partnerOrganisationId: otherPartner!.id });
    for (const path of [`/beheer/havenstad/activiteiten/${activityId}`, `/beheer/havenstad/activiteiten/${activityId}/deelnemers`, `/beheer/havenstad/activiteiten/${activityId}/deelnemers.csv`]) {
      expect((await get(path, "partner@havenstad.example")).status).toBe(404);
      expect((await get(path, "projectleider@rivierendal.example")).status).toBe(404);
      expect((await get(path, "projectleider@havenstad.example")).status).toBe(200);
    }
    expect((await get("/beheer/havenstad/activiteiten", "projectleider@rivierendal.example")).status).toBe(404);
    expect((await get("/beheer/havenstad/activiteiten", "begeleider@havenstad.example")).status).toBe(404);
  });

  it("refuses a cross-municipality neighbourhood posted to the form and writes nothing", async () => {
    const rivierendal = await municipalityIdOf("rivierendal");
    const [foreign] = await db().select().from(neighbourhoods).where(eq(neighbourhoods.municipalityId, rivierendal));
    const cookie = await sessionCookieFor(database.url, "cursusleider@havenstad.example");
    const form = new URLSearchParams({
      title: "Stiekeme activiteit",
      category: "sport",
      neighbourhoodId: foreign!.id,
      location: "Ergens",
      date: "2099-05-05",
      startTime: "10:00",
      endTime: "11:00",
      registration: "required",
      organiserName: "Iemand",
    });
    const response = await fetch(`${server.url}/beheer/havenstad/activiteiten/nieuw`, {
      method: "POST",
      headers: { cookie: cookie.header, "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: form,
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies een wijk van deze gemeente");
    const rows = await db().select().from(activities).where(eq(activities.title, "Stiekeme activiteit"));
    expect(rows).toHaveLength(0);
  });
});
