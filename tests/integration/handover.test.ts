/**
 * The warm handover over HTTP against the real server: the programme settings, a proposal
 * (refused without a certificate of participation unless the municipality allows it during the
 * course), the sharing consent (the trainee's own from 16, the guardian's through their link
 * below 16), the supervisor's answer, coaching notes and goal status, and who reaches none of it:
 * a supervisor of another partner, a colleague supervisor at the same partner, a course leader of
 * another cohort. Two proposals at once for one trainee leave one live placement.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { coachingNotes, consentRecords, developmentPlanChanges, learningGoals, outboxEmails, personalDataAccessLog, placements, programmeSettings } from "~/lib/db/schema";
import { lastMail, linkIn } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { attachApplication, bornYearsAgo, createPartner, createSupervisor, giveCertificate, nextWeek, partnerIdOf, supervisorMembershipOf } from "../support/handover";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, createCourseUser, userIdOf, type CourseFixture } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let a: CourseFixture;
let b: CourseFixture;
const cookies: Record<string, string> = {};
let leaderId = "";
let supervisorId = "";
let supervisorMembership = "";

const LEADER = "cursusleider@havenstad.example";
const LEADER_B = "leider-b@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";
const SUPERVISOR = "begeleider@havenstad.example";
const COLLEAGUE = "collega-begeleider@havenstad.example";
const OTHER_PARTNER = "andere-partner@havenstad.example";
const GUARDIAN = "ouder-van-mila@example.org";

const ADULT = "sanne.overdracht@example.org";
const MINOR = "mila.overdracht@example.org";
const NO_CERTIFICATE = "noah.overdracht@example.org";
const REFUSER = "ravi.overdracht@example.org";
const RACER = "ella.overdracht@example.org";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  leaderId = await userIdOf(LEADER);
  supervisorId = await userIdOf(SUPERVISOR);
  supervisorMembership = await supervisorMembershipOf(supervisorId);
  const demoPartner = await partnerIdOf("Sportvereniging Havenstad Vooruit");
  await createSupervisor(COLLEAGUE, "Cor Collega", demoPartner);
  await createSupervisor(OTHER_PARTNER, "Olga Elders", await createPartner("Muziekschool De Maat"));
  await createCourseUser(LEADER_B, { name: "Bram Anderegroep", role: "course_leader" });
  a = await createCourseFixture({
    courseLeaderIds: [leaderId],
    name: "Havenstad overdracht",
    trainees: [
      { email: ADULT, name: "Sanne Overdracht" },
      { email: MINOR, name: "Mila Overdracht" },
      { email: NO_CERTIFICATE, name: "Noah Overdracht" },
      { email: REFUSER, name: "Ravi Overdracht" },
      { email: RACER, name: "Ella Overdracht" },
    ],
  });
  b = await createCourseFixture({ courseLeaderIds: [await userIdOf(LEADER_B)], trainees: [{ email: "lotte.overdracht@example.org" }] });
  for (const index of [0, 1, 3, 4]) await giveCertificate(a.municipalityId, a.enrolments[index]!.id, leaderId);
  await attachApplication(a.enrolments[0]!, { cohortId: a.cohortId, dateOfBirth: bornYearsAgo(17) });
  await attachApplication(a.enrolments[1]!, { cohortId: a.cohortId, dateOfBirth: bornYearsAgo(14), guardian: { name: "Marieke Ouder", email: GUARDIAN } });
  for (const email of [LEADER, LEADER_B, PROJECT_LEADER, SUPERVISOR, COLLEAGUE, OTHER_PARTNER, ADULT, MINOR, NO_CERTIFICATE, REFUSER, RACER]) {
    cookies[email] = (await sessionCookieFor(database.url, email)).header;
  }
});
afterAll(async () => {
  await server?.stop();
});

function post(path: string, who: string | null, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie: who ? (cookies[who] ?? "") : "", origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}
function get(path: string, who?: string) {
  return fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });
}
const proposePath = (f: CourseFixture, index: number) => `/beheer/havenstad/cohorten/${f.cohortId}/cursisten/${f.enrolments[index]!.id}/overdracht`;
const placementPage = (id: string) => `/beheer/havenstad/praktijk/${id}`;
const proposal = (overrides: Record<string, string> = {}) => ({ supervisor: supervisorMembership, ...nextWeek(), place: "Kantine Sportpark Noord", note: "Sanne wil graag met jonge kinderen werken.", ...overrides });

async function placementOf(userId: string) {
  const rows = await db().select().from(placements).where(eq(placements.traineeUserId, userId));
  return rows;
}
async function tableCounts() {
  const tables = { placements, consentRecords, coachingNotes, developmentPlanChanges, outboxEmails };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db().select({ n: count() }).from(table))[0]!.n;
  return out;
}

describe("programme settings", () => {
  it("are the defaults without a row, and the project leader saves them on the settings page", async () => {
    const page = await get("/beheer/havenstad/instellingen", PROJECT_LEADER);
    const html = await page.text();
    expect(html).toContain('name="handoverAnswerDays"');
    expect(html).toMatch(/name="handoverAnswerDays"[^>]*value="10"|value="10"[^>]*name="handoverAnswerDays"/);
    const bad = await post("/beheer/havenstad/instellingen", PROJECT_LEADER, { intent: "programme", handoverAnswerDays: "61", placementQuietDays: "28" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("van 1 tot en met 60");
    expect(await db().select().from(programmeSettings)).toHaveLength(0);
    const saved = await post("/beheer/havenstad/instellingen", PROJECT_LEADER, { intent: "programme", handoverAnswerDays: "14", placementQuietDays: "21" });
    expect(saved.status).toBe(302);
    const [row] = await db().select().from(programmeSettings);
    expect(row).toMatchObject({ handoverDuringCourse: false, handoverAnswerDays: 14, placementQuietDays: 21 });
    // A course leader cannot change them.
    expect((await post("/beheer/havenstad/instellingen", LEADER, { intent: "programme", handoverAnswerDays: "3", placementQuietDays: "21" })).status).toBe(404);
  });
});

describe("proposing a placement", () => {
  it("is refused without a certificate of participation, unless the municipality allows it during the course", async () => {
    const trainee = a.enrolments[2]!;
    const page = await get(proposePath(a, 2), LEADER);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("nog geen bewijs van deelname");
    expect(html).not.toContain('name="supervisor"');
    const before = await tableCounts();
    const refused = await post(proposePath(a, 2), LEADER, proposal());
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("nog geen bewijs van deelname");
    expect(await tableCounts()).toEqual(before);

    await post("/beheer/havenstad/instellingen", PROJECT_LEADER, { intent: "programme", handoverDuringCourse: "on", handoverAnswerDays: "14", placementQuietDays: "21" });
    const allowed = await post(proposePath(a, 2), LEADER, proposal());
    expect(allowed.status).toBe(302);
    const [placement] = await placementOf(trainee.userId);
    expect(placement).toMatchObject({ status: "proposed", sharedAt: null, supervisorUserId: supervisorId });
    // Withdrawn again, and the setting back off, for the tests below.
    expect((await post(placementPage(placement!.id), LEADER, { intent: "withdraw" })).status).toBe(302);
    expect((await placementOf(trainee.userId))[0]!.status).toBe("withdrawn");
    await post("/beheer/havenstad/instellingen", PROJECT_LEADER, { intent: "programme", handoverAnswerDays: "14", placementQuietDays: "21" });
  });

  it("shows exactly what will be shared and lists every supervisor with their partner organisation", async () => {
    await post(`/beheer/havenstad/cohorten/${a.cohortId}/cursisten/${a.enrolments[0]!.id}`, LEADER, { intent: "observations", observations: "Sanne neemt de groep mee." });
    await post(`/beheer/havenstad/cohorten/${a.cohortId}/cursisten/${a.enrolments[0]!.id}`, LEADER, { intent: "addGoal", description: "Een warming-up leiden" });
    const html = await (await get(proposePath(a, 0), LEADER)).text();
    expect(html).toContain("Sanne neemt de groep mee.");
    expect(html).toContain("Een warming-up leiden");
    expect(html).toContain("Bo Begeleider — Sportvereniging Havenstad Vooruit");
    expect(html).toContain("Olga Elders — Muziekschool De Maat");
    // The trainee's page links to it.
    expect(await (await get(`/beheer/havenstad/cohorten/${a.cohortId}/cursisten/${a.enrolments[0]!.id}`, LEADER)).text()).toContain(`/cursisten/${a.enrolments[0]!.id}/overdracht`);
  });

  it("gives a course leader of another cohort a 404 on the proposal page and its form", async () => {
    expect((await get(proposePath(a, 0), LEADER_B)).status).toBe(404);
    const before = await tableCounts();
    expect((await post(proposePath(a, 0), LEADER_B, proposal())).status).toBe(404);
    expect((await post(proposePath(a, 0), SUPERVISOR, proposal())).status).toBe(404);
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a supervisor of another municipality's membership id, a date in the past and an impossible date", async () => {
    const before = await tableCounts();
    expect((await post(proposePath(a, 0), LEADER, proposal({ supervisor: "00000000-0000-0000-0000-000000000000" }))).status).toBe(400);
    expect((await post(proposePath(a, 0), LEADER, proposal({ date: "2020-01-01" }))).status).toBe(400);
    expect((await post(proposePath(a, 0), LEADER, proposal({ date: "2027-02-30" }))).status).toBe(400);
    expect((await post(proposePath(a, 0), LEADER, proposal({ place: "" }))).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("a trainee of 16 or older", () => {
  let placementId = "";

  it("is asked on their own page, and the supervisor sees nothing before they agree", async () => {
    const trainee = a.enrolments[0]!;
    const proposed = await post(proposePath(a, 0), LEADER, proposal());
    expect(proposed.status).toBe(302);
    placementId = (await placementOf(trainee.userId))[0]!.id;
    expect(proposed.headers.get("location")).toContain(placementPage(placementId));
    expect((await lastMail(database.url, ADULT, "handover-proposed")).text_body).toContain("/mijn-praktijk");

    expect((await get(placementPage(placementId), SUPERVISOR)).status).toBe(404);
    expect(await (await get("/beheer/havenstad/praktijk", SUPERVISOR)).text()).not.toContain("Sanne Overdracht");
    const own = await get("/mijn-praktijk", ADULT);
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain("Sportvereniging Havenstad Vooruit");
    expect(html).toContain("Bo Begeleider");
    expect(html).toContain("Kantine Sportpark Noord");
    expect(html).toContain("Mogen we dit doorgeven?");
    expect(html).toContain("Sanne neemt de groep mee.");
    // The header links to it.
    expect(html).toContain('href="/mijn-praktijk"');
  });

  it("shares the goals and a snapshot of the observations once they agree, and mails the supervisor", async () => {
    const agreed = await post("/mijn-praktijk", ADULT, { intent: "consent", answer: "give" });
    expect(agreed.status).toBe(302);
    // A second answer changes nothing.
    expect((await post("/mijn-praktijk", ADULT, { intent: "consent", answer: "refuse" })).status).toBe(400);
    const [placement] = await db().select().from(placements).where(eq(placements.id, placementId));
    expect(placement!.sharedAt).not.toBeNull();
    expect(placement!.sharedObservations).toBe("Sanne neemt de groep mee.");
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.id, placement!.sharingConsentId!));
    expect(consent).toMatchObject({ purpose: "handover_sharing", givenBy: "self", status: "given", textVersion: "trainee-handover-sharing-2026-12" });
    expect((await lastMail(database.url, SUPERVISOR, "handover-supervisorShared")).text_body).toContain(placementPage(placementId));
    // Later changes to the observations do not reach the supervisor.
    await post(`/beheer/havenstad/cohorten/${a.cohortId}/cursisten/${a.enrolments[0]!.id}`, LEADER, { intent: "observations", observations: "Nieuwe, niet gedeelde tekst." });
    const page = await (await get(placementPage(placementId), SUPERVISOR)).text();
    expect(page).toContain("Sanne neemt de groep mee.");
    expect(page).not.toContain("Nieuwe, niet gedeelde tekst.");
    expect(page).toContain("Een warming-up leiden");
    const area = await (await get("/beheer/havenstad/praktijk", SUPERVISOR)).text();
    expect(area).toContain("Sanne Overdracht");
    // The staff navigation leads there; course leaders have no such working area.
    expect(await (await get("/beheer/havenstad", SUPERVISOR)).text()).toContain('href="/beheer/havenstad/praktijk"');
    expect((await get("/beheer/havenstad/praktijk", LEADER)).status).toBe(404);
  });

  it("gives a supervisor of another partner and a colleague at the same partner a 404, and they cannot answer", async () => {
    const before = await tableCounts();
    for (const outsider of [OTHER_PARTNER, COLLEAGUE, LEADER_B]) {
      expect((await get(placementPage(placementId), outsider)).status).toBe(404);
      expect((await post(placementPage(placementId), outsider, { intent: "accept" })).status).toBe(404);
      expect((await post(placementPage(placementId), outsider, { intent: "note", body: "Niet van mij" })).status).toBe(404);
    }
    expect(await (await get("/beheer/havenstad/praktijk", COLLEAGUE)).text()).not.toContain("Sanne Overdracht");
    expect(await (await get("/beheer/havenstad/praktijk", OTHER_PARTNER)).text()).not.toContain("Sanne Overdracht");
    // A course leader may not answer for the supervisor.
    expect((await post(placementPage(placementId), LEADER, { intent: "accept" })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
    expect((await db().select().from(placements).where(eq(placements.id, placementId)))[0]!.status).toBe("proposed");
  });

  it("refuses a decline without a reason and writes nothing", async () => {
    const before = await tableCounts();
    const refused = await post(placementPage(placementId), SUPERVISOR, { intent: "decline", reason: "   " });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("utrecht-form-field-error-message");
    expect(await tableCounts()).toEqual(before);
    expect((await db().select().from(placements).where(eq(placements.id, placementId)))[0]!.status).toBe("proposed");
  });

  it("starts the placement when the supervisor accepts, and mails the course leader and the trainee", async () => {
    const accepted = await post(placementPage(placementId), SUPERVISOR, { intent: "accept" });
    expect(accepted.status).toBe(302);
    const [placement] = await db().select().from(placements).where(eq(placements.id, placementId));
    expect(placement).toMatchObject({ status: "active", answeredBy: supervisorId });
    expect(placement!.startedAt).not.toBeNull();
    await lastMail(database.url, LEADER, "handover-accepted");
    await lastMail(database.url, ADULT, "handover-accepted");
    // Accepting twice changes nothing.
    expect((await post(placementPage(placementId), SUPERVISOR, { intent: "accept" })).status).toBe(400);
    expect(await (await get("/mijn-praktijk", ADULT)).text()).toContain("Je praktijk loopt");
    // The course leader finds it from the trainee's page.
    expect(await (await get(`/beheer/havenstad/cohorten/${a.cohortId}/cursisten/${a.enrolments[0]!.id}`, LEADER)).text()).toContain(placementPage(placementId));
  });

  it("lets supervisor, course leader and project leader write and read coaching notes, newest first", async () => {
    expect((await post(placementPage(placementId), SUPERVISOR, { intent: "note", body: "Eerste training goed gegaan." })).status).toBe(302);
    expect((await post(placementPage(placementId), LEADER, { intent: "note", body: "Fijn om te horen." })).status).toBe(302);
    expect((await post(placementPage(placementId), SUPERVISOR, { intent: "note", body: "" })).status).toBe(400);
    const html = await (await get(placementPage(placementId), PROJECT_LEADER)).text();
    expect(html.indexOf("Fijn om te horen.")).toBeGreaterThan(-1);
    expect(html.indexOf("Fijn om te horen.")).toBeLessThan(html.indexOf("Eerste training goed gegaan."));
    // The trainee never sees the notes.
    expect(await (await get("/mijn-praktijk", ADULT)).text()).not.toContain("Eerste training goed gegaan.");
  });

  it("lets the supervisor update a shared goal's status, written to the plan's history", async () => {
    const [goal] = await db().select().from(learningGoals).where(eq(learningGoals.enrolmentId, a.enrolments[0]!.id));
    expect((await post(placementPage(placementId), LEADER, { intent: "goal", goalId: goal!.id, status: "achieved" })).status).toBe(400);
    // Another enrolment's goal is not reachable through this placement.
    const before = await tableCounts();
    expect((await post(placementPage(placementId), SUPERVISOR, { intent: "goal", goalId: "00000000-0000-0000-0000-000000000000", status: "achieved" })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
    expect((await post(placementPage(placementId), SUPERVISOR, { intent: "goal", goalId: goal!.id, status: "working_on" })).status).toBe(302);
    const [updated] = await db().select().from(learningGoals).where(eq(learningGoals.id, goal!.id));
    expect(updated!.status).toBe("working_on");
    const changes = await db().select().from(developmentPlanChanges).where(and(eq(developmentPlanChanges.enrolmentId, a.enrolments[0]!.id), eq(developmentPlanChanges.part, `goal:${goal!.id}`)));
    expect(changes.at(-1)).toMatchObject({ previousValue: "status:open", newValue: "status:working_on", changedBy: supervisorId });
  });

  it("logs every staff view of a minor's placement page", async () => {
    const logged = await db()
      .select({ resource: personalDataAccessLog.resource })
      .from(personalDataAccessLog)
      .where(and(eq(personalDataAccessLog.subjectUserId, a.enrolments[0]!.userId), inArray(personalDataAccessLog.resource, ["placement", "coaching_notes"])));
    expect(logged.filter((r) => r.resource === "placement").length).toBeGreaterThan(2);
    expect(logged.some((r) => r.resource === "coaching_notes")).toBe(true);
  });

  it("lets the course leader end the placement early with a reason", async () => {
    expect((await post(placementPage(placementId), LEADER, { intent: "end", reason: "" })).status).toBe(400);
    expect((await post(placementPage(placementId), SUPERVISOR, { intent: "end", reason: "Ik stop" })).status).toBe(400);
    expect((await post(placementPage(placementId), LEADER, { intent: "end", reason: "Sanne verhuist." })).status).toBe(302);
    const [placement] = await db().select().from(placements).where(eq(placements.id, placementId));
    expect(placement).toMatchObject({ status: "ended", endReason: "Sanne verhuist." });
    await lastMail(database.url, SUPERVISOR, "handover-ended");
  });
});

describe("a trainee under 16", () => {
  let placementId = "";

  it("has their guardian asked by mail, because the application's consent text did not cover sharing", async () => {
    const trainee = a.enrolments[1]!;
    expect((await post(proposePath(a, 1), LEADER, proposal())).status).toBe(302);
    const [placement] = await placementOf(trainee.userId);
    placementId = placement!.id;
    expect(placement!.sharedAt).toBeNull();
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.id, placement!.sharingConsentId!));
    expect(consent).toMatchObject({ purpose: "handover_sharing", givenBy: "guardian", status: "requested", giverEmail: GUARDIAN, textVersion: "guardian-handover-sharing-2026-12" });
    expect((await lastMail(database.url, MINOR, "handover-proposedMinor")).text_body).toContain("ouder of voogd");
    // The trainee sees that the guardian is asked and cannot answer themselves.
    const own = await (await get("/mijn-praktijk", MINOR)).text();
    expect(own).toContain("ouder of voogd");
    expect(own).not.toContain('name="answer"');
    expect((await post("/mijn-praktijk", MINOR, { intent: "consent", answer: "give" })).status).toBe(400);
    expect((await get(placementPage(placementId), SUPERVISOR)).status).toBe(404);
  });

  it("is shared when the guardian agrees on the consent page behind the link", async () => {
    const mail = await lastMail(database.url, GUARDIAN, "handover-guardianSharing");
    expect(mail.text_body).toContain("Mila Overdracht");
    const link = new URL(linkIn(mail));
    expect(link.pathname).toMatch(/^\/toestemming\//);
    const page = await get(link.pathname);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Toestemming voor de warme overdracht");
    expect(html).toContain("Sportvereniging Havenstad Vooruit");
    const answered = await post(link.pathname, null, { intent: "give" });
    expect(answered.status).toBe(200);
    const [placement] = await db().select().from(placements).where(eq(placements.id, placementId));
    expect(placement!.sharedAt).not.toBeNull();
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.id, placement!.sharingConsentId!));
    expect(consent).toMatchObject({ status: "given", evidence: "email-link" });
    expect((await get(placementPage(placementId), SUPERVISOR)).status).toBe(200);
  });

  it("ends declined with the supervisor's reason, mailed to the course leader and the trainee", async () => {
    expect((await post(placementPage(placementId), SUPERVISOR, { intent: "decline", reason: "Geen plek op woensdag." })).status).toBe(302);
    const [placement] = await db().select().from(placements).where(eq(placements.id, placementId));
    expect(placement).toMatchObject({ status: "declined", declineReason: "Geen plek op woensdag." });
    expect((await lastMail(database.url, LEADER, "handover-declined")).text_body).toContain("Geen plek op woensdag.");
    expect((await lastMail(database.url, MINOR, "handover-declined")).text_body).toContain("Geen plek op woensdag.");
    // Answering again through the old link changes nothing.
    const link = new URL(linkIn(await lastMail(database.url, GUARDIAN, "handover-guardianSharing")));
    expect((await post(link.pathname, null, { intent: "refuse" })).status).toBe(200);
    expect((await db().select().from(placements).where(eq(placements.id, placementId)))[0]!.status).toBe("declined");
  });

  it("lets the guardian withdraw the consent through the same link, which takes the shared text back", async () => {
    const link = new URL(linkIn(await lastMail(database.url, GUARDIAN, "handover-guardianSharing")));
    expect(await (await get(link.pathname)).text()).toContain("Wil je je toestemming intrekken?");
    const withdrawn = await post(link.pathname, null, { intent: "withdraw" });
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.text()).toContain("Je toestemming is ingetrokken");
    const [placement] = await db().select().from(placements).where(eq(placements.id, placementId));
    expect(placement!.sharedObservations).toBe("");
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.id, placement!.sharingConsentId!));
    expect(consent!.status).toBe("withdrawn");
    expect((await lastMail(database.url, LEADER, "handover-leadersRefused")).text_body).toContain("Mila Overdracht");
    expect(await (await get(placementPage(placementId), LEADER)).text()).toContain("toestemming om te delen is ingetrokken");
  });
});

describe("a refusal", () => {
  it("tells the course leader and keeps the proposal unshared until it is withdrawn", async () => {
    const trainee = a.enrolments[3]!;
    expect((await post(proposePath(a, 3), LEADER, proposal())).status).toBe(302);
    expect((await post("/mijn-praktijk", REFUSER, { intent: "consent", answer: "refuse" })).status).toBe(302);
    const [placement] = await placementOf(trainee.userId);
    expect(placement).toMatchObject({ status: "proposed", sharedAt: null });
    const [consent] = await db().select().from(consentRecords).where(eq(consentRecords.id, placement!.sharingConsentId!));
    expect(consent).toMatchObject({ status: "refused", givenBy: "self" });
    await lastMail(database.url, LEADER, "handover-leadersRefused");
    expect((await get(placementPage(placement!.id), SUPERVISOR)).status).toBe(404);
    expect(await (await get(placementPage(placement!.id), LEADER)).text()).toContain("geen toestemming gegeven");
    expect((await post(placementPage(placement!.id), LEADER, { intent: "withdraw" })).status).toBe(302);
    expect((await placementOf(trainee.userId))[0]!.status).toBe("withdrawn");
  });
});

describe("one live placement per trainee", () => {
  it("holds under two proposals at once: one succeeds, the other gets a clear 409", async () => {
    const trainee = a.enrolments[4]!;
    const responses = await Promise.all([post(proposePath(a, 4), LEADER, proposal()), post(proposePath(a, 4), PROJECT_LEADER, proposal({ place: "Buurthuis" }))]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([302, 409]);
    const refused = responses.find((r) => r.status === 409)!;
    expect(await refused.text()).toContain("al een praktijkplaats of een voorstel");
    const live = (await placementOf(trainee.userId)).filter((p) => p.status === "proposed" || p.status === "active");
    expect(live).toHaveLength(1);
    // A third, later proposal is refused the same way.
    expect((await post(proposePath(a, 4), LEADER, proposal())).status).toBe(409);
  });
});

describe("the trainee's own practice page", () => {
  it("explains what comes next when there is no placement (200, not 404)", async () => {
    const cookie = (await sessionCookieFor(database.url, "lotte.overdracht@example.org")).header;
    const response = await fetch(`${server.url}/mijn-praktijk`, { headers: { cookie }, redirect: "manual" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Je hebt nog geen praktijkplaats.");
    expect(html).not.toContain('href="/mijn-praktijk"');
    expect(b.enrolments).toHaveLength(1);
  });
});
