/**
 * Course groups (cohorts) as the project leader and course leaders use them, over real HTTP
 * against the built server and real PostgreSQL: opening and editing a cohort, who sees which
 * cohort, the schedule generated across the October clock change, the personal course calendar
 * feed, the trainee export, and the session reminders that go out once.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendSessionReminders } from "~/features/training/cohorts-jobs.server";
import { db } from "~/lib/db/client.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";
import {
  assessmentMoments,
  assessments,
  certificates,
  cohortCourseLeaders,
  cohortSessions,
  cohorts,
  outboxEmails,
  personalDataAccessLog,
  sessionAttendance,
  users,
} from "~/lib/db/schema";
import { createPerson, DEMO_PASSWORD } from "../support/accounts";
import { municipalityIdOf } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { addTestSession, createPublishedTrackVersion, createTestApplication, createTestCohort, enrolTrainee, userIdOf } from "../support/training-cohorts";

const database = useTestDatabase();
let server: TestServer;
let projectLeader = "";
let courseLeader = "";
let otherCourseLeader = "";
let version: Awaited<ReturnType<typeof createPublishedTrackVersion>>;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  projectLeader = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
  courseLeader = (await sessionCookieFor(database.url, "cursusleider@havenstad.example")).header;
  const otherId = await createPerson(database.url, { email: "tweede-cursusleider@havenstad.example", name: "Tess Tweede", password: DEMO_PASSWORD, role: "course_leader" });
  // Staff pages need two-step verification; this test is about what comes after it.
  await db().update(users).set({ twoFactorEnabled: true }).where(eq(users.id, otherId));
  otherCourseLeader = (await sessionCookieFor(database.url, "tweede-cursusleider@havenstad.example")).header;
  version = await createPublishedTrackVersion({ name: "Ik train mijn stad" });
});
afterAll(async () => {
  await server?.stop();
});

function get(path: string, cookie: string) {
  return fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
}

function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
}

async function cohortForm(overrides: Record<string, string | string[]> = {}) {
  return {
    trackVersionId: version.versionId,
    name: "Voorjaar 2027",
    location: "Buurthuis De Haven",
    courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")],
    maxSize: "12",
    applicationsOpenOn: "2027-01-05",
    applicationsCloseOn: "2027-02-15",
    startsOn: "2027-03-02",
    publish: "on",
    ...overrides,
  };
}

async function cohortCount() {
  const [row] = await db().select({ n: count() }).from(cohorts);
  return row!.n;
}

describe("opening and editing a cohort", () => {
  it("lets the project leader open a cohort with its course leaders, and shows it", async () => {
    const response = await post("/beheer/havenstad/cohorten/nieuw", projectLeader, await cohortForm({ name: "Voorjaar 2027 — Noord" }));
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    const id = /\/cohorten\/([0-9a-f-]{36})/.exec(location)![1]!;
    const [row] = await db().select().from(cohorts).where(eq(cohorts.id, id));
    expect(row).toMatchObject({ name: "Voorjaar 2027 — Noord", maxSize: 12, startsOn: "2027-03-02", applicationsCloseOn: "2027-02-15" });
    expect(row!.publishedAt).not.toBeNull();
    const leaders = await db().select().from(cohortCourseLeaders).where(eq(cohortCourseLeaders.cohortId, id));
    expect(leaders.map((l) => l.userId)).toEqual([await userIdOf("cursusleider@havenstad.example")]);
    const page = await get(location, projectLeader);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Voorjaar 2027 — Noord");
    expect(html).toContain("De cursusgroep is aangemaakt.");
    expect(html).toContain("0 van 12");
  });

  it("refuses a draft version, another municipality's version, a stranger as course leader and a period the wrong way round, writing nothing", async () => {
    const draft = await createPublishedTrackVersion({ published: false });
    const elsewhere = await createPublishedTrackVersion({ municipalitySlug: "rivierendal" });
    const partner = await userIdOf("partner@havenstad.example");
    const before = await cohortCount();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ trackVersionId: draft.versionId }, "Kies een gepubliceerd traject van je gemeente."],
      [{ trackVersionId: elsewhere.versionId }, "Kies een gepubliceerd traject van je gemeente."],
      [{ courseLeaderIds: [partner] }, "Kies een of meer cursusleiders van je gemeente."],
      [{ courseLeaderIds: [] }, "Kies een of meer cursusleiders van je gemeente."],
      [{ applicationsCloseOn: "2027-01-01" }, "De aanmelding kan niet sluiten voordat die opent."],
      [{ startsOn: "2027-02-01" }, "De eerste dag kan niet voor het einde van de aanmeldperiode liggen."],
      [{ maxSize: "0" }, "Vul een heel getal in van 1 tot en met 100."],
      [{ startsOn: "2027-02-30" }, "Vul een datum in"],
    ];
    for (const [override, message] of cases) {
      const response = await post("/beheer/havenstad/cohorten/nieuw", projectLeader, await cohortForm(override));
      expect(response.status, JSON.stringify(override)).toBe(400);
      expect(await response.text(), JSON.stringify(override)).toContain(message);
    }
    expect(await cohortCount()).toBe(before);
  });

  it("does not let a course leader open or edit a cohort", async () => {
    const before = await cohortCount();
    expect((await get("/beheer/havenstad/cohorten/nieuw", courseLeader)).status).toBe(404);
    expect((await post("/beheer/havenstad/cohorten/nieuw", courseLeader, await cohortForm())).status).toBe(404);
    const id = await createTestCohort({ versionId: version.versionId });
    expect((await get(`/beheer/havenstad/cohorten/${id}/bewerken`, courseLeader)).status).toBe(404);
    expect((await post(`/beheer/havenstad/cohorten/${id}/bewerken`, courseLeader, await cohortForm({ name: "Overgenomen" }))).status).toBe(404);
    expect(await cohortCount()).toBe(before + 1);
    const [row] = await db().select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, id));
    expect(row!.name).not.toBe("Overgenomen");
  });

  it("edits a cohort, swaps its course leaders, and never shrinks it below the trainees admitted", async () => {
    const id = await createTestCohort({ versionId: version.versionId });
    await db().update(cohorts).set({ admittedCount: 5 }).where(eq(cohorts.id, id));
    const other = await userIdOf("tweede-cursusleider@havenstad.example");
    const saved = await post(`/beheer/havenstad/cohorten/${id}/bewerken`, projectLeader, await cohortForm({ name: "Hernoemd", courseLeaderIds: [other], maxSize: "5" }));
    expect(saved.status).toBe(302);
    const [row] = await db().select().from(cohorts).where(eq(cohorts.id, id));
    expect(row).toMatchObject({ name: "Hernoemd", maxSize: 5 });
    const leaders = await db().select({ userId: cohortCourseLeaders.userId }).from(cohortCourseLeaders).where(eq(cohortCourseLeaders.cohortId, id));
    expect(leaders.map((l) => l.userId)).toEqual([other]);

    const refused = await post(`/beheer/havenstad/cohorten/${id}/bewerken`, projectLeader, await cohortForm({ name: "Te klein", maxSize: "4" }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Er zijn al meer cursisten toegelaten.");
    const [after] = await db().select().from(cohorts).where(eq(cohorts.id, id));
    expect(after).toMatchObject({ name: "Hernoemd", maxSize: 5 });
  });
});

describe("the cohort overview", () => {
  it("counts applications per status, attendance, assessments and certificates, without showing applicants", async () => {
    const withRubric = await createPublishedTrackVersion({ competences: 2 });
    const id = await createTestCohort({ versionId: withRubric.versionId, name: "Telgroep", maxSize: 10 });
    await db().update(cohorts).set({ admittedCount: 3 }).where(eq(cohorts.id, id));
    const statuses = ["pending", "submitted", "submitted", "intake_planned", "admitted", "admitted", "admitted", "waitlisted", "declined"] as const;
    for (const status of statuses) await createTestApplication(id, status, `Verborgen ${status}`);
    const [a, b, c] = [await enrolTrainee(id, { name: "Ada" }), await enrolTrainee(id, { name: "Ben" }), await enrolTrainee(id, { name: "Cem" })];
    const municipalityId = await municipalityIdOf("havenstad");
    const sessions = [await addTestSession(id, new Date("2099-03-01T18:00:00Z")), await addTestSession(id, new Date("2099-03-08T18:00:00Z"))];
    const attendance = [
      [sessions[0]!, a.enrolmentId, "present"],
      [sessions[0]!, b.enrolmentId, "present"],
      [sessions[0]!, c.enrolmentId, "absent"],
      [sessions[1]!, a.enrolmentId, "absent_with_notice"],
    ] as const;
    await db()
      .insert(sessionAttendance)
      .values(attendance.map(([sessionId, enrolmentId, status]) => ({ sessionId, enrolmentId, municipalityId, status })));
    const [moment] = await db().insert(assessmentMoments).values({ cohortId: id, municipalityId, position: 1, name: "Halverwege" }).returning({ id: assessmentMoments.id });
    await db()
      .insert(assessments)
      .values([
        { momentId: moment!.id, enrolmentId: a.enrolmentId, municipalityId, competenceId: withRubric.competenceIds[0]!, level: 2 },
        { momentId: moment!.id, enrolmentId: a.enrolmentId, municipalityId, competenceId: withRubric.competenceIds[1]!, level: 3 },
        { momentId: moment!.id, enrolmentId: b.enrolmentId, municipalityId, competenceId: withRubric.competenceIds[0]!, level: 1 },
      ]);
    await db().insert(certificates).values({
      enrolmentId: a.enrolmentId,
      municipalityId,
      userId: a.userId,
      kind: "participation",
      verificationCode: "ABCD-EFGH-JKLM",
      holderName: "Ada",
      trackName: "Ik train mijn stad",
      cohortName: "Telgroep",
      municipalityName: "Havenstad",
      courseStartedOn: "2099-03-01",
      courseEndedOn: "2099-05-01",
    });

    for (const cookie of [projectLeader, courseLeader]) {
      const response = await get(`/beheer/havenstad/cohorten/${id}`, cookie);
      expect(response.status).toBe(200);
      const text = (await response.text()).replace(/<!-- -->/g, "");
      const count = (label: string) => new RegExp(`<td>${label}</td><td>(\\d+)</td>`).exec(text)?.[1];
      expect(count("Wacht op bevestiging")).toBe("1");
      expect(count("Nieuw")).toBe("2");
      expect(count("Intake gepland")).toBe("1");
      expect(count("Toegelaten")).toBe("3");
      expect(count("Op de wachtlijst")).toBe("1");
      expect(count("Afgewezen")).toBe("1");
      expect(count("Teruggetrokken")).toBe("0");
      expect(text).toContain("3 van 10");
      expect(text).toContain("50% aanwezig (2 van 4 keer)");
      expect(text).toContain("3 beoordelingen van 2 cursisten");
      expect(text).toMatch(/<dt>Bewijzen van deelname<\/dt><dd>1<\/dd>/);
      expect(text).toContain(`/beheer/havenstad/cohorten/${id}/cursisten/${a.enrolmentId}`);
      expect(text).toContain(`/beheer/havenstad/cohorten/${id}/bijeenkomsten/${sessions[0]}`);
      expect(text).toContain(`/beheer/havenstad/cohorten/${id}/aanmeldingen`);
      expect(text).toContain(`/beheer/havenstad/cohorten/${id}/beoordelingen`);
      expect(text).not.toContain("Verborgen");
    }
    // Counts and names only: opening the overview is no access to anyone's personal page.
    const logged = await db().select().from(personalDataAccessLog).where(inArray(personalDataAccessLog.subjectUserId, [a.userId, b.userId, c.userId]));
    expect(logged).toEqual([]);
  });
});

describe("who sees which cohort", () => {
  let cohortA = "";
  let cohortB = "";
  let sessionB = "";
  let traineeB: { enrolmentId: string } = { enrolmentId: "" };

  beforeAll(async () => {
    cohortA = await createTestCohort({ versionId: version.versionId, name: "Groep A van Cas", courseLeaders: ["cursusleider@havenstad.example"] });
    cohortB = await createTestCohort({ versionId: version.versionId, name: "Groep B van Tess", courseLeaders: ["tweede-cursusleider@havenstad.example"] });
    sessionB = await addTestSession(cohortB, new Date("2099-03-01T18:00:00Z"));
    traineeB = await enrolTrainee(cohortB, { name: "Bram Geheim", email: "bram-geheim@example.org" });
  });

  it("lists only the cohorts a course leader teaches, and every cohort for the project leader", async () => {
    const own = await (await get("/beheer/havenstad/cohorten", courseLeader)).text();
    expect(own).toContain("Groep A van Cas");
    expect(own).not.toContain("Groep B van Tess");
    const other = await (await get("/beheer/havenstad/cohorten", otherCourseLeader)).text();
    expect(other).toContain("Groep B van Tess");
    expect(other).not.toContain("Groep A van Cas");
    const all = await (await get("/beheer/havenstad/cohorten", projectLeader)).text();
    expect(all).toContain("Groep A van Cas");
    expect(all).toContain("Groep B van Tess");
  });

  it("gives the course leader of cohort A a 404 on every page of cohort B, and changes nothing there", async () => {
    expect((await get(`/beheer/havenstad/cohorten/${cohortA}`, courseLeader)).status).toBe(200);
    expect((await get(`/beheer/havenstad/cohorten/${cohortA}/rooster`, courseLeader)).status).toBe(200);
    expect((await get(`/beheer/havenstad/cohorten/${cohortA}/cursisten.csv`, courseLeader)).status).toBe(200);
    for (const path of ["", "/rooster", "/bewerken", `/rooster/${sessionB}`, "/cursisten.csv"]) {
      const response = await get(`/beheer/havenstad/cohorten/${cohortB}${path}`, courseLeader);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("Bram Geheim");
    }
    const before = await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, cohortB));
    for (const intent of ["cancel", "add", "generate"]) {
      const response = await post(`/beheer/havenstad/cohorten/${cohortB}/rooster`, courseLeader, {
        intent,
        id: sessionB,
        kind: "meeting",
        date: "2099-04-01",
        startTime: "19:00",
        endTime: "21:00",
        location: "Elders",
        meetingStartTime: "19:00",
        followUpStartTime: "10:00",
      });
      expect(response.status, intent).toBe(404);
    }
    expect((await post(`/beheer/havenstad/cohorten/${cohortB}/rooster/${sessionB}`, courseLeader, { kind: "meeting", date: "2099-04-01", startTime: "19:00", endTime: "21:00", location: "Elders" })).status).toBe(404);
    expect(await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, cohortB))).toEqual(before);
    // Nor does the course leader read B's trainee from the link other pages use.
    expect((await get(`/beheer/havenstad/cohorten/${cohortB}/cursisten/${traineeB.enrolmentId}`, courseLeader)).status).toBe(404);
  });

  it("shows a course leader the schedule of their own cohort without the project leader's buttons", async () => {
    const html = await (await get(`/beheer/havenstad/cohorten/${cohortA}/rooster`, courseLeader)).text();
    expect(html).not.toContain('value="generate"');
    expect(html).not.toContain('value="add"');
    const response = await post(`/beheer/havenstad/cohorten/${cohortA}/rooster`, courseLeader, { intent: "generate", meetingStartTime: "19:00", followUpStartTime: "10:00" });
    expect(response.status).toBe(404);
  });
});

describe("the schedule", () => {
  it("generates the track's meetings weekly at the same local time across the October clock change, then follow-up days, once", async () => {
    // Tuesdays from 13 October 2026; the clocks go back on Sunday 25 October.
    const id = await createTestCohort({ versionId: version.versionId, startsOn: "2026-10-13", applicationsCloseOn: "2026-10-01" });
    const response = await post(`/beheer/havenstad/cohorten/${id}/rooster`, projectLeader, { intent: "generate", meetingStartTime: "19:00", followUpStartTime: "10:00" });
    expect(response.status).toBe(302);
    const sessions = await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, id)).orderBy(cohortSessions.startsAt);
    expect(sessions.map((s) => s.kind)).toEqual([...Array(7).fill("meeting"), "follow_up", "follow_up"]);
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-10-13T17:00:00.000Z", // 19:00 summer time (UTC+2)
      "2026-10-20T17:00:00.000Z",
      "2026-10-27T18:00:00.000Z", // 19:00 winter time (UTC+1)
      "2026-11-03T18:00:00.000Z",
      "2026-11-10T18:00:00.000Z",
      "2026-11-17T18:00:00.000Z",
      "2026-11-24T18:00:00.000Z",
      "2026-12-01T09:00:00.000Z", // follow-up day at 10:00
      "2026-12-08T09:00:00.000Z",
    ]);
    // 150 minutes each meeting, 240 each follow-up day, whatever the clock did in between.
    expect(sessions.map((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000)).toEqual([150, 150, 150, 150, 150, 150, 150, 240, 240]);
    // Meeting n treats module n, as far as the track has modules.
    expect(sessions.slice(0, 4).map((s) => s.moduleId)).toEqual([...version.moduleIds, null]);
    expect(sessions.every((s) => s.location === "Buurthuis De Haven")).toBe(true);

    const page = await (await get(`/beheer/havenstad/cohorten/${id}/rooster`, projectLeader)).text();
    expect(page).toContain("di 27 okt 2026, 19:00 – 21:30");

    const again = await post(`/beheer/havenstad/cohorten/${id}/rooster`, projectLeader, { intent: "generate", meetingStartTime: "19:00", followUpStartTime: "10:00" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Er staat al een rooster.");
    expect(await db().select({ n: count() }).from(cohortSessions).where(eq(cohortSessions.cohortId, id))).toEqual([{ n: 9 }]);
  });

  it("adds, moves and cancels a session, in Amsterdam time", async () => {
    const id = await createTestCohort({ versionId: version.versionId });
    const added = await post(`/beheer/havenstad/cohorten/${id}/rooster`, projectLeader, {
      intent: "add",
      kind: "follow_up",
      title: "Terugkomdag in het voorjaar",
      date: "2027-03-28", // the day the clocks go forward
      startTime: "10:00",
      endTime: "14:00",
      location: "Sporthal West",
      moduleId: version.moduleIds[1]!,
    });
    expect(added.status).toBe(302);
    const [session] = await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, id));
    expect(session).toMatchObject({ kind: "follow_up", location: "Sporthal West", moduleId: version.moduleIds[1] });
    expect(session!.startsAt.toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(session!.endsAt.toISOString()).toBe("2027-03-28T12:00:00.000Z");

    const otherModule = (await createPublishedTrackVersion()).moduleIds[0]!;
    const wrongModule = await post(`/beheer/havenstad/cohorten/${id}/rooster/${session!.id}`, projectLeader, { kind: "meeting", date: "2027-03-29", startTime: "19:00", endTime: "21:30", location: "Buurthuis", moduleId: otherModule });
    expect(wrongModule.status).toBe(400);
    const backwards = await post(`/beheer/havenstad/cohorten/${id}/rooster/${session!.id}`, projectLeader, { kind: "meeting", date: "2027-03-29", startTime: "21:00", endTime: "19:00", location: "Buurthuis" });
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("De eindtijd moet na de begintijd liggen");

    const moved = await post(`/beheer/havenstad/cohorten/${id}/rooster/${session!.id}`, projectLeader, { kind: "meeting", date: "2027-03-29", startTime: "19:00", endTime: "21:30", location: "Buurthuis" });
    expect(moved.status).toBe(302);
    const [after] = await db().select().from(cohortSessions).where(eq(cohortSessions.id, session!.id));
    expect(after).toMatchObject({ kind: "meeting", location: "Buurthuis", moduleId: null });
    expect(after!.startsAt.toISOString()).toBe("2027-03-29T17:00:00.000Z");

    const cancelled = await post(`/beheer/havenstad/cohorten/${id}/rooster`, projectLeader, { intent: "cancel", id: session!.id });
    expect(cancelled.status).toBe(302);
    const [gone] = await db().select().from(cohortSessions).where(eq(cohortSessions.id, session!.id));
    expect(gone!.cancelledAt).not.toBeNull();
    expect((await post(`/beheer/havenstad/cohorten/${id}/rooster`, projectLeader, { intent: "cancel", id: session!.id })).status).toBe(400);
  });
});

describe("the course calendar feed", () => {
  it("gives a trainee a personal .ics of their cohorts' sessions in Amsterdam time, without other people's data, and 404 for a wrong or replaced token", async () => {
    const id = await createTestCohort({ versionId: version.versionId, name: "Agendagroep" });
    const other = await createTestCohort({ versionId: version.versionId, name: "Andere groep" });
    await addTestSession(id, new Date("2099-10-27T18:00:00Z"), { title: "Na de klokwissel" });
    await addTestSession(id, new Date("2099-10-20T17:00:00Z"), { title: "Voor de klokwissel" });
    await addTestSession(id, new Date("2099-11-03T18:00:00Z"), { title: "Gaat niet door", cancelled: true });
    await addTestSession(other, new Date("2099-11-03T18:00:00Z"), { title: "Sessie van een andere groep" });
    const trainee = await enrolTrainee(id, { name: "Fenna Feed", email: "fenna-feed@example.org" });
    await enrolTrainee(id, { name: "Gijs Groepsgenoot", email: "gijs-groepsgenoot@example.org" });
    const cookie = (await sessionCookieFor(database.url, trainee.email)).header;

    const page = await get("/account/cursusagenda", cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Na de klokwissel");
    const made = await post("/account/cursusagenda", cookie, {});
    expect(made.status).toBe(200);
    const url = /(http:\/\/[^"<\s]+\/agenda\/[A-Za-z0-9_-]+\/cursus\.ics)/.exec(await made.text())![1]!;
    const feedPath = new URL(url).pathname;

    const feed = await fetch(`${server.url}${feedPath}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    expect(feed.headers.get("cache-control")).toContain("no-store");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VTIMEZONE");
    expect(ics).toContain("DTSTART;TZID=Europe/Amsterdam:20991020T190000");
    expect(ics).toContain("DTSTART;TZID=Europe/Amsterdam:20991027T190000");
    expect(ics).toContain("Agendagroep");
    expect(ics).not.toContain("Gaat niet door");
    expect(ics).not.toContain("Sessie van een andere groep");
    for (const secret of ["Gijs", "gijs-groepsgenoot", "Fenna", "fenna-feed", "Cas Cursusleider"]) expect(ics).not.toContain(secret);

    expect((await fetch(`${server.url}/agenda/${"x".repeat(43)}/cursus.ics`)).status).toBe(404);
    expect((await fetch(`${server.url}/agenda/kort/cursus.ics`)).status).toBe(404);
    const renewed = await post("/account/cursusagenda", cookie, {});
    const newUrl = /(http:\/\/[^"<\s]+\/agenda\/[A-Za-z0-9_-]+\/cursus\.ics)/.exec(await renewed.text())![1]!;
    expect(newUrl).not.toBe(url);
    expect((await fetch(`${server.url}${feedPath}`)).status).toBe(404);
    expect((await fetch(`${server.url}${new URL(newUrl).pathname}`)).status).toBe(200);
    // The page does not show the link again: only its hash is stored.
    expect(await (await get("/account/cursusagenda", cookie)).text()).not.toContain(new URL(newUrl).pathname);
  });

  it("gives a course leader the sessions of the cohorts they teach, and a withdrawn trainee none", async () => {
    const id = await createTestCohort({ versionId: version.versionId, name: "Lesgroep", courseLeaders: ["tweede-cursusleider@havenstad.example"] });
    await addTestSession(id, new Date("2099-05-04T17:00:00Z"), { title: "Les voor Tess" });
    const withdrawn = await enrolTrainee(id, { status: "withdrawn" });
    const leaderPage = await (await get("/account/cursusagenda", otherCourseLeader)).text();
    expect(leaderPage).toContain("Les voor Tess");
    const withdrawnPage = await (await get("/account/cursusagenda", (await sessionCookieFor(database.url, withdrawn.email)).header)).text();
    expect(withdrawnPage).not.toContain("Les voor Tess");
    expect((await get("/account/cursusagenda", "")).status).toBe(302);
  });
});

describe("the trainee export", () => {
  it("exports the cohort's trainees with formulas made harmless, and logs one export per trainee", async () => {
    const id = await createTestCohort({ versionId: version.versionId });
    const hostile = await enrolTrainee(id, { name: '=HYPERLINK("http://evil.example","klik")', email: "formule@example.org" });
    const plain = await enrolTrainee(id, { name: "Anna; de Vries", email: "anna@example.org" });
    const withdrawn = await enrolTrainee(id, { name: "Gestopte Cursist", status: "withdrawn" });
    await addTestSession(id, new Date("2099-03-01T18:00:00Z"));
    const response = await get(`/beheer/havenstad/cohorten/${id}/cursisten.csv`, projectLeader);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const csv = await response.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csv).not.toMatch(/(^|;|\n)=HYPERLINK/);
    expect(csv).toContain('"Anna; de Vries"');
    expect(csv).not.toContain("Gestopte Cursist");
    const logged = await db()
      .select({ subject: personalDataAccessLog.subjectUserId, resource: personalDataAccessLog.resource, action: personalDataAccessLog.action, role: personalDataAccessLog.actorRole })
      .from(personalDataAccessLog)
      .where(inArray(personalDataAccessLog.subjectUserId, [hostile.userId, plain.userId, withdrawn.userId]));
    expect(logged.sort((a, b) => a.subject!.localeCompare(b.subject!))).toEqual(
      [hostile.userId, plain.userId].sort().map((subject) => ({ subject, resource: "enrolment", action: "export", role: "project_leader" })),
    );
  });
});

describe("session reminders", () => {
  it("mails every active trainee once, in their own language, even when two instances run the job at the same moment", async () => {
    const id = await createTestCohort({ versionId: version.versionId, name: "Herinneringsgroep" });
    // On a whole minute, as the session form writes it, about 30 hours ahead — but starting by 21:00
    // Amsterdam time, so that saving it unchanged below does not run past midnight (which the session
    // form refuses) when the test happens to run in the afternoon.
    const inThirtyHours = new Date(Math.floor((Date.now() + 30 * 3_600_000) / 60_000) * 60_000);
    const thirtyLocal = utcToZonedLocal(inThirtyHours);
    const soonStart = thirtyLocal.time > "21:00" ? zonedLocalToUtc(thirtyLocal.date, "21:00")! : inThirtyHours;
    const soon = await addTestSession(id, soonStart, { location: "Zaal 3" });
    const tooSoon = await addTestSession(id, new Date(Date.now() + 3 * 3_600_000));
    const later = await addTestSession(id, new Date(Date.now() + 60 * 3_600_000));
    const cancelled = await addTestSession(id, new Date(Date.now() + 30 * 3_600_000), { cancelled: true });
    const dutch = await enrolTrainee(id, { name: "Noor", locale: "nl" });
    const english = await enrolTrainee(id, { name: "Olivia", locale: "en" });
    const third = await enrolTrainee(id, { name: "Piet", locale: "nl" });
    const withdrawn = await enrolTrainee(id, { name: "Quinten", status: "withdrawn" });
    const recipients = [dutch.email, english.email, third.email, withdrawn.email];

    // Two app instances: two calls at once, each on its own pooled connection.
    const results = await Promise.all([sendSessionReminders(), sendSessionReminders()]);
    expect(results.reduce((sum, r) => sum + r.mails, 0)).toBe(3);
    const mails = await db().select().from(outboxEmails).where(and(inArray(outboxEmails.toAddress, recipients), eq(outboxEmails.kind, "session-reminder")));
    expect(mails.map((m) => m.toAddress).sort()).toEqual([dutch.email, english.email, third.email].sort());
    const toDutch = mails.find((m) => m.toAddress === dutch.email)!;
    expect(toDutch.subject).toBe("Morgen: bijeenkomst van Herinneringsgroep");
    expect(toDutch.textBody).toContain("Zaal 3");
    expect(toDutch.textBody).toContain("/account/cursusagenda");
    expect(mails.find((m) => m.toAddress === english.email)!.subject).toBe("Tomorrow: meeting of Herinneringsgroep");

    const marked = await db().select({ id: cohortSessions.id, sent: cohortSessions.remindersSentAt }).from(cohortSessions).where(eq(cohortSessions.cohortId, id));
    const sentFor = (sessionId: string) => marked.find((s) => s.id === sessionId)!.sent;
    expect(sentFor(soon)).not.toBeNull();
    expect(sentFor(tooSoon)).toBeNull();
    expect(sentFor(later)).toBeNull();
    expect(sentFor(cancelled)).toBeNull();

    // A later run finds nothing left to send.
    await sendSessionReminders();
    expect(await db().select({ n: count() }).from(outboxEmails).where(and(inArray(outboxEmails.toAddress, recipients), eq(outboxEmails.kind, "session-reminder")))).toEqual([{ n: 3 }]);

    // Moved to another time, the session is announced again; saved unchanged, it is not.
    const local = utcToZonedLocal(new Date(Date.now() + 32 * 3_600_000));
    const move = (date: string, startTime: string, endTime: string, location: string) =>
      post(`/beheer/havenstad/cohorten/${id}/rooster/${soon}`, projectLeader, { kind: "meeting", date, startTime, endTime, location });
    const [start] = await db().select({ startsAt: cohortSessions.startsAt, endsAt: cohortSessions.endsAt }).from(cohortSessions).where(eq(cohortSessions.id, soon));
    const unchanged = await move(utcToZonedLocal(start!.startsAt).date, utcToZonedLocal(start!.startsAt).time, utcToZonedLocal(start!.endsAt).time, "Zaal 3");
    expect(unchanged.status).toBe(302);
    expect((await db().select({ sent: cohortSessions.remindersSentAt }).from(cohortSessions).where(eq(cohortSessions.id, soon)))[0]!.sent).not.toBeNull();
    const startTime = local.time < "21:00" ? local.time : "20:00";
    expect((await move(local.date, startTime, "23:30", "Zaal 4")).status).toBe(302);
    await sendSessionReminders();
    const again = await db().select().from(outboxEmails).where(and(inArray(outboxEmails.toAddress, recipients), eq(outboxEmails.kind, "session-reminder")));
    expect(again).toHaveLength(6);
    expect(again.filter((m) => m.textBody.includes("Zaal 4"))).toHaveLength(3);
  });
});

describe("the municipality's public page", () => {
  it("lists open cohorts under 'Citytrainer worden' with a link to apply, and hides drafts and closed ones", async () => {
    const open = await createTestCohort({ versionId: version.versionId, name: "Open groep Zuid", applicationsOpenOn: "2026-01-01", applicationsCloseOn: "2099-01-01", startsOn: "2099-02-01" });
    await createTestCohort({ versionId: version.versionId, name: "Conceptgroep", published: false });
    await createTestCohort({ versionId: version.versionId, name: "Gesloten groep", applicationsOpenOn: "2026-01-01", applicationsCloseOn: "2026-02-01", startsOn: "2026-03-01" });
    await createTestCohort({ versionId: version.versionId, name: "Nog niet open", applicationsOpenOn: "2098-01-01", applicationsCloseOn: "2098-02-01", startsOn: "2098-03-01" });
    await createTestCohort({ versionId: (await createPublishedTrackVersion({ municipalitySlug: "rivierendal" })).versionId, municipalitySlug: "rivierendal", name: "Groep in Rivierendal", courseLeaders: [] });
    const html = await (await fetch(`${server.url}/havenstad`)).text();
    expect(html).toContain("Citytrainer worden");
    expect(html).toContain("Open groep Zuid");
    expect(html).toContain(`/havenstad/cursus/${open}/aanmelden`);
    expect(html).toContain("15 van 15 nog vrij");
    for (const hidden of ["Conceptgroep", "Gesloten groep", "Nog niet open", "Groep in Rivierendal"]) expect(html).not.toContain(hidden);
    expect(await municipalityIdOf("havenstad")).toBeTruthy();
  });
});
