/**
 * Findings of the outside review of "Residents at work" (issue 9), each as the attack that found
 * it, over real HTTP against the built server and real PostgreSQL. One describe per finding.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { storePhotoFile } from "~/features/organisers/photos-file.server";
import { activityPhotos, budgetRequests } from "~/lib/db/schema";
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
