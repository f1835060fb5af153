/**
 * Admission never exceeds a cohort's maximum, also when course leaders admit at the same moment
 * on two app instances: many admissions posted at once, spread over two servers on one database,
 * into cohorts with one or two places left.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { applications, cohorts, enrolments, outboxEmails } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createStaff, createTestCohort, insertApplication, municipalityId } from "../support/training-apply";

const database = useTestDatabase();
let servers: TestServer[] = [];
let leaders: { id: string; email: string }[] = [];
let havenstadId: string;

beforeAll(async () => {
  servers = [await startTestServer({ databaseUrl: database.url })];
  servers.push(await startTestServer({ databaseUrl: database.url }));
  havenstadId = await municipalityId("havenstad");
  leaders = [await createStaff(havenstadId, "course_leader"), await createStaff(havenstadId, "course_leader")];
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function admitEverywhere(cohortId: string, applicationIds: string[]) {
  const cookies = await Promise.all(leaders.map(async (l) => (await sessionCookieFor(database.url, l.email)).header));
  return Promise.all(
    applicationIds.map(async (id, index) => {
      const server = servers[index % 2]!;
      const response = await fetch(`${server.url}/beheer/havenstad/cohorten/${cohortId}/aanmeldingen/${id}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie: cookies[index % 2]! },
        body: new URLSearchParams({ intent: "admit" }),
      });
      await response.text();
      return response.status;
    }),
  );
}

describe.each([
  { maxSize: 5, admittedCount: 3, applicants: 30 },
  { maxSize: 2, admittedCount: 1, applicants: 24 },
])("$applicants admissions at once with $maxSize places of which $admittedCount taken", ({ maxSize, admittedCount, applicants }) => {
  it("admits exactly the free places, refuses the rest as full, and keeps the count true", async () => {
    const cohort = await createTestCohort({ municipalityId: havenstadId, courseLeaderIds: leaders.map((l) => l.id), maxSize, admittedCount });
    const ids: string[] = [];
    for (let i = 0; i < applicants; i++) ids.push((await insertApplication({ cohort, email: `gelijktijdig-${maxSize}-${i}@example.org` })).id);

    const statuses = await admitEverywhere(cohort.id, ids);
    const free = maxSize - admittedCount;
    expect(statuses.filter((s) => s === 302)).toHaveLength(free);
    expect(statuses.filter((s) => s === 400)).toHaveLength(applicants - free);

    const [row] = await db().select().from(cohorts).where(eq(cohorts.id, cohort.id));
    expect(row!.admittedCount).toBe(maxSize);
    const [active] = await db().select({ n: count() }).from(enrolments).where(and(eq(enrolments.cohortId, cohort.id), eq(enrolments.status, "active")));
    expect(active!.n).toBe(free);
    const admitted = await db().select({ id: applications.id }).from(applications).where(and(eq(applications.cohortId, cohort.id), eq(applications.status, "admitted")));
    expect(admitted).toHaveLength(free);
    const stillSubmitted = await db().select({ id: applications.id }).from(applications).where(and(eq(applications.cohortId, cohort.id), eq(applications.status, "submitted")));
    expect(stillSubmitted).toHaveLength(applicants - free);
    const mails = await db().select({ to: outboxEmails.toAddress }).from(outboxEmails).where(eq(outboxEmails.kind, "application-admitted"));
    expect(mails.filter((m) => m.to.startsWith(`gelijktijdig-${maxSize}-`))).toHaveLength(free);
  });
});

describe("the same application admitted twice at once", () => {
  it("takes one place and makes one enrolment", async () => {
    const cohort = await createTestCohort({ municipalityId: havenstadId, courseLeaderIds: leaders.map((l) => l.id), maxSize: 5 });
    const { id } = await insertApplication({ cohort, email: "twee-keer@example.org" });
    const statuses = await admitEverywhere(cohort.id, Array.from({ length: 10 }, () => id));
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.every((s) => s === 302 || s === 400)).toBe(true);
    expect((await db().select().from(cohorts).where(eq(cohorts.id, cohort.id)))[0]!.admittedCount).toBe(1);
    expect(await db().select().from(enrolments).where(eq(enrolments.applicationId, id))).toHaveLength(1);
  });
});
