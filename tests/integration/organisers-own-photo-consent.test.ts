/**
 * A participant whose sign-up is linked to their account sees their photo consent on "Mijn
 * aanmeldingen" and withdraws it there, over HTTP against the real server: the withdrawal deletes
 * every photo they are on (rows and file, the public photo URL answers 404), as the consent link's
 * withdrawal does. Someone else's consent, a consent already withdrawn, hostile ids and an
 * anonymous post change nothing and never answer 500.
 */
import { access } from "node:fs/promises";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, activityPhotos, consentRecords, organisedActivities, registrations } from "~/lib/db/schema";
import { privateFilePath } from "~/lib/storage.server";
import { createPerson, DEMO_PASSWORD } from "../support/accounts";
import { municipalityIdOf } from "../support/activities";
import { insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
const ORGANISER = "organisator-eigen@example.org";
const PARTICIPANT = "deelnemer-eigen@example.org";
const STRANGER = "vreemde-eigen@example.org";
const cookies: Record<string, string> = {};
let activityId: string;
let registrationId: string;
let consentId: string;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const havenstad = await municipalityIdOf("havenstad");
  const organiserId = await createPerson(database.url, { email: ORGANISER, name: "Olivia Organisator", password: DEMO_PASSWORD });
  const participantId = await createPerson(database.url, { email: PARTICIPANT, name: "Dana Deelnemer", password: DEMO_PASSWORD });
  await createPerson(database.url, { email: STRANGER, name: "Vera Vreemd", password: DEMO_PASSWORD });
  activityId = await insertActivity({ municipalityId: havenstad, title: "Buurtpicknick", startsAt: new Date(Date.now() - 5 * 3600_000), durationMinutes: 120, organiserName: "Olivia" });
  await db().update(activities).set({ organiserUserId: organiserId }).where(eq(activities.id, activityId));
  await db().insert(organisedActivities).values({ municipalityId: havenstad, activityId, organiserUserId: organiserId, idea: "Samen eten", goal: "Buren leren elkaar kennen", targetGroup: "Iedereen" });
  const [registration] = await db()
    .insert(registrations)
    .values({ activityId, municipalityId: havenstad, userId: participantId, name: "Dana Deelnemer", email: PARTICIPANT, ageGroup: "18_26", status: "confirmed", attendance: "attended", cancelTokenHash: `dana-${Math.random()}` })
    .returning({ id: registrations.id });
  registrationId = registration!.id;
  const [consent] = await db()
    .insert(consentRecords)
    .values({
      municipalityId: havenstad,
      purpose: "photos",
      legalBasis: "consent",
      subjectRegistrationId: registrationId,
      givenBy: "self",
      giverName: "Dana Deelnemer",
      giverEmail: PARTICIPANT,
      textVersion: "photos-self-2026-12",
      status: "given",
      photoScope: "public",
      evidence: "email-link",
      answeredAt: new Date(),
    })
    .returning({ id: consentRecords.id });
  consentId = consent!.id;
  for (const email of [ORGANISER, PARTICIPANT, STRANGER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

/** A page's HTML without React's text separators, so a sentence built from parts reads as one. */
const html = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
const get = (path: string, who?: string) => fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });
function post(who: string | null, fields: Record<string, string>) {
  return fetch(`${server.url}/account/aanmeldingen`, {
    method: "POST",
    headers: { cookie: who ? cookies[who]! : "", origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}
async function consentStatus() {
  const [row] = await db().select({ status: consentRecords.status }).from(consentRecords).where(eq(consentRecords.id, consentId));
  return row!.status;
}

async function uploadPhoto(): Promise<{ id: string; fileKey: string }> {
  const body = new FormData();
  body.set("intent", "add_photo");
  body.set("caption", "Picknickkleden op het gras");
  body.append("subjects", registrationId);
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 160, b: 60 } } }).jpeg().toBuffer();
  body.set("photo", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "picknick.jpg");
  const response = await fetch(`${server.url}/mijn-activiteiten/${activityId}/evaluatie`, { method: "POST", headers: { cookie: cookies[ORGANISER]!, origin: server.url }, body, redirect: "manual" });
  expect(response.status).toBe(302);
  const [photo] = await db().select({ id: activityPhotos.id, fileKey: activityPhotos.fileKey, visibility: activityPhotos.visibility }).from(activityPhotos).where(eq(activityPhotos.activityId, activityId));
  expect(photo!.visibility).toBe("public");
  return photo!;
}

describe("photo consent on Mijn aanmeldingen", () => {
  it("shows the consent next to the sign-up, with a withdraw link that asks first", async () => {
    const page = await html(await get("/account/aanmeldingen", PARTICIPANT));
    expect(page).toContain("Toestemming voor foto&#x27;s: gegeven, ook openbaar");
    expect(page).toContain(`?foto-toestemming=${consentId}`);
    expect(page).not.toContain("Ja, trek mijn toestemming in");
    const asking = await (await get(`/account/aanmeldingen?foto-toestemming=${consentId}`, PARTICIPANT)).text();
    expect(asking).toContain("We verwijderen dan meteen elke foto waar je op staat.");
    expect(asking).toContain("Ja, trek mijn toestemming in");
    // Another person sees nothing of it.
    expect(await (await get(`/account/aanmeldingen?foto-toestemming=${consentId}`, STRANGER)).text()).not.toContain("Buurtpicknick");
  });

  it("refuses someone else's consent, hostile ids and an anonymous post, changing nothing", async () => {
    const photo = await uploadPhoto();
    const byStranger = await post(STRANGER, { intent: "withdraw_photo_consent", consentId });
    expect(byStranger.status).toBe(404);
    expect(await byStranger.text()).toContain("Deze toestemming hebben we niet gevonden bij je account");
    for (const value of ["", "00000000-0000-0000-0000-000000000000", `${consentId}' or '1'='1`, "x".repeat(100_000)]) {
      const status = (await post(PARTICIPANT, { intent: "withdraw_photo_consent", consentId: value })).status;
      // A body above the form limit is refused before the route (413); every other id is unknown (404).
      expect([404, 413], `consentId ${value.slice(0, 40)}`).toContain(status);
    }
    await fc.assert(
      fc.asyncProperty(hostileFormValue(), async (value) => {
        expect((await post(PARTICIPANT, { intent: "withdraw_photo_consent", consentId: value })).status).toBe(404);
      }),
      { numRuns: 20 },
    );
    const anonymous = await post(null, { intent: "withdraw_photo_consent", consentId });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(500);
    expect(await consentStatus()).toBe("given");
    expect(await db().select().from(activityPhotos).where(eq(activityPhotos.id, photo.id))).toHaveLength(1);
  });

  it("withdraws: the photos the person is on are deleted with their file, a second withdrawal finds nothing", async () => {
    const [photo] = await db().select({ id: activityPhotos.id, fileKey: activityPhotos.fileKey }).from(activityPhotos).where(eq(activityPhotos.activityId, activityId));
    expect((await get(`/havenstad/activiteiten/${activityId}/fotos/${photo!.id}`)).status).toBe(200);
    const response = await post(PARTICIPANT, { intent: "withdraw_photo_consent", consentId });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("De foto&#x27;s waar je op stond, zijn verwijderd.");
    expect(await consentStatus()).toBe("withdrawn");
    expect(await db().select().from(activityPhotos).where(eq(activityPhotos.activityId, activityId))).toHaveLength(0);
    await expect(access(privateFilePath("activity-photos", photo!.fileKey)!)).rejects.toThrow();
    expect((await get(`/havenstad/activiteiten/${activityId}/fotos/${photo!.id}`)).status).toBe(404);
    const page = await html(await get("/account/aanmeldingen", PARTICIPANT));
    expect(page).toContain("Toestemming voor foto&#x27;s: ingetrokken");
    expect(page).not.toContain("?foto-toestemming=");
    expect((await post(PARTICIPANT, { intent: "withdraw_photo_consent", consentId })).status).toBe(404);
  });

  it("still cancels a sign-up when the form has no intent", async () => {
    const response = await post(PARTICIPANT, { registrationId: "00000000-0000-0000-0000-000000000000" });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Deze aanmelding hebben we niet gevonden bij je account.");
  });
});
