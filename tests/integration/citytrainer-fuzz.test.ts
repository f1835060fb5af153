/**
 * Hostile input to the Citytrainer certificate's forms through the real server: the project
 * leader's issue, revoke and key forms and the public "check a credential file" form, with random
 * values in every field. The answer is always a redirect or a 4xx (or the page again), never a
 * 5xx, and a refused post writes nothing. Odd codes and ids in the addresses are 404 (400 for the
 * API, which names the parameter).
 */
import fc from "fast-check";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { certificates, credentialStatusLists, placements, signingKeys } from "~/lib/db/schema";
import { createCitytrainerCandidates, type ReadyTrainee } from "../support/citytrainer";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let leader = "";
let trainees: ReadyTrainee[] = [];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  ({ trainees } = await createCitytrainerCandidates({
    courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")],
    trainees: [{ email: "fuzz-ct1@example.org", skip: "final_report" }, { email: "fuzz-ct2@example.org" }],
  }));
  leader = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function counts() {
  const tables = { certificates, placements, signingKeys, credentialStatusLists };
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

describe("hostile Citytrainer form posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const [issued] = await db().select({ id: certificates.id, code: certificates.verificationCode }).from(certificates).limit(1);
    const real = [...trainees.map((t) => t.enrolmentId), "issue", "revoke", "rotate", '{"@context":[]}', "{", "[]", "null", ...(issued ? [issued.id] : [])];
    const hostile = fc.oneof(hostileFormValue(real), fc.constantFrom(...real));
    const targets = [
      { path: "/beheer/havenstad/citytrainers", cookie: leader, fields: ["intent", "id", "certificateId", "reason"] },
      { path: "/certificaat/ZZZZ-ZZZZ-ZZZZ", cookie: "", fields: ["credential"] },
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), fc.array(fc.tuple(fc.nat(10), hostile), { maxLength: 6 }), async (index, pairs) => {
        const target = targets[index]!;
        const values: Record<string, string> = {};
        for (const [field, v] of pairs) values[target.fields[field % target.fields.length]!] = v;
        const before = await counts();
        const response = await post(target.path, target.cookie, values);
        expect(response.status, `${target.path} ${JSON.stringify(values).slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it("answers odd codes and ids in the addresses with 404 (400 from the API)", async () => {
    for (const odd of ["------------------------------------", "00000000-0000-0000-0000-000000000000", "x", "%00", "..%2f..%2fetc", "<b>", "AAAA-BBBB-CCC%00"]) {
      expect((await fetch(`${server.url}/certificaat/${odd}`, { redirect: "manual" })).status, odd).toBe(404);
      expect((await fetch(`${server.url}/credentials/status/${odd}`, { redirect: "manual" })).status, odd).toBe(404);
      expect([400, 404], odd).toContain((await fetch(`${server.url}/api/v1/certificates/${odd}`, { redirect: "manual" })).status);
    }
  });
});
