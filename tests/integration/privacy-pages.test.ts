/**
 * The data-subject rights over real HTTP on the built platform: a person downloads their own data
 * (and nobody else can), sees which staff looked at it, asks for erasure; a project leader of
 * another municipality cannot see or carry out the request (404); the project leader of the
 * municipality where the person has data carries it out, after which the person's name and address
 * are nowhere in the database but in the confirmation mail, which goes once it was sent. A person
 * with no municipal data at all is the network coordinator's.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetErasureConfirmations } from "~/features/privacy/jobs.server";
import { connectDatabase, disconnectDatabase } from "~/lib/db/client.server";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { newMark, plantPerson, worldIn } from "../support/privacy";
import { sessionCookieFor } from "../support/session";

let server: TestServer;
let databaseUrl: string;
let client: pg.Client;

async function request(path: string, cookie: string, init: { method?: string; body?: Record<string, string> } = {}) {
  return fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    body: init.body ? new URLSearchParams(init.body) : undefined,
    redirect: "manual",
    headers: { cookie, origin: server.url, ...(init.body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
  });
}

async function one<Row extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<Row | undefined> {
  return (await client.query<Row>(text, values)).rows[0];
}

/** Tables in which `needle` occurs anywhere in a row (every column, as text). */
async function whereIs(needle: string): Promise<Record<string, number>> {
  const tables = await client.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const found: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const result = await client.query<{ n: number }>(`select count(*)::int as n from "${table_name}" t where position($1 in lower(t::text)) > 0`, [needle.toLowerCase()]);
    if (result.rows[0]!.n > 0) found[table_name] = result.rows[0]!.n;
  }
  return found;
}

/** A resident with an account and a sign-up for one of Havenstad's activities. */
async function residentOfHavenstad(name: string) {
  const id = `test-${randomBytes(6).toString("hex")}`;
  const email = `resident-${randomBytes(6).toString("hex")}@example.org`;
  await client.query(`insert into users (id, name, email, email_verified) values ($1, $2, $3, true)`, [id, name, email]);
  const activity = await one<{ id: string; municipality_id: string }>(
    `select a.id, a.municipality_id from activities a join municipalities m on m.id = a.municipality_id
      where m.slug = 'havenstad' and a.status = 'published' and a.starts_at > now() order by a.starts_at limit 1`,
  );
  await client.query(
    `insert into registrations (activity_id, municipality_id, name, email, age_group, status, user_id, cancel_token_hash) values ($1, $2, $3, $4, '27_66', 'waitlisted', $5, md5(random()::text))`,
    [activity!.id, activity!.municipality_id, name, email, id],
  );
  return { id, email, name, cookie: (await sessionCookieFor(databaseUrl, email)).header, municipalityId: activity!.municipality_id };
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  connectDatabase(databaseUrl, 2);
});

afterAll(async () => {
  await client?.end();
  await disconnectDatabase();
  await server?.stop();
});

describe("my data", () => {
  it("downloads only to the signed-in person, and logs the download", async () => {
    const person = await residentOfHavenstad("Fenna Downloadvoorbeeld");
    const anonymous = await request("/account/mijn-gegevens/download.json", "");
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.get("location")).toContain("/inloggen");

    const own = await request("/account/mijn-gegevens/download.json", person.cookie);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toContain("application/json");
    expect(own.headers.get("content-disposition")).toContain("attachment");
    expect(own.headers.get("cache-control")).toBe("no-store");
    const body = (await own.json()) as { person: { emails: string[] }; tables: { table: string; rows: Record<string, unknown>[] }[] };
    expect(body.person.emails).toEqual([person.email]);
    expect(body.tables.find((t) => t.table === "registrations")?.rows).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain("cancel_token_hash");
    const logged = await one<{ n: number }>(`select count(*)::int as n from personal_data_access_log where subject_user_id = $1 and resource = 'data_export' and action = 'export'`, [person.id]);
    expect(logged?.n).toBe(1);

    // Someone else signed in gets their own data, never this person's.
    const other = (await sessionCookieFor(databaseUrl, "bewoner@buurtkracht.example")).header;
    const theirs = await (await request("/account/mijn-gegevens/download.json", other)).text();
    expect(theirs).toContain("bewoner@buurtkracht.example");
    expect(theirs).not.toContain(person.email);

    // The readable summary is the same export as a page.
    const summary = await request("/account/mijn-gegevens/overzicht", person.cookie);
    expect(summary.status).toBe(200);
    const html = await summary.text();
    expect(html).toContain("Aanmeldingen voor activiteiten");
    expect(html).toContain(person.email);
  });

  it("shows the person which staff looked at their data, and nobody else", async () => {
    const person = await residentOfHavenstad("Fenna Logvoorbeeld");
    const courseLeader = await one<{ id: string }>(`select id from users where email = 'cursusleider@havenstad.example'`);
    await client.query(
      `insert into personal_data_access_log (municipality_id, actor_user_id, actor_role, subject_user_id, resource, action) values ($1, $2, 'course_leader', $3, 'development_plan', 'view')`,
      [person.municipalityId, courseLeader!.id, person.id],
    );
    const page = await (await request("/account/mijn-gegevens", person.cookie)).text();
    expect(page).toContain("Cas Cursusleider");
    expect(page).toContain("Cursusleider");
    expect(page).toContain("Ontwikkelplan: bekeken");
    expect(page).toContain("Havenstad");
    const other = (await sessionCookieFor(databaseUrl, "bewoner@buurtkracht.example")).header;
    expect(await (await request("/account/mijn-gegevens", other)).text()).not.toContain("Ontwikkelplan: bekeken");
    // The account page links here.
    expect(await (await request("/account", person.cookie)).text()).toContain('href="/account/mijn-gegevens"');
  });
});

describe("the municipality's access log", () => {
  it("pages newest first, filters by person and part, and is the project leader's only", async () => {
    const person = await residentOfHavenstad("Gijs Logboekvoorbeeld");
    const courseLeader = await one<{ id: string }>(`select id from users where email = 'cursusleider@havenstad.example'`);
    await client.query(
      `insert into personal_data_access_log (municipality_id, actor_user_id, actor_role, subject_user_id, resource, action, at)
       select $1, $2, 'course_leader', $3, case when n % 2 = 0 then 'attendance' else 'assessments' end, 'view', now() - make_interval(mins => n)
       from generate_series(1, 60) n`,
      [person.municipalityId, courseLeader!.id, person.id],
    );
    const leader = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
    const rowsOf = (html: string) => html.match(/class="access-log-row"/g)?.length ?? 0;
    const first = await (await request(`/beheer/havenstad/privacy?persoon=${encodeURIComponent("logboekvoorbeeld")}`, leader)).text();
    expect(rowsOf(first)).toBe(50);
    const older = first.match(/href="(\?persoon=[^"]*voor=\d+[^"]*)"/)?.[1]?.replace(/&amp;/g, "&");
    expect(older).toBeDefined();
    const second = await (await request(`/beheer/havenstad/privacy${older!.replace(/#.*$/, "")}`, leader)).text();
    expect(rowsOf(second)).toBe(10);
    // Newest first: the most recent row (1 minute ago) is an assessment, the next (2 minutes) attendance.
    expect(first.indexOf("Beoordelingen: bekeken")).toBeLessThan(first.indexOf("Aanwezigheid: bekeken"));
    const attendanceOnly = await (await request(`/beheer/havenstad/privacy?persoon=logboekvoorbeeld&onderdeel=attendance`, leader)).text();
    expect(rowsOf(attendanceOnly)).toBe(30);
    expect(attendanceOnly).not.toContain("Beoordelingen: bekeken");
    const nobody = await (await request(`/beheer/havenstad/privacy?persoon=${encodeURIComponent("niemand-zo-genaamd")}`, leader)).text();
    expect(rowsOf(nobody)).toBe(0);
    // A course leader of the same municipality has no access to the log.
    const courseLeaderCookie = (await sessionCookieFor(databaseUrl, "cursusleider@havenstad.example")).header;
    expect((await request("/beheer/havenstad/privacy", courseLeaderCookie)).status).toBe(404);
  });
});

describe("erasure", () => {
  it("is asked for by the person, refused to another municipality, and carried out by the project leader where the person has data", async () => {
    const person = await residentOfHavenstad("Fenna Wisvoorbeeld");
    const courseLeader = await one<{ id: string }>(`select id from users where email = 'cursusleider@havenstad.example'`);
    await client.query(
      `insert into personal_data_access_log (municipality_id, actor_user_id, actor_role, subject_user_id, resource, action) values ($1, $2, 'course_leader', $3, 'application', 'view')`,
      [person.municipalityId, courseLeader!.id, person.id],
    );

    // Without the confirmation nothing is written.
    const unconfirmed = await request("/account/mijn-gegevens", person.cookie, { method: "POST", body: { reason: "Ik verhuis" } });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Zet een vinkje");
    expect((await one<{ n: number }>(`select count(*)::int as n from erasure_requests where user_id = $1`, [person.id]))?.n).toBe(0);

    const asked = await request("/account/mijn-gegevens", person.cookie, { method: "POST", body: { reason: "Ik verhuis", confirm: "on" } });
    expect([302, 303]).toContain(asked.status);
    await request("/account/mijn-gegevens", person.cookie, { method: "POST", body: { reason: "Nog een keer", confirm: "on" } });
    const requests = await client.query<{ id: string; status: string }>(`select id, status from erasure_requests where user_id = $1`, [person.id]);
    expect(requests.rows).toHaveLength(1);
    const requestId = requests.rows[0]!.id;
    expect(await (await request("/account/mijn-gegevens", person.cookie)).text()).toContain("Wacht op een projectleider");

    // The project leader of another municipality sees nothing of it and cannot carry it out.
    const outsider = (await sessionCookieFor(databaseUrl, "projectleider@rivierendal.example")).header;
    const theirPage = await request(`/beheer/rivierendal/privacy?wissen=${requestId}`, outsider);
    expect(theirPage.status).toBe(200);
    expect(await theirPage.text()).not.toContain(person.name);
    const viaOwn = await request("/beheer/rivierendal/privacy", outsider, { method: "POST", body: { intent: "erase", requestId } });
    expect(viaOwn.status).toBe(404);
    const viaTheirs = await request("/beheer/havenstad/privacy", outsider, { method: "POST", body: { intent: "erase", requestId } });
    expect(viaTheirs.status).toBe(404);
    expect((await request("/beheer/havenstad/privacy", outsider)).status).toBe(404);
    expect(await one(`select id from users where id = $1`, [person.id])).toBeDefined();

    // Havenstad's project leader sees it, confirms, and carries it out.
    const projectLeader = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
    const list = await (await request("/beheer/havenstad/privacy", projectLeader)).text();
    expect(list).toContain(person.name);
    expect(list).toContain("Ik verhuis");
    expect(list).toContain("Cas Cursusleider");
    const confirm = await (await request(`/beheer/havenstad/privacy?wissen=${requestId}`, projectLeader)).text();
    expect(confirm).toContain(`Ja, wis de gegevens van ${person.name}`);
    const done = await request("/beheer/havenstad/privacy", projectLeader, { method: "POST", body: { intent: "erase", requestId } });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/beheer/havenstad/privacy?melding=gewist");

    expect(await one(`select id from users where id = $1`, [person.id])).toBeUndefined();
    const closed = await one<{ status: string; user_id: string | null; reason: string }>(`select status, user_id, reason from erasure_requests where id = $1`, [requestId]);
    expect(closed).toEqual({ status: "completed", user_id: null, reason: "" });
    const outcome = await one<{ n: number }>(
      `select count(*)::int as n from personal_data_access_log where municipality_id = $1 and resource = 'erasure' and action = 'erase' and subject_user_id is null and actor_role = 'project_leader'`,
      [person.municipalityId],
    );
    expect(outcome?.n).toBe(1);
    // The staff view of the person stays in the log, without whose data it was.
    const after = await (await request("/beheer/havenstad/privacy", projectLeader)).text();
    expect(after).toContain("Gewiste persoon");
    expect(after).not.toContain(person.name);
    // The person's session went with the account.
    expect([302, 303]).toContain((await request("/account/mijn-gegevens", person.cookie)).status);

    // The confirmation is the one place the address is left, without a name; once sent it goes too.
    const mail = await one<{ subject: string; text_body: string }>(`select subject, text_body from outbox_emails where to_address = $1 and kind = 'privacy.erasure_done'`, [person.email]);
    expect(mail?.subject).toBe("Je gegevens zijn gewist");
    expect(mail?.text_body).not.toContain("Fenna");
    expect(await whereIs(person.email)).toEqual({ outbox_emails: 1 });
    expect(await whereIs(person.name)).toEqual({});
    expect(await whereIs(person.id)).toEqual({});
    await client.query(`update outbox_emails set status = 'sent', sent_at = now() where kind = 'privacy.erasure_done'`);
    expect(await forgetErasureConfirmations()).toBeGreaterThanOrEqual(1);
    expect(await whereIs(person.email)).toEqual({});
  });

  it("through the page leaves nothing of a trainee with data in every registered table", async () => {
    const havenstad = await one<{ id: string }>(`select id from municipalities where slug = 'havenstad'`);
    const courseLeader = await one<{ id: string }>(`select id from users where email = 'cursusleider@havenstad.example'`);
    const trainee = await plantPerson(client, await worldIn(client, havenstad!.id, courseLeader!.id), newMark("zqt"));
    const requestId = (await one<{ id: string }>(`insert into erasure_requests (user_id, reason) values ($1, 'Wis alles') returning id`, [trainee.userId]))!.id;
    expect(Object.keys(await whereIs(trainee.mark)).length).toBeGreaterThan(25);
    const projectLeader = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
    const done = await request("/beheer/havenstad/privacy", projectLeader, { method: "POST", body: { intent: "erase", requestId } });
    expect(done.status).toBe(302);
    // Only the confirmation to the trainee's address is left, and it goes once sent.
    expect(await whereIs(trainee.mark)).toEqual({ outbox_emails: 1 });
    await client.query(`update outbox_emails set status = 'sent', sent_at = now() where kind = 'privacy.erasure_done'`);
    await forgetErasureConfirmations();
    expect(await whereIs(trainee.mark)).toEqual({});
  });

  it("of someone with no data in any municipality is the network coordinator's", async () => {
    const id = `test-${randomBytes(6).toString("hex")}`;
    const email = `${id}@example.org`;
    await client.query(`insert into users (id, name, email, email_verified) values ($1, 'Alleen Account', $2, true)`, [id, email]);
    const cookie = (await sessionCookieFor(databaseUrl, email)).header;
    await request("/account/mijn-gegevens", cookie, { method: "POST", body: { confirm: "on" } });
    const requestId = (await one<{ id: string }>(`select id from erasure_requests where user_id = $1`, [id]))!.id;

    const projectLeader = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
    expect(await (await request("/beheer/havenstad/privacy", projectLeader)).text()).not.toContain("Alleen Account");
    expect((await request("/beheer/havenstad/privacy", projectLeader, { method: "POST", body: { intent: "erase", requestId } })).status).toBe(404);
    expect((await request("/netwerk/privacy", projectLeader)).status).toBe(404);

    const coordinator = (await sessionCookieFor(databaseUrl, "coordinator@buurtkracht.example")).header;
    expect(await (await request("/netwerk/privacy", coordinator)).text()).toContain("Alleen Account");
    const done = await request("/netwerk/privacy", coordinator, { method: "POST", body: { intent: "erase", requestId } });
    expect(done.status).toBe(302);
    expect(await one(`select id from users where id = $1`, [id])).toBeUndefined();
  });

  it("can be turned down with a reason the person sees", async () => {
    const person = await residentOfHavenstad("Fenna Afwijsvoorbeeld");
    await request("/account/mijn-gegevens", person.cookie, { method: "POST", body: { confirm: "on" } });
    const requestId = (await one<{ id: string }>(`select id from erasure_requests where user_id = $1`, [person.id]))!.id;
    const projectLeader = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
    const empty = await request("/beheer/havenstad/privacy", projectLeader, { method: "POST", body: { intent: "reject", requestId, note: "" } });
    expect(empty.status).toBe(400);
    const rejected = await request("/beheer/havenstad/privacy", projectLeader, { method: "POST", body: { intent: "reject", requestId, note: "De cursus loopt nog." } });
    expect(rejected.status).toBe(302);
    const page = await (await request("/account/mijn-gegevens", person.cookie)).text();
    expect(page).toContain("Afgewezen");
    expect(page).toContain("De cursus loopt nog.");
    expect(await one(`select id from users where id = $1`, [person.id])).toBeDefined();
  });
});
