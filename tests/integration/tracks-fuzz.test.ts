/**
 * Hostile input to the track pages, through the real server: random values in every field of
 * every form on a network track's page and a municipality's track page (settings, competences
 * with levels, modules, materials, publishing, versions, take-over), and odd ids in the address.
 * The answer is always a redirect or a 4xx, never a 5xx, and a refused post writes nothing.
 */
import fc from "fast-check";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { trackVersions } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { competenceFields, get, idFromLocation, post, trackTablesFingerprint, type Poster } from "../support/training-tracks";
import { hostileFormValue } from "../support/hostile-input";

const database = useTestDatabase();
let server: TestServer;
let coordinator: Poster;
let projectLeader: Poster;
let networkTrack = "";
let municipalTrack = "";
const ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  coordinator = { url: server.url, cookie: (await sessionCookieFor(database.url, "coordinator@buurtkracht.example")).header };
  projectLeader = { url: server.url, cookie: (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header };
  // A published network track adopted by Havenstad, and a new network draft: both pages have every form.
  networkTrack = idFromLocation(await post(coordinator, "/netwerk/trajecten", { name: "Fuzztraject" }));
  const draftId = async (trackId: string) =>
    (await db().select({ id: trackVersions.id }).from(trackVersions).where(and(eq(trackVersions.trackId, trackId), eq(trackVersions.status, "draft"))))[0]!.id;
  const v1 = await draftId(networkTrack);
  const path = `/netwerk/trajecten/${networkTrack}`;
  await post(coordinator, path, competenceFields(v1, "Samenwerken", ["Start", "Groei", "Goed", "Sterk"]));
  await post(coordinator, path, { intent: "saveModule", versionId: v1, moduleTitle: "Kennismaken" });
  expect((await post(coordinator, path, { intent: "publish", versionId: v1, changeNote: "Eerste versie." })).status).toBe(302);
  municipalTrack = idFromLocation(await post(projectLeader, "/beheer/havenstad/trajecten", { intent: "adopt", id: networkTrack }));
  expect((await post(coordinator, path, { intent: "newDraft" })).status).toBe(302);
  const rows = await db().execute<{ id: string }>(
    sql`select id from track_versions union all select id from track_competences union all select id from track_modules union all select id from tracks`,
  );
  ids.push(...rows.rows.map((r) => r.id));
});
afterAll(async () => {
  await server?.stop();
});

const hostile = () =>
  hostileFormValue(
    ["6", "------------------------------------", "x".repeat(12000), "up", "down", "saveFields", "saveCompetence", "removeCompetence", "moveCompetence", "saveModule", "removeModule", "moveModule", "removeMaterial", "uploadMaterial", "publish", "newDraft", "discardDraft", "takeOver", "notNow", "adopt"],
    [fc.constantFrom(...ids)],
  );

const fields = [
  "intent",
  "versionId",
  "id",
  "direction",
  "moduleId",
  "competenceId",
  "networkVersionId",
  "name",
  "description",
  "minAge",
  "maxAge",
  "guardianConsentBelowAge",
  "meetingCount",
  "meetingMinutes",
  "followUpDays",
  "followUpMinutes",
  "practiceHoursTarget",
  "completionMinMeetings",
  "completionRequiresAssessments",
  "competenceName",
  "competenceDescription",
  "level1Name",
  "level1Description",
  "level2Name",
  "level3Name",
  "level7Name",
  "moduleTitle",
  "moduleGoal",
  "moduleContent",
  "changeNote",
  "file",
];

describe("hostile track form posts", () => {
  it("never cause a 5xx, and refused posts write nothing", async () => {
    const targets = () => [
      { as: coordinator, path: `/netwerk/trajecten/${networkTrack}` },
      { as: projectLeader, path: `/beheer/havenstad/trajecten/${municipalTrack}` },
      { as: coordinator, path: "/netwerk/trajecten" },
      { as: projectLeader, path: "/beheer/havenstad/trajecten" },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 0, 1, 2, 3), fc.dictionary(fc.constantFrom(...fields), hostile(), { maxKeys: 12 }), async (target, values) => {
        const { as, path } = targets()[target]!;
        const before = await trackTablesFingerprint();
        const response = await post(as, path, values);
        expect(response.status, JSON.stringify(values).slice(0, 500)).toBeLessThan(500);
        if (response.status >= 400) expect(await trackTablesFingerprint(), JSON.stringify(values).slice(0, 500)).toEqual(before);
      }),
      { numRuns: 80 },
    );
  });

  it("answers odd ids in the address with 404", async () => {
    for (const id of ["------------------------------------", "00000000-0000-0000-0000-000000000000", "x", "%00", "..%2f..%2fetc"]) {
      expect((await get(coordinator, `/netwerk/trajecten/${id}`)).status, id).toBe(404);
      expect((await get(projectLeader, `/beheer/havenstad/trajecten/${id}`)).status, id).toBe(404);
      expect((await get(coordinator, `/netwerk/trajecten/${networkTrack}/materialen/${id}`)).status, id).toBe(404);
      expect((await get(projectLeader, `/beheer/havenstad/trajecten/${municipalTrack}/materialen/${id}`)).status, id).toBe(404);
    }
    // A network track is not reachable as Havenstad's, nor Havenstad's copy as the network's.
    expect((await get(projectLeader, `/beheer/havenstad/trajecten/${networkTrack}`)).status).toBe(404);
    expect((await get(coordinator, `/netwerk/trajecten/${municipalTrack}`)).status).toBe(404);
  });
});
