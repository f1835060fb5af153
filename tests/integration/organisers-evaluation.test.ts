/**
 * The organiser's evaluation over HTTP against the real server: an ended organised activity of a
 * Citytrainer with checked-in participants; the evaluation is refused before the end, completes the
 * activity once, and refuses more first-timers than turnout. Photo consent is asked by mail and
 * answered on the consent page (a guardian for an under-16, with their name). A photo is refused
 * without consent, with a withdrawn consent, with a participant of another activity or another
 * municipality; a photo's EXIF (GPS) is gone; an HTML file renamed .jpg and a 6 MB file are
 * refused; an internal photo is not served publicly nor to another organiser; a public one is;
 * withdrawing deletes the photo and its file. Hostile input writes nothing and never answers 500.
 */
import { access } from "node:fs/promises";
import { and, count, eq } from "drizzle-orm";
import sharp from "sharp";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, activityEvaluations, activityPhotos, consentRecords, organisedActivities, registrations } from "~/lib/db/schema";
import { privateFilePath } from "~/lib/storage.server";
import { countOrganisedActivities } from "~/features/organisers/evaluation-reads.server";
import { createPerson, DEMO_PASSWORD, lastMail, linkIn } from "../support/accounts";
import { municipalityIdOf } from "../support/activities";
import { createTestMunicipality, insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};
const ORGANISER = "organisator-eval@example.org";
const OTHER_ORGANISER = "andere-organisator@example.org";
const PROJECT_LEADER = "projectleider@havenstad.example";
let havenstadId: string;
let ended: string;
let upcoming: string;
let otherActivity: string;
let elsewhere: string;
const people: Record<string, string> = {};

async function organised(municipalityId: string, organiserUserId: string, startsAt: Date): Promise<string> {
  const id = await insertActivity({ municipalityId, title: "Buurtbarbecue", startsAt, durationMinutes: 120, organiserName: "Chris" });
  await db().update(activities).set({ organiserUserId }).where(eq(activities.id, id));
  await db().insert(organisedActivities).values({ municipalityId, activityId: id, organiserUserId, idea: "Samen eten", goal: "Buren leren elkaar kennen", targetGroup: "Iedereen" });
  return id;
}

async function signUp(activityId: string, municipalityId: string, name: string, email: string | null, ageGroup: "12_15" | "18_26", attended: boolean): Promise<string> {
  const [row] = await db()
    .insert(registrations)
    .values({ activityId, municipalityId, name, email, ageGroup, status: "confirmed", attendance: attended ? "attended" : null, isWalkIn: email === null, cancelTokenHash: `${name}-${Math.random()}` })
    .returning({ id: registrations.id });
  return row!.id;
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  havenstadId = await municipalityIdOf("havenstad");
  const organiserId = await createPerson(database.url, { email: ORGANISER, name: "Olivia Organisator", password: DEMO_PASSWORD });
  const otherId = await createPerson(database.url, { email: OTHER_ORGANISER, name: "Otto Ander", password: DEMO_PASSWORD });
  ended = await organised(havenstadId, organiserId, new Date(Date.now() - 5 * 3600_000));
  upcoming = await organised(havenstadId, organiserId, new Date(Date.now() + 3 * 24 * 3600_000));
  otherActivity = await organised(havenstadId, otherId, new Date(Date.now() - 5 * 3600_000));
  const rivierendal = await createTestMunicipality("Elderveen");
  elsewhere = await organised(rivierendal.id, otherId, new Date(Date.now() - 5 * 3600_000));
  // An earlier sign-up makes Bram not new to the platform.
  await signUp(otherActivity, havenstadId, "Bram eerder", "bram@example.org", "18_26", true);
  await new Promise((resolve) => setTimeout(resolve, 5));
  people.anna = await signUp(ended, havenstadId, "Anna Aanwezig", "anna@example.org", "18_26", true);
  people.bram = await signUp(ended, havenstadId, "Bram Vaker", "bram@example.org", "18_26", true);
  people.kim = await signUp(ended, havenstadId, "Kim Jong", "kim@example.org", "12_15", true);
  people.walkIn = await signUp(ended, havenstadId, "Loop Binnen", null, "18_26", true);
  people.absent = await signUp(ended, havenstadId, "Niet Gekomen", "niet@example.org", "18_26", false);
  people.otherActivity = await signUp(otherActivity, havenstadId, "Elders Hier", "elders@example.org", "18_26", true);
  people.otherMunicipality = await signUp(elsewhere, rivierendal.id, "Ver Weg", "verweg@example.org", "18_26", true);
  for (const email of [ORGANISER, OTHER_ORGANISER, PROJECT_LEADER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

const page = (id: string) => `/mijn-activiteiten/${id}/evaluatie`;
function post(path: string, who: string | null, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return fetch(`${server.url}${path}`, { method: "POST", headers: { cookie: who ? cookies[who]! : "", origin: server.url, "content-type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
}
function upload(who: string, activityId: string, file: Blob, name: string, subjects: string[], caption = "Samen aan tafel") {
  const body = new FormData();
  body.set("intent", "add_photo");
  body.set("caption", caption);
  for (const s of subjects) body.append("subjects", s);
  body.set("photo", file, name);
  return fetch(`${server.url}${page(activityId)}`, { method: "POST", headers: { cookie: cookies[who]!, origin: server.url }, body, redirect: "manual" });
}
const get = (path: string, who?: string) => fetch(`${server.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {}, redirect: "manual" });
async function photoCount(activityId: string) {
  const [row] = await db().select({ n: count() }).from(activityPhotos).where(eq(activityPhotos.activityId, activityId));
  return row!.n;
}
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "GPS-MARKER-CAMERA" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 1/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 53/1 1/1" } })
    .toBuffer();
}
async function answer(email: string, fields: Record<string, string>) {
  const link = new URL(linkIn(await lastMail(database.url, email, "organisers.photo_consent_request")));
  return post(link.pathname, null, fields);
}

describe("the evaluation", () => {
  it("opens only for the activity's organisers", async () => {
    expect((await get(page(ended), ORGANISER)).status).toBe(200);
    expect((await get(page(ended), OTHER_ORGANISER)).status).toBe(404);
    expect((await get(page(ended), PROJECT_LEADER)).status).toBe(404);
    expect((await get(page(ended))).status).toBe(302);
  });

  it("pre-fills turnout from check-ins and first-timers from earlier sign-ups", async () => {
    const html = await (await get(page(ended), ORGANISER)).text();
    // Anna, Bram, Kim and the walk-in came; Anna and Kim signed up for the first time (Bram did before, the walk-in has no address).
    expect(html).toMatch(/name="turnout"[^>]*value="4"/);
    expect(html).toMatch(/name="firstTimeCount"[^>]*value="2"/);
  });

  it("refuses before the activity ended, and more first-timers than people who came", async () => {
    const fields = { intent: "evaluate", turnout: "4", firstTimeCount: "2", wentWell: "Gezellig", doDifferently: "Meer stoelen" };
    expect((await post(page(upcoming), ORGANISER, fields)).status).toBe(400);
    expect((await post(page(ended), ORGANISER, { ...fields, firstTimeCount: "5" })).status).toBe(400);
    const [row] = await db().select({ status: activities.status }).from(activities).where(eq(activities.id, ended));
    expect(row!.status).toBe("published");
  });

  it("completes the activity once; a second save corrects the evaluation", async () => {
    const fields = { intent: "evaluate", turnout: "4", firstTimeCount: "2", wentWell: "Gezellig", doDifferently: "Meer stoelen" };
    const [first, second] = await Promise.all([post(page(ended), ORGANISER, fields), post(page(ended), ORGANISER, { ...fields, turnout: "5" })]);
    expect([first.status, second.status]).toEqual([302, 302]);
    const rows = await db().select().from(activityEvaluations).where(eq(activityEvaluations.activityId, ended));
    expect(rows).toHaveLength(1);
    const [activity] = await db().select({ status: activities.status }).from(activities).where(eq(activities.id, ended));
    expect(activity!.status).toBe("completed");
    const counted = await countOrganisedActivities([rows[0]!.evaluatedBy!]);
    expect([...counted.values()]).toEqual([1]);
  });
});

describe("photo consent and photos", () => {
  it("asks everyone with an address once, a guardian for the under-16", async () => {
    expect((await post(page(ended), ORGANISER, { intent: "ask_consent", registrationId: "all" })).status).toBe(302);
    expect((await post(page(ended), ORGANISER, { intent: "ask_consent", registrationId: people.anna! })).status).toBe(400);
    const consents = await db().select({ registrationId: consentRecords.subjectRegistrationId, givenBy: consentRecords.givenBy }).from(consentRecords).where(eq(consentRecords.purpose, "photos"));
    const forEnded = consents.filter((c) => [people.anna, people.bram, people.kim, people.absent].includes(c.registrationId!));
    expect(forEnded).toHaveLength(4);
    expect(forEnded.find((c) => c.registrationId === people.kim)!.givenBy).toBe("guardian");
    const mail = await lastMail(database.url, "kim@example.org", "organisers.photo_consent_request");
    expect(mail.text_body).toContain("ouder of voogd");
  });

  it("records the answers: public, internal, a guardian only with a name, a refusal", async () => {
    expect((await answer("anna@example.org", { intent: "give", scope: "public" })).status).toBe(200);
    expect((await answer("bram@example.org", { intent: "give", scope: "internal" })).status).toBe(200);
    expect((await answer("kim@example.org", { intent: "give", scope: "public", giverName: "" })).status).toBe(400);
    expect((await answer("kim@example.org", { intent: "give", scope: "public", giverName: "<b>x</b>" })).status).toBe(400);
    expect((await answer("kim@example.org", { intent: "give", scope: "public", giverName: "Karin Jong" })).status).toBe(200);
    expect((await answer("niet@example.org", { intent: "refuse" })).status).toBe(200);
    const [kim] = await db().select().from(consentRecords).where(eq(consentRecords.subjectRegistrationId, people.kim!));
    expect(kim).toMatchObject({ status: "given", givenBy: "guardian", giverName: "Karin Jong", photoScope: "public", evidence: "email-link" });
  });

  it("refuses a photo with nobody ticked, without consent, or with someone of another activity or municipality", async () => {
    const photo = new Blob([new Uint8Array(await jpegWithGps())], { type: "image/jpeg" });
    for (const subjects of [[], [people.absent!], [people.walkIn!], [people.anna!, people.absent!], [people.otherActivity!], [people.otherMunicipality!], ["not-a-uuid"]]) {
      expect((await upload(ORGANISER, ended, photo, "foto.jpg", subjects)).status, subjects.join()).toBe(400);
    }
    expect(await photoCount(ended)).toBe(0);
  });

  it("refuses an HTML file renamed .jpg and a 6 MB file", async () => {
    const html = new Blob(["<html><script>alert(1)</script></html>"], { type: "image/jpeg" });
    expect((await upload(ORGANISER, ended, html, "foto.jpg", [people.anna!])).status).toBe(400);
    const big = new Blob([new Uint8Array(6 * 1024 * 1024)], { type: "image/jpeg" });
    expect((await upload(ORGANISER, ended, big, "groot.jpg", [people.anna!])).status).toBe(400);
    expect(await photoCount(ended)).toBe(0);
  });

  it("keeps a consented photo without its EXIF and GPS; public only when every consent allows it", async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect((await upload(ORGANISER, ended, new Blob([new Uint8Array(original)]), "a.jpg", [people.anna!, people.kim!], "Anna en Kim bakken")).status).toBe(302);
    expect((await upload(ORGANISER, ended, new Blob([new Uint8Array(original)]), "b.jpg", [people.anna!, people.bram!], "Anna en Bram")).status).toBe(302);
    const photos = await db().select().from(activityPhotos).where(eq(activityPhotos.activityId, ended)).orderBy(activityPhotos.uploadedAt);
    expect(photos.map((p) => p.visibility).sort()).toEqual(["internal", "public"]);
    const publicPhoto = photos.find((p) => p.visibility === "public")!;
    const internalPhoto = photos.find((p) => p.visibility === "internal")!;
    const served = Buffer.from(await (await get(`/havenstad/activiteiten/${ended}/fotos/${publicPhoto.id}`)).arrayBuffer());
    const meta = await sharp(served).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(served.includes(Buffer.from("GPS-MARKER-CAMERA"))).toBe(false);
    // Internal: not public, not for another organiser; yes for the organiser and the project leader.
    expect((await get(`/havenstad/activiteiten/${ended}/fotos/${internalPhoto.id}`)).status).toBe(404);
    expect((await get(`/mijn-activiteiten/${ended}/fotos/${internalPhoto.id}`, OTHER_ORGANISER)).status).toBe(404);
    expect((await get(`/mijn-activiteiten/${ended}/fotos/${internalPhoto.id}`, ORGANISER)).status).toBe(200);
    expect((await get(`/beheer/havenstad/activiteiten/${ended}/fotos/${internalPhoto.id}`, PROJECT_LEADER)).status).toBe(200);
    expect((await get(`/havenstad/activiteiten/${otherActivity}/fotos/${publicPhoto.id}`)).status).toBe(404);
  });

  it("withdrawing a consent deletes every photo the person is on, with its file; a withdrawn consent cannot be ticked", async () => {
    const photos = await db().select().from(activityPhotos).where(eq(activityPhotos.activityId, ended));
    expect((await answer("kim@example.org", { intent: "withdraw" })).status).toBe(200);
    const left = await db().select().from(activityPhotos).where(eq(activityPhotos.activityId, ended));
    expect(left.map((p) => p.caption)).toEqual(["Anna en Bram"]);
    const gone = photos.find((p) => p.caption === "Anna en Kim bakken")!;
    await expect(access(privateFilePath("activity-photos", gone.fileKey)!)).rejects.toThrow();
    const photo = new Blob([new Uint8Array(await jpegWithGps())]);
    expect((await upload(ORGANISER, ended, photo, "c.jpg", [people.kim!])).status).toBe(400);
    expect(await photoCount(ended)).toBe(1);
  });

  it("answers hostile input with 4xx and writes nothing", async () => {
    const before = await db().select({ n: count() }).from(activityEvaluations);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("evaluate", "ask_consent", "add_photo", "delete_photo", "x"), hostileFormValue(), hostileFormValue(), async (intent, a, b) => {
        const response = await post(page(upcoming), ORGANISER, { intent, turnout: a, firstTimeCount: b, wentWell: a, doDifferently: b, registrationId: a, photoId: b, caption: a, subjects: b });
        expect(response.status).toBeGreaterThanOrEqual(300);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 25 },
    );
    expect(await db().select({ n: count() }).from(activityEvaluations)).toEqual(before);
    const [row] = await db().select({ n: count() }).from(activityPhotos).where(and(eq(activityPhotos.activityId, upcoming)));
    expect(row!.n).toBe(0);
  });
});
