/**
 * Running a cohort and the trainee's own course, over HTTP against the real server: the
 * development plan (trainee's parts, course leader's observations, goals) with its change
 * history, attendance per session, assessments on the rubric, the certificate of participation
 * (refused before the rule is met, issued once, a tagged PDF with embedded fonts for its holder
 * only, checked publicly by its code), the access log, and a course leader of another cohort who
 * reaches none of it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import {
  assessmentMoments,
  assessments,
  certificates,
  developmentPlanChanges,
  developmentPlans,
  learningGoals,
  personalDataAccessLog,
  sessionAttendance,
} from "~/lib/db/schema";
import { issueParticipationCertificate } from "~/features/training/certificates.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, createCourseUser, userIdOf, type CourseFixture } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let a: CourseFixture;
let b: CourseFixture;
/** The fixture cohorts' enrolments: the demo network has course groups with assessments and certificates of its own. */
const fixtureEnrolmentIds = () => [...a.enrolments, ...b.enrolments].map((e) => e.id);
const cookies: Record<string, string> = {};
let leaderId: string;

const LEADER = "cursusleider@havenstad.example";
const LEADER_B = "leider-b@havenstad.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  leaderId = await userIdOf(LEADER);
  const leaderB = await createCourseUser(LEADER_B, { name: "Bram Anderegroep", role: "course_leader" });
  a = await createCourseFixture({ courseLeaderIds: [leaderId], trainees: [{ email: "sanne@example.org", name: "Sanne Cursist" }, { email: "yusuf@example.org", name: "Yusuf Cursist" }], name: "Havenstad voorjaar" });
  b = await createCourseFixture({ courseLeaderIds: [leaderB], trainees: [{ email: "lotte@example.org", name: "Lotte Andere" }], name: "Havenstad najaar" });
  for (const email of [LEADER, LEADER_B, "sanne@example.org", "yusuf@example.org", "lotte@example.org"]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

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
const traineePath = (f: CourseFixture, index = 0) => `/beheer/havenstad/cohorten/${f.cohortId}/cursisten/${f.enrolments[index]!.id}`;
const sessionPath = (f: CourseFixture, index: number) => `/beheer/havenstad/cohorten/${f.cohortId}/bijeenkomsten/${f.sessionIds[index]}`;

async function changesOf(enrolmentId: string) {
  return db().select().from(developmentPlanChanges).where(eq(developmentPlanChanges.enrolmentId, enrolmentId)).orderBy(developmentPlanChanges.id);
}

describe("the development plan", () => {
  it("lets the trainee write their parts, with one change row per changed part", async () => {
    const enrolment = a.enrolments[0]!;
    const response = await post("/mijn-cursus", "sanne@example.org", { intent: "plan", enrolmentId: enrolment.id, ownTalent: "Ik kan goed voetballen", ownStory: "Ik woon in De Haven", challenges: "" , observations: "Ik ben de beste" });
    expect(response.status).toBe(302);
    const [plan] = await db().select().from(developmentPlans).where(eq(developmentPlans.enrolmentId, enrolment.id));
    expect(plan).toMatchObject({ ownTalent: "Ik kan goed voetballen", ownStory: "Ik woon in De Haven", challenges: "", observations: "" });
    let changes = await changesOf(enrolment.id);
    expect(changes.map((c) => [c.part, c.newValue, c.changedBy])).toEqual([
      ["own_talent", "Ik kan goed voetballen", enrolment.userId],
      ["own_story", "Ik woon in De Haven", enrolment.userId],
    ]);
    // Saving the same again changes nothing and writes no history.
    await post("/mijn-cursus", "sanne@example.org", { intent: "plan", enrolmentId: enrolment.id, ownTalent: "Ik kan goed voetballen", ownStory: "Ik woon in De Haven", challenges: "" });
    changes = await changesOf(enrolment.id);
    expect(changes).toHaveLength(2);
  });

  it("never lets a trainee change the observations, nor another trainee's plan", async () => {
    const enrolment = a.enrolments[0]!;
    const before = await changesOf(enrolment.id);
    const observations = await post("/mijn-cursus", "sanne@example.org", { intent: "observations", enrolmentId: enrolment.id, observations: "Zelf geschreven" });
    expect(observations.status).toBe(400);
    const staff = await post(traineePath(a), "sanne@example.org", { intent: "observations", observations: "Zelf geschreven" });
    expect(staff.status).toBe(404);
    const other = await post("/mijn-cursus", "yusuf@example.org", { intent: "plan", enrolmentId: enrolment.id, ownTalent: "Overgenomen" });
    expect(other.status).toBe(400);
    const [plan] = await db().select().from(developmentPlans).where(eq(developmentPlans.enrolmentId, enrolment.id));
    expect(plan!.observations).toBe("");
    expect(plan!.ownTalent).toBe("Ik kan goed voetballen");
    expect(await changesOf(enrolment.id)).toEqual(before);
  });

  it("lets the course leader write observations and goals, and the trainee update a goal; the history says who", async () => {
    const enrolment = a.enrolments[0]!;
    expect((await post(traineePath(a), LEADER, { intent: "observations", observations: "Neemt de groep mee" })).status).toBe(302);
    expect((await post(traineePath(a), LEADER, { intent: "addGoal", description: "Een warming-up leiden" })).status).toBe(302);
    const [goal] = await db().select().from(learningGoals).where(eq(learningGoals.enrolmentId, enrolment.id));
    expect(goal).toMatchObject({ description: "Een warming-up leiden", status: "open" });
    expect((await post("/mijn-cursus", "sanne@example.org", { intent: "updateGoal", enrolmentId: enrolment.id, goalId: goal!.id, description: "Een warming-up leiden", status: "working_on" })).status).toBe(302);
    // Another trainee cannot reach this goal through their own enrolment.
    const yusuf = a.enrolments[1]!;
    expect((await post("/mijn-cursus", "yusuf@example.org", { intent: "updateGoal", enrolmentId: yusuf.id, goalId: goal!.id, description: "Weg", status: "dropped" })).status).toBe(400);
    const changes = await changesOf(enrolment.id);
    expect(changes.slice(2).map((c) => [c.part, c.newValue, c.changedBy])).toEqual([
      ["observations", "Neemt de groep mee", leaderId],
      [`goal:${goal!.id}`, "Een warming-up leiden", leaderId],
      [`goal:${goal!.id}`, "status:working_on", enrolment.userId],
    ]);
    const page = await get(traineePath(a), LEADER);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Neemt de groep mee");
    expect(html).toContain("Ik kan goed voetballen");
    expect(html).toContain("Sanne Cursist");
    expect(html).toContain("Stand: Mee bezig");
    const own = await (await get("/mijn-cursus", "sanne@example.org")).text();
    expect(own).toContain("Neemt de groep mee");
    expect(own).toContain("Een warming-up leiden");
  });

  it("logs every staff view of the trainee's page: plan, attendance and assessments", async () => {
    const enrolment = a.enrolments[1]!;
    const before = await db().select().from(personalDataAccessLog).where(eq(personalDataAccessLog.subjectUserId, enrolment.userId));
    expect((await get(traineePath(a, 1), LEADER)).status).toBe(200);
    const after = await db().select().from(personalDataAccessLog).where(eq(personalDataAccessLog.subjectUserId, enrolment.userId));
    const fresh = after.slice(before.length);
    expect(fresh.map((r) => r.resource).sort()).toEqual(["assessments", "attendance", "development_plan"]);
    expect(fresh.every((r) => r.actorUserId === leaderId && r.actorRole === "course_leader" && r.action === "view" && r.municipalityId === a.municipalityId)).toBe(true);
  });
});

describe("attendance", () => {
  it("saves every trainee in one form, one row per trainee per session, and saving again updates the rows", async () => {
    const [sanne, yusuf] = a.enrolments;
    const first = await post(sessionPath(a, 0), LEADER, { [`status-${sanne!.id}`]: "present", [`late-${sanne!.id}`]: "on", [`status-${yusuf!.id}`]: "absent_with_notice" });
    expect(first.status).toBe(302);
    const again = await post(sessionPath(a, 0), LEADER, { [`status-${sanne!.id}`]: "present", [`status-${yusuf!.id}`]: "absent" });
    expect(again.status).toBe(302);
    const rows = await db().select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, a.sessionIds[0]!));
    expect(rows.map((r) => [r.enrolmentId, r.status, r.isLate]).sort()).toEqual(
      [
        [sanne!.id, "present", false],
        [yusuf!.id, "absent", false],
      ].sort(),
    );
    const audit = await db().select().from(personalDataAccessLog).where(and(eq(personalDataAccessLog.resource, "attendance"), eq(personalDataAccessLog.action, "change")));
    expect(audit.length).toBeGreaterThanOrEqual(4);
    const page = await (await get(sessionPath(a, 0), LEADER)).text();
    expect(page).toContain("Sanne Cursist");
    expect(page).toContain("Yusuf Cursist");
  });

  it("refuses late without present, and an unknown status, and writes nothing", async () => {
    const [sanne, yusuf] = a.enrolments;
    for (const fields of [
      { [`status-${sanne!.id}`]: "absent", [`late-${sanne!.id}`]: "on", [`status-${yusuf!.id}`]: "present" },
      { [`status-${sanne!.id}`]: "present", [`status-${yusuf!.id}`]: "half" },
    ]) {
      const response = await post(sessionPath(a, 1), LEADER, fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/Te laat kan alleen bij aanwezig|niet geldig/);
    }
    const [{ n }] = (await db().select({ n: count() }).from(sessionAttendance).where(eq(sessionAttendance.sessionId, a.sessionIds[1]!))) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe("assessments and the certificate", () => {
  let momentId: string;

  it("adds an assessment moment to the cohort", async () => {
    const response = await post(`/beheer/havenstad/cohorten/${a.cohortId}/beoordelingen`, LEADER, { name: "Halverwege", plannedOn: "2026-03-01" });
    expect(response.status).toBe(302);
    const bad = await post(`/beheer/havenstad/cohorten/${a.cohortId}/beoordelingen`, LEADER, { name: "Fout", plannedOn: "2026-02-30" });
    expect(bad.status).toBe(400);
    const moments = await db().select().from(assessmentMoments).where(eq(assessmentMoments.cohortId, a.cohortId));
    expect(moments.map((m) => [m.name, m.plannedOn, m.position])).toEqual([["Halverwege", "2026-03-01", 1]]);
    momentId = moments[0]!.id;
  });

  it("refuses a level outside the rubric and writes nothing", async () => {
    const [first, second] = a.competences;
    for (const level of ["5", "0", "-1", "abc"]) {
      const response = await post(traineePath(a), LEADER, { intent: "assess", momentId, [`level-${first!.id}`]: "3", [`level-${second!.id}`]: level });
      expect(response.status, level).toBe(400);
    }
    // A moment of another cohort is not this trainee's either.
    const [otherMoment] = await db()
      .insert(assessmentMoments)
      .values({ cohortId: b.cohortId, municipalityId: b.municipalityId, position: 1, name: "Elders" })
      .returning({ id: assessmentMoments.id });
    expect((await post(traineePath(a), LEADER, { intent: "assess", momentId: otherMoment!.id, [`level-${first!.id}`]: "3" })).status).toBe(400);
    expect(await db().select().from(assessments).where(inArray(assessments.enrolmentId, fixtureEnrolmentIds()))).toHaveLength(0);
  });

  it("refuses to issue the certificate before the rule is met", async () => {
    const page = await (await get(traineePath(a), LEADER)).text();
    expect(page).toMatch(/<button[^>]*disabled[^>]*>Bewijs van deelname uitreiken|<button[^>]*aria-describedby="certificate-not-met"[^>]*disabled/);
    const response = await post(traineePath(a), LEADER, { intent: "issueCertificate" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Uitreiken kan nog niet");
    expect(await db().select().from(certificates).where(inArray(certificates.enrolmentId, fixtureEnrolmentIds()))).toHaveLength(0);
  });

  it("issues it once the trainee attended enough meetings and was assessed; issuing twice gives the same certificate", async () => {
    const sanne = a.enrolments[0]!;
    for (let i = 1; i < 6; i += 1) expect((await post(sessionPath(a, i), LEADER, { [`status-${sanne.id}`]: "present" })).status).toBe(302);
    const [first, second] = a.competences;
    const assessed = await post(traineePath(a), LEADER, { intent: "assess", momentId, [`level-${first!.id}`]: "2", [`narrative-${first!.id}`]: "Werkt goed samen", [`level-${second!.id}`]: "3" });
    expect(assessed.status).toBe(302);
    // Saving again updates, one row per moment × competence.
    await post(traineePath(a), LEADER, { intent: "assess", momentId, [`level-${first!.id}`]: "3", [`narrative-${first!.id}`]: "Werkt heel goed samen", [`level-${second!.id}`]: "3" });
    const rows = await db().select().from(assessments).where(eq(assessments.enrolmentId, sanne.id));
    expect(rows.map((r) => [r.competenceId, r.level, r.narrative]).sort()).toEqual([[first!.id, 3, "Werkt heel goed samen"], [second!.id, 3, ""]].sort());

    const issued = await post(traineePath(a), LEADER, { intent: "issueCertificate" });
    expect(issued.status).toBe(302);
    expect(issued.headers.get("location")).toContain("melding=uitgereikt");
    const again = await post(traineePath(a), LEADER, { intent: "issueCertificate" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toContain("melding=al-uitgereikt");
    const all = await db().select().from(certificates).where(inArray(certificates.enrolmentId, fixtureEnrolmentIds()));
    expect(all).toHaveLength(1);
    const [twice1, twice2] = await Promise.all([
      issueParticipationCertificate(a.municipalityId as MunicipalityId, sanne.id, leaderId),
      issueParticipationCertificate(a.municipalityId as MunicipalityId, sanne.id, leaderId),
    ]);
    expect(twice1.ok && twice2.ok && twice1.certificate.id === all[0]!.id && twice2.certificate.id === all[0]!.id).toBe(true);
    expect(all[0]).toMatchObject({ holderName: "Sanne Cursist", cohortName: "Havenstad voorjaar", municipalityName: "Havenstad", kind: "participation", userId: sanne.userId });
    expect(all[0]!.verificationCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/);
  });

  it("issues one certificate when two course leaders press the button at the same moment", async () => {
    const yusuf = a.enrolments[1]!;
    await db().delete(sessionAttendance).where(eq(sessionAttendance.enrolmentId, yusuf.id));
    await db().insert(sessionAttendance).values(a.meetingIds.slice(0, 6).map((sessionId) => ({ sessionId, enrolmentId: yusuf.id, municipalityId: a.municipalityId, status: "present" as const })));
    await db().insert(assessments).values(a.competences.map((c) => ({ momentId, enrolmentId: yusuf.id, municipalityId: a.municipalityId, competenceId: c.id, level: 2 })));
    const responses = await Promise.all([post(traineePath(a, 1), LEADER, { intent: "issueCertificate" }), post(traineePath(a, 1), LEADER, { intent: "issueCertificate" })]);
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    expect(await db().select().from(certificates).where(eq(certificates.enrolmentId, yusuf.id))).toHaveLength(1);
    await db().delete(certificates).where(eq(certificates.enrolmentId, yusuf.id));
  });

  it("serves the holder a tagged PDF with embedded fonts and the certificate's text; nobody else gets it", async () => {
    const [certificate] = await db().select().from(certificates).where(inArray(certificates.enrolmentId, fixtureEnrolmentIds()));
    const path = `/mijn-cursus/bewijs-van-deelname/${certificate!.id}.pdf`;
    const response = await get(path, "sanne@example.org");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const folder = mkdtempSync(join(tmpdir(), "certificate-"));
    const file = join(folder, "bewijs.pdf");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Bewijs van deelname van Sanne Cursist/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/NotoSans/);
      expect(line.split(/\s+/).at(-5), line).toBe("yes");
    }
    expect(fonts.join("\n")).not.toMatch(/Helvetica/);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    for (const expected of ["Bewijs van deelname", "Sanne Cursist", certificate!.trackName, "Havenstad voorjaar", "Havenstad", certificate!.verificationCode, `/certificaat/${certificate!.verificationCode}`]) {
      expect(text).toContain(expected);
    }
    expect((await get(path, "yusuf@example.org")).status).toBe(404);
    expect((await get(path, LEADER)).status).toBe(404);
    expect((await get(path)).status).toBe(302);
    const own = await (await get("/mijn-cursus", "sanne@example.org")).text();
    expect(own).toContain(path);
  });

  it("checks a code on the public page, saying nothing beyond the certificate", async () => {
    const [certificate] = await db().select().from(certificates).where(inArray(certificates.enrolmentId, fixtureEnrolmentIds()));
    const page = await get(`/certificaat/${certificate!.verificationCode.toLowerCase()}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Sanne Cursist");
    expect(html).toContain("echt en geldig");
    expect(html).not.toContain("sanne@example.org");
    expect(html).not.toContain("Werkt heel goed samen");
    expect((await get("/certificaat/AAAA-BBBB-CCCC")).status).toBe(404);
    // A revoked certificate still answers, as revoked; its holder can no longer download it.
    await db().update(certificates).set({ revokedAt: new Date(), revocationReason: "Uitgereikt aan de verkeerde cursist" }).where(eq(certificates.id, certificate!.id));
    const revoked = await get(`/certificaat/${certificate!.verificationCode}`);
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toContain("ingetrokken");
    expect((await get(`/mijn-cursus/bewijs-van-deelname/${certificate!.id}.pdf`, "sanne@example.org")).status).toBe(404);
    await db().update(certificates).set({ revokedAt: null, revocationReason: null }).where(eq(certificates.id, certificate!.id));
    expect((await get("/certificaat/niet-een-code")).status).toBe(404);
  });
});

describe("a course leader of another cohort in the same municipality", () => {
  it("gets 404 on every page and action of this cohort, and changes nothing", async () => {
    const paths = [traineePath(a), sessionPath(a, 2), `/beheer/havenstad/cohorten/${a.cohortId}/beoordelingen`];
    const attendanceBefore = await db().select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, a.sessionIds[2]!));
    const momentsBefore = await db().select().from(assessmentMoments).where(eq(assessmentMoments.cohortId, a.cohortId));
    for (const path of paths) {
      expect((await get(path, LEADER_B)).status, path).toBe(404);
      expect((await post(path, LEADER_B, { intent: "observations", observations: "Overgenomen", name: "Overgenomen", [`status-${a.enrolments[0]!.id}`]: "absent" })).status, path).toBe(404);
    }
    // Their own cohort's trainee through cohort A's address, and the other way round.
    expect((await get(`/beheer/havenstad/cohorten/${a.cohortId}/cursisten/${b.enrolments[0]!.id}`, LEADER)).status).toBe(404);
    expect((await get(`/beheer/havenstad/cohorten/${a.cohortId}/bijeenkomsten/${b.sessionIds[0]}`, LEADER)).status).toBe(404);
    expect((await get(traineePath(b), LEADER_B)).status).toBe(200);
    const [plan] = await db().select().from(developmentPlans).where(eq(developmentPlans.enrolmentId, a.enrolments[0]!.id));
    expect(plan!.observations).toBe("Neemt de groep mee");
    expect(await db().select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, a.sessionIds[2]!))).toEqual(attendanceBefore);
    expect(await db().select().from(assessmentMoments).where(eq(assessmentMoments.cohortId, a.cohortId))).toEqual(momentsBefore);
  });
});
