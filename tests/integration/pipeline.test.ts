/**
 * The pipeline page (/beheer/:slug/doorstroom) over real HTTP on the seeded demo plus fixtures of
 * its own: the counts per step match direct SQL counts, a course leader sees only the cohorts
 * they teach, a practice supervisor, a partner contact and another municipality's project leader
 * get 404, pending applicants are never named, and every minor listed is in the audit log.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { LOCALE_COOKIE } from "~/features/accounts/locale.server";
import { loadPipeline } from "~/features/practice/pipeline-reads.server";
import { PIPELINE_STEPS } from "~/features/practice/requirements";
import { db } from "~/lib/db/client.server";
import { applications, certificates, credentialStatusLists, enrolments, personalDataAccessLog } from "~/lib/db/schema";
import { municipalityIdOf } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, createCourseUser, userIdOf, type CourseFixture } from "../support/training-course";
import { hostileFormValue } from "../support/hostile-input";
import { addHours, createPlacement, daysAgo } from "../support/practice-pipeline";

const database = useTestDatabase();
let server: TestServer;
let havenstad: MunicipalityId;
let mine: CourseFixture;
let theirs: CourseFixture;
let minorEnrolment: { id: string; userId: string };

async function page(email: string, path: string, locale: "nl" | "en" = "nl"): Promise<{ status: number; html: string }> {
  const cookie = await sessionCookieFor(database.url, email);
  const response = await fetch(`${server.url}${path}`, { redirect: "manual", headers: { Cookie: `${cookie.header}; ${LOCALE_COOKIE}=${locale}` } });
  return { status: response.status, html: await response.text() };
}

function countsIn(html: string): Record<string, number> {
  return Object.fromEntries([...html.matchAll(/data-step="([a-z_]+)">(\d+)</g)].map((m) => [m[1]!, Number(m[2])]));
}

async function partnerOfSupervisor(): Promise<string> {
  const { rows } = await db().execute<{ id: string }>(sql`select m.partner_organisation_id as id from memberships m join users u on u.id = m.user_id where u.email = 'begeleider@havenstad.example' and m.role = 'practice_supervisor'`);
  return rows[0]!.id;
}

async function one(query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await db().execute<{ n: number }>(query);
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  havenstad = (await municipalityIdOf("havenstad")) as MunicipalityId;
  const demoLeaderId = await userIdOf("cursusleider@havenstad.example");
  const supervisorId = await userIdOf("begeleider@havenstad.example");
  const { rows } = await db().execute<{ partner_organisation_id: string }>(sql`select partner_organisation_id from memberships where user_id = ${supervisorId} and role = 'practice_supervisor'`);
  const partnerId = rows[0]!.partner_organisation_id;
  const otherLeaderId = await createCourseUser("andere-cursusleider@havenstad.example", { name: "Ander Cursusleider", role: "course_leader" });

  mine = await createCourseFixture({
    courseLeaderIds: [demoLeaderId],
    name: "Groep van Cas",
    trainees: ["Anna Actief", "Bert Bewijs", "Cato Certificaat", "Dirk Overdracht", "Eva Eindpresentatie", "Fien Gestopt"].map((name, i) => ({ email: `pijplijn${i}@example.org`, name })),
  });
  theirs = await createCourseFixture({ courseLeaderIds: [otherLeaderId], name: "Groep van een ander", pastMeetings: -2, trainees: [{ email: "geheim@example.org", name: "Gijs Geheim" }] });
  const [anna, bert, cato, dirk, eva, fien] = mine.enrolments;
  // A status list of its own (no issuer), so a fixture's Citytrainer certificate has its revocation entry.
  await db().insert(credentialStatusLists).values({ municipalityId: null }).onConflictDoNothing();
  const [statusList] = await db().select({ id: credentialStatusLists.id }).from(credentialStatusLists).where(isNull(credentialStatusLists.municipalityId));
  let code = 0;
  const issue = async (enrolmentId: string, userId: string, kind: "participation" | "citytrainer") => {
    code += 1;
    await db().insert(certificates).values({
      enrolmentId, municipalityId: havenstad, userId, kind, verificationCode: `PIPE-LINE-${String(code).padStart(4, "0")}`, holderName: "x", trackName: "x", cohortName: "x", municipalityName: "Havenstad",
      courseStartedOn: "2026-09-01", courseEndedOn: "2026-11-01", ...(kind === "citytrainer" ? { statusListId: statusList!.id, statusListIndex: 130000 + code } : {}),
    });
  };
  for (const trainee of [bert!, cato!, dirk!, eva!]) await issue(trainee.id, trainee.userId, "participation");
  await createPlacement({ municipalityId: havenstad, enrolment: dirk!, partnerId, supervisorUserId: supervisorId, status: "proposed", proposedAt: daysAgo(3), sharedAt: daysAgo(2) });
  const evaPlacement = await createPlacement({ municipalityId: havenstad, enrolment: eva!, partnerId, supervisorUserId: supervisorId, status: "active", startedAt: daysAgo(30) });
  await addHours({ id: evaPlacement, municipalityId: havenstad, traineeUserId: eva!.userId }, { hours: 4, createdAt: daysAgo(5), signedOffAt: daysAgo(4) });
  await createPlacement({ municipalityId: havenstad, enrolment: cato!, partnerId, supervisorUserId: supervisorId, status: "completed", startedAt: daysAgo(90) });
  await issue(cato!.id, cato!.userId, "citytrainer");
  await db().update(enrolments).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(enrolments.id, fien!.id));

  // Anna is 15: her enrolment came from an application with her date of birth.
  const [application] = await db()
    .insert(applications)
    .values({
      cohortId: mine.cohortId, municipalityId: havenstad, status: "admitted", name: "Anna Actief", email: "pijplijn0@example.org", dateOfBirth: "2011-05-01", motivation: "Ik wil trainen",
      ageOnStart: 15, needsGuardianConsent: true, guardianName: "Ouder Actief", guardianEmail: "ouder@example.org", confirmTokenHash: randomUUID(), userId: anna!.userId,
    })
    .returning({ id: applications.id });
  await db().update(enrolments).set({ applicationId: application!.id }).where(eq(enrolments.id, anna!.id));
  minorEnrolment = anna!;
});
afterAll(async () => {
  await server?.stop();
});

describe("the pipeline's counts", () => {
  it("match direct SQL counts of the municipality", async () => {
    const { counts } = await loadPipeline(havenstad);
    const m = havenstad;
    expect(counts.applied).toBe(await one(sql`select count(*)::int as n from applications where municipality_id = ${m} and status in ('pending', 'submitted', 'intake_planned', 'waitlisted')`));
    expect(counts.in_handover).toBe(await one(sql`select count(*)::int as n from placements p join enrolments e on e.id = p.enrolment_id where p.municipality_id = ${m} and p.status = 'proposed' and e.status <> 'withdrawn'`));
    expect(counts.in_placement + counts.ready_for_ceremony).toBe(await one(sql`select count(*)::int as n from placements p join enrolments e on e.id = p.enrolment_id where p.municipality_id = ${m} and p.status = 'active' and e.status <> 'withdrawn'`));
    expect(counts.certified).toBe(await one(sql`select count(distinct enrolment_id)::int as n from certificates where municipality_id = ${m} and kind = 'citytrainer' and revoked_at is null`));
    expect(counts.participation_certificate).toBe(
      await one(sql`select count(*)::int as n from enrolments e where e.municipality_id = ${m} and e.status <> 'withdrawn'
        and exists (select 1 from certificates c where c.enrolment_id = e.id and c.kind = 'participation' and c.revoked_at is null)
        and not exists (select 1 from certificates c where c.enrolment_id = e.id and c.kind = 'citytrainer' and c.revoked_at is null)
        and not exists (select 1 from placements p where p.enrolment_id = e.id and p.status in ('proposed', 'active', 'completed', 'ended'))`),
    );
    expect(counts.in_course + counts.admitted).toBe(
      await one(sql`select count(*)::int as n from enrolments e where e.municipality_id = ${m} and e.status <> 'withdrawn'
        and not exists (select 1 from certificates c where c.enrolment_id = e.id and c.revoked_at is null)
        and not exists (select 1 from placements p where p.enrolment_id = e.id and p.status in ('proposed', 'active', 'completed', 'ended'))`),
    );
    expect(counts.admitted).toBeGreaterThanOrEqual(1);
  });

  it("shows the same numbers on the page, and each fixture at its step", async () => {
    const { counts } = await loadPipeline(havenstad);
    const { status, html } = await page("projectleider@havenstad.example", "/beheer/havenstad/doorstroom");
    expect(status).toBe(200);
    expect(countsIn(html)).toEqual(Object.fromEntries(PIPELINE_STEPS.map((step) => [step, counts[step]])));
    const mineOnly = await loadPipeline(havenstad, [mine.cohortId]);
    expect(mineOnly.counts).toMatchObject({ in_course: 1, participation_certificate: 1, in_handover: 1, in_placement: 1, certified: 1 });
    expect(mineOnly.people.in_placement[0]).toMatchObject({ name: "Eva Eindpresentatie", signedOffMinutes: 240, missing: ["practice_hours", "practice_activity", "final_report", "presentation"] });
    const filtered = await page("projectleider@havenstad.example", `/beheer/havenstad/doorstroom?cohort=${mine.cohortId}`);
    expect(countsIn(filtered.html)).toEqual(Object.fromEntries(PIPELINE_STEPS.map((step) => [step, mineOnly.counts[step]])));
    const english = await page("projectleider@havenstad.example", `/beheer/havenstad/doorstroom?cohort=${mine.cohortId}`, "en");
    for (const text of ["People per step", "In a placement", "Hours signed off: 4 of 15", "Still open:", "Alerts"]) expect(english.html).toContain(text);
    for (const name of ["Anna Actief", "Bert Bewijs", "Cato Certificaat", "Dirk Overdracht", "Eva Eindpresentatie"]) expect(filtered.html).toContain(name);
    expect(filtered.html).not.toContain("Fien Gestopt");
    expect(filtered.html).not.toContain("Gijs Geheim");
  });
});

describe("who sees the pipeline", () => {
  it("shows a course leader only the cohorts they teach", async () => {
    const { status, html } = await page("cursusleider@havenstad.example", "/beheer/havenstad/doorstroom");
    expect(status).toBe(200);
    expect(html).toContain("Eva Eindpresentatie");
    expect(html).not.toContain("Gijs Geheim");
    expect(html).not.toContain("Groep van een ander");
    expect((await page("cursusleider@havenstad.example", `/beheer/havenstad/doorstroom?cohort=${theirs.cohortId}`)).status).toBe(404);
    const other = await page("andere-cursusleider@havenstad.example", "/beheer/havenstad/doorstroom");
    expect(other.html).toContain("Gijs Geheim");
    expect(other.html).not.toContain("Eva Eindpresentatie");
    expect(countsIn(other.html)).toMatchObject({ admitted: 1, in_placement: 0, certified: 0 });
  });

  it("answers 404 to a practice supervisor, a partner contact, a resident and another municipality's project leader", async () => {
    for (const email of ["begeleider@havenstad.example", "partner@havenstad.example", "bewoner@buurtkracht.example", "projectleider@rivierendal.example"]) {
      expect((await page(email, "/beheer/havenstad/doorstroom")).status, email).toBe(404);
    }
    expect((await page("projectleider@havenstad.example", "/beheer/havenstad/doorstroom?cohort=not-a-uuid")).status).toBe(404);
    expect((await page("projectleider@rivierendal.example", `/beheer/rivierendal/doorstroom?cohort=${mine.cohortId}`)).status).toBe(404);
  });

  it("never names an applicant whose application is still open", async () => {
    const { rows } = await db().execute<{ name: string }>(sql`select name from applications where municipality_id = ${havenstad} and status in ('pending', 'submitted', 'intake_planned', 'waitlisted')`);
    expect(rows.length).toBeGreaterThan(0);
    const { html } = await page("projectleider@havenstad.example", "/beheer/havenstad/doorstroom");
    for (const { name } of rows) expect(html, name).not.toContain(name);
  });

  it("logs each view of a minor in the list, as a view of their enrolment", async () => {
    const logged = () =>
      db().select().from(personalDataAccessLog).where(and(eq(personalDataAccessLog.subjectUserId, minorEnrolment.userId), eq(personalDataAccessLog.resource, "enrolment")));
    const before = (await logged()).length;
    await page("cursusleider@havenstad.example", `/beheer/havenstad/doorstroom?cohort=${mine.cohortId}`);
    const after = await logged();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ action: "view", actorRole: "course_leader" });
    // Anna's alert (a quiet placement) on the staff home is a view of her placement.
    const annaPlacement = await createPlacement({ municipalityId: havenstad, enrolment: minorEnrolment, partnerId: await partnerOfSupervisor(), supervisorUserId: await userIdOf("begeleider@havenstad.example"), status: "active", startedAt: daysAgo(40) });
    expect((await page("projectleider@havenstad.example", "/beheer/havenstad")).html).toContain("Anna Actief");
    const placementViews = await db().select().from(personalDataAccessLog).where(and(eq(personalDataAccessLog.subjectUserId, minorEnrolment.userId), eq(personalDataAccessLog.resource, "placement")));
    expect(placementViews.map((v) => v.actorRole)).toEqual(["project_leader"]);
    expect(annaPlacement).toBeTruthy();
    const adults = await db().select().from(personalDataAccessLog).where(and(eq(personalDataAccessLog.subjectUserId, mine.enrolments[4]!.userId), eq(personalDataAccessLog.resource, "enrolment")));
    expect(adults).toEqual([]);
  });
});

describe("the cohort filter", () => {
  it("answers a hostile value with 404 or the whole pipeline, never a 500, and never echoes markup", async () => {
    const cookie = await sessionCookieFor(database.url, "projectleider@havenstad.example");
    await fc.assert(
      fc.asyncProperty(hostileFormValue([theirs.cohortId, mine.cohortId]), async (value) => {
        const response = await fetch(`${server.url}/beheer/havenstad/doorstroom?cohort=${encodeURIComponent(value.toWellFormed())}`, { redirect: "manual", headers: { Cookie: cookie.header } });
        const html = await response.text();
        expect([200, 404]).toContain(response.status);
        expect(html).not.toContain("<script>alert(1)</script>");
      }),
      { numRuns: 40 },
    );
  });
});
