/**
 * What the platform keeps of people, and who sees it. The mail viewer hides the token links of
 * other people's messages; retention jobs empty old mail, delete finished rate-limit and sign-in
 * records and anonymise registrations of long-past activities while the counts stay; the jobs are
 * scheduled in pg-boss. Real HTTP against the built server, real PostgreSQL.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneSignInRecords } from "~/features/accounts/jobs.server";
import { anonymisePastRegistrations } from "~/features/registrations/jobs.server";
import { db } from "~/lib/db/client.server";
import { outboxEmails, registrations } from "~/lib/db/schema";
import { applyOutboxRetention } from "~/lib/mail.server";
import { pruneRateLimitCounters } from "~/lib/rate-limit.server";
import { createTestActivity, municipalityIdOf } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
const cookies: Record<string, string> = {};

// Staff and a resident at addresses on a real domain: the demo's reserved .example addresses
// show their links to everyone (nobody can receive mail there), these must not.
const COORDINATOR = "coordinator@voorbeeld.nl";
const RESIDENT = "bewoner@voorbeeld.nl";
const PROJECT_LEADER = "projectleider@havenstad.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  await db().execute(sql`update users set email = ${COORDINATOR} where email = 'coordinator@buurtkracht.example'`);
  await db().execute(sql`update users set email = ${RESIDENT} where email = 'bewoner@buurtkracht.example'`);
  for (const email of [COORDINATOR, PROJECT_LEADER]) cookies[email] = (await sessionCookieFor(database.url, email)).header;
});
afterAll(async () => {
  await server?.stop();
});

async function get(path: string, as: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[as]! }, redirect: "manual" });
  return { status: response.status, html: await response.text() };
}

async function post(path: string, body: Record<string, string>, as?: string) {
  const headers: Record<string, string> = { origin: server.url };
  if (as) headers.cookie = cookies[as]!;
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers, body: new URLSearchParams(body), redirect: "manual" });
  expect(response.status, await response.clone().text()).toBeLessThan(400);
}

async function signUp(email: string) {
  const [activity] = (
    await db().execute<{ id: string }>(sql`
      select a.id from activities a join municipalities m on m.id = a.municipality_id
      where m.slug = 'havenstad' and a.status = 'published' and a.registration_required and a.starts_at > now()
        and (a.capacity is null or a.confirmed_count < a.capacity)
        and (a.min_age is null or a.min_age <= 26) and (a.max_age is null or a.max_age >= 18)
      order by a.starts_at desc limit 1`)
  ).rows;
  const response = await fetch(`${server.url}/api/v1/activities/${activity!.id}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Sam Privé", email, ageGroup: "18_26" }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return activity!.id;
}

async function newestMail(to: string, kind: string) {
  const rows = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, to));
  const mail = rows.filter((row) => row.kind === kind).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!mail) throw new Error(`no ${kind} mail to ${to}`);
  return mail;
}

const inHtml = (url: string) => url.replaceAll("&", "&amp;");

describe("the mail viewer and token links", () => {
  it("hides the token links of someone else's mail and shows the viewer's own", async () => {
    await post("/wachtwoord-vergeten", { email: RESIDENT });
    await post("/wachtwoord-vergeten", { email: COORDINATOR });
    const residentReset = await newestMail(RESIDENT, "reset-password");
    const ownReset = await newestMail(COORDINATOR, "reset-password");
    expect(residentReset.secretLinks).toHaveLength(1);
    const residentLink = residentReset.secretLinks[0]!;
    expect(residentReset.textBody).toContain(residentLink);

    const other = await get(`/beheer/mail/${residentReset.id}`, COORDINATOR);
    expect(other.status).toBe(200);
    expect(other.html).toContain("[link verborgen]");
    expect(other.html).toContain("alleen de ontvanger kan ze gebruiken");
    expect(other.html).not.toContain(inHtml(residentLink));
    expect(other.html).not.toMatch(/reset-password\/[A-Za-z0-9]/);

    const own = await get(`/beheer/mail/${ownReset.id}`, COORDINATOR);
    expect(own.html).toContain(`href="${inHtml(ownReset.secretLinks[0]!)}"`);
    expect(own.html).not.toContain("[link verborgen]");
  });

  it("hides invitation and cancel links from a project leader, keeps the activity link, and shows them for reserved demo addresses", async () => {
    await post("/netwerk", { intent: "appoint", municipalityId: await municipalityIdOf("havenstad"), email: "nieuwe.leider@voorbeeld.nl" }, COORDINATOR);
    const invitation = await newestMail("nieuwe.leider@voorbeeld.nl", "invitation");
    expect(invitation.secretLinks[0]).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{20,}$/);
    const invitationPage = await get(`/beheer/mail/${invitation.id}`, PROJECT_LEADER);
    expect(invitationPage.status).toBe(200);
    expect(invitationPage.html).toContain("[link verborgen]");
    expect(invitationPage.html).not.toContain(invitation.secretLinks[0]!);

    const activityId = await signUp("echte.bewoner@voorbeeld.nl");
    const confirmation = await newestMail("echte.bewoner@voorbeeld.nl", "registration-confirmed");
    expect(confirmation.secretLinks[0]).toMatch(/\/aanmelding\/[A-Za-z0-9_-]+$/);
    const confirmationPage = await get(`/beheer/mail/${confirmation.id}`, PROJECT_LEADER);
    expect(confirmationPage.html).toContain("[link verborgen]");
    expect(confirmationPage.html).not.toMatch(/\/aanmelding\/[A-Za-z0-9_-]/);
    expect(confirmationPage.html).toContain(`href="${server.url}/havenstad/activiteiten/${activityId}"`);

    // A demo installation: nobody can receive mail at .example, so the walk-through uses the viewer.
    await signUp("demo.bewoner@havenstad.example");
    const demo = await newestMail("demo.bewoner@havenstad.example", "registration-confirmed");
    const demoPage = await get(`/beheer/mail/${demo.id}`, PROJECT_LEADER);
    expect(demoPage.html).toContain(`href="${demo.secretLinks[0]!}"`);
    expect(demoPage.html).not.toContain("[link verborgen]");
  });
});

describe("every token link is named", () => {
  it("lists each link with a token in the message that carries it, for every kind of mail", async () => {
    await post("/registreren", { name: "Nieuw Account", email: "nieuw.account@voorbeeld.nl", password: "Een-lang-wachtwoord-1", locale: "nl" });
    await post("/inloggen/link", { email: RESIDENT });
    await newestMail("nieuw.account@voorbeeld.nl", "verify-email");
    await newestMail(RESIDENT, "magic-link");

    const mails = await db().select().from(outboxEmails);
    const kinds = new Set<string>();
    for (const mail of mails) {
      for (const url of mail.textBody.match(/https?:\/\/\S+/g) ?? []) {
        const link = url.replace(/[.,;:!?)]+$/, "");
        const carriesToken = /token|\/api\/auth\/|\/uitnodiging\/|\/aanmelding\/|\/inschrijving\//.test(link);
        if (carriesToken) {
          kinds.add(mail.kind);
          expect(mail.secretLinks, `${mail.kind} to ${mail.toAddress}`).toContain(link);
        }
      }
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["invitation", "magic-link", "registration-confirmed", "reset-password", "verify-email"]));
  });
});

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe("retention", () => {
  it("empties mail older than 30 days, deletes it after a year, and leaves recent mail alone", async () => {
    const attachment = JSON.stringify([{ filename: "a.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR" }]);
    const base = { subject: "Bewaren", kind: "test", locale: "nl" as const, status: "sent" as const, attachments: attachment };
    const [old, recent, ancient, unsent] = await db()
      .insert(outboxEmails)
      .values([
        { ...base, toAddress: "oud@voorbeeld.nl", textBody: "Oud https://x.nl/geheim", secretLinks: ["https://x.nl/geheim"], createdAt: daysAgo(31) },
        { ...base, toAddress: "recent@voorbeeld.nl", textBody: "Recent https://x.nl/geheim2", secretLinks: ["https://x.nl/geheim2"], createdAt: daysAgo(29) },
        { ...base, toAddress: "heel-oud@voorbeeld.nl", textBody: "Heel oud", createdAt: daysAgo(400) },
        { ...base, toAddress: "nooit@voorbeeld.nl", textBody: "Nooit verstuurd", status: "failed" as const, createdAt: daysAgo(45) },
      ])
      .returning();
    await applyOutboxRetention();
    const rows = new Map((await db().select().from(outboxEmails)).map((row) => [row.id, row]));
    for (const emptied of [old!, unsent!]) {
      expect(rows.get(emptied.id), emptied.toAddress).toMatchObject({ textBody: "", htmlBody: null, attachments: null, secretLinks: [], toAddress: emptied.toAddress, subject: "Bewaren" });
      expect(rows.get(emptied.id)!.bodyRemovedAt).toBeInstanceOf(Date);
    }
    expect(rows.get(recent!.id)).toMatchObject({ textBody: recent!.textBody, attachments: attachment, secretLinks: ["https://x.nl/geheim2"], bodyRemovedAt: null });
    expect(rows.has(ancient!.id)).toBe(false);

    const page = await get(`/beheer/mail/${old!.id}`, COORDINATOR);
    expect(page.status).toBe(200);
    expect(page.html).toContain("De inhoud van dit bericht is op");
    expect(page.html).not.toContain("geheim");
  });

  it("deletes finished rate-limit, throttle, verification and session records and keeps live ones", async () => {
    const [user] = (await db().execute<{ id: string }>(sql`select id from users where email = ${RESIDENT}`)).rows;
    await db().execute(sql`
      insert into rate_limits (id, key, count, last_request) values
        ('rl-old', 'rl-old-key', 3, ${Date.now() - 2 * DAY}), ('rl-new', 'rl-new-key', 3, ${Date.now()})`);
    await db().execute(sql`
      insert into sign_in_throttles (key, failure_count, window_started_at, locked_until) values
        ('password:account:oud@voorbeeld.nl', 2, now() - interval '2 days', null),
        ('password:account:nog-op-slot@voorbeeld.nl', 5, now() - interval '2 days', now() + interval '10 minutes'),
        ('password:account:nu@voorbeeld.nl', 1, now(), null)`);
    await db().execute(sql`
      insert into verifications (id, identifier, value, expires_at) values
        ('v-old', 'reset-password:oud', 'x', now() - interval '1 minute'), ('v-new', 'reset-password:nieuw', 'x', now() + interval '1 hour')`);
    await db().execute(sql`
      insert into sessions (id, token, user_id, expires_at, created_at, updated_at) values
        ('s-old', ${randomBytes(16).toString("hex")}, ${user!.id}, now() - interval '1 minute', now() - interval '15 days', now()),
        ('s-new', ${randomBytes(16).toString("hex")}, ${user!.id}, now() + interval '1 day', now(), now())`);
    await db().execute(sql`
      insert into rate_limit_counters (key, window_start, count) values
        ('retentietest:oud', now() - interval '3 days', 4), ('retentietest:nu', now(), 1)`);

    await pruneSignInRecords();
    await pruneRateLimitCounters();

    const ids = async (query: ReturnType<typeof sql>) => (await db().execute<{ id: string }>(query)).rows.map((row) => row.id).sort();
    expect(await ids(sql`select id from rate_limits where id like 'rl-%'`)).toEqual(["rl-new"]);
    expect(await ids(sql`select key as id from sign_in_throttles where key like 'password:account:%@voorbeeld.nl'`)).toEqual([
      "password:account:nog-op-slot@voorbeeld.nl",
      "password:account:nu@voorbeeld.nl",
    ]);
    expect(await ids(sql`select id from verifications where id like 'v-%'`)).toEqual(["v-new"]);
    expect(await ids(sql`select id from sessions where id like 's-%'`)).toEqual(["s-new"]);
    expect(await ids(sql`select key as id from rate_limit_counters where key like 'retentietest:%'`)).toEqual(["retentietest:nu"]);
  });

  it("anonymises registrations a year after their activity ended and keeps what the counts need", async () => {
    const [user] = (await db().execute<{ id: string }>(sql`select id from users where email = ${RESIDENT}`)).rows;
    const longAgo = await createTestActivity({ startsAt: daysAgo(400), status: "completed" });
    const lastSpring = await createTestActivity({ startsAt: daysAgo(200), status: "completed" });
    const municipalityId = await municipalityIdOf("havenstad");
    const person = (activityId: string, name: string, extra: Partial<typeof registrations.$inferInsert>) => ({
      activityId,
      municipalityId,
      name,
      email: `${name.toLowerCase()}@voorbeeld.nl`,
      ageGroup: "12_15" as const,
      status: "confirmed" as const,
      cancelTokenHash: randomUUID(),
      ...extra,
    });
    await db()
      .insert(registrations)
      .values([
        person(longAgo, "Aya", { userId: user!.id, attendance: "attended" }),
        person(longAgo, "Bram", { ageGroup: "67_plus", attendance: "no_show" }),
        person(longAgo, "Chris", { status: "waitlisted" }),
        person(longAgo, "Dana", { status: "cancelled", cancelledAt: daysAgo(401) }),
        person(longAgo, "Eli", { email: null, isWalkIn: true, attendance: "attended" }),
        person(lastSpring, "Fenna", { userId: user!.id, attendance: "attended" }),
      ]);
    const counts = () =>
      db().execute(sql`
        select activity_id, status, age_group, attendance, is_walk_in, count(*)::int as n from registrations
        where activity_id in (${longAgo}, ${lastSpring}) group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`);
    const before = (await counts()).rows;

    expect(await anonymisePastRegistrations()).toBeGreaterThanOrEqual(5);

    expect((await counts()).rows).toEqual(before);
    const rows = await db().select().from(registrations).where(sql`${registrations.activityId} in (${longAgo}, ${lastSpring})`);
    const old = rows.filter((row) => row.activityId === longAgo);
    expect(old).toHaveLength(5);
    for (const row of old) {
      expect(row).toMatchObject({ name: "", email: null, userId: null });
      expect(row.anonymisedAt).toBeInstanceOf(Date);
    }
    expect(rows.find((row) => row.activityId === lastSpring)).toMatchObject({ name: "Fenna", email: "fenna@voorbeeld.nl", userId: user!.id, anonymisedAt: null });
  });

  it("runs every retention job on a schedule in pg-boss", async () => {
    const expected = ["retention-erasure-confirmations", "retention-outbox", "retention-pending-applications", "retention-practice", "retention-rate-limit-counters", "retention-registrations", "retention-sign-in-records"];
    const deadline = Date.now() + 15_000;
    let rows: { name: string; cron: string; timezone: string }[] = [];
    while (Date.now() < deadline) {
      rows = (
        await db().execute<{ name: string; cron: string; timezone: string }>(
          sql`select name, cron, timezone from pgboss.schedule where name like 'retention-%' order by name`,
        )
      ).rows;
      if (rows.length >= expected.length) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows.map((row) => row.name)).toEqual(expected);
    for (const row of rows) {
      expect(row.timezone, row.name).toBe("Europe/Amsterdam");
      expect(row.cron.split(" "), row.name).toHaveLength(5);
    }
  });
});
