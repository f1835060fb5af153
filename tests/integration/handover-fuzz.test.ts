/**
 * Hostile input to every form of the warm handover through the real server: the programme
 * settings, the proposal, the trainee's consent answer, the guardian's answer, and the placement
 * page's answer, withdraw, end, coaching note and goal status forms, with random values in every
 * field. The answer is always a redirect or a 4xx (or the consent page's own 200), never a 5xx,
 * and a refused post writes nothing.
 */
import fc from "fast-check";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { coachingNotes, consentRecords, developmentPlanChanges, learningGoals, outboxEmails, placements, programmeSettings } from "~/lib/db/schema";
import { lastMail, linkIn } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { attachApplication, bornYearsAgo, createPartner, createSupervisor, giveCertificate, nextWeek, supervisorMembershipOf } from "../support/handover";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let fixture: CourseFixture;
const cookies: Record<string, string> = {};
let activeId = "";
let proposedId = "";
let guardianPath = "";
let membership = "";
let otherMembership = "";
let goalId = "";

const LEADER = "cursusleider@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";
const SUPERVISOR = "begeleider@havenstad.example";

function post(path: string, cookie: string, values: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values),
    redirect: "manual",
  });
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const leaderId = await userIdOf(LEADER);
  fixture = await createCourseFixture({
    courseLeaderIds: [leaderId],
    trainees: [{ email: "fuzz-actief@example.org" }, { email: "fuzz-voorstel@example.org" }, { email: "fuzz-jong@example.org" }, { email: "fuzz-nieuw@example.org" }],
  });
  for (const e of fixture.enrolments) await giveCertificate(fixture.municipalityId, e.id, leaderId);
  await attachApplication(fixture.enrolments[2]!, { cohortId: fixture.cohortId, dateOfBirth: bornYearsAgo(14), guardian: { name: "Voogd Fuzz", email: "voogd-fuzz@example.org" } });
  membership = await supervisorMembershipOf(await userIdOf(SUPERVISOR));
  otherMembership = await supervisorMembershipOf(await createSupervisor("fuzz-elders@example.org", "Elders Begeleider", await createPartner("Fuzzclub Elders")));
  for (const email of [LEADER, PROJECT_LEADER, SUPERVISOR, ...fixture.enrolments.map((e) => e.email)]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
  const base = `/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten`;
  await post(`${base}/${fixture.enrolments[0]!.id}`, cookies[LEADER]!, { intent: "addGoal", description: "Een groep leiden" });
  [{ id: goalId }] = (await db().select({ id: learningGoals.id }).from(learningGoals).where(eq(learningGoals.enrolmentId, fixture.enrolments[0]!.id))) as [{ id: string }];
  // An active placement, a shared proposal and an under-16's proposal waiting for the guardian.
  for (const index of [0, 1, 2]) {
    const response = await post(`${base}/${fixture.enrolments[index]!.id}/overdracht`, cookies[LEADER]!, { supervisor: membership, ...nextWeek(), place: "Sporthal" });
    expect(response.status).toBe(302);
  }
  await post("/mijn-praktijk", cookies["fuzz-actief@example.org"]!, { intent: "consent", answer: "give" });
  await post("/mijn-praktijk", cookies["fuzz-voorstel@example.org"]!, { intent: "consent", answer: "give" });
  const rows = await db().select({ id: placements.id, traineeUserId: placements.traineeUserId }).from(placements);
  activeId = rows.find((r) => r.traineeUserId === fixture.enrolments[0]!.userId)!.id;
  proposedId = rows.find((r) => r.traineeUserId === fixture.enrolments[1]!.userId)!.id;
  expect((await post(`/beheer/havenstad/praktijk/${activeId}`, cookies[SUPERVISOR]!, { intent: "accept" })).status).toBe(302);
  guardianPath = new URL(linkIn(await lastMail(database.url, "voogd-fuzz@example.org", "handover-guardianSharing"))).pathname;
});
afterAll(async () => {
  await server?.stop();
});

async function counts() {
  const tables = { placements, consentRecords, coachingNotes, developmentPlanChanges, outboxEmails, programmeSettings };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db().select({ n: count() }).from(table))[0]!.n;
  const states = await db().select({ id: placements.id, status: placements.status, sharedAt: placements.sharedAt }).from(placements).orderBy(placements.id);
  return { ...out, states: JSON.stringify(states) };
}

const hostile = hostileFormValue([
  "on",
  "give",
  "refuse",
  "withdraw",
  "accept",
  "decline",
  "end",
  "note",
  "goal",
  "consent",
  "programme",
  "open",
  "working_on",
  "achieved",
  "dropped",
  "1",
  "60",
  "61",
  "7",
  "180",
  "2030-05-05",
  "15:30",
  "24:00",
  "25:99",
]);

describe("hostile handover form posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const real = [membership, otherMembership, goalId, activeId, proposedId, ...fixture.enrolments.map((e) => e.id)];
    const base = `/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten`;
    const targets = [
      { path: "/beheer/havenstad/instellingen", cookie: cookies[PROJECT_LEADER]!, fields: ["intent", "handoverDuringCourse", "handoverAnswerDays", "placementQuietDays"], fixed: { intent: "programme" } },
      { path: `${base}/${fixture.enrolments[3]!.id}/overdracht`, cookie: cookies[LEADER]!, fields: ["supervisor", "date", "time", "place", "note"], fixed: {} },
      { path: "/mijn-praktijk", cookie: cookies["fuzz-jong@example.org"]!, fields: ["intent", "answer"], fixed: {} },
      { path: guardianPath, cookie: "", fields: ["intent"], fixed: {} },
      { path: `/beheer/havenstad/praktijk/${proposedId}`, cookie: cookies[LEADER]!, fields: ["intent", "reason", "body", "goalId", "status"], fixed: {} },
      { path: `/beheer/havenstad/praktijk/${activeId}`, cookie: cookies[SUPERVISOR]!, fields: ["intent", "reason", "body", "goalId", "status"], fixed: {} },
    ];
    const value = fc.oneof(hostile, fc.constantFrom(...real));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), fc.array(fc.tuple(fc.nat(20), value), { maxLength: 8 }), fc.boolean(), async (index, pairs, fixIntent) => {
        const target = targets[index]!;
        const values: Record<string, string> = {};
        for (const [field, v] of pairs) values[target.fields[field % target.fields.length]!] = v;
        if (fixIntent) Object.assign(values, target.fixed);
        const before = await counts();
        const response = await post(target.path, target.cookie, values);
        expect(response.status, `${target.path} ${JSON.stringify(values).slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("answers odd ids in the address with 404", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "x".repeat(300)]) {
      expect((await fetch(`${server.url}/beheer/havenstad/praktijk/${id}`, { headers: { cookie: cookies[SUPERVISOR]! } })).status).toBe(404);
      expect((await fetch(`${server.url}/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten/${id}/overdracht`, { headers: { cookie: cookies[LEADER]! } })).status).toBe(404);
      expect((await post(`/beheer/havenstad/praktijk/${id}`, cookies[SUPERVISOR]!, { intent: "accept" })).status).toBe(404);
    }
  });
});
