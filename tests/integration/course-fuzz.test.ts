/**
 * Hostile input to the course forms through the real server: the trainee's plan and goals, the
 * course leader's observations, goals and assessments, the attendance form and the assessment
 * moments, with random values in every field. The answer is always a redirect or a 4xx, never a
 * 5xx, and a refused post writes nothing.
 */
import fc from "fast-check";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { assessmentMoments, assessments, certificates, developmentPlanChanges, developmentPlans, learningGoals, sessionAttendance } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";
import { hostileFormValue } from "../support/hostile-input";

const database = useTestDatabase();
let server: TestServer;
let fixture: CourseFixture;
let leader = "";
let trainee = "";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  fixture = await createCourseFixture({ courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")], trainees: [{ email: "fuzz-cursist@example.org" }, { email: "fuzz-tweede@example.org" }] });
  await db().insert(assessmentMoments).values({ cohortId: fixture.cohortId, municipalityId: fixture.municipalityId, position: 1, name: "Halverwege" });
  leader = (await sessionCookieFor(database.url, "cursusleider@havenstad.example")).header;
  trainee = (await sessionCookieFor(database.url, "fuzz-cursist@example.org")).header;
});
afterAll(async () => {
  await server?.stop();
});

const hostile = hostileFormValue(["1", "4", "5", "11", "2.5", "off", "present", "absent", "absent_with_notice", "achieved", "plan", "observations", "addGoal", "updateGoal", "assess", "issueCertificate"]);

async function counts() {
  const tables = { developmentPlans, developmentPlanChanges, learningGoals, sessionAttendance, assessments, assessmentMoments, certificates };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db().select({ n: count() }).from(table))[0]!.n;
  return out;
}

function post(path: string, cookie: string, values: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values),
    redirect: "manual",
  });
}

describe("hostile course form posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const enrolment = fixture.enrolments[0]!;
    const [moment] = await db().select({ id: assessmentMoments.id }).from(assessmentMoments);
    const real = [enrolment.id, fixture.enrolments[1]!.id, moment!.id, ...fixture.competences.map((c) => c.id)];
    const targets = [
      { path: "/mijn-cursus", cookie: trainee, fields: ["intent", "enrolmentId", "ownTalent", "ownStory", "challenges", "observations", "description", "status", "goalId"] },
      { path: `/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten/${enrolment.id}`, cookie: leader, fields: ["intent", "observations", "description", "status", "goalId", "momentId", ...fixture.competences.flatMap((c) => [`level-${c.id}`, `narrative-${c.id}`])] },
      { path: `/beheer/havenstad/cohorten/${fixture.cohortId}/bijeenkomsten/${fixture.sessionIds[0]}`, cookie: leader, fields: fixture.enrolments.flatMap((e) => [`status-${e.id}`, `late-${e.id}`]) },
      { path: `/beheer/havenstad/cohorten/${fixture.cohortId}/beoordelingen`, cookie: leader, fields: ["name", "plannedOn"] },
    ];
    const value = fc.oneof(hostile, fc.constantFrom(...real));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), fc.array(fc.tuple(fc.nat(20), value), { maxLength: 10 }), fc.boolean(), async (index, pairs, ownEnrolment) => {
        const target = targets[index]!;
        const values: Record<string, string> = {};
        for (const [field, v] of pairs) values[target.fields[field % target.fields.length]!] = v;
        if (index === 0 && ownEnrolment) values.enrolmentId = enrolment.id;
        const before = await counts();
        const response = await post(target.path, target.cookie, values);
        expect(response.status, `${target.path} ${JSON.stringify(values).slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });

  it("refuses an assessment moment dated in a year PostgreSQL has no date for, or far outside any course", async () => {
    const path = `/beheer/havenstad/cohorten/${fixture.cohortId}/beoordelingen`;
    for (const plannedOn of ["0000-01-01", "0100-06-15", "9999-12-31"]) {
      const before = await counts();
      const response = await post(path, leader, { name: "Tussenmeting", plannedOn });
      expect(response.status, plannedOn).toBe(400);
      expect(await response.text()).toContain("datum");
      expect(await counts()).toEqual(before);
    }
  });

  it("answers odd ids in the address with 404", async () => {
    for (const id of ["------------------------------------", "00000000-0000-0000-0000-000000000000", "x", "%00", "..%2f..%2fetc"]) {
      for (const path of [`/beheer/havenstad/cohorten/${id}/beoordelingen`, `/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten/${id}`, `/beheer/havenstad/cohorten/${fixture.cohortId}/bijeenkomsten/${id}`]) {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie: leader }, redirect: "manual" });
        expect(response.status, path).toBe(404);
      }
      const pdf = await fetch(`${server.url}/mijn-cursus/bewijs-van-deelname/${id}.pdf`, { headers: { cookie: trainee }, redirect: "manual" });
      expect(pdf.status, id).toBe(404);
      const check = await fetch(`${server.url}/certificaat/${id}`, { redirect: "manual" });
      expect(check.status, id).toBe(404);
    }
  });
});
