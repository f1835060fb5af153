/**
 * Findings of the outside review of "Residents at work" (issue 9), each as the attack that found
 * it, over real HTTP against the built server and real PostgreSQL. One describe per finding.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { storePhotoFile } from "~/features/organisers/photos-file.server";
import { activities, activityPhotos, budgetRequests, certificates, organiserTrust, teams, users } from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { municipalityIdOf } from "../support/activities";
import sharp from "sharp";
import { createOrganisedActivity, createPot, createResident, requestFields } from "../support/budgets";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let havenstadId: string;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  havenstadId = await municipalityIdOf("havenstad");
});

afterAll(async () => {
  await server?.stop();
});

function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie },
    body: new URLSearchParams(fields),
  });
}

describe("a fraction of a cent typed as '0,001' is not read as one euro", () => {
  it("refuses '0,001', '0.001' and '000.000,01' on the request form and writes no request", async () => {
    const organiser = await createResident("Odd Amounts");
    const cookie = (await sessionCookieFor(database.url, organiser.email)).header;
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 1_000_000, maxPerRequestCents: 200_000, autoApproveUpToCents: 200_000 });
    for (const amount of ["0,001", "0.001", "00,001", "000.000,01"]) {
      const response = await post(`/mijn-activiteiten/${activityId}/budget`, cookie, requestFields(potId, amount));
      expect(response.status, amount).toBe(400);
      expect(await response.text()).toContain("Schrijf een bedrag in euro");
    }
    expect(await db().select().from(budgetRequests).where(eq(budgetRequests.potId, potId))).toHaveLength(0);
    // Real thousands grouping still works.
    expect((await post(`/mijn-activiteiten/${activityId}/budget`, cookie, requestFields(potId, "1.000"))).status).toBe(302);
  });
});

describe("a practice supervisor fetching internal photos of activities whose organiser they never supervised", () => {
  it("answers 404 to a supervisor without a placement of the organiser, and still serves the project leader", async () => {
    const organiser = await createResident("Niet Begeleid");
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#369" } }).jpeg().toBuffer();
    const fileKey = await storePhotoFile(bytes);
    const [photo] = await db()
      .insert(activityPhotos)
      .values({ activityId, municipalityId: havenstadId, fileKey, visibility: "internal", caption: "Binnen", uploadedBy: organiser.id, uploadedAt: new Date() })
      .returning({ id: activityPhotos.id });
    const path = `/beheer/havenstad/activiteiten/${activityId}/fotos/${photo!.id}`;
    const supervisor = (await sessionCookieFor(database.url, "begeleider@loods.havenstad.example")).header;
    const leader = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
    expect((await fetch(`${server.url}${path}`, { headers: { cookie: supervisor }, redirect: "manual" })).status).toBe(404);
    const served = await fetch(`${server.url}${path}`, { headers: { cookie: leader }, redirect: "manual" });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");

    // The organiser's own practice supervisor still sees a photo of their trainee's activity.
    const trainee = await db().execute(sql`select p.trainee_user_id as id, u.email from placements p join users u on u.id = p.supervisor_user_id
      where p.municipality_id = ${havenstadId} and u.email = 'begeleider@havenstad.example' limit 1`);
    const traineeId = trainee.rows[0]!.id as string;
    const ownActivity = await createOrganisedActivity(havenstadId, traineeId);
    const [own] = await db()
      .insert(activityPhotos)
      .values({ activityId: ownActivity, municipalityId: havenstadId, fileKey: await storePhotoFile(bytes), visibility: "internal", caption: "Eigen", uploadedBy: traineeId, uploadedAt: new Date() })
      .returning({ id: activityPhotos.id });
    const ownPath = `/beheer/havenstad/activiteiten/${ownActivity}/fotos/${own!.id}`;
    const ownSupervisor = (await sessionCookieFor(database.url, "begeleider@havenstad.example")).header;
    expect((await fetch(`${server.url}${ownPath}`, { headers: { cookie: ownSupervisor }, redirect: "manual" })).status).toBe(200);
    expect((await fetch(`${server.url}${ownPath}`, { headers: { cookie: supervisor }, redirect: "manual" })).status).toBe(404);
  });
});

const planDay = addDaysToLocalDate(utcToZonedLocal(new Date()).date, 10);
function planFields(organiseAs: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "save",
    organiseAs,
    idea: "Samen de buurt opruimen.",
    goal: "Buren leren elkaar kennen.",
    targetGroup: "Iedereen uit de straat",
    title: "Opruimochtend",
    description: "Handschoenen zijn er.",
    category: "culture",
    neighbourhoodId: "",
    location: "Het plein",
    date: planDay,
    startTime: "10:00",
    endTime: "12:00",
    minAge: "",
    maxAge: "",
    capacity: "20",
    ...extra,
  };
}
const planIdFrom = (response: Response) => /\/mijn-activiteiten\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")![1]!;

describe("a Citytrainer whose certificate was revoked submitting a draft planned before", () => {
  it("refuses the submit (and the edit) and leaves the draft out of the calendar, also for a trusted organiser", async () => {
    const email = "organisator@buurtkracht.example";
    const cookie = (await sessionCookieFor(database.url, email)).header;
    const [person] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    const created = await post("/mijn-activiteiten/nieuw", cookie, planFields(`self:${havenstadId}`, { title: "Na intrekking" }));
    expect(created.status).toBe(302);
    const activityId = planIdFrom(created);
    const revokedAt = new Date();
    await db().update(certificates).set({ revokedAt, revocationReason: "Review: ingetrokken" }).where(and(eq(certificates.userId, person!.id), eq(certificates.kind, "citytrainer"), eq(certificates.municipalityId, havenstadId), isNull(certificates.revokedAt)));
    try {
      const edited = await post(`/mijn-activiteiten/${activityId}`, cookie, planFields("", { title: "Toch gewijzigd" }));
      expect(edited.status).toBe(400);
      const submitted = await post(`/mijn-activiteiten/${activityId}`, cookie, { intent: "submit" });
      expect(submitted.status).toBe(400);
      const [row] = await db().select({ status: activities.status, title: activities.title }).from(activities).where(eq(activities.id, activityId));
      expect(row).toEqual({ status: "draft", title: "Na intrekking" });
    } finally {
      await db().update(certificates).set({ revokedAt: null, revocationReason: null }).where(and(eq(certificates.userId, person!.id), eq(certificates.revokedAt, revokedAt)));
    }
  });
});

describe("a course leader who is also the organiser approving their own plan", () => {
  it("answers 404 to the organiser's own review and leaves the plan in review", async () => {
    const email = "cursusleider@havenstad.example";
    const [leader] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    const activityId = await createOrganisedActivity(havenstadId, leader!.id, { startsInDays: 10 });
    await db().update(activities).set({ status: "in_review" }).where(eq(activities.id, activityId));
    const cookie = (await sessionCookieFor(database.url, email)).header;
    const path = `/beheer/havenstad/organisatoren/activiteiten/${activityId}`;
    expect((await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" })).status).toBe(404);
    expect((await post(path, cookie, { intent: "approve" })).status).toBe(404);
    const [row] = await db().select({ status: activities.status }).from(activities).where(eq(activities.id, activityId));
    expect(row!.status).toBe("in_review");
    // The municipality's project leader still reviews it.
    const other = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
    expect((await post(path, other, { intent: "approve" })).status).toBe(302);
  });
});

describe("a project leader who also organises marking themself trusted", () => {
  it("refuses the project leader's own trust mark and writes none, and still lets them mark someone else", async () => {
    const email = "projectleider@havenstad.example";
    const [leader] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    const [team] = await db().select({ id: teams.id }).from(teams).where(eq(teams.municipalityId, havenstadId)).limit(1);
    await createOrganisedActivity(havenstadId, leader!.id, { startsInDays: 10, teamId: team!.id });
    const cookie = (await sessionCookieFor(database.url, email)).header;
    const response = await post("/beheer/havenstad/organisatoren", cookie, { userId: leader!.id, trust: "trusted" });
    expect(response.status).toBe(400);
    expect(await db().select().from(organiserTrust).where(and(eq(organiserTrust.municipalityId, havenstadId), eq(organiserTrust.userId, leader!.id)))).toHaveLength(0);
    const [citytrainer] = await db().select({ id: users.id }).from(users).where(eq(users.email, "citytrainer@buurtkracht.example"));
    expect((await post("/beheer/havenstad/organisatoren", cookie, { userId: citytrainer!.id, trust: "setting" })).status).toBe(302);
  });
});
