/**
 * Hostile input to the application form and to the course leader's intake and decision forms,
 * through the real server. Whatever arrives, the answer is 2xx, 3xx or 4xx (never 5xx), and
 * rejected input writes nothing: no application, no mail, no change to the application decided on.
 */
import fc from "fast-check";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { applications, cohorts, outboxEmails } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { bornForAge, createStaff, createTestCohort, insertApplication, municipalityId, type TestCohort } from "../support/training-apply";

const database = useTestDatabase();
let server: TestServer;
let cohort: TestCohort;
let leaderCookie: string;
let requestNumber = 0;

function nextAddress(): string {
  requestNumber += 1;
  return `198.51.${Math.floor(requestNumber / 250) % 250}.${(requestNumber % 250) + 1}`;
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env: { TRUST_PROXY: "1" } });
  const havenstadId = await municipalityId("havenstad");
  const leader = await createStaff(havenstadId, "course_leader");
  cohort = await createTestCohort({ municipalityId: havenstadId, courseLeaderIds: [leader.id], maxSize: 3 });
  leaderCookie = (await sessionCookieFor(database.url, leader.email)).header;
});

afterAll(async () => {
  await server?.stop();
});

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "'; drop table applications; --",
    "\u0000",
    "\ud800",
    "x".repeat(6000),
    "2011-02-29",
    "0000-00-00",
    "9999-12-31",
    "2011-05-31T00:00:00Z",
    "__proto__",
    "00000000-0000-0000-0000-000000000000",
    " ",
    "admit",
    "withdraw_trainee",
    "plan_intake",
  ),
);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const fieldNames = ["name", "email", "dateOfBirth", "neighbourhoodId", "motivation", "talents", "interests", "availability", "heardVia", "guardianName", "guardianEmail"] as const;

/** Forms with any value (or none) in each field, and sometimes the same field twice. */
const hostileForm = fc
  .record(Object.fromEntries(fieldNames.map((name) => [name, maybe(hostileString)])) as Record<(typeof fieldNames)[number], fc.Arbitrary<string | undefined>>)
  .chain((fields) => fc.tuple(fc.constant(fields), fc.subarray([...fieldNames], { maxLength: 2 })));

function toBody(fields: Record<string, string | undefined>, repeated: readonly string[] = []): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.append(key, value);
  for (const key of repeated) body.append(key, "herhaald");
  return body;
}

async function post(path: string, body: URLSearchParams, cookie = "") {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, "x-forwarded-for": nextAddress(), ...(cookie ? { cookie } : {}) },
    body,
  });
  await response.text();
  return response.status;
}

async function counts() {
  const [a] = await db().select({ n: count() }).from(applications);
  const [m] = await db().select({ n: count() }).from(outboxEmails);
  return { applications: a!.n, mails: m!.n };
}

describe("the application form under hostile input", () => {
  it("never answers 5xx, and a refused form writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(hostileForm, async ([fields, repeated]) => {
        const before = await counts();
        const status = await post(`/havenstad/cursus/${cohort.id}/aanmelden`, toBody(fields, repeated));
        expect(status, JSON.stringify(fields).slice(0, 300)).toBeLessThan(500);
        const after = await counts();
        if (status !== 200) expect(after).toEqual(before);
        else expect(after.applications - before.applications).toBeLessThanOrEqual(1);
      }),
      { numRuns: 120 },
    );
  });

  it("accepts well-formed applications of any age in range, and refuses out-of-range ages without writing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 60 }), fc.stringMatching(/^[a-z]{4,10}$/), async (age, local) => {
        const before = await counts();
        const fields = {
          name: "Fuzz Aanmelder",
          email: `${local}-${age}-${requestNumber}@example.org`,
          dateOfBirth: bornForAge(age, cohort.startsOn),
          motivation: "Ik wil meedoen.",
          guardianName: "Fuzz Ouder",
          guardianEmail: `ouder-${local}-${requestNumber}@example.org`,
        };
        const status = await post(`/havenstad/cursus/${cohort.id}/aanmelden`, toBody(fields));
        const after = await counts();
        if (age < 14 || age > 27) {
          expect(status).toBe(422);
          expect(after).toEqual(before);
        } else {
          expect(status).toBe(200);
          expect(after.applications).toBe(before.applications + 1);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("the applicant's and the guardian's link pages under hostile input", () => {
  it("never answer 5xx to any intent or token", async () => {
    const { token } = await insertApplication({ cohort, status: "pending" });
    const tokens = fc.oneof(
      fc.constant(token),
      fc.stringMatching(/^[A-Za-z0-9_.~-]{1,150}$/),
      fc.constantFrom("%00", "%ZZ", "..%2F..%2Fetc", "%3Cscript%3E", "a".repeat(100), `${token}x`, token.slice(1)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/cursus-aanmelding/", "/toestemming/"), tokens, maybe(hostileString), async (prefix, linkToken, intent) => {
        const status = await post(`${prefix}${linkToken}`, toBody({ intent }));
        expect(status, `${prefix}${linkToken} ${String(intent)}`).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });
});

describe("the intake and decision forms under hostile input", () => {
  it("never answer 5xx, and a refused post changes neither the application nor the cohort", async () => {
    const { id } = await insertApplication({ cohort });
    const path = `/beheer/havenstad/cohorten/${cohort.id}/aanmeldingen/${id}`;
    const intents = fc.oneof(fc.constantFrom("plan_intake", "notes", "admit", "waitlist", "decline", "withdraw_trainee", "offer_place", ""), hostileString);
    const decisionForm = fc.record({
      intent: maybe(intents),
      date: maybe(fc.oneof(hostileString, fc.constantFrom("2027-03-01", "2020-01-01", "2027-02-30"))),
      time: maybe(fc.oneof(hostileString, fc.constantFrom("19:30", "24:00", "7:5"))),
      location: maybe(hostileString),
      intakeNotes: maybe(hostileString),
    });
    await fc.assert(
      fc.asyncProperty(decisionForm, async (fields) => {
        const [before] = await db().select().from(applications).where(eq(applications.id, id));
        const [cohortBefore] = await db().select().from(cohorts).where(eq(cohorts.id, cohort.id));
        const mailsBefore = (await counts()).mails;
        const status = await post(path, toBody(fields), leaderCookie);
        expect(status, JSON.stringify(fields).slice(0, 300)).toBeLessThan(500);
        if (status >= 400) {
          expect((await db().select().from(applications).where(eq(applications.id, id)))[0]).toEqual(before);
          expect((await db().select().from(cohorts).where(eq(cohorts.id, cohort.id)))[0]).toEqual(cohortBefore);
          expect((await counts()).mails).toBe(mailsBefore);
        }
      }),
      { numRuns: 120 },
    );
  });
});
