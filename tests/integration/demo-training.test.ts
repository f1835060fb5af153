/**
 * The demo's Citytrainer course data (app/features/demo/seed-training.server.ts): on a fresh
 * database the seed writes every stage the README promises — the network's tracks and Havenstad's
 * copies, a running cohort of 12 with attendance, plans and a full assessment moment, an open
 * cohort with an application in every state (the guardian's mail in the outbox, its link working),
 * and a finished cohort whose trainees all have a certificate of participation — and a second run
 * changes nothing.
 */
import { readFileSync } from "node:fs";
import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoNetwork } from "~/features/demo/seed.server";
import { APPLICANT, seedDemoTraining } from "~/features/demo/seed-training.server";
import { findConsentByToken } from "~/features/privacy/consent.server";
import { hashApplicationToken } from "~/features/training/application-tokens.server";
import { db } from "~/lib/db/client.server";
import {
  applications,
  assessmentMoments,
  assessments,
  certificates,
  cohortCourseLeaders,
  cohortSessions,
  cohorts,
  competenceLevels,
  consentRecords,
  enrolments,
  municipalities,
  outboxEmails,
  personalDataAccessLog,
  sessionAttendance,
  trackCompetences,
  trackModules,
  tracks,
  trackVersions,
  users,
} from "~/lib/db/schema";
import { utcToZonedLocal } from "~/lib/time";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();

const TABLES = [
  "tracks",
  "track_versions",
  "track_competences",
  "competence_levels",
  "track_modules",
  "cohorts",
  "cohort_course_leaders",
  "cohort_sessions",
  "applications",
  "enrolments",
  "development_plans",
  "learning_goals",
  "development_plan_changes",
  "session_attendance",
  "assessment_moments",
  "assessments",
  "certificates",
  "consent_records",
  "personal_data_access_log",
  "erasure_requests",
  "outbox_emails",
  "users",
];

async function tableCounts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await db().execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
    result[table] = rows[0]!.n;
  }
  return result;
}

async function cohortNamed(prefix: string) {
  const [row] = await db()
    .select()
    .from(cohorts)
    .where(sql`${cohorts.name} like ${`${prefix}%`}`);
  expect(row, prefix).toBeDefined();
  return row!;
}

const today = utcToZonedLocal(new Date()).date;
const daysFromToday = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

describe("the demo's course data", () => {
  let before: Record<string, number>;

  it("is written with the demo network", async () => {
    const started = Date.now();
    expect(await seedDemoNetwork({ activities: false })).toBe(true);
    // Every demo start (and every test server) runs it: it stays quick.
    expect(Date.now() - started).toBeLessThan(15_000);
    before = await tableCounts();
  });

  it("has the network's four tracks, published, with rubrics and seven modules, and a version 2 of Ik train mijn stad", async () => {
    const versions = await db()
      .select({ id: trackVersions.id, name: trackVersions.name, version: trackVersions.version, status: trackVersions.status, changeNote: trackVersions.changeNote, minAge: trackVersions.minAge, maxAge: trackVersions.maxAge, guardian: trackVersions.guardianConsentBelowAge })
      .from(trackVersions)
      .innerJoin(tracks, eq(tracks.id, trackVersions.trackId))
      .where(isNull(tracks.municipalityId));
    expect(new Set(versions.map((v) => v.name))).toEqual(new Set(["Ik train mijn stad", "Ik maak mijn stad", "Junior", "Volwassenen"]));
    expect(versions.every((v) => v.status === "published")).toBe(true);
    const junior = versions.find((v) => v.name === "Junior")!;
    expect([junior.minAge, junior.maxAge, junior.guardian]).toEqual([10, 13, 16]);
    expect(versions.find((v) => v.name === "Volwassenen")!.minAge).toBe(18);
    const train = versions.filter((v) => v.name === "Ik train mijn stad").sort((a, b) => a.version - b.version);
    expect(train.map((v) => v.version)).toEqual([1, 2]);
    expect(train[1]!.changeNote).not.toBe("");

    for (const version of versions) {
      const competences = await db().select({ id: trackCompetences.id, key: trackCompetences.key }).from(trackCompetences).where(eq(trackCompetences.trackVersionId, version.id));
      expect(competences.length, version.name).toBeGreaterThanOrEqual(4);
      expect(competences.length, version.name).toBeLessThanOrEqual(5);
      for (const competence of competences) {
        const levels = await db().select({ level: competenceLevels.level, description: competenceLevels.description }).from(competenceLevels).where(eq(competenceLevels.competenceId, competence.id));
        expect(levels.map((l) => l.level).sort()).toEqual([1, 2, 3, 4]);
        expect(levels.every((l) => l.description.length > 20)).toBe(true);
      }
      const modules = await db().select({ goal: trackModules.goal, content: trackModules.content }).from(trackModules).where(eq(trackModules.trackVersionId, version.id));
      expect(modules, version.name).toHaveLength(7);
      expect(modules.every((m) => m.goal !== "" && m.content !== "")).toBe(true);
    }
    // Version 2 keeps version 1's competences (same keys) and adds one; one module changed.
    const keysOf = async (versionId: string) => (await db().select({ key: trackCompetences.key }).from(trackCompetences).where(eq(trackCompetences.trackVersionId, versionId))).map((c) => c.key);
    const [v1Keys, v2Keys] = [await keysOf(train[0]!.id), await keysOf(train[1]!.id)];
    expect(v2Keys).toEqual(expect.arrayContaining(v1Keys));
    expect(v2Keys.length).toBe(v1Keys.length + 1);
    const modulesOf = async (versionId: string) => (await db().select({ key: trackModules.key, content: trackModules.content }).from(trackModules).where(eq(trackModules.trackVersionId, versionId)));
    const v1Modules = new Map((await modulesOf(train[0]!.id)).map((m) => [m.key, m.content]));
    const changed = (await modulesOf(train[1]!.id)).filter((m) => v1Modules.get(m.key) !== m.content);
    expect(changed).toHaveLength(1);
  });

  it("gives Havenstad its own copies of two tracks, based on version 1, with one module of its own", async () => {
    const [havenstad] = await db().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
    const copies = await db()
      .select({ id: trackVersions.id, name: trackVersions.name, status: trackVersions.status, basedOn: trackVersions.basedOnVersionId, adoptedFrom: tracks.adoptedFromTrackId })
      .from(trackVersions)
      .innerJoin(tracks, eq(tracks.id, trackVersions.trackId))
      .where(eq(tracks.municipalityId, havenstad!.id));
    expect(copies.map((c) => c.name).sort()).toEqual(["Ik maak mijn stad", "Ik train mijn stad"]);
    expect(copies.every((c) => c.status === "published" && c.basedOn && c.adoptedFrom)).toBe(true);
    const trainCopy = copies.find((c) => c.name === "Ik train mijn stad")!;
    const [basedOn] = await db().select({ version: trackVersions.version }).from(trackVersions).where(eq(trackVersions.id, trainCopy.basedOn!));
    expect(basedOn!.version).toBe(1);
    const own = await db().select({ title: trackModules.title }).from(trackModules).where(and(eq(trackModules.trackVersionId, trainCopy.id), eq(trackModules.origin, "own")));
    expect(own).toHaveLength(1);
  });

  it("runs a cohort of 12 that started about four weeks ago, with attendance, plans and one full assessment moment", async () => {
    const running = await cohortNamed("Groep Havenkwartier");
    expect(daysFromToday(running.startsOn)).toBeGreaterThanOrEqual(-31);
    expect(daysFromToday(running.startsOn)).toBeLessThanOrEqual(-25);
    expect(running.finishedAt).toBeNull();
    const trainees = await db().select({ id: enrolments.id, email: users.email }).from(enrolments).innerJoin(users, eq(users.id, enrolments.userId)).where(and(eq(enrolments.cohortId, running.id), eq(enrolments.status, "active")));
    expect(trainees).toHaveLength(12);
    expect(running.admittedCount).toBe(12);
    expect(trainees.map((t) => t.email)).toContain("cursist@buurtkracht.example");
    const leaders = await db().select({ email: users.email }).from(cohortCourseLeaders).innerJoin(users, eq(users.id, cohortCourseLeaders.userId)).where(eq(cohortCourseLeaders.cohortId, running.id));
    expect(leaders.map((l) => l.email)).toEqual(["cursusleider@havenstad.example"]);

    const sessions = await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, running.id));
    expect(sessions.filter((s) => s.kind === "meeting")).toHaveLength(7);
    expect(sessions.filter((s) => s.kind === "follow_up")).toHaveLength(2);
    const held = sessions.filter((s) => s.endsAt.getTime() < Date.now());
    expect(held.length).toBeGreaterThanOrEqual(3);
    const attendance = await db().select().from(sessionAttendance).innerJoin(cohortSessions, eq(cohortSessions.id, sessionAttendance.sessionId)).where(eq(cohortSessions.cohortId, running.id));
    expect(attendance).toHaveLength(12 * held.length);
    const statuses = new Set(attendance.map((a) => (a.session_attendance.isLate ? "late" : a.session_attendance.status)));
    expect([...statuses].sort()).toEqual(["absent", "absent_with_notice", "late", "present"]);
    // Two trainees have missed two meetings: one more and they cannot reach 6 of 7.
    const missed = new Map<string, number>();
    for (const a of attendance) if (a.session_attendance.status !== "present") missed.set(a.session_attendance.enrolmentId, (missed.get(a.session_attendance.enrolmentId) ?? 0) + 1);
    // Nobody else missed one (missing one already puts a trainee at risk: attending every meeting left would only just do).
    expect([...missed.values()].filter((n) => n >= 2)).toHaveLength(2);
    expect(missed.size).toBe(2);

    const plans = await db().execute<{ own_talent: string; own_story: string; challenges: string; observations: string; goals: number; changes: number }>(sql`
      select p.own_talent, p.own_story, p.challenges, p.observations,
        (select count(*)::int from learning_goals g where g.enrolment_id = p.enrolment_id) as goals,
        (select count(*)::int from development_plan_changes c where c.enrolment_id = p.enrolment_id) as changes
      from development_plans p join enrolments e on e.id = p.enrolment_id where e.cohort_id = ${running.id}`);
    expect(plans.rows).toHaveLength(12);
    for (const plan of plans.rows) {
      expect([plan.own_talent, plan.own_story, plan.challenges, plan.observations].every((part) => part.length > 0)).toBe(true);
      expect(plan.goals).toBeGreaterThanOrEqual(2);
      expect(plan.goals).toBeLessThanOrEqual(3);
      expect(plan.changes).toBeGreaterThanOrEqual(4);
    }
    const goalStatuses = await db().execute<{ status: string }>(sql`select distinct g.status from learning_goals g join enrolments e on e.id = g.enrolment_id where e.cohort_id = ${running.id}`);
    expect(goalStatuses.rows.map((r) => r.status).sort()).toEqual(["achieved", "dropped", "open", "working_on"]);

    const moments = await db().select().from(assessmentMoments).where(eq(assessmentMoments.cohortId, running.id)).orderBy(assessmentMoments.position);
    expect(moments).toHaveLength(2);
    const [competenceCount] = await db().select({ n: count() }).from(trackCompetences).where(eq(trackCompetences.trackVersionId, running.trackVersionId));
    const first = await db().select().from(assessments).where(eq(assessments.momentId, moments[0]!.id));
    expect(first).toHaveLength(12 * competenceCount!.n);
    expect(new Set(first.map((a) => a.level)).size).toBeGreaterThanOrEqual(3);
    expect(first.every((a) => a.narrative.length > 10)).toBe(true);
    const [second] = await db().select({ n: count() }).from(assessments).where(eq(assessments.momentId, moments[1]!.id));
    expect(second!.n).toBe(0);
    expect(daysFromToday(moments[1]!.plannedOn!)).toBeGreaterThan(0);
  });

  it("has an open cohort with an application in every state", async () => {
    const open = await cohortNamed("Groep Centrum");
    expect(open.publishedAt).not.toBeNull();
    expect(daysFromToday(open.applicationsOpenOn)).toBeLessThanOrEqual(0);
    expect(daysFromToday(open.applicationsCloseOn)).toBeGreaterThanOrEqual(0);
    expect(daysFromToday(open.startsOn)).toBeGreaterThanOrEqual(14);
    const rows = await db().select().from(applications).where(eq(applications.cohortId, open.id));
    const byStatus = Object.fromEntries(["pending", "submitted", "intake_planned", "admitted", "waitlisted", "declined", "withdrawn"].map((s) => [s, rows.filter((r) => r.status === s).length]));
    expect(byStatus).toEqual({ pending: 2, submitted: 3, intake_planned: 1, admitted: 1, waitlisted: 1, declined: 1, withdrawn: 1 });
    expect(rows.find((r) => r.status === "pending" && r.emailConfirmedAt === null)).toBeDefined();
    expect(rows.find((r) => r.status === "intake_planned")!.intakeNotes).not.toBe("");
    const [admitted] = await db().select({ n: count() }).from(enrolments).where(eq(enrolments.cohortId, open.id));
    expect(admitted!.n).toBe(1);
    expect(open.admittedCount).toBe(1);
    // Ages are what the form would have computed on the cohort's first day.
    for (const row of rows) {
      const [y, m, d] = row.dateOfBirth.split("-").map(Number) as [number, number, number];
      const [sy, sm, sd] = open.startsOn.split("-").map(Number) as [number, number, number];
      expect(row.ageOnStart, row.name).toBe(sy - y - (sm < m || (sm === m && sd < d) ? 1 : 0));
      expect(row.needsGuardianConsent, row.name).toBe(row.ageOnStart < 16);
    }

    // The demo applicant: 15, waiting for the guardian, whose mail is in the outbox with a working link.
    const waiting = rows.find((r) => r.email === APPLICANT.email)!;
    expect(waiting).toMatchObject({ status: "pending", ageOnStart: 15, needsGuardianConsent: true, guardianEmail: APPLICANT.guardianEmail });
    const [account] = await db().select({ id: users.id }).from(users).where(eq(users.email, APPLICANT.email));
    expect(waiting.userId).toBe(account!.id);
    const [mail] = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, APPLICANT.guardianEmail), eq(outboxEmails.kind, "application-guardianConsent")));
    expect(mail).toMatchObject({ locale: "nl", status: "held", municipalityId: open.municipalityId });
    expect(mail!.textBody).toMatch(/^Hallo Mirjam Aanmelder,/);
    expect(mail!.textBody).not.toMatch(/\b(u|uw)\b/);
    const link = mail!.textBody.match(/https?:\/\/\S+\/toestemming\/(\S+)/);
    expect(link).not.toBeNull();
    expect(mail!.secretLinks).toEqual([link![0]]);
    const consent = await findConsentByToken(db(), link![1]!);
    expect(consent).toMatchObject({ subjectApplicationId: waiting.id, status: "requested", givenBy: "guardian", giverEmail: APPLICANT.guardianEmail });

    expect(consent!.textVersion).toBe("guardian-course-application-2026-12");

    // The applicant who has not confirmed yet has a confirmation mail whose link matches the stored hash.
    const unconfirmed = rows.find((r) => r.status === "pending" && r.emailConfirmedAt === null)!;
    const [confirm] = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, unconfirmed.email), eq(outboxEmails.kind, "application-confirm")));
    const token = confirm!.textBody.match(/\/cursus-aanmelding\/(\S+)/)![1]!;
    expect(hashApplicationToken(token)).toBe(unconfirmed.confirmTokenHash);
    // Declined and withdrawn applications keep no more than they need.
    for (const ended of rows.filter((r) => r.status === "declined" || r.status === "withdrawn")) expect([ended.motivation, ended.intakeNotes], ended.status).toEqual(["", ""]);

    // The under-16 with consent given: submitted, consent by the emailed link.
    const consented = rows.find((r) => r.needsGuardianConsent && r.status === "submitted")!;
    const [given] = await db().select().from(consentRecords).where(eq(consentRecords.subjectApplicationId, consented.id));
    expect(given).toMatchObject({ status: "given", evidence: "email-link", purpose: "course_application", legalBasis: "consent" });
    expect(given!.answeredAt).not.toBeNull();
  });

  it("has a finished cohort from last year whose trainees all have a certificate of participation", async () => {
    const finished = await cohortNamed("Groep Noorderpark");
    expect(finished.finishedAt).not.toBeNull();
    expect(daysFromToday(finished.startsOn)).toBeLessThan(-300);
    const rows = await db().select({ status: enrolments.status, code: certificates.verificationCode, kind: certificates.kind, email: users.email }).from(enrolments).innerJoin(users, eq(users.id, enrolments.userId)).leftJoin(certificates, eq(certificates.enrolmentId, enrolments.id)).where(eq(enrolments.cohortId, finished.id));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.every((r) => r.status === "completed" && r.kind === "participation" && /^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/.test(r.code ?? ""))).toBe(true);
    expect(rows.map((r) => r.email)).toContain("bewijs@buurtkracht.example");
    // Everyone met the completion rule: at least 6 of 7 meetings, every moment recorded.
    const attended = await db().execute<{ n: number }>(sql`
      select count(*) filter (where a.status = 'present')::int as n from enrolments e
      join session_attendance a on a.enrolment_id = e.id join cohort_sessions s on s.id = a.session_id and s.kind = 'meeting'
      where e.cohort_id = ${finished.id} group by e.id`);
    expect(attended.rows.every((r) => r.n >= 6)).toBe(true);
    const [competenceCount] = await db().select({ n: count() }).from(trackCompetences).where(eq(trackCompetences.trackVersionId, finished.trackVersionId));
    const [recorded] = await db().select({ n: count() }).from(assessments).innerJoin(assessmentMoments, eq(assessmentMoments.id, assessments.momentId)).where(eq(assessmentMoments.cohortId, finished.id));
    expect(recorded!.n).toBe(rows.length * 2 * competenceCount!.n);
  });

  it("has access-log rows for the privacy pages and every demo account in the README", async () => {
    const [logged] = await db().select({ n: count() }).from(personalDataAccessLog).where(isNotNull(personalDataAccessLog.actorUserId));
    expect(logged!.n).toBeGreaterThanOrEqual(5);
    const readme = readFileSync("README.md", "utf8").split(/^## Demo accounts$/m)[1]!.split(/^## /m)[0]!;
    for (const account of DEMO_ACCOUNTS) expect(readme, account.email).toContain(`| ${account.email} |`);
  });

  it.each([
    ["the day the clocks go forward", "2027-03-28T00:30:00Z"],
    ["the day the clocks go back", "2027-10-31T00:30:00Z"],
    ["29 February, late in the evening", "2028-02-29T22:59:00Z"],
    ["New Year's night", "2026-12-31T23:30:00Z"],
  ])("can be written on any day: %s", async (_, instant) => {
    const now = new Date(instant);
    const today = utcToZonedLocal(now).date;
    const rollback = new Error("rollback");
    await expect(
      db().transaction(async (tx) => {
        // Take the course data out again (inside this transaction only) and write it as of `now`.
        await tx.execute(sql`delete from cohorts`);
        // The municipal copies first: deleting a network version would set their based_on_version_id
        // to null, a change to a published version that migration 0007 refuses.
        await tx.execute(sql`delete from tracks where municipality_id is not null`);
        await tx.execute(sql`delete from tracks`);
        await tx.execute(sql`delete from users where email like '%@voorbeeld.example'`);
        await seedDemoTraining(tx, now);
        const running = await tx.execute<{ trainees: number; held: number; starts_on: string }>(sql`
          select (select count(*)::int from enrolments e where e.cohort_id = c.id and e.status = 'active') as trainees,
            (select count(*)::int from cohort_sessions s where s.cohort_id = c.id and s.ends_at < ${now}) as held, c.starts_on
          from cohorts c where c.name like '%Havenkwartier'`);
        expect(running.rows[0]).toMatchObject({ trainees: 12, held: 4 });
        const open = await tx.execute<{ opens: string; closes: string }>(sql`select applications_open_on::text as opens, applications_close_on::text as closes from cohorts where name = 'Groep Centrum'`);
        expect(open.rows[0]!.opens <= today && today <= open.rows[0]!.closes).toBe(true);
        const [waiting] = await tx.select({ age: applications.ageOnStart }).from(applications).where(eq(applications.email, APPLICANT.email));
        expect(waiting!.age).toBe(15);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it("changes nothing when it runs again", async () => {
    expect(await seedDemoNetwork({ activities: false })).toBe(false);
    await db().transaction((tx) => seedDemoTraining(tx));
    expect(await tableCounts()).toEqual(before);
  });
});

describe("the guardian's mail in the mail viewer", () => {
  let server: TestServer;
  beforeAll(async () => {
    // The database holds the demo network already: the server's own start-up seed leaves it alone.
    server = await startTestServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("is listed for Havenstad's project leader, with its consent link readable (a demo address nobody can receive mail at)", async () => {
    const cookie = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, APPLICANT.guardianEmail));
    const list = await fetch(`${server.url}/beheer/mail`, { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`/beheer/mail/${mail!.id}`);
    const page = await fetch(`${server.url}/beheer/mail/${mail!.id}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(mail!.secretLinks[0]!);
    expect(html).not.toContain("[link verborgen]");
  });
});
