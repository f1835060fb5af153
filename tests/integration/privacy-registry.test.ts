/**
 * The data-subject rights registry (app/features/privacy/registry.server.ts), proven on a real
 * database:
 *
 * 1. Planted markers. Person A gets a unique marker in every personal free-text column of every
 *    registered table, person B the same with other markers. A's export holds every A marker
 *    (credentials aside) and no B marker. After A's erasure no A marker is left anywhere in the
 *    whole public schema — every column of every table, read as text, like a pg_dump — while every
 *    row of B is byte-for-byte what it was.
 * 2. Completeness. Every table of the public schema is either registered or listed below as not
 *    personal, with a reason; a registered table names every column the rule calls personal.
 */
import { access } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERASURE_REVOCATION_REASON, erasePersonalData, exportPersonalData, PERSONAL_DATA_REGISTRY, resolveDataSubject } from "~/features/privacy/registry.server";
import { db } from "~/lib/db/client.server";
import { useTestDatabase } from "../support/database";
import { newMark, plantActedOn, type PlantedPerson, plantPerson, plantSharedWorld, removePlantedFiles, rowsAsText, rowsContaining, type SharedWorld } from "../support/privacy";

const database = useTestDatabase();
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

async function publicTables(): Promise<string[]> {
  const result = await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return result.rows.map((r) => r.table_name);
}

async function columnsOf(): Promise<Map<string, { column: string; type: string }[]>> {
  const result = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const map = new Map<string, { column: string; type: string }[]>();
  for (const row of result.rows) {
    const list = map.get(row.table_name) ?? [];
    list.push({ column: row.column_name, type: row.data_type });
    map.set(row.table_name, list);
  }
  return map;
}

/** How many rows of each table contain `needle` anywhere (the whole row as text: every column of every type). */
const occurrences = (needle: string) => rowsContaining(client, needle);

/** Every row that contains `needle`, per table, as text: the fingerprint of one person's rows. */
const fingerprint = (needle: string) => rowsAsText(client, needle);

/**
 * Text columns of registered tables that cannot hold a marker: values from a fixed list (checked
 * by the database or read by code as one of a few words), or a format the database checks.
 */
const NO_FREE_TEXT: Record<string, string> = {
  "budget_receipts.content_type": "one of four content types (checked by the database)",
  "budget_receipts.file_key": "`<uuid>.<ext>`, the only form a private file's key can have",
  "users.id": "planted as `<mark>-user`: the id carries the marker everywhere it is referenced",
  "memberships.role": "one of the roles",
  "membership_removals.role": "one of the roles",
  "invitations.role": "one of the roles",
  "applications.status": "one of the statuses",
  "applications.locale": "nl or en",
  "applications.heard_via": "one of a fixed list",
  "applications.email": "the person's address, planted as `<mark>@example.org`",
  "registrations.email": "the person's address, planted as `<mark>@example.org`",
  "registrations.age_group": "one of the age groups",
  "registrations.status": "one of the statuses",
  "registrations.locale": "nl or en",
  "registrations.attendance": "one of two words",
  "invitations.email": "the person's address",
  "enrolments.status": "one of the statuses",
  "learning_goals.status": "one of the statuses",
  "session_attendance.status": "one of the statuses",
  "certificates.kind": "one of the kinds",
  "certificates.verification_code": "a checked format",
  "consent_records.purpose": "one of the purposes",
  "consent_records.legal_basis": "one of the legal bases",
  "consent_records.given_by": "self or guardian",
  "consent_records.status": "one of the statuses",
  "consent_records.locale": "nl or en",
  "consent_records.giver_email": "the guardian's address, planted as `<mark>-guardian@example.org`",
  "erasure_requests.status": "one of the statuses",
  "outbox_emails.to_address": "the person's address",
  "outbox_emails.secret_links": "an array of links, planted with the marker",
  "outbox_emails.kind": "read by code as one of the mail kinds",
  "outbox_emails.status": "read by code as one of the statuses",
  "outbox_emails.locale": "nl or en",
  "personal_data_access_log.resource": "one of the audited resources",
  "personal_data_access_log.action": "one of the actions",
  "personal_data_access_log.actor_role": "the actor's role, one of the roles",
  "sign_in_throttles.key": "the person's address inside a key, planted as `password:account:<mark>@example.org`",
  "rate_limit_counters.key": "the person's address inside a key",
  "placements.status": "one of the statuses",
  "practice_hours.kind": "one of the kinds",
  "practice_hours.status": "one of the statuses",
  "practice_hours.guard_warnings": "codes of the youth working-time rules (hours-guard.ts)",
  "final_reports.status": "one of the statuses",
  "final_reports.file_type": "one of the accepted content types",
  "final_reports.file_path": "a generated `<uuid>.<ext>` key; the file it names is planted on disk and proven gone",
  "activity_photos.file_key": "a generated `<uuid>.jpg` key; the photo it names is planted on disk and proven gone",
  "consent_records.photo_scope": "internal or public",
};

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

describe("export and erasure through the registry", () => {
  let world: SharedWorld;
  let a: PlantedPerson;
  let b: PlantedPerson;
  /** A trainee whom A assessed, whose guardian A is, whose data A looked at. */
  let c: { userId: string; markers: string[] };

  beforeAll(async () => {
    world = await plantSharedWorld(client);
    a = await plantPerson(client, world, newMark("zqa"));
    b = await plantPerson(client, world, newMark("zqb"));
    c = await plantActedOn(client, world, a, newMark("zqc"));
  });

  afterAll(async () => {
    await removePlantedFiles([a, b].filter(Boolean));
  });

  it("plants a marker in every personal free-text column of every registered table", async () => {
    const columns = await columnsOf();
    const missing: string[] = [];
    for (const entry of PERSONAL_DATA_REGISTRY) {
      const textColumns = (columns.get(entry.table) ?? []).filter((c) => ["text", "character varying", "jsonb", "ARRAY"].includes(c.type));
      const personal = entry.personalColumns === "all" ? textColumns.map((c) => c.column) : textColumns.map((c) => c.column).filter((c) => entry.personalColumns.includes(c));
      for (const column of personal) {
        const key = `${entry.table}.${column}`;
        if (key in NO_FREE_TEXT) continue;
        const isUserLink = column === "user_id" || column.endsWith("_user_id") || column.endsWith("_by");
        if (isUserLink) continue; // holds the planted user id, which carries the marker
        if (!a.planted.some((p) => p.table === entry.table && p.column === column)) missing.push(key);
      }
    }
    expect(missing, "personal text columns the factory plants no marker in").toEqual([]);
    // And every registered table holds rows of both people.
    for (const entry of PERSONAL_DATA_REGISTRY) {
      const [rowsA, rowsB] = await Promise.all([
        entry.rows(db(), (await resolveDataSubject(db(), a.userId))!),
        entry.rows(db(), (await resolveDataSubject(db(), b.userId))!),
      ]);
      expect(rowsA.length, `rows of A in ${entry.table}`).toBeGreaterThan(0);
      expect(rowsB.length, `rows of B in ${entry.table}`).toBeGreaterThan(0);
    }
  });

  it("exports every marker of A, no marker of B, and no credentials", async () => {
    const person = await resolveDataSubject(db(), a.userId);
    expect(person?.emails).toEqual(expect.arrayContaining([a.email, `${a.mark}-second@example.org`]));
    const exported = JSON.stringify(await exportPersonalData(db(), person!));
    const notExported = new Set(PERSONAL_DATA_REGISTRY.flatMap((entry) => (entry.notExported ?? []).map((c) => `${entry.table}.${c}`)));
    const absent = a.planted.filter((p) => !notExported.has(`${p.table}.${p.column}`) && !exported.includes(p.value));
    expect(absent, "A's markers missing from A's export").toEqual([]);
    expect(exported).not.toContain(b.mark);
    // The final report's file is in the export too, byte for byte.
    expect(exported).toContain(Buffer.from(`%PDF-1.4 ${a.mark}-final-report-file`).toString("base64"));
    // Where A only acted on C's data (assessed, recorded, decided, consented as guardian, looked), A's export names the act, not C's data.
    expect(exported).not.toContain(c.markers[0]!.split("-")[0]);
    // Credentials stay out of the file.
    for (const secret of ["sessions-token", "accounts-password", "two_factors-secret", "two_factors-backup_codes", "calendar_feeds-token_hash", "confirm_token_hash", "secret-link"]) {
      expect(exported, secret).not.toContain(`${a.mark}-${secret}`);
    }
  });

  it("never puts the issuer's signing key into anyone's export", async () => {
    const everyone = [a.userId, b.userId, c.userId, world.staffUserId];
    for (const userId of everyone) {
      const exported = JSON.stringify(await exportPersonalData(db(), (await resolveDataSubject(db(), userId))!));
      expect(exported, userId).not.toContain(world.signingSecret);
    }
    // Credentials of A's Citytrainer certificate are in A's export, with the issuer's public key only.
    const exported = JSON.stringify(await exportPersonalData(db(), (await resolveDataSubject(db(), a.userId))!));
    expect(exported).toContain("OpenBadgeCredential");
    expect(exported).not.toContain("secret_key_multibase");
  });

  it("erases A so that no A marker is left anywhere in the database, and leaves B untouched", async () => {
    const before = await occurrences(a.mark);
    expect(Object.keys(before).length).toBeGreaterThan(25);
    const bBefore = await fingerprint(b.mark);
    const activitiesBefore = await client.query<{ n: number }>(`select count(*)::int as n from registrations`);

    const person = await resolveDataSubject(db(), a.userId);
    await db().transaction((tx) => erasePersonalData(tx, person!));

    expect(await occurrences(a.mark), "tables still holding A's marker").toEqual({});
    // Names and addresses too, in any column of any table.
    expect(await occurrences(a.email)).toEqual({});
    expect(await occurrences(a.name)).toEqual({});
    expect(await fingerprint(b.mark)).toEqual(bBefore);
    // C's data, which A acted on, is all still there, without A.
    for (const marker of c.markers) expect(Object.keys(await occurrences(marker)).length, marker).toBeGreaterThan(0);
    const cApplication = await client.query<{ guardian_name: string; guardian_email: string; decided_by: string | null }>(
      `select guardian_name, guardian_email, decided_by from applications where user_id = $1`,
      [c.userId],
    );
    expect(cApplication.rows).toEqual([{ guardian_name: "", guardian_email: "", decided_by: null }]);
    const cConsent = await client.query<{ status: string; giver_email: string }>(
      `select c.status, c.giver_email from consent_records c join applications a on a.id = c.subject_application_id where a.user_id = $1`,
      [c.userId],
    );
    expect(cConsent.rows).toEqual([{ status: "given", giver_email: "" }]);

    // What aggregates need stays: sign-ups still count, the certificate still exists, the audit row still says someone looked.
    const registrations = await client.query<{ n: number }>(`select count(*)::int as n from registrations`);
    expect(registrations.rows[0]!.n).toBe(activitiesBefore.rows[0]!.n);
    const anonymised = await client.query<{ n: number }>(`select count(*)::int as n from registrations where anonymised_at is not null and name = '' and email is null and user_id is null`);
    expect(anonymised.rows[0]!.n).toBe(2);
    // Both of A's certificates still count, without A; the Citytrainer one is revoked, so its public
    // check and its status list entry say "revoked", with no name, credential or results left.
    const certificates = await client.query<{ kind: string; revoked: boolean; revocation_reason: string | null; credential: unknown; achieved_competences: unknown; status_list_index: number | null }>(
      `select kind, revoked_at is not null as revoked, revocation_reason, credential, achieved_competences, status_list_index from certificates
        where holder_name = '' and user_id is null and enrolment_id is null order by kind`,
    );
    expect(certificates.rows).toEqual([
      { kind: "citytrainer", revoked: true, revocation_reason: ERASURE_REVOCATION_REASON, credential: null, achieved_competences: [], status_list_index: expect.any(Number) },
      { kind: "participation", revoked: true, revocation_reason: ERASURE_REVOCATION_REASON, credential: null, achieved_competences: null, status_list_index: null },
    ]);
    // The final report's file is gone from the disk; B's is still there.
    for (const file of a.files) expect(await exists(file), file).toBe(false);
    for (const file of b.files) expect(await exists(file), file).toBe(true);
    // A's live placement is gone with everything on it; the supervisor's list still has B's only.
    const supervised = await client.query<{ trainee_user_id: string }>(`select trainee_user_id from placements where supervisor_user_id = $1 order by trainee_user_id`, [world.staffUserId]);
    expect(supervised.rows.map((r) => r.trainee_user_id)).toEqual([b.userId, b.userId, b.userId]);
    for (const table of ["practice_hours", "coaching_notes", "practice_activities", "final_reports", "final_presentations"]) {
      const left = await client.query<{ n: number }>(`select count(*)::int as n from ${table} where placement_id = $1`, [a.placementId]);
      expect(left.rows[0]!.n, table).toBe(0);
    }
    // C's placement, which A supervised, stays live without a supervisor, and everything on it stays.
    const cPlacement = await client.query<{ status: string; supervisor_user_id: string | null; proposed_by: string | null; answered_by: string | null }>(
      `select status, supervisor_user_id, proposed_by, answered_by from placements where trainee_user_id = $1`,
      [c.userId],
    );
    expect(cPlacement.rows).toEqual([{ status: "active", supervisor_user_id: null, proposed_by: null, answered_by: null }]);
    // A's published practice activity stays in the calendar for those who signed up, without A as organiser.
    const practiceActivity = await client.query<{ n: number }>(
      `select count(*)::int as n from activities where title = 'Praktijkactiviteit' and municipality_id = $1 and status = 'published' and organiser_name is null and organiser_user_id is null`,
      [a.municipalityId],
    );
    expect(practiceActivity.rows[0]!.n).toBe(1);
    const log = await client.query<{ n: number }>(
      `select count(*)::int as n from personal_data_access_log where municipality_id = $1 and subject_user_id is null and resource = 'application'`,
      [a.municipalityId],
    );
    expect(log.rows[0]!.n).toBe(1);
    // The published track version is the same as before, only without its maker.
    const versions = await client.query<{ n: number }>(`select count(*)::int as n from track_versions where status = 'published' and created_by is null and published_by is null`);
    expect(versions.rows[0]!.n).toBe(1);
  });

  it("keeps a published track version frozen for every other change", async () => {
    await expect(client.query(`update track_versions set name = 'Anders' where status = 'published'`)).rejects.toThrow(/published/);
    await expect(client.query(`update module_materials set file_name = 'anders.pdf'`)).rejects.toThrow(/published/);
  });
});

/**
 * The rule: a column holds personal data when its name says it points at a person or describes one
 * (PERSONAL_COLUMN). Every table of the public schema is registered or listed in NOT_PERSONAL with
 * a reason; a personal-looking column of an unregistered table, or one a registered table does not
 * name, must be excused in NOT_PERSONAL_COLUMNS.
 */
const PERSONAL_COLUMN =
  /(^|_)(user_id|email|name|date_of_birth|ip_address|user_agent|notes|motivation|talents|interests|availability|narrative|observations|own_story|own_talent|challenges|description|token|token_hash|password|secret|backup_codes|to_address|text_body|html_body|identifier|value|key|reason|note)$|_by$|^guardian_|^giver_|^subject_|^actor_/;

const NOT_PERSONAL: Record<string, string> = {
  municipalities: "the municipality itself; its contact address is the municipality's, published on its site",
  neighbourhoods: "names of places",
  partner_organisations: "organisations and their general contact address",
  track_competences: "curriculum content",
  competence_levels: "curriculum content",
  track_modules: "curriculum content",
  cohort_sessions: "a cohort's schedule: dates and places, nobody's data",
  assessment_moments: "the moments of a cohort's schedule",
  installation_secrets: "the installation's own signing secret",
  rate_limits: "better-auth's limiter, keyed by client address and path only (no account, no email), kept 24 hours",
  signing_keys: "the issuer's (a municipality's or the network's) key pair for signing credentials; nobody's data, and its private half is never exported (proven above)",
  credential_status_lists: "the issuer's revocation list: a size and the next free index, no person (a certificate points to its entry)",
};

const NOT_PERSONAL_COLUMNS: Record<string, string> = {
  "budget_pots.name": "the pot's name",
  "certificates.track_name": "the track's name as printed",
  "certificates.cohort_name": "the cohort's name as printed",
  "certificates.municipality_name": "the municipality's name as printed",
  "consent_records.text_version": "which consent text was shown",
  "personal_data_access_log.actor_role": "a role, not a person",
  "track_versions.name": "the track's name",
  "track_versions.description": "curriculum content",
  "track_versions.change_note": "curriculum content",
  "cohorts.name": "the cohort's name",
  "module_materials.file_name": "curriculum material",
  "module_materials.storage_key": "where the material's file is stored",
  "track_versions.guardian_consent_below_age": "a track setting (the age below which a guardian consents)",
  "activities.description": "the activity's public description",
  "neighbourhood_deletions.name": "a neighbourhood's name",
  "outbox_emails.kind": "the kind of message",
  "outbox_emails.last_error": "an SMTP error",
  // Invite links are registered as their owner's (owner_user_id), referrals as the recruit's (through their sign-up).
  "invite_links.code": "a random public code printed on flyers; it names nobody, the owner is owner_user_id",
  "teams.name": "a resident team's name, shown on the municipality's site",
  "teams.description": "what a team wants to do for its neighbourhood: the team's plan",
  "action_points.decide_by": "a date (the last day to answer), not a person",
};

describe("registry completeness", () => {
  it("has every table with personal data registered, and every other table excused with a reason", async () => {
    const registered = new Map(PERSONAL_DATA_REGISTRY.map((entry) => [entry.table, entry]));
    const columns = await columnsOf();
    const problems: string[] = [];
    for (const table of await publicTables()) {
      const entry = registered.get(table);
      if (!entry && !(table in NOT_PERSONAL)) {
        problems.push(`${table}: neither in the registry nor listed as not personal`);
        continue;
      }
      for (const { column } of columns.get(table) ?? []) {
        if (!PERSONAL_COLUMN.test(column) || `${table}.${column}` in NOT_PERSONAL_COLUMNS) continue;
        if (entry && (entry.personalColumns === "all" || entry.personalColumns.includes(column))) continue;
        if (!entry && table in NOT_PERSONAL) continue;
        problems.push(`${table}.${column}: looks personal but the registry entry does not name it`);
      }
    }
    for (const table of registered.keys()) if (!columns.has(table)) problems.push(`${table}: registered but no such table`);
    expect(problems).toEqual([]);
  });

  it("fails for a new table with a personal-data column that nobody registered", async () => {
    await client.query(`create table trainee_notes (id uuid primary key, user_id text, notes text)`);
    try {
      const registered = new Set(PERSONAL_DATA_REGISTRY.map((entry) => entry.table));
      const unclassified = (await publicTables()).filter((t) => !registered.has(t) && !(t in NOT_PERSONAL));
      expect(unclassified).toEqual(["trainee_notes"]);
    } finally {
      await client.query(`drop table trainee_notes`);
    }
  });
});
