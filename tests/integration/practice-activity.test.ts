/**
 * The practice activity over HTTP against the real server: a 14-year-old trainee plans an
 * activity (youth working-time warnings shown), submits it, the supervisor asks for changes, the
 * trainee changes and resubmits, the course leader approves; it is in the public calendar with
 * the trainee's first name only; people sign up, the trainee checks them in on the day, and
 * after the end writes the evaluation (completed). Outsiders — a supervisor of another partner,
 * a colleague supervisor at the same partner, another cohort's course leader — get 404; the
 * trainee cannot approve their own plan; the project leader only reads; bad input writes nothing.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, outboxEmails, personalDataAccessLog, practiceActivities, registrations } from "~/lib/db/schema";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { findPracticeActivity } from "~/features/practice/practice-activity-reads.server";
import { registerForActivity } from "~/features/registrations/writes.server";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createActivePlacement, createSupervisor, giveDateOfBirth, partnerIdOf } from "../support/practice-placement";
import { createCourseFixture, createCourseUser, userIdOf, type CourseFixture } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let fixture: CourseFixture;
let other: CourseFixture;
let placementId: string;
const cookies: Record<string, string> = {};

const TRAINEE = "fenna@example.org";
const SUPERVISOR = "begeleider@havenstad.example";
const LEADER = "cursusleider@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";
const OTHER_PARTNER_SUPERVISOR = "andere-partner@havenstad.example";
const COLLEAGUE = "collega@havenstad.example";
const OTHER_LEADER = "leider-elders@havenstad.example";
const OTHER_TRAINEE = "gijs@example.org";
const SECOND_TRAINEE = "joris@example.org";
let secondPlacementId: string;

/** A Wednesday (a school day) at least 8 days ahead, as a local date. */
function nextWednesday(): string {
  let date = addDaysToLocalDate(utcToZonedLocal(new Date()).date, 8);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 3) date = addDaysToLocalDate(date, 1);
  return date;
}
const day = nextWednesday();

const plan = {
  intent: "save",
  idea: "Een middag voetbal op het pleintje, met kleine teams.",
  goal: "Kinderen uit de wijk leren elkaar kennen.",
  targetGroup: "Kinderen uit De Haven van 8 tot en met 12 jaar",
  title: "Pleintjesvoetbal met Fenna",
  description: "Neem sportschoenen mee.",
  category: "sport",
  neighbourhoodId: "",
  location: "Pleintje Havenstraat",
  date: day,
  startTime: "16:00",
  endTime: "19:30",
  minAge: "8",
  maxAge: "12",
  capacity: "2",
};

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const leaderId = await userIdOf(LEADER);
  fixture = await createCourseFixture({ courseLeaderIds: [leaderId], trainees: [{ email: TRAINEE, name: "Fenna Vissermans" }, { email: SECOND_TRAINEE, name: "Joris Tweede" }], name: "Havenstad praktijk" });
  const otherLeader = await createCourseUser(OTHER_LEADER, { name: "Olga Elders", role: "course_leader" });
  other = await createCourseFixture({ courseLeaderIds: [otherLeader], trainees: [{ email: OTHER_TRAINEE, name: "Gijs Ander" }], name: "Havenstad elders" });
  const sport = await partnerIdOf(fixture.municipalityId, "Sportvereniging Havenstad Vooruit");
  const culture = await partnerIdOf(fixture.municipalityId, "Cultuurhuis De Loods");
  await createSupervisor(OTHER_PARTNER_SUPERVISOR, "Ada Anderepartner", fixture.municipalityId, culture);
  await createSupervisor(COLLEAGUE, "Chris Collega", fixture.municipalityId, sport);
  const trainee = fixture.enrolments[0]!;
  // 14 on the activity's day: first name only in public, and the youth working-time rules apply.
  await giveDateOfBirth(trainee, fixture.cohortId, fixture.municipalityId, `${Number(day.slice(0, 4)) - 14}-01-01`, "Fenna Vissermans");
  placementId = await createActivePlacement({ municipalityId: fixture.municipalityId, enrolmentId: trainee.id, traineeUserId: trainee.userId, partnerOrganisationId: sport, supervisorUserId: await userIdOf(SUPERVISOR) });
  const second = fixture.enrolments[1]!;
  secondPlacementId = await createActivePlacement({ municipalityId: fixture.municipalityId, enrolmentId: second.id, traineeUserId: second.userId, partnerOrganisationId: sport, supervisorUserId: await userIdOf(SUPERVISOR) });
  for (const email of [SECOND_TRAINEE, TRAINEE, SUPERVISOR, LEADER, PROJECT_LEADER, OTHER_PARTNER_SUPERVISOR, COLLEAGUE, OTHER_LEADER, OTHER_TRAINEE]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

const OWN = "/mijn-praktijk/activiteit";
const review = () => `/beheer/havenstad/praktijk/${placementId}/activiteit`;

function post(path: string, who: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie: cookies[who] ?? "", origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}
function get(path: string, who?: string) {
  return fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });
}
async function current() {
  const [row] = await db()
    .select({ status: activities.status, activityId: activities.id, organiserName: activities.organiserName, organiserUserId: activities.organiserUserId, partnerId: activities.partnerOrganisationId, changes: practiceActivities.changesRequested, evaluatedAt: practiceActivities.evaluatedAt })
    .from(practiceActivities)
    .innerJoin(activities, eq(activities.id, practiceActivities.activityId))
    .where(eq(practiceActivities.placementId, placementId));
  return row;
}
async function mailsTo(address: string, kind: string) {
  const [row] = await db().select({ n: count() }).from(outboxEmails).where(and(eq(outboxEmails.toAddress, address), eq(outboxEmails.kind, kind)));
  return row!.n;
}

describe("the practice activity from plan to evaluation", () => {
  it("refuses a bad plan with 400 and writes nothing", async () => {
    expect((await get(OWN, TRAINEE)).status).toBe(200);
    const response = await post(OWN, TRAINEE, { ...plan, title: "", endTime: "15:00", capacity: "-3" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Vul dit veld in");
    expect(await current()).toBeUndefined();
    const past = await post(OWN, TRAINEE, { ...plan, date: "2020-01-08" });
    expect(past.status).toBe(400);
    expect(await current()).toBeUndefined();
  });

  it("saves the plan as a draft activity of the placement's partner, with the trainee's first name as organiser", async () => {
    const response = await post(OWN, TRAINEE, plan);
    expect(response.status).toBe(302);
    const row = await current();
    expect(row).toMatchObject({ status: "draft", organiserName: "Fenna", organiserUserId: fixture.enrolments[0]!.userId, partnerId: await partnerIdOf(fixture.municipalityId, "Sportvereniging Havenstad Vooruit") });
    // Not in public while a draft.
    expect((await get(`/havenstad/activiteiten/${row!.activityId}`)).status).toBe(404);
    const page = await (await get(OWN, TRAINEE)).text();
    // 16:00–19:30 on a Wednesday for a 14-year-old: after 19:00 and more than 2 hours on a school day.
    expect(page).toContain("alleen tussen 07:00 en 19:00");
    expect(page).toContain("hoogstens 2 uur");
    // Editable while a draft: saving again updates the same activity.
    expect((await post(OWN, TRAINEE, { ...plan, description: "Neem sportschoenen en water mee." })).status).toBe(302);
    const [rows] = await db().select({ n: count() }).from(practiceActivities).where(eq(practiceActivities.placementId, placementId));
    expect(rows!.n).toBe(1);
  });

  it("submits for review and mails the supervisor in the same step", async () => {
    expect((await post(OWN, TRAINEE, { intent: "submit" })).status).toBe(302);
    expect((await current())!.status).toBe("in_review");
    expect(await mailsTo(SUPERVISOR, "practice-activity-submitted")).toBe(1);
    // In review the plan cannot be changed.
    const edit = await post(OWN, TRAINEE, { ...plan, title: "Iets anders" });
    expect(edit.status).toBe(400);
  });

  it("hides the review page from outsiders with 404, and lets no trainee approve their own plan", async () => {
    for (const who of [OTHER_PARTNER_SUPERVISOR, COLLEAGUE, OTHER_LEADER, TRAINEE, OTHER_TRAINEE]) {
      expect((await get(review(), who)).status, who).toBe(404);
      expect((await post(review(), who, { intent: "approve" })).status, who).toBe(404);
    }
    expect((await current())!.status).toBe("in_review");
    expect((await get(OWN, OTHER_TRAINEE)).status).toBe(404);
  });

  it("shows the project leader the plan read-only", async () => {
    const page = await get(review(), PROJECT_LEADER);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Een middag voetbal op het pleintje");
    expect(html).not.toContain("Goedkeuren en publiceren");
    expect((await post(review(), PROJECT_LEADER, { intent: "approve" })).status).toBe(403);
    expect((await current())!.status).toBe("in_review");
  });

  it("asks for changes only with a comment; the trainee reads it and is mailed", async () => {
    const page = await (await get(review(), SUPERVISOR)).text();
    expect(page).toContain("Kinderen uit De Haven van 8 tot en met 12 jaar");
    expect(page).toContain("alleen tussen 07:00 en 19:00");
    const [logged] = await db().select({ n: count() }).from(personalDataAccessLog).where(and(eq(personalDataAccessLog.resource, "practice_activity"), eq(personalDataAccessLog.subjectUserId, fixture.enrolments[0]!.userId)));
    expect(logged!.n).toBeGreaterThan(0);

    expect((await post(review(), SUPERVISOR, { intent: "request_changes", comment: "  " })).status).toBe(400);
    expect((await current())!.status).toBe("in_review");
    expect((await post(review(), SUPERVISOR, { intent: "request_changes", comment: "Begin om 16:00 en stop om 18:00." })).status).toBe(302);
    expect(await current()).toMatchObject({ status: "draft", changes: "Begin om 16:00 en stop om 18:00." });
    expect(await mailsTo(TRAINEE, "practice-activity-changes-requested")).toBe(1);
    expect(await (await get(OWN, TRAINEE)).text()).toContain("Begin om 16:00 en stop om 18:00.");
  });

  it("takes the changed plan back into review, and the course leader approves it into the public calendar", async () => {
    expect((await post(OWN, TRAINEE, { ...plan, endTime: "17:30" })).status).toBe(302);
    expect((await post(OWN, TRAINEE, { intent: "submit" })).status).toBe(302);
    expect((await current())!.status).toBe("in_review");
    expect((await post(review(), LEADER, { intent: "approve" })).status).toBe(302);
    const row = await current();
    expect(row).toMatchObject({ status: "published", changes: null, organiserName: "Fenna" });
    expect(await mailsTo(TRAINEE, "practice-activity-approved")).toBe(1);
    const [changeLogged] = await db()
      .select({ n: count() })
      .from(personalDataAccessLog)
      .where(and(eq(personalDataAccessLog.resource, "practice_activity"), eq(personalDataAccessLog.action, "change"), eq(personalDataAccessLog.subjectUserId, fixture.enrolments[0]!.userId)));
    expect(changeLogged!.n).toBe(2);
    // A second approval is refused: it is no longer in review.
    expect((await post(review(), SUPERVISOR, { intent: "approve" })).status).toBe(400);

    const calendar = await (await get(`/havenstad/activiteiten?van=${day}&tot=${day}`)).text();
    expect(calendar).toContain("Pleintjesvoetbal met Fenna");
    const activityPage = await (await get(`/havenstad/activiteiten/${row!.activityId}`)).text();
    expect(activityPage).toContain("Fenna");
    expect(activityPage).not.toContain("Vissermans");
    const ics = await (await get(`/havenstad/activiteiten/${row!.activityId}/agenda.ics`)).text();
    expect(ics).not.toContain("Vissermans");
    // The staff activity pages leave a practice activity to the placement's pages.
    const staffEdit = await post(`/beheer/havenstad/activiteiten/${row!.activityId}`, PROJECT_LEADER, {
      title: "Overgenomen",
      category: "sport",
      location: "Elders",
      date: day,
      startTime: "10:00",
      endTime: "11:00",
      registration: "required",
      partnerOrganisationId: row!.partnerId ?? "",
    });
    expect(staffEdit.status).toBe(400);
    expect(await staffEdit.text()).toContain("praktijkactiviteit van een cursist");
    const [unchanged] = await db().select({ title: activities.title }).from(activities).where(eq(activities.id, row!.activityId));
    expect(unchanged!.title).toBe("Pleintjesvoetbal met Fenna");
  });

  it("lets the trainee check people in on the day, showing names but no addresses", async () => {
    const { activityId } = (await current())!;
    await registerForActivity({ activityId, name: "Mo Deelnemer", email: "mo@example.org", ageGroup: "under_12", locale: "nl" });
    await registerForActivity({ activityId, name: "Lou Deelnemer", email: "lou@example.org", ageGroup: "under_12", locale: "nl" });
    await registerForActivity({ activityId, name: "Wes Wachtlijst", email: "wes@example.org", ageGroup: "under_12", locale: "nl" });
    // Before the day the list is closed.
    const early = await (await get(`${OWN}/aanwezig`, TRAINEE)).text();
    expect(early).not.toContain("Mo Deelnemer");
    const [mo] = await db().select({ id: registrations.id }).from(registrations).where(eq(registrations.email, "mo@example.org"));
    expect((await post(`${OWN}/aanwezig`, TRAINEE, { registrationId: mo!.id, attendance: "attended" })).status).toBe(400);

    // The activity has begun.
    await db().update(activities).set({ startsAt: new Date(Date.now() - 30 * 60_000), endsAt: new Date(Date.now() + 60 * 60_000) }).where(eq(activities.id, activityId));
    const page = await get(`${OWN}/aanwezig`, TRAINEE);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Mo Deelnemer");
    expect(html).toContain("Wes Wachtlijst");
    expect(html).not.toContain("mo@example.org");
    expect((await post(`${OWN}/aanwezig`, TRAINEE, { registrationId: mo!.id, attendance: "attended" })).status).toBe(302);
    // Once it has begun it is evaluated, not cancelled.
    expect((await post(OWN, TRAINEE, { intent: "cancel", confirm: "on" })).status).toBe(400);
    expect((await post(review(), SUPERVISOR, { intent: "cancel", confirm: "on" })).status).toBe(400);
    expect((await current())!.status).toBe("published");
    const [after] = await db().select({ attendance: registrations.attendance }).from(registrations).where(eq(registrations.id, mo!.id));
    expect(after!.attendance).toBe("attended");
    // Another trainee, or staff without this placement, do not reach it.
    expect((await get(`${OWN}/aanwezig`, OTHER_TRAINEE)).status).toBe(404);
    expect((await post(`${OWN}/aanwezig`, TRAINEE, { registrationId: "not-an-id", attendance: "attended" })).status).toBe(400);
  });

  it("refuses the evaluation before the end, then completes the activity with it", async () => {
    const evaluation = { intent: "evaluate", turnout: "1", wentWell: "Iedereen deed mee.", doDifferently: "Meer ballen meenemen." };
    expect((await post(OWN, TRAINEE, evaluation)).status).toBe(400);
    expect((await current())!.status).toBe("published");
    const { activityId } = (await current())!;
    await db().update(activities).set({ startsAt: new Date(Date.now() - 3 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000) }).where(eq(activities.id, activityId));
    const page = await (await get(OWN, TRAINEE)).text();
    expect(page).toMatch(/name="turnout"[^>]*value="1"|value="1"[^>]*name="turnout"/);
    expect((await post(OWN, TRAINEE, { ...evaluation, wentWell: "" })).status).toBe(400);
    expect((await post(OWN, TRAINEE, evaluation)).status).toBe(302);
    const row = await current();
    expect(row!.status).toBe("completed");
    expect(row!.evaluatedAt).not.toBeNull();
    const reviewer = await (await get(review(), SUPERVISOR)).text();
    expect(reviewer).toContain("Meer ballen meenemen.");
    const summary = await findPracticeActivity(fixture.municipalityId as MunicipalityId, placementId);
    expect(summary).toMatchObject({ status: "completed", title: "Pleintjesvoetbal met Fenna" });
    expect(summary!.evaluatedAt).toBeInstanceOf(Date);
    expect(await findPracticeActivity(other.municipalityId as MunicipalityId, other.enrolments[0]!.id)).toBeNull();
  });
});

describe("cancelling a practice activity", () => {
  const secondReview = () => `/beheer/havenstad/praktijk/${secondPlacementId}/activiteit`;
  async function second() {
    const [row] = await db()
      .select({ status: activities.status, activityId: activities.id })
      .from(practiceActivities)
      .innerJoin(activities, eq(activities.id, practiceActivities.activityId))
      .where(eq(practiceActivities.placementId, secondPlacementId));
    return row!;
  }

  it("lets the supervisor cancel after a tick, and the trainee plan a new activity afterwards", async () => {
    expect((await post(OWN, SECOND_TRAINEE, { ...plan, title: "Tekenmiddag", startTime: "14:00", endTime: "15:30" })).status).toBe(302);
    expect((await post(OWN, SECOND_TRAINEE, { intent: "submit" })).status).toBe(302);
    expect((await post(secondReview(), PROJECT_LEADER, { intent: "cancel", confirm: "on" })).status).toBe(403);
    expect((await post(secondReview(), SUPERVISOR, { intent: "cancel" })).status).toBe(400);
    expect((await second()).status).toBe("in_review");
    expect((await post(secondReview(), SUPERVISOR, { intent: "cancel", confirm: "on" })).status).toBe(302);
    const cancelled = await second();
    expect(cancelled.status).toBe("cancelled");

    expect(await (await get(OWN, SECOND_TRAINEE)).text()).toContain("Afgelast");
    expect((await post(OWN, SECOND_TRAINEE, { ...plan, title: "Tekenmiddag, nieuwe datum", startTime: "14:00", endTime: "15:30" })).status).toBe(302);
    const replanned = await second();
    expect(replanned.status).toBe("draft");
    expect(replanned.activityId).not.toBe(cancelled.activityId);
    const [old] = await db().select({ status: activities.status }).from(activities).where(eq(activities.id, cancelled.activityId));
    expect(old!.status).toBe("cancelled");
  });

  it("lets the trainee cancel their own draft", async () => {
    expect((await post(OWN, SECOND_TRAINEE, { intent: "cancel", confirm: "on" })).status).toBe(302);
    expect((await second()).status).toBe("cancelled");
    expect((await post(OWN, SECOND_TRAINEE, { intent: "cancel", confirm: "on" })).status).toBe(400);
  });
});
