/**
 * Tenant isolation over every route that exists. The route list is read from app/routes.ts, so a
 * new route that this file does not classify fails the test until someone decides how outsiders
 * may reach it.
 *
 * The attacker is the project leader of Rivierendal. For every staff route of Havenstad they get
 * 404 on GET and on POST with every form intent found in the route modules; then they post to their
 * OWN municipality's routes with Havenstad's ids in every id field. Afterwards every Havenstad row
 * is byte-for-byte what it was. A positive control checks that Havenstad's own project leader does
 * reach the same pages.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "~/routes";
import { privateFilePath } from "~/lib/storage.server";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

interface RouteEntry {
  path?: string;
  file: string;
  index?: boolean;
  children?: RouteEntry[];
}

function flatten(entries: RouteEntry[], prefix = ""): { path: string; file: string }[] {
  return entries.flatMap((entry) => {
    const path = entry.index ? prefix || "/" : `${prefix}/${entry.path ?? ""}`.replace(/\/+/g, "/");
    return [{ path, file: entry.file }, ...flatten(entry.children ?? [], path)];
  });
}

/** How outsiders may reach each route; every route must be listed here. */
const CLASSIFICATION: Record<string, "municipal-staff" | "network" | "mail" | "public" | "own-account" | "public-municipal"> = {
  "/": "public",
  "/taal/:locale": "public",
  "/robots.txt": "public",
  "/sitemap.xml": "public",
  "/sitemaps/gemeenten.xml": "public",
  "/sitemaps/:slug/activiteiten.xml": "public-municipal",
  "/netwerk": "network",
  "/netwerk/privacy": "network",
  "/netwerk/trajecten": "network",
  "/netwerk/trajecten/:id": "network",
  "/netwerk/trajecten/:id/materialen/:materialId": "network",
  "/beheer/mail": "mail",
  "/beheer/mail/:messageId": "mail",
  "/beheer/:slug": "municipal-staff",
  "/beheer/:slug/instellingen": "municipal-staff",
  "/beheer/:slug/wijken": "municipal-staff",
  "/beheer/:slug/partners": "municipal-staff",
  "/beheer/:slug/partners/:partnerId": "municipal-staff",
  "/beheer/:slug/team": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/aanmeldingen": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/aanmeldingen/:applicationId": "municipal-staff",
  "/beheer/:slug/privacy": "municipal-staff",
  "/beheer/:slug/activiteiten": "municipal-staff",
  "/beheer/:slug/activiteiten/nieuw": "municipal-staff",
  "/beheer/:slug/activiteiten/:id": "municipal-staff",
  "/beheer/:slug/activiteiten/:id/deelnemers": "municipal-staff",
  "/beheer/:slug/activiteiten/:id/deelnemers.csv": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/cursisten/:enrolmentId": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/bijeenkomsten/:sessionId": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/beoordelingen": "municipal-staff",
  "/mijn-cursus": "own-account",
  "/mijn-traject": "own-account",
  "/mijn-praktijk/uren": "own-account",
  "/mijn-praktijk/activiteit": "own-account",
  "/mijn-praktijk/activiteit/aanwezig": "own-account",
  "/mijn-praktijk/eindverslag": "own-account",
  "/mijn-praktijk/eindverslag/bestand": "own-account",
  "/beheer/:slug/doorstroom": "municipal-staff",
  "/beheer/:slug/wijkoverzicht": "municipal-staff",
  "/beheer/:slug/citytrainers": "municipal-staff",
  "/beheer/:slug/praktijk": "municipal-staff",
  "/beheer/:slug/praktijk/:placementId": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/cursisten/:enrolmentId/overdracht": "municipal-staff",
  "/mijn-praktijk": "own-account",
  "/mijn-praktijk/certificaat.pdf": "own-account",
  "/mijn-praktijk/certificaat.json": "own-account",
  "/credentials/status/:listId": "public",
  "/api/v1/certificates/:code": "public",
  "/beheer/:slug/praktijk/:placementId/uren": "municipal-staff",
  "/beheer/:slug/praktijk/:placementId/activiteit": "municipal-staff",
  "/beheer/:slug/praktijk/:placementId/eindverslag": "municipal-staff",
  "/beheer/:slug/praktijk/:placementId/eindverslag/bestand": "municipal-staff",
  "/beheer/:slug/eindpresentaties": "municipal-staff",
  "/beheer/:slug/eindpresentaties/nieuw": "municipal-staff",
  "/beheer/:slug/eindpresentaties/:ceremonyId": "municipal-staff",
  "/mijn-cursus/bewijs-van-deelname/:certificateId": "own-account",
  "/certificaat/:code": "public",
  "/beheer/:slug/trajecten": "municipal-staff",
  "/beheer/:slug/trajecten/:id": "municipal-staff",
  "/beheer/:slug/trajecten/:id/materialen/:materialId": "municipal-staff",
  "/uitnodiging/:token": "own-account",
  "/registreren": "own-account",
  "/inloggen": "own-account",
  "/inloggen/tweestaps": "own-account",
  "/inloggen/link": "own-account",
  "/wachtwoord-vergeten": "own-account",
  "/wachtwoord-herstellen": "own-account",
  "/account": "own-account",
  "/account/tweestapsverificatie": "own-account",
  "/account/aanmeldingen": "own-account",
  "/account/mijn-gegevens": "own-account",
  "/account/mijn-gegevens/download.json": "own-account",
  "/account/mijn-gegevens/overzicht": "own-account",
  "/uitloggen": "own-account",
  "/api/auth/*": "own-account",
  "/api/v1": "public",
  "/api/v1/municipalities": "public",
  "/api/v1/municipalities/:slug/neighbourhoods": "public-municipal",
  "/api/v1/municipalities/:slug/calendar.ics": "public-municipal",
  "/api/v1/activities": "public",
  "/api/v1/activities/:id": "public-municipal",
  "/api/v1/activities/:id/registrations": "public-municipal",
  "/api/v1/openapi.json": "public",
  "/api/v1/*": "public",
  "/activiteiten": "public",
  "/aanmelding/:token": "own-account",
  "/inschrijving/:token": "own-account",
  "/cursus-aanmelding/:token": "own-account",
  "/toestemming/:token": "own-account",
  "/beheer/:slug/cohorten": "municipal-staff",
  "/beheer/:slug/cohorten/nieuw": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/bewerken": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/rooster": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/rooster/:sessionId": "municipal-staff",
  "/beheer/:slug/cohorten/:cohortId/cursisten.csv": "municipal-staff",
  "/account/cursusagenda": "own-account",
  "/agenda/:token/cursus.ics": "own-account",
  // Invite links: the landing page's code names its municipality; the recruiter's own pages open only their own links and activities.
  "/doe-mee/:code": "public",
  "/mijn-activiteiten/uitnodigen": "own-account",
  "/mijn-activiteiten/uitnodigen/qr/:code": "own-account",
  "/mijn-activiteiten/:activityId/flyer.pdf": "own-account",
  "/beheer/:slug/budgetten": "municipal-staff",
  "/beheer/:slug/budgetten/aanvragen/:requestId": "municipal-staff",
  "/beheer/:slug/budgetten/:potId": "municipal-staff",
  "/beheer/:slug/budgetten/:potId/export.csv": "municipal-staff",
  "/mijn-activiteiten/budget": "own-account",
  "/mijn-activiteiten/budget/bonnetjes/:receiptId": "own-account",
  "/mijn-activiteiten/:activityId/budget": "own-account",
  // Residents organise: their own activity pages open by the person's own role on the activity.
  "/mijn-activiteiten": "own-account",
  "/mijn-activiteiten/nieuw": "own-account",
  "/mijn-activiteiten/:activityId": "own-account",
  "/mijn-activiteiten/:activityId/aanwezig": "own-account",
  "/mijn-activiteiten/:activityId/bericht": "own-account",
  "/beheer/:slug/organisatoren": "municipal-staff",
  "/beheer/:slug/organisatoren/beoordelen": "municipal-staff",
  "/beheer/:slug/organisatoren/activiteiten/:activityId": "municipal-staff",
  "/:slug": "public-municipal",
  "/:slug/activiteiten": "public-municipal",
  "/:slug/activiteiten/:id": "public-municipal",
  "/:slug/activiteiten/:id/agenda.ics": "public-municipal",
  "/:slug/embed": "public-municipal",
  "/:slug/cursus/:cohortId/aanmelden": "public-municipal",
  // Residents at work, evaluation: the organiser's own pages open by organising role, never by municipality.
  "/mijn-activiteiten/:activityId/evaluatie": "own-account",
  "/mijn-activiteiten/:activityId/fotos/:photoId": "own-account",
  "/beheer/:slug/activiteiten/:id/fotos/:photoId": "municipal-staff",
  "/:slug/activiteiten/:id/fotos/:photoId": "public-municipal",
  // Resident teams: the members' own pages open by membership, the invitation by its token.
  "/mijn-teams": "own-account",
  "/mijn-teams/:teamId": "own-account",
  "/team-uitnodiging/:token": "own-account",
  "/beheer/:slug/teams": "municipal-staff",
  "/beheer/:slug/teams/:teamId": "municipal-staff",
  "/:slug/teams/:teamId": "public-municipal",
};

/** Pages whose actions answer 404 when a posted id (not the address) belongs to no row of this municipality. */
const ANSWERS_404_FOR_A_FOREIGN_POSTED_ID: Record<string, string> = {
  "/beheer/:slug/privacy": "an erasure request (requestId) of another municipality is not open here: 404, as for one already handled",
};

const ROUTES = flatten(routes as RouteEntry[]);
const ALL_PATHS = ROUTES.map((r) => r.path);

let server: TestServer;
let databaseUrl: string;
let client: pg.Client;
let attacker: string;
let owner: string;
/** Havenstad's practice supervisor: the supervisor's working area is theirs alone, so its positive control is them. */
let supervisor: string;
const havenstad: Record<string, string> = {};

async function one(query: string, values: unknown[] = []): Promise<string> {
  const result = await client.query<{ id: string }>(query, values);
  if (!result.rows[0]) throw new Error(`fixture missing: ${query}`);
  return String(result.rows[0].id);
}

/** Every Havenstad row in every table that carries a municipality id, plus the municipality itself. */
async function havenstadFingerprint(): Promise<Record<string, string>> {
  const tables = await client.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'municipality_id' order by table_name`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { table_name } of tables.rows) {
    const row = await client.query<{ digest: string | null; n: number }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as digest, count(*)::int as n from "${table_name}" t where municipality_id = $1`,
      [havenstad.municipality],
    );
    fingerprint[table_name] = `${row.rows[0]?.n}:${row.rows[0]?.digest}`;
  }
  const own = await client.query<{ digest: string }>(`select md5(t::text) as digest from municipalities t where id = $1`, [havenstad.municipality]);
  fingerprint.municipalities = own.rows[0]!.digest;
  return fingerprint;
}

function fill(path: string, slug: string): string {
  return path
    .replace(":slug", slug)
    .replace(":partnerId", havenstad.partner!)
    .replace(":messageId", havenstad.message!)
    .replace("/trajecten/:id", `/trajecten/${havenstad.track}`)
    .replace(":materialId", havenstad.material!)
    .replace(":cohortId", havenstad.cohort!)
    .replace(":applicationId", havenstad.application!)
    .replace(":activityId", havenstad.organised!)
    .replace(":photoId", havenstad.photo!)
    .replace(":id", havenstad.activity!)
    .replace(":enrolmentId", havenstad.enrolment!)
    .replace(":sessionId", havenstad.session!)
    .replace(":certificateId", havenstad.certificate!)
    .replace(":placementId", havenstad.placement!)
    .replace(":ceremonyId", havenstad.ceremony!)
    .replace(":teamId", havenstad.team!)
    .replace(":potId", havenstad.pot!)
    .replace(":requestId", havenstad.budgetRequest!)
    .replace(":receiptId", "00000000-0000-4000-8000-000000000000")
    .replace(":listId", "00000000-0000-4000-8000-000000000000")
    .replace(":code", "AAAA-BBBB-CCCC")
    .replace(":locale", "en")
    .replace(":token", "unknown-token")
    .replace("*", "x");
}

function intentsIn(source: string): string[] {
  return [...source.matchAll(/name="intent" value="(\w+)"/g), ...source.matchAll(/intent === "(\w+)"/g)].map((m) => m[1]!);
}

/** The form intents a route handles: those in its own module, plus those of shared form components. */
async function collectIntents(routeFile: string): Promise<string[]> {
  const intents = new Set<string>(["save", "delete", "remove", ...intentsIn(await readFile(`app/${routeFile}`, "utf8"))]);
  for (const folder of ["app/components", "app/features"]) {
    for (const file of await readdir(folder, { recursive: true })) {
      if (/\.tsx$/.test(file)) for (const intent of intentsIn(await readFile(`${folder}/${file}`, "utf8"))) intents.add(intent);
    }
  }
  return [...intents].sort();
}

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

async function request(path: string, cookie: string, init: { method?: string; body?: URLSearchParams } = {}) {
  return fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    body: init.body,
    redirect: "manual",
    headers: {
      cookie,
      origin: server.url,
      ...(init.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
  });
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  // No background jobs: a scheduled job (the practice alerts every quarter of an hour) changing
  // Havenstad's rows during the minutes this file runs would read as a leak in the fingerprint.
  server = await startTestServer({ databaseUrl, env: { RUN_JOBS: "false" } });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  havenstad.municipality = await one(`select id from municipalities where slug = 'havenstad'`);
  havenstad.neighbourhood = await one(`select id from neighbourhoods where municipality_id = $1 order by name limit 1`, [havenstad.municipality]);
  havenstad.partner = await one(`select id from partner_organisations where municipality_id = $1 order by name limit 1`, [havenstad.municipality]);
  havenstad.activity = await one(
    `select a.id from activities a where a.municipality_id = $1 and a.status = 'published'
      and exists (select 1 from registrations r where r.activity_id = a.id and r.status = 'confirmed') order by a.starts_at limit 1`,
    [havenstad.municipality],
  );
  // A team of Havenstad (the demo's) for the team pages' ids.
  havenstad.team = await one(`select id from teams where municipality_id = $1 order by name limit 1`, [havenstad.municipality]);
  // A resident's plan in review (the demo's) and its organiser, for the organisers' pages.
  havenstad.organised = await one(
    `select o.activity_id as id from organised_activities o join activities a on a.id = o.activity_id where o.municipality_id = $1 and a.status = 'in_review' order by a.starts_at limit 1`,
    [havenstad.municipality],
  );
  havenstad.organiser = await one(`select organiser_user_id as id from organised_activities where activity_id = $1`, [havenstad.organised]);
  havenstad.registration = await one(`select id from registrations where activity_id = $1 and status = 'confirmed' limit 1`, [havenstad.activity]);
  // An internal photo of that activity: the attacker's staff and public photo routes must not serve it.
  havenstad.photo = await one(
    `insert into activity_photos (activity_id, municipality_id, file_key, visibility, caption) values ($1, $2, '00000000-0000-4000-8000-00000000f070.jpg', 'internal', 'Havenstad only') returning id`,
    [havenstad.activity, havenstad.municipality],
  );
  const photoFile = privateFilePath("activity-photos", "00000000-0000-4000-8000-00000000f070.jpg")!;
  await mkdir(dirname(photoFile), { recursive: true });
  await writeFile(photoFile, "not really a photo: only the route's gate is tested here");
  havenstad.membership = await one(`select id from memberships where municipality_id = $1 order by role limit 1`, [havenstad.municipality]);
  havenstad.message = await one(
    `insert into outbox_emails (to_address, subject, text_body, kind, status, municipality_id)
     values ('someone@example.org', 'Havenstad only', 'private', 'test', 'held', $1) returning id`,
    [havenstad.municipality],
  );
  havenstad.invitation = await one(
    `insert into invitations (email, role, municipality_id, token_hash, expires_at)
     values ('invitee@example.org', 'course_leader', $1, md5(random()::text), now() + interval '7 days') returning id`,
    [havenstad.municipality],
  );
  havenstad.draft = await one(
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, status)
     values ($1, 'Concept: nog niet openbaar', 'sport', 'Buurthuis', now() + interval '3 days', now() + interval '3 days 2 hours', 'Havenstad', 'draft') returning id`,
    [havenstad.municipality],
  );
  // A running cohort of Havenstad with one trainee and one session (the course pages' ids).
  const track = await one(`insert into tracks (municipality_id) values ($1) returning id`, [havenstad.municipality]);
  const version = await one(
    `insert into track_versions (track_id, municipality_id, version, name, status, published_at) values ($1, $2, 1, 'Isolatietraject', 'published', now()) returning id`,
    [track, havenstad.municipality],
  );
  havenstad.cohort = await one(
    `insert into cohorts (municipality_id, track_version_id, name, location, starts_on, applications_open_on, applications_close_on, admitted_count)
     values ($1, $2, 'Isolatiegroep', 'Buurthuis', current_date, current_date - 30, current_date - 7, 1) returning id`,
    [havenstad.municipality, version],
  );
  havenstad.session = await one(
    `insert into cohort_sessions (cohort_id, municipality_id, kind, starts_at, ends_at, location) values ($1, $2, 'meeting', now(), now() + interval '150 minutes', 'Buurthuis') returning id`,
    [havenstad.cohort, havenstad.municipality],
  );
  havenstad.enrolment = await one(
    `insert into enrolments (cohort_id, municipality_id, user_id) select $1, $2, id from users where email = 'cursist@buurtkracht.example' returning id`,
    [havenstad.cohort, havenstad.municipality],
  );
  havenstad.certificate = "00000000-0000-4000-8000-000000000000";
  // An active placement of that trainee with the demo supervisor, and a ceremony (the practice pages' ids).
  havenstad.placement = await one(
    `insert into placements (municipality_id, enrolment_id, trainee_user_id, partner_organisation_id, supervisor_user_id, status, handover_at, handover_place, shared_at, answered_at, started_at)
     select $1, e.id, e.user_id, m.partner_organisation_id, m.user_id, 'active', now() - interval '7 days', 'Clubhuis', now() - interval '8 days', now() - interval '6 days', now() - interval '6 days'
       from enrolments e, memberships m join users u on u.id = m.user_id
      where e.id = $2 and m.role = 'practice_supervisor' and m.municipality_id = $1 and u.email = 'begeleider@havenstad.example'
     returning id`,
    [havenstad.municipality, havenstad.enrolment],
  );
  havenstad.ceremony = await one(
    `insert into ceremonies (municipality_id, title, starts_at, ends_at, location) values ($1, 'Isolatie-uitreiking', now() + interval '20 days', now() + interval '20 days 2 hours', 'Stadhuis') returning id`,
    [havenstad.municipality],
  );
  // A submitted application in that cohort, for the application pages.
  havenstad.application = await one(
    `insert into applications (cohort_id, municipality_id, status, name, email, date_of_birth, motivation, age_on_start, needs_guardian_consent, confirm_token_hash, email_confirmed_at)
     values ($1, $2, 'submitted', 'Isolatie Aanmelder', 'isolatie@example.org', current_date - interval '18 years', 'Graag', 18, false, md5(random()::text), now()) returning id`,
    [havenstad.cohort, havenstad.municipality],
  );
  await client.query(
    `insert into cohort_course_leaders (cohort_id, user_id, municipality_id) select $1, id, $2 from users where email = 'cursusleider@havenstad.example'`,
    [havenstad.cohort, havenstad.municipality],
  );
  // The placement's final report with a file, handed in through the trainee's own page (so the file is stored).
  const trainee = (await sessionCookieFor(databaseUrl, "cursist@buurtkracht.example")).header;
  const report = new FormData();
  report.append("intent", "submit");
  report.append("body", "Mijn eindverslag over de praktijk.");
  report.append("file", new Blob([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], { type: "application/pdf" }), "eindverslag.pdf");
  const handedIn = await fetch(`${server.url}/mijn-praktijk/eindverslag`, { method: "POST", body: report, redirect: "manual", headers: { cookie: trainee, origin: server.url } });
  if (handedIn.status !== 302) throw new Error(`final report fixture: ${handedIn.status}`);
  // A budget pot of Havenstad with a waiting request (the budget pages' ids).
  havenstad.pot = await one(
    `insert into budget_pots (municipality_id, name, year, starts_on, ends_on, amount_cents, max_per_request_cents)
     values ($1, 'Isolatiepot', extract(year from now())::int, date_trunc('year', now())::date, (date_trunc('year', now()) + interval '1 year - 1 day')::date, 100000, 10000) returning id`,
    [havenstad.municipality],
  );
  await client.query(`insert into budget_ledger (pot_id, municipality_id, kind, amount_cents) values ($1, $2, 'fund', 100000)`, [havenstad.pot, havenstad.municipality]);
  havenstad.budgetRequest = await one(
    `insert into budget_requests (municipality_id, pot_id, activity_id, idempotency_key, purpose, amount_cents) values ($1, $2, $3, 'isolatie', 'Materiaal', 5000) returning id`,
    [havenstad.municipality, havenstad.pot, havenstad.activity],
  );
  attacker = (await sessionCookieFor(databaseUrl, "projectleider@rivierendal.example")).header;
  owner = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
  supervisor = (await sessionCookieFor(databaseUrl, "begeleider@havenstad.example")).header;
  // Havenstad's own track: a draft with a module and an uploaded material (through the page, so the file is stored).
  havenstad.track = await one(`insert into tracks (municipality_id) values ($1) returning id`, [havenstad.municipality]);
  havenstad.trackVersion = await one(
    `insert into track_versions (track_id, municipality_id, version, name) values ($1, $2, 1, 'Havenstads traject') returning id`,
    [havenstad.track, havenstad.municipality],
  );
  havenstad.trackModule = await one(`insert into track_modules (track_version_id, position, title) values ($1, 1, 'Havenstads module') returning id`, [havenstad.trackVersion]);
  const upload = new FormData();
  for (const [name, value] of Object.entries({ intent: "uploadMaterial", versionId: havenstad.trackVersion, id: havenstad.trackModule })) upload.append(name, value);
  upload.append("file", new Blob([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], { type: "application/pdf" }), "lesplan.pdf");
  const uploaded = await fetch(`${server.url}/beheer/havenstad/trajecten/${havenstad.track}`, { method: "POST", body: upload, redirect: "manual", headers: { cookie: owner, origin: server.url } });
  if (uploaded.status !== 302) throw new Error(`material fixture: ${uploaded.status}`);
  havenstad.material = await one(`select id from module_materials where module_id = $1`, [havenstad.trackModule]);
});

afterAll(async () => {
  await client?.end();
  await server?.stop();
});

describe("every route is classified", () => {
  it("has a tenant rule for each route in app/routes.ts", () => {
    const unclassified = ALL_PATHS.filter((path) => !(path in CLASSIFICATION));
    expect(unclassified, "routes without a tenant rule in this test").toEqual([]);
  });
});

describe("a project leader of another municipality", () => {
  const staffPaths = () => ALL_PATHS.filter((p) => CLASSIFICATION[p] === "municipal-staff");

  it("reaches none of Havenstad's staff pages, while Havenstad's own project leader does", async () => {
    for (const path of staffPaths()) {
      const url = fill(path, "havenstad");
      const own = await request(url, path === "/beheer/:slug/praktijk" ? supervisor : owner);
      expect(own.status, `owner GET ${url}`).toBeLessThan(400);
      const other = await request(url, attacker);
      expect(other.status, `outsider GET ${url}`).toBe(404);
      expect(await other.text(), `outsider GET ${url} body`).not.toContain(havenstad.registration);
    }
  });

  it("reaches neither the network pages nor Havenstad's mail", async () => {
    for (const path of ALL_PATHS.filter((p) => CLASSIFICATION[p] === "network")) {
      expect((await request(fill(path, "havenstad"), attacker)).status, path).toBe(404);
    }
    const message = await request(`/beheer/mail/${havenstad.message}`, attacker);
    expect(message.status).toBe(404);
    const list = await request(`/beheer/mail`, attacker);
    expect(await list.text()).not.toContain("Havenstad only");
  });

  it("changes nothing of Havenstad by posting any form intent to Havenstad's or its own staff routes", async () => {
    const before = await havenstadFingerprint();
    const idFields = ["id", "neighbourhoodId", "partnerOrganisationId", "partnerId", "registrationId", "registration", "membershipId", "invitationId", "activityId", "municipalityId", "enrolmentId", "goalId", "momentId", "cohortId", "sessionId", "applicationId", "trackVersionId", "courseLeaderIds", "moduleId", "teamId", "actionPointId", "userId", "successorId", "potId", "requestId"];
    const entityIds = [havenstad.neighbourhood, havenstad.partner, havenstad.activity, havenstad.registration, havenstad.membership, havenstad.invitation, havenstad.draft, havenstad.municipality, havenstad.cohort, havenstad.enrolment, havenstad.application, havenstad.session, havenstad.team, havenstad.pot, havenstad.budgetRequest, havenstad.organised];
    const targets = ROUTES.filter((r) => ["municipal-staff", "network", "mail"].includes(CLASSIFICATION[r.path] ?? ""));
    for (const { path, file } of targets) {
      const intents = await collectIntents(file);
      for (const intent of intents) {
        for (const entityId of entityIds) {
          const fields: Record<string, string> = {
            intent,
            name: "Overgenomen",
            title: "Overgenomen",
            slug: "rivierendal",
            email: "aanvaller@example.org",
            role: "course_leader",
            attendance: "attended",
            capacity: "1",
            confirm: "on",
            themeColour: "#000000",
            userId: havenstad.organiser!,
            trust: "trusted",
            comment: "Overgenomen",
          };
          for (const field of idFields) fields[field] = entityId!;
          // Against Havenstad's URL the gate must refuse outright.
          if (entityId === entityIds[0] || !path.startsWith("/beheer/:slug")) {
            const direct = await request(fill(path, "havenstad"), attacker, { method: "POST", body: form(fields) });
            // Pages without an action answer 405 to anyone; the others must not admit the outsider.
            expect([404, 405], `POST ${fill(path, "havenstad")} intent=${intent}`).toContain(direct.status);
          }
          // Against the attacker's own municipality, Havenstad's ids must not reach Havenstad's rows.
          if (path.startsWith("/beheer/:slug")) {
            const own = await request(fill(path, "rivierendal"), attacker, { method: "POST", body: form(fields) });
            expect(own.status, `POST ${fill(path, "rivierendal")} intent=${intent}`).toBeLessThan(500);
            // The attacker is at home here: a 404 on a page without ids would mean this test lost its
            // way, unless the page answers 404 for a posted id that is not one of this municipality's.
            if (!/:(id|\w+Id)\b/.test(path) && !ANSWERS_404_FOR_A_FOREIGN_POSTED_ID[path]) {
              expect(own.status, `POST ${fill(path, "rivierendal")} intent=${intent}`).not.toBe(404);
            }
          }
        }
      }
    }
    expect(await havenstadFingerprint()).toEqual(before);
    // Every intent of every form goes to every staff route with every id: the work grows with each
    // new form and route, and on a busy machine it takes longer than the file's 90 seconds (the
    // resident teams' forms alone add some fifteen intents to every staff route).
  }, 900_000);
});

describe("public pages show only published data of the right municipality", () => {
  it("hides a draft activity from the public page, the API and the feed", async () => {
    expect((await request(`/havenstad/activiteiten/${havenstad.draft}`, "")).status).toBe(404);
    expect((await request(`/api/v1/activities/${havenstad.draft}`, "")).status).toBe(404);
    const feed = await (await request(`/api/v1/municipalities/havenstad/calendar.ics`, "")).text();
    expect(feed).not.toContain("Concept: nog niet openbaar");
    const registration = await fetch(`${server.url}/api/v1/activities/${havenstad.draft}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Iemand", email: "iemand@example.org", ageGroup: "18_26" }),
    });
    expect(registration.status).toBe(404);
  });

  it("lists each municipality's own neighbourhoods only, and filters its feed by them only", async () => {
    const own = (await (await request(`/api/v1/municipalities/havenstad/neighbourhoods`, "")).json()) as { data: { id: string }[] };
    expect(own.data.map((n) => n.id)).toContain(havenstad.neighbourhood);
    const other = (await (await request(`/api/v1/municipalities/rivierendal/neighbourhoods`, "")).json()) as { data: { id: string }[] };
    expect(other.data.length).toBeGreaterThan(0);
    expect(other.data.map((n) => n.id)).not.toContain(havenstad.neighbourhood);
    const feed = await (await request(`/api/v1/municipalities/rivierendal/calendar.ics?neighbourhood=${havenstad.neighbourhood}`, "")).text();
    expect(feed).not.toContain("BEGIN:VEVENT");
  });

  it("lists in a municipality's sitemap only its own published activities", async () => {
    const own = await (await request(`/sitemaps/havenstad/activiteiten.xml`, "")).text();
    expect(own).toContain("/havenstad/activiteiten/");
    expect(own).not.toContain(havenstad.draft);
    const other = await request(`/sitemaps/rivierendal/activiteiten.xml`, "");
    expect(other.status).toBe(200);
    const body = await other.text();
    expect(body).toContain("/rivierendal/activiteiten/");
    expect(body).not.toContain(havenstad.activity);
    expect(body).not.toContain("/havenstad/");
  });

  it("does not show Havenstad's activity under another municipality's address", async () => {
    expect((await request(`/havenstad/activiteiten/${havenstad.activity}`, "")).status).toBe(200);
    expect((await request(`/rivierendal/activiteiten/${havenstad.activity}`, "")).status).toBe(404);
    expect((await request(`/rivierendal/activiteiten/${havenstad.activity}/agenda.ics`, "")).status).toBe(404);
  });
});

describe("a person's own sign-ups", () => {
  it("are neither shown to nor cancellable by anyone else, while their owner sees them", async () => {
    const registration = await one(
      `select r.id from registrations r join activities a on a.id = r.activity_id
        where r.email = 'bewoner@buurtkracht.example' and r.status = 'confirmed' and a.starts_at > now() order by a.starts_at limit 1`,
    );
    // The id is in every page's language link (it is in the address); the cancel form carries it as a value.
    const cancelField = `name="registrationId" value="${registration}"`;
    const resident = (await sessionCookieFor(databaseUrl, "bewoner@buurtkracht.example")).header;
    const own = await request(`/account/aanmeldingen?afmelden=${registration}`, resident);
    expect(await own.text()).toContain(cancelField);
    const before = await havenstadFingerprint();
    for (const outsider of [attacker, owner]) {
      const page = await request(`/account/aanmeldingen?afmelden=${registration}`, outsider);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain(cancelField);
      expect(html).not.toContain("my-registrations__item");
      const cancel = await request("/account/aanmeldingen", outsider, { method: "POST", body: form({ registrationId: registration, intent: "cancel" }) });
      expect(cancel.status).toBe(404);
    }
    expect(await havenstadFingerprint()).toEqual(before);
  });
});

describe("invite links", () => {
  it("give nobody of another municipality Havenstad's flyer, QR file or link to replace", async () => {
    const citytrainer = (await sessionCookieFor(databaseUrl, "citytrainer@buurtkracht.example")).header;
    // Havenstad's Citytrainer opens their page (which makes their link) and organises one activity.
    expect((await request("/mijn-activiteiten/uitnodigen", citytrainer)).status).toBe(200);
    const code = await one(`select code as id from invite_links l join users u on u.id = l.owner_user_id where u.email = 'citytrainer@buurtkracht.example' and l.revoked_at is null`);
    await client.query(
      `insert into organised_activities (municipality_id, activity_id, organiser_user_id, idea, goal, target_group)
       select $1, $2, id, 'Idee', 'Doel', 'Buren' from users where email = 'citytrainer@buurtkracht.example' on conflict do nothing`,
      [havenstad.municipality, havenstad.activity],
    );
    expect((await request(`/mijn-activiteiten/${havenstad.activity}/flyer.pdf`, citytrainer)).status).toBe(200);
    const before = await havenstadFingerprint();
    for (const cookie of [attacker, owner]) {
      expect((await request(`/mijn-activiteiten/${havenstad.activity}/flyer.pdf`, cookie)).status).toBe(404);
      expect((await request(`/mijn-activiteiten/uitnodigen/qr/${code}`, cookie)).status).toBe(404);
      for (const target of [`person:${havenstad.municipality}`, `team:${havenstad.municipality}`]) {
        const replaced = await request("/mijn-activiteiten/uitnodigen", cookie, { method: "POST", body: form({ intent: "replace", owner: target }) });
        expect(replaced.status).toBe(404);
      }
      const page = await (await request("/mijn-activiteiten/uitnodigen", cookie)).text();
      expect(page).not.toContain(code);
    }
    expect(await havenstadFingerprint()).toEqual(before);
  });
});
