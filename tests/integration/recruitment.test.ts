/**
 * Residents recruit residents, over HTTP against the real server: the invite link's landing page
 * sets a cookie for the visit, a sign-up later in the visit (after browsing) is attributed in the
 * same transaction, ?ref on an activity page and `ref` in the API do the same; an unknown,
 * replaced or other municipality's code is ignored, the owner signing up through their own link
 * is not counted, and "new to the platform" is decided by earlier sign-ups and accounts. The
 * recruiter's page shows counts and no recruit; its replace form refuses hostile input; the flyer
 * is only for the activity's organisers.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeFromRow } from "~/features/authorization/gate.server";
import { neighbourhoodRecruitment } from "~/features/recruitment/reads.server";
import { db } from "~/lib/db/client.server";
import { inviteLinks, organisedActivities, registrationReferrals, registrations, teamMembers, teams, users } from "~/lib/db/schema";
import { CookieJar, getPage, postForm } from "../support/accounts";
import { daysFromToday, havenstad, insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let town: { id: string; neighbourhoods: Record<string, string> };
let chrisId: string;
let chrisCookie: string;
let residentCookie: string;
let ownActivity: string;
let otherActivity: string;
let foreignActivity: string;
let teamId: string;
let teamActivity: string;

const CHRIS = "citytrainer@buurtkracht.example";
const RESIDENT = "bewoner@buurtkracht.example";

async function userId(email: string): Promise<string> {
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

async function liveCode(where: { userId: string } | { teamId: string }): Promise<string> {
  const [row] = await db()
    .select({ code: inviteLinks.code })
    .from(inviteLinks)
    .where(and("userId" in where ? eq(inviteLinks.ownerUserId, where.userId) : eq(inviteLinks.teamId, where.teamId), isNull(inviteLinks.revokedAt)));
  return row!.code;
}

/** Each test's sign-ups come from one loopback address; the per-address limit is not what is tested here. */
async function forgetRateLimits(): Promise<void> {
  await db().execute(sql`delete from rate_limit_counters where key like 'registration:%'`);
}

async function signUp(activityId: string, person: { name: string; email: string }, options: { jar?: CookieJar; ref?: string; cookie?: string; slug?: string } = {}) {
  await forgetRateLimits();
  const fields: Record<string, string> = { name: person.name, email: person.email, ageGroup: "27_66", ...(options.ref ? { ref: options.ref } : {}) };
  const path = `/${options.slug ?? "havenstad"}/activiteiten/${activityId}`;
  if (options.cookie) {
    return fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: options.cookie },
      body: new URLSearchParams(fields).toString(),
    });
  }
  return postForm(server.url, path, fields, options.jar);
}

async function referralOf(email: string, activityId: string) {
  const [row] = await db()
    .select({ inviteLinkId: registrationReferrals.inviteLinkId, isNewToPlatform: registrationReferrals.isNewToPlatform, code: inviteLinks.code })
    .from(registrations)
    .innerJoin(registrationReferrals, eq(registrationReferrals.registrationId, registrations.id))
    .innerJoin(inviteLinks, eq(inviteLinks.id, registrationReferrals.inviteLinkId))
    .where(and(eq(registrations.email, email), eq(registrations.activityId, activityId)));
  return row ?? null;
}

async function registered(email: string, activityId: string): Promise<boolean> {
  const rows = await db().select({ id: registrations.id }).from(registrations).where(and(eq(registrations.email, email), eq(registrations.activityId, activityId)));
  return rows.length === 1;
}

const unique = (label: string) => `${label}.${randomBytes(4).toString("hex")}@example.org`;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  town = await havenstad();
  chrisId = await userId(CHRIS);
  chrisCookie = (await sessionCookieFor(database.url, CHRIS)).header;
  residentCookie = (await sessionCookieFor(database.url, RESIDENT)).header;
  ownActivity = await insertActivity({ municipalityId: town.id, title: "Stoepkrijt met Chris", date: daysFromToday(5), time: "15:00", capacity: 200 });
  await db().insert(organisedActivities).values({ municipalityId: town.id, activityId: ownActivity, organiserUserId: chrisId, idea: "Krijten", goal: "Kleur", targetGroup: "Iedereen" });
  otherActivity = await insertActivity({ municipalityId: town.id, title: "Buurtsoep in de Kade", date: daysFromToday(6), time: "17:00", capacity: 200 });
  const [rivierendal] = await db().execute<{ id: string }>(sql`select id from municipalities where slug = 'rivierendal'`).then((r) => r.rows);
  foreignActivity = await insertActivity({ municipalityId: rivierendal!.id, title: "Rivierwandeling", date: daysFromToday(6), time: "10:00", capacity: 200 });
  const [team] = await db()
    .insert(teams)
    .values({ municipalityId: town.id, neighbourhoodId: Object.values(town.neighbourhoods)[0]!, name: "Team Zonnebloem", status: "active", confirmedAt: new Date() })
    .returning({ id: teams.id });
  teamId = team!.id;
  await db().insert(teamMembers).values({ teamId, municipalityId: town.id, userId: await userId(RESIDENT) });
  teamActivity = await insertActivity({ municipalityId: town.id, title: "Plantjesruil van het team", date: daysFromToday(8), time: "11:00", capacity: 200 });
  await db().insert(organisedActivities).values({ municipalityId: town.id, activityId: teamActivity, organiserUserId: await userId(RESIDENT), teamId, idea: "Ruilen", goal: "Groen", targetGroup: "Iedereen" });
  // The recruiter's page makes the links on first need.
  expect((await fetch(`${server.url}/mijn-activiteiten/uitnodigen`, { headers: { cookie: chrisCookie } })).status).toBe(200);
  expect((await fetch(`${server.url}/mijn-activiteiten/uitnodigen`, { headers: { cookie: residentCookie } })).status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
});

describe("the landing page of an invite link", () => {
  it("greets by first name, lists the Citytrainer's activities and keeps the code for the visit in a session cookie", async () => {
    const code = await liveCode({ userId: chrisId });
    const response = await fetch(`${server.url}/doe-mee/${code}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("Chris nodigt je uit");
    expect(body).toContain("Stoepkrijt met Chris");
    expect(body).toContain(`/havenstad/activiteiten/${ownActivity}`);
    expect(body).not.toContain("Citytrainer</h1>");
    expect(body).not.toContain(CHRIS);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(new RegExp(`^buurtkracht_ref=${code}; Path=/; HttpOnly; SameSite=Lax$`));
    expect(cookie).not.toMatch(/max-age|expires/i);
  });

  it("greets with the team's name for a team's link and lists the team's activities", async () => {
    const body = await (await fetch(`${server.url}/doe-mee/${await liveCode({ teamId })}`)).text();
    expect(body).toContain("Team Zonnebloem nodigt je uit");
    expect(body).toContain("Plantjesruil van het team");
    expect(body).not.toContain("Sam");
  });

  it("answers an unknown code with a 404 that sets nothing, reveals nothing and links to the calendar", async () => {
    for (const code of ["onbekend12345", "x", "<script>", "a".repeat(200), "%00"]) {
      const response = await fetch(`${server.url}/doe-mee/${encodeURIComponent(code)}`);
      expect(response.status, code).toBe(404);
      expect(response.headers.getSetCookie(), code).toEqual([]);
      const body = await response.text();
      expect(body).toContain('href="/activiteiten"');
      expect(body).not.toContain("Havenstad");
    }
  });
});

describe("attribution", () => {
  it("attributes a sign-up later in the visit, after browsing other pages, to the link of the landing page", async () => {
    const code = await liveCode({ userId: chrisId });
    const jar = new CookieJar();
    await getPage(server.url, `/doe-mee/${code}`, jar);
    expect(jar.has("buurtkracht_ref")).toBe(true);
    await getPage(server.url, "/havenstad/activiteiten", jar);
    await getPage(server.url, `/havenstad/activiteiten/${otherActivity}`, jar);
    const email = unique("later");
    expect((await signUp(otherActivity, { name: "Later Aanmelder", email }, { jar })).status).toBe(200);
    expect(await referralOf(email, otherActivity)).toEqual(expect.objectContaining({ code, isNewToPlatform: true }));
  });

  it("takes ?ref= on an activity page into the form and the visit, so a QR code can point at one activity", async () => {
    const code = await liveCode({ userId: chrisId });
    const jar = new CookieJar();
    const page = await getPage(server.url, `/havenstad/activiteiten/${ownActivity}?ref=${code}`, jar);
    const html = await page.text();
    expect(html).toContain(`name="ref" value="${code}"`);
    expect(jar.has("buurtkracht_ref")).toBe(true);
    // Without any cookie (a browser that blocks them), the hidden field alone carries it.
    const email = unique("qr");
    await signUp(ownActivity, { name: "Qr Scanner", email }, { ref: code });
    expect(await referralOf(email, ownActivity)).toEqual(expect.objectContaining({ code }));
    // An unknown ?ref= sets nothing and adds no field.
    const plain = await getPage(server.url, `/havenstad/activiteiten/${ownActivity}?ref=onbekend12345`);
    expect(plain.headers.getSetCookie()).toEqual([]);
    expect(await plain.text()).not.toContain('name="ref"');
  });

  it("accepts an optional ref in the API and ignores an unknown one", async () => {
    const code = await liveCode({ teamId });
    const post = async (body: Record<string, unknown>) => {
      await forgetRateLimits();
      return fetch(`${server.url}/api/v1/activities/${otherActivity}/registrations`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    };
    const email = unique("api");
    expect((await post({ name: "Api Aanmelder", email, ageGroup: "27_66", ref: code })).status).toBe(202);
    expect(await referralOf(email, otherActivity)).toEqual(expect.objectContaining({ code, isNewToPlatform: true }));
    const ignored = unique("api-unknown");
    expect((await post({ name: "Api Onbekend", email: ignored, ageGroup: "27_66", ref: "onbekend12345" })).status).toBe(202);
    expect(await registered(ignored, otherActivity)).toBe(true);
    expect(await referralOf(ignored, otherActivity)).toBeNull();
    expect((await post({ name: "Api Te Lang", email: unique("api-long"), ageGroup: "27_66", ref: "x".repeat(65) })).status).toBe(400);
  });

  it("ignores another municipality's code and a code of the wrong shape", async () => {
    const code = await liveCode({ userId: chrisId });
    const email = unique("foreign");
    await signUp(foreignActivity, { name: "Rivier Bewoner", email }, { ref: code, slug: "rivierendal" });
    expect(await registered(email, foreignActivity)).toBe(true);
    expect(await referralOf(email, foreignActivity)).toBeNull();
    const junk = unique("junk");
    await signUp(otherActivity, { name: "Rommel Code", email: junk }, { cookie: "buurtkracht_ref=<script>alert(1)</script>" });
    expect(await registered(junk, otherActivity)).toBe(true);
    expect(await referralOf(junk, otherActivity)).toBeNull();
  });

  it("does not count the owner signing up through their own link, signed in or by their address", async () => {
    const code = await liveCode({ userId: chrisId });
    await forgetRateLimits();
    const signedIn = await fetch(`${server.url}/havenstad/activiteiten/${otherActivity}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: `${chrisCookie}; buurtkracht_ref=${code}` },
      body: new URLSearchParams({ ageGroup: "27_66" }).toString(),
    });
    expect(signedIn.status).toBe(200);
    expect(await registered(CHRIS, otherActivity)).toBe(true);
    expect(await referralOf(CHRIS, otherActivity)).toBeNull();
    await signUp(ownActivity, { name: "Chris Anoniem", email: CHRIS.toUpperCase() }, { ref: code });
    expect(await registered(CHRIS, ownActivity)).toBe(true);
    expect(await referralOf(CHRIS, ownActivity)).toBeNull();
    // A team member through the team's link is the team referring itself.
    await signUp(teamActivity, { name: "Sam Bewoner", email: RESIDENT }, { ref: await liveCode({ teamId }) });
    expect(await referralOf(RESIDENT, teamActivity)).toBeNull();
  });

  it("decides new to the platform by earlier sign-ups anywhere and by accounts", async () => {
    const code = await liveCode({ userId: chrisId });
    const returning = unique("returning");
    await signUp(foreignActivity, { name: "Eerder Elders", email: returning }, { slug: "rivierendal" });
    await signUp(otherActivity, { name: "Eerder Elders", email: returning }, { ref: code });
    expect(await referralOf(returning, otherActivity)).toEqual(expect.objectContaining({ isNewToPlatform: false }));
    // Someone with an account who signs up without signing in is not new either.
    await signUp(otherActivity, { name: "Pieter", email: "projectleider@havenstad.example" }, { ref: code });
    expect(await referralOf("projectleider@havenstad.example", otherActivity)).toEqual(expect.objectContaining({ isNewToPlatform: false }));
    const fresh = unique("fresh");
    await signUp(ownActivity, { name: "Helemaal Nieuw", email: fresh }, { ref: code });
    expect(await referralOf(fresh, ownActivity)).toEqual(expect.objectContaining({ isNewToPlatform: true }));
  });
});

describe("the recruiter's page", () => {
  it("shows counts of sign-ups and of people new to the platform, and nothing of who they are", async () => {
    const code = await liveCode({ userId: chrisId });
    const recruit = { name: "Zwaantje Herkenbaarheid", email: unique("zwaantje.herkenbaar") };
    await signUp(ownActivity, recruit, { ref: code });
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(registrationReferrals)
      .innerJoin(inviteLinks, eq(inviteLinks.id, registrationReferrals.inviteLinkId))
      .where(eq(inviteLinks.ownerUserId, chrisId));
    const html = await (await fetch(`${server.url}/mijn-activiteiten/uitnodigen`, { headers: { cookie: chrisCookie } })).text();
    expect(html).toContain(`/doe-mee/${code}`);
    expect(html).toContain("<svg");
    expect(html).toMatch(new RegExp(`data-testid="recruited-person:${town.id}">${before[0]!.n}<`));
    expect(html).toContain("Stoepkrijt met Chris");
    for (const secret of ["Zwaantje", "Herkenbaarheid", "zwaantje", recruit.email, "Later Aanmelder", "Helemaal Nieuw"]) expect(html).not.toContain(secret);
  });

  it("replaces a link: the old code stops attributing (and shows the 404 page), earlier sign-ups keep counting", async () => {
    const old = await liveCode({ userId: chrisId });
    const countOf = async () => Number((await (await fetch(`${server.url}/mijn-activiteiten/uitnodigen`, { headers: { cookie: chrisCookie } })).text()).match(/data-testid="recruited-person:[^"]+">(\d+)</)![1]);
    const before = await countOf();
    const response = await fetch(`${server.url}/mijn-activiteiten/uitnodigen`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: chrisCookie },
      body: new URLSearchParams({ intent: "replace", owner: `person:${town.id}` }).toString(),
    });
    expect(response.status).toBe(302);
    const fresh = await liveCode({ userId: chrisId });
    expect(fresh).not.toBe(old);
    expect((await fetch(`${server.url}/doe-mee/${old}`)).status).toBe(404);
    expect(await countOf()).toBe(before);
    const email = unique("after-replace");
    await signUp(otherActivity, { name: "Oude Link", email }, { ref: old });
    expect(await registered(email, otherActivity)).toBe(true);
    expect(await referralOf(email, otherActivity)).toBeNull();
    expect(await countOf()).toBe(before);
  });

  it("explains to someone who is neither a Citytrainer nor in a team how they get a link", async () => {
    const cookie = (await sessionCookieFor(database.url, "cursist@buurtkracht.example")).header;
    const response = await fetch(`${server.url}/mijn-activiteiten/uitnodigen`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Citytrainer-certificaat");
  });

  it("refuses hostile and foreign owners on the replace form with a 4xx and changes nothing", async () => {
    const links = async () => (await db().select({ code: inviteLinks.code, revokedAt: inviteLinks.revokedAt }).from(inviteLinks)).map((l) => `${l.code}:${l.revokedAt?.toISOString() ?? ""}`).sort();
    const before = await links();
    const [otherTeam] = await db()
      .insert(teams)
      .values({ municipalityId: town.id, neighbourhoodId: Object.values(town.neighbourhoods)[0]!, name: "Team Elders", status: "active", confirmedAt: new Date() })
      .returning({ id: teams.id });
    const rivierendal = (await db().execute<{ id: string }>(sql`select id from municipalities where slug = 'rivierendal'`)).rows[0]!.id;
    const foreign = [`team:${otherTeam!.id}`, `person:${rivierendal}`, `team:${teamId}`];
    await fc.assert(
      fc.asyncProperty(fc.record({ intent: fc.oneof(fc.constant("replace"), hostileFormValue(["replace"])), owner: hostileFormValue(foreign) }), async (fields) => {
        const response = await fetch(`${server.url}/mijn-activiteiten/uitnodigen`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: chrisCookie },
          body: new URLSearchParams(fields).toString(),
        });
        expect(response.status, JSON.stringify(fields).slice(0, 200)).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect(await links()).toEqual(before);
  });
});

describe("the flyer", () => {
  it("is only for the activity's organisers and team members", async () => {
    const pdf = await fetch(`${server.url}/mijn-activiteiten/${ownActivity}/flyer.pdf`, { headers: { cookie: chrisCookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await fetch(`${server.url}/mijn-activiteiten/${teamActivity}/flyer.pdf`, { headers: { cookie: residentCookie } })).status).toBe(200);
    expect((await fetch(`${server.url}/mijn-activiteiten/${ownActivity}/flyer.pdf`, { headers: { cookie: residentCookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/mijn-activiteiten/${otherActivity}/flyer.pdf`, { headers: { cookie: chrisCookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/mijn-activiteiten/not-a-uuid/flyer.pdf`, { headers: { cookie: chrisCookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/mijn-activiteiten/${ownActivity}/flyer.pdf`, { redirect: "manual" })).status).toBe(302);
  });

  it("gives the QR code as an SVG file only for the person's own codes", async () => {
    const code = await liveCode({ userId: chrisId });
    const svg = await fetch(`${server.url}/mijn-activiteiten/uitnodigen/qr/${code}`, { headers: { cookie: chrisCookie } });
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(await svg.text()).toContain("<svg");
    expect((await fetch(`${server.url}/mijn-activiteiten/uitnodigen/qr/${code}`, { headers: { cookie: residentCookie } })).status).toBe(404);
  });
});

/** Any string as cookie-safe bytes (a lone surrogate included, which encodeURIComponent refuses). */
const percentBytes = (value: string) => [...Buffer.from(value, "utf8")].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

describe("hostile referral values", () => {
  it("never break a sign-up on the page or in the API, and attribute nothing", async () => {
    const before = (await db().select({ n: sql<number>`count(*)::int` }).from(registrationReferrals))[0]!.n;
    await fc.assert(
      fc.asyncProperty(hostileFormValue(["onbekend12345", "../doe-mee"]), async (ref) => {
        const page = await signUp(otherActivity, { name: "Vijandige Ref", email: unique("hostile") }, { ref, cookie: `buurtkracht_ref=${percentBytes(ref)}` });
        expect(page.status, JSON.stringify(ref).slice(0, 80)).toBeLessThan(500);
        await forgetRateLimits();
        const api = await fetch(`${server.url}/api/v1/activities/${otherActivity}/registrations`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ name: "Vijandige Api", email: unique("hostile-api"), ageGroup: "27_66", ref }),
        });
        expect([202, 400], JSON.stringify(ref).slice(0, 80)).toContain(api.status);
      }),
      { numRuns: 40 },
    );
    for (const ref of [12345678, { code: "x" }, ["abcdefgh1234"], null]) {
      await forgetRateLimits();
      const api = await fetch(`${server.url}/api/v1/activities/${otherActivity}/registrations`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Vreemd Type", email: unique("type"), ageGroup: "27_66", ref }),
      });
      expect([202, 400], JSON.stringify(ref)).toContain(api.status);
    }
    expect((await db().select({ n: sql<number>`count(*)::int` }).from(registrationReferrals))[0]!.n).toBe(before);
  });
});

describe("the figures for staff and the demo", () => {
  it("counts recruited and new residents per recruiter and neighbourhood, without any recruit", async () => {
    const neighbourhoodId = Object.values(town.neighbourhoods)[1]!;
    const inNeighbourhood = await insertActivity({ municipalityId: town.id, title: "Wijkfeest", date: daysFromToday(7), time: "12:00", capacity: 50, neighbourhoodId });
    const code = await liveCode({ teamId });
    await signUp(inNeighbourhood, { name: "Wijk Een", email: unique("wijk1") }, { ref: code });
    await signUp(inNeighbourhood, { name: "Wijk Twee", email: unique("wijk2") }, { ref: code });
    const rows = await neighbourhoodRecruitment(scopeFromRow(town.id, true));
    const team = rows.find((row) => row.neighbourhoodId === neighbourhoodId && row.recruiter.kind === "team" && row.recruiter.teamId === teamId);
    expect(team).toEqual(expect.objectContaining({ recruited: 2, newToPlatform: 2, recruiter: { kind: "team", teamId, name: "Team Zonnebloem" } }));
    expect(rows.some((row) => row.recruiter.kind === "person" && row.recruiter.userId === chrisId)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("Wijk Een");
    expect(await neighbourhoodRecruitment(scopeFromRow(town.id, true), { since: new Date(Date.now() + 60_000) })).toEqual([]);
    const rivierendal = (await db().execute<{ id: string }>(sql`select id from municipalities where slug = 'rivierendal'`)).rows[0]!.id;
    expect(await neighbourhoodRecruitment(scopeFromRow(rivierendal, true))).toEqual([]);
  });

  it("seeded Chris Citytrainer's sign-ups through a replaced and a current link, new and returning residents", async () => {
    const rows = await db()
      .select({ linkId: inviteLinks.id, revoked: sql<boolean>`${inviteLinks.revokedAt} is not null`, isNew: registrationReferrals.isNewToPlatform })
      .from(registrationReferrals)
      .innerJoin(inviteLinks, eq(inviteLinks.id, registrationReferrals.inviteLinkId))
      .innerJoin(registrations, eq(registrations.id, registrationReferrals.registrationId))
      .where(and(eq(inviteLinks.ownerUserId, chrisId), sql`${registrations.email} like '%@voorbeeld.example'`));
    // Two links (the tests above replaced the second one too), every sign-up still counted.
    expect(new Set(rows.map((row) => row.linkId)).size).toBe(2);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.some((row) => row.revoked)).toBe(true);
    expect(rows.some((row) => row.isNew)).toBe(true);
    expect(rows.some((row) => !row.isNew)).toBe(true);
  });
});
