/**
 * Ceremonies over HTTP against the real server: the project leader plans one, publishes it as a
 * public activity (it shows on the public calendar page and follows later changes), assigns
 * trainees' final presentations (only active placements of this municipality, one each), and
 * marks a presentation given only once the ceremony has begun. Course leaders, supervisors and
 * another municipality's project leader reach none of it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, ceremonies, finalPresentations } from "~/lib/db/schema";
import { findPresentation } from "~/features/practice/ceremonies-reads.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { utcToZonedLocal } from "~/lib/time";
import { mailsTo } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";
import { createActivePlacement, createSupervisor, partnerIdOf } from "../support/practice-finale";

const database = useTestDatabase();
let server: TestServer;
let a: CourseFixture;
let active = "";
let proposed = "";
let elsewhere = "";
let ceremonyId = "";
const cookies: Record<string, string> = {};

const PROJECT_LEADER = "projectleider@havenstad.example";
const OTHER_PROJECT_LEADER = "projectleider@rivierendal.example";
const LEADER = "cursusleider@havenstad.example";
const SUPERVISOR = "begeleider@havenstad.example";
const TRAINEE = "cer-sanne@example.org";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  a = await createCourseFixture({ courseLeaderIds: [await userIdOf(LEADER)], trainees: [{ email: TRAINEE, name: "Sanne Presentatie" }, { email: "cer-yusuf@example.org", name: "Yusuf Voorstel" }] });
  const r = await createCourseFixture({ municipalitySlug: "rivierendal", courseLeaderIds: [], trainees: [{ email: "cer-rivier@example.org", name: "Rik Rivier" }] });
  const supervisorId = await userIdOf(SUPERVISOR);
  const partnerId = await partnerIdOf("Sportvereniging Havenstad Vooruit");
  active = await createActivePlacement({ municipalityId: a.municipalityId, enrolmentId: a.enrolments[0]!.id, traineeUserId: a.enrolments[0]!.userId, partnerOrganisationId: partnerId, supervisorUserId: supervisorId });
  proposed = await createActivePlacement({ municipalityId: a.municipalityId, enrolmentId: a.enrolments[1]!.id, traineeUserId: a.enrolments[1]!.userId, partnerOrganisationId: partnerId, supervisorUserId: supervisorId, status: "proposed" });
  const riverSupervisor = await createSupervisor("cer-rivier-begeleider@rivierendal.example", "Atletiekclub De Rivierlopers", { municipalitySlug: "rivierendal" });
  elsewhere = await createActivePlacement({
    municipalityId: r.municipalityId,
    enrolmentId: r.enrolments[0]!.id,
    traineeUserId: r.enrolments[0]!.userId,
    partnerOrganisationId: await partnerIdOf("Atletiekclub De Rivierlopers", "rivierendal"),
    supervisorUserId: riverSupervisor,
  });
  for (const email of [PROJECT_LEADER, OTHER_PROJECT_LEADER, LEADER, SUPERVISOR, TRAINEE]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

const BASE = "/beheer/havenstad/eindpresentaties";
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
const inDays = (days: number) => utcToZonedLocal(new Date(Date.now() + days * 86_400_000)).date;
const fields = (overrides: Record<string, string> = {}) => ({ title: "Uitreiking voorjaar", date: inDays(14), startTime: "19:00", endTime: "21:30", location: "Theater De Kade", programme: "19:00 welkom\n19:30 presentaties", ...overrides });

describe("ceremonies", () => {
  it("are created by the project leader; impossible times are refused", async () => {
    expect((await get(BASE, PROJECT_LEADER)).status).toBe(200);
    expect((await post(`${BASE}/nieuw`, PROJECT_LEADER, fields({ endTime: "18:00" }))).status).toBe(400);
    expect((await post(`${BASE}/nieuw`, PROJECT_LEADER, fields({ date: "2026-02-30" }))).status).toBe(400);
    const created = await post(`${BASE}/nieuw`, PROJECT_LEADER, fields());
    expect(created.status).toBe(302);
    ceremonyId = created.headers.get("location")!.match(/eindpresentaties\/([0-9a-f-]{36})/)![1]!;
    const [row] = await db().select().from(ceremonies).where(eq(ceremonies.id, ceremonyId));
    expect(row).toMatchObject({ title: "Uitreiking voorjaar", location: "Theater De Kade" });
    expect(utcToZonedLocal(row!.startsAt).time).toBe("19:00");
    expect(await (await get(BASE, PROJECT_LEADER)).text()).toContain("Uitreiking voorjaar");
  });

  it("are published as a public activity that appears on the public calendar and follows changes", async () => {
    expect((await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "publish", capacity: "0" })).status).toBe(400);
    expect((await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "publish", capacity: "80" })).status).toBe(302);
    const [row] = await db().select().from(ceremonies).where(eq(ceremonies.id, ceremonyId));
    const [activity] = await db().select().from(activities).where(eq(activities.id, row!.activityId!));
    expect(activity).toMatchObject({ status: "published", category: "other", capacity: 80, registrationRequired: true, title: "Uitreiking voorjaar" });
    const publicPage = await get(`/havenstad/activiteiten/${activity!.id}`);
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).toContain("Uitreiking voorjaar");
    expect((await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "publish", capacity: "" })).status).toBe(400);

    expect((await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "edit", ...fields({ title: "Uitreiking Citytrainers", location: "Stadhuis" }) })).status).toBe(302);
    const [synced] = await db().select().from(activities).where(eq(activities.id, activity!.id));
    expect(synced).toMatchObject({ title: "Uitreiking Citytrainers", location: "Stadhuis" });
  });

  it("get presentations of active placements of this municipality only, one per placement, and mail the trainee", async () => {
    const assign = (placementId: string, title = "Voetbal in de wijk") => post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "assign", placementId, title, position: "1" });
    expect((await assign(proposed)).status).toBe(400);
    expect((await assign(elsewhere)).status).toBe(400);
    expect((await assign("00000000-0000-0000-0000-000000000000")).status).toBe(400);
    expect(await db().select().from(finalPresentations).where(eq(finalPresentations.ceremonyId, ceremonyId))).toHaveLength(0);
    expect((await assign(active)).status).toBe(302);
    expect((await assign(active, "Nog een keer")).status).toBe(400);
    expect(await db().select().from(finalPresentations).where(eq(finalPresentations.ceremonyId, ceremonyId))).toHaveLength(1);
    const mail = (await mailsTo(database.url, TRAINEE)).find((m) => m.kind === "presentation-assigned");
    expect(mail?.text_body).toContain("Stadhuis");
    expect(mail?.text_body).toContain("19:30 presentaties");
    const own = await (await get("/mijn-praktijk/eindverslag", TRAINEE)).text();
    expect(own).toContain("Uitreiking Citytrainers");
    expect(own).toContain("Nog niet gegeven");
  });

  it("can mark a presentation given only after the ceremony has started", async () => {
    const [presentation] = await db().select().from(finalPresentations).where(eq(finalPresentations.ceremonyId, ceremonyId));
    const early = await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "markGiven", id: presentation!.id });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("nog niet begonnen");
    expect((await db().select().from(finalPresentations).where(eq(finalPresentations.id, presentation!.id)))[0]!.givenAt).toBeNull();

    await db().update(ceremonies).set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) }).where(eq(ceremonies.id, ceremonyId));
    expect((await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "markGiven", id: presentation!.id })).status).toBe(302);
    expect((await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "markGiven", id: presentation!.id })).status).toBe(400);
    const found = await findPresentation(a.municipalityId as MunicipalityId, active);
    expect(found?.givenAt).not.toBeNull();
    expect(found?.ceremony.title).toBe("Uitreiking Citytrainers");
    // A given presentation stays: it cannot be removed.
    expect((await post(`${BASE}/${ceremonyId}`, PROJECT_LEADER, { intent: "remove", id: presentation!.id })).status).toBe(400);
    expect(await (await get("/mijn-praktijk/eindverslag", TRAINEE)).text()).toContain("Gegeven");
  });

  it("are out of reach for course leaders, supervisors and another municipality's project leader", async () => {
    for (const who of [LEADER, SUPERVISOR, OTHER_PROJECT_LEADER, TRAINEE]) {
      expect((await get(BASE, who)).status, who).toBe(404);
      expect((await get(`${BASE}/nieuw`, who)).status, who).toBe(404);
      expect((await get(`${BASE}/${ceremonyId}`, who)).status, who).toBe(404);
      expect((await post(`${BASE}/nieuw`, who, fields())).status, who).toBe(404);
      expect((await post(`${BASE}/${ceremonyId}`, who, { intent: "edit", ...fields({ title: "Overgenomen" }) })).status, who).toBe(404);
    }
    expect((await get("/beheer/rivierendal/eindpresentaties/" + ceremonyId, OTHER_PROJECT_LEADER)).status).toBe(404);
    const [row] = await db().select().from(ceremonies).where(eq(ceremonies.id, ceremonyId));
    expect(row!.title).toBe("Uitreiking Citytrainers");
  });
});
