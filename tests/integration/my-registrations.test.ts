/**
 * "Mijn aanmeldingen" through the real server: a signed-in resident sees their own sign-ups
 * (also those made with their address before they had an account), nobody else's, can cancel
 * their own (asked first, a POST) and nobody else's; an activity they are signed up for says so
 * instead of offering the form again.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { outboxEmails, registrations, users } from "~/lib/db/schema";
import { daysFromToday, havenstad, insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let resident: string;
let other: string;
let unverified: string;
let haven: { id: string; neighbourhoods: Record<string, string> };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  haven = await havenstad();
  resident = (await sessionCookieFor(database.url, "bewoner@buurtkracht.example")).header;
  other = (await sessionCookieFor(database.url, "cursist@buurtkracht.example")).header;
  await db().insert(users).values({ id: randomUUID(), name: "Nog Niet Bevestigd", email: "onbevestigd@example.org", emailVerified: false });
  unverified = (await sessionCookieFor(database.url, "onbevestigd@example.org")).header;
});

afterAll(async () => {
  await server?.stop();
});

function get(path: string, cookie: string) {
  return fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

async function signUpAnonymously(activityId: string, email: string) {
  const response = await fetch(`${server.url}/api/v1/activities/${activityId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Sam", email, ageGroup: "27_66" }),
  });
  expect(response.status).toBe(202);
  const [row] = await db().select({ id: registrations.id }).from(registrations).where(eq(registrations.activityId, activityId));
  return row!.id;
}

async function statusOf(registrationId: string) {
  const [row] = await db().select({ status: registrations.status }).from(registrations).where(eq(registrations.id, registrationId));
  return row!.status;
}

describe("Mijn aanmeldingen", () => {
  it("asks to sign in first", async () => {
    const response = await get("/account/aanmeldingen", "");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/inloggen");
  });

  it("shows the demo resident's upcoming and past sign-ups, with the waitlist place", async () => {
    const html = await (await get("/account/aanmeldingen", resident)).text();
    expect(html).toContain("Mijn aanmeldingen");
    const [upcoming, past] = html.split("Geweest</h2>");
    expect(upcoming).toContain("Komende activiteiten");
    expect((upcoming!.match(/<strong>Aangemeld<\/strong>/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(upcoming).toMatch(/Wachtlijst, plaats \d+/);
    // Two past activities of the calendar's demo, and the evaluated barbecue (with a photo consent).
    expect((past!.match(/Je was erbij/g) ?? []).length).toBe(3);
    expect(past).toContain("Toestemming voor foto&#x27;s");
    expect((html.match(/my-registrations__item/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });

  it("includes a sign-up made with the resident's address while signed out, and not someone else's", async () => {
    const mine = await insertActivity({ municipalityId: haven.id, title: "Moestuin opstarten", date: daysFromToday(6) });
    const theirs = await insertActivity({ municipalityId: haven.id, title: "Schaakles voor buren", date: daysFromToday(6) });
    await signUpAnonymously(mine, "bewoner@buurtkracht.example");
    await signUpAnonymously(theirs, "iemand-anders@example.org");
    const own = await (await get("/account/aanmeldingen", resident)).text();
    expect(own).toContain("Moestuin opstarten");
    expect(own).not.toContain("Schaakles voor buren");
    const foreign = await (await get("/account/aanmeldingen", other)).text();
    expect(foreign).not.toContain("Moestuin opstarten");
  });

  it("does not count an address the account has not confirmed", async () => {
    const activityId = await insertActivity({ municipalityId: haven.id, title: "Onbevestigde wandeling", date: daysFromToday(6) });
    await signUpAnonymously(activityId, "onbevestigd@example.org");
    const html = await (await get("/account/aanmeldingen", unverified)).text();
    expect(html).not.toContain("Onbevestigde wandeling");
  });

  it("asks before cancelling, cancels the resident's own sign-up on a POST, and refuses someone else's", async () => {
    const activityId = await insertActivity({ municipalityId: haven.id, title: "Buurtborrel op het plein", date: daysFromToday(8) });
    const registrationId = await signUpAnonymously(activityId, "bewoner@buurtkracht.example");

    const question = await (await get(`/account/aanmeldingen?afmelden=${registrationId}`, resident)).text();
    expect(question).toContain("Wil je je afmelden voor Buurtborrel op het plein");
    expect(await statusOf(registrationId)).toBe("confirmed");

    const byOther = await post("/account/aanmeldingen", other, { registrationId });
    expect(byOther.status).toBe(404);
    expect(await byOther.text()).not.toContain("Buurtborrel op het plein");
    expect(await statusOf(registrationId)).toBe("confirmed");
    const foreignQuestion = await (await get(`/account/aanmeldingen?afmelden=${registrationId}`, other)).text();
    expect(foreignQuestion).not.toContain("Buurtborrel op het plein");

    const byOwner = await post("/account/aanmeldingen", resident, { registrationId });
    expect(byOwner.status).toBe(200);
    expect(await byOwner.text()).toContain("Je bent afgemeld voor Buurtborrel op het plein.");
    expect(await statusOf(registrationId)).toBe("cancelled");
    const mails = await db().select({ kind: outboxEmails.kind }).from(outboxEmails).where(eq(outboxEmails.toAddress, "bewoner@buurtkracht.example"));
    expect(mails.map((m) => m.kind)).toContain("registration-cancelled");
    const after = await (await get("/account/aanmeldingen", resident)).text();
    expect(after).not.toContain("Buurtborrel op het plein");
  });

  it("refuses to cancel a sign-up for an activity that has started", async () => {
    const activityId = await insertActivity({ municipalityId: haven.id, title: "Lopende lunch", startsAt: new Date(Date.now() - 30 * 60_000), durationMinutes: 180 });
    const [row] = await db()
      .insert(registrations)
      .values({ activityId, municipalityId: haven.id, name: "Sam", email: "bewoner@buurtkracht.example", ageGroup: "27_66", status: "confirmed", cancelTokenHash: randomUUID() })
      .returning({ id: registrations.id });
    expect((await post("/account/aanmeldingen", resident, { registrationId: row!.id })).status).toBe(404);
    expect(await statusOf(row!.id)).toBe("confirmed");
  });
});

describe("an activity page for someone signed up", () => {
  it("shows the sign-up instead of the form, to its owner only", async () => {
    const activityId = await insertActivity({ municipalityId: haven.id, title: "Kookclub", date: daysFromToday(9) });
    const path = `/havenstad/activiteiten/${activityId}`;
    const before = await (await get(path, resident)).text();
    expect(before).toContain('name="ageGroup"');

    const signUp = await post(path, resident, { ageGroup: "27_66" });
    expect(signUp.status).toBe(200);
    const answer = await signUp.text();
    expect(answer).toContain("Je bent aangemeld");
    expect(answer).not.toContain('name="ageGroup"');

    const page = await (await get(path, resident)).text();
    expect(page).toContain("Je bent aangemeld");
    expect(page).toContain('href="/account/aanmeldingen"');
    expect(page).not.toContain('name="ageGroup"');
    expect(await (await get(path, other)).text()).toContain('name="ageGroup"');
    expect(await (await get(path, "")).text()).toContain('name="ageGroup"');
  });

  it("shows the waitlist place", async () => {
    const activityId = await insertActivity({ municipalityId: haven.id, title: "Volle cursus", date: daysFromToday(9), capacity: 1, confirmedCount: 1 });
    await post(`/havenstad/activiteiten/${activityId}`, resident, { ageGroup: "27_66" });
    const page = await (await get(`/havenstad/activiteiten/${activityId}`, resident)).text();
    expect(page).toContain("Je staat op de wachtlijst");
    expect(page).toContain("plaats 1 van de wachtlijst");
  });
});
