/**
 * Hostile input to the cohort and schedule forms, through the real server: random values in every
 * field of the cohort form, the schedule's generate/add/cancel forms and the session form, mixed
 * with values that are almost right, and odd ids in the address. The answer is always a redirect
 * or a 4xx, never a 5xx, and a refused post writes nothing.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { cohortCourseLeaders, cohortSessions, cohorts } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { addTestSession, createPublishedTrackVersion, createTestCohort, userIdOf } from "../support/training-cohorts";
import { hostileFormValue } from "../support/hostile-input";

const database = useTestDatabase();
let server: TestServer;
let cookie = "";
let cohortId = "";
let sessionId = "";
let good: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  cookie = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
  const version = await createPublishedTrackVersion();
  cohortId = await createTestCohort({ versionId: version.versionId });
  sessionId = await addTestSession(cohortId, new Date("2099-03-01T18:00:00Z"));
  good = {
    trackVersionId: version.versionId,
    name: "Fuzzgroep",
    location: "Buurthuis",
    courseLeaderIds: await userIdOf("cursusleider@havenstad.example"),
    maxSize: "15",
    applicationsOpenOn: "2099-01-01",
    applicationsCloseOn: "2099-01-31",
    startsOn: "2099-02-01",
    kind: "meeting",
    date: "2099-04-01",
    startTime: "19:00",
    endTime: "21:30",
    moduleId: version.moduleIds[0]!,
    meetingStartTime: "19:00",
    followUpStartTime: "10:00",
    id: sessionId,
  };
});
afterAll(async () => {
  await server?.stop();
});

const hostile = hostileFormValue(["101", "2027-10-31", "24:00", "23:60", "23:59", "00:00", "02:30", "follow_up", "generate", "add", "cancel"]);

const fields = [
  "trackVersionId",
  "name",
  "location",
  "courseLeaderIds",
  "maxSize",
  "applicationsOpenOn",
  "applicationsCloseOn",
  "startsOn",
  "publish",
  "intent",
  "kind",
  "title",
  "date",
  "startTime",
  "endTime",
  "moduleId",
  "meetingStartTime",
  "followUpStartTime",
  "id",
] as const;

function post(path: string, body: URLSearchParams) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
}

/** Every row the forms can write, as text: a refused post must leave it exactly as it was. */
async function snapshot() {
  const [c, l, s] = await Promise.all([db().select().from(cohorts), db().select().from(cohortCourseLeaders), db().select().from(cohortSessions)]);
  return JSON.stringify([c, l, s].map((rows) => rows.map((row) => JSON.stringify(row)).sort()));
}

describe("hostile cohort and schedule form posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const paths = () => [
      "/beheer/havenstad/cohorten/nieuw",
      `/beheer/havenstad/cohorten/${cohortId}/bewerken`,
      `/beheer/havenstad/cohorten/${cohortId}/rooster`,
      `/beheer/havenstad/cohorten/${cohortId}/rooster/${sessionId}`,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1, 2, 3),
        // Half the runs start from a valid form and spoil a few fields; the rest are noise.
        fc.boolean(),
        fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 6 }),
        async (target, fromGood, values) => {
          const body = new URLSearchParams({ ...(fromGood ? good : {}), ...values });
          const before = await snapshot();
          const response = await post(paths()[target]!, body);
          expect(response.status, `${paths()[target]} ${body.toString().slice(0, 300)}`).toBeLessThan(500);
          if (response.status >= 400) expect(await snapshot()).toEqual(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("answers odd ids in the address with 404", async () => {
    for (const id of ["------------------------------------", "00000000-0000-0000-0000-000000000000", "x", "%00", "..%2f..%2fetc"]) {
      for (const path of [`/beheer/havenstad/cohorten/${id}`, `/beheer/havenstad/cohorten/${id}/rooster`, `/beheer/havenstad/cohorten/${id}/cursisten.csv`, `/beheer/havenstad/cohorten/${cohortId}/rooster/${id}`]) {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
        expect(response.status, path).toBe(404);
      }
      expect((await fetch(`${server.url}/agenda/${id}/cursus.ics`)).status, id).toBe(404);
    }
  });
});
