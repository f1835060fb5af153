/**
 * Factories for the privacy tests: a person with a row in every table of the data-subject rights
 * registry, each free-text column holding a marker unique to that person and column
 * (`<mark>-<table>-<column>`), so a test can prove where a person's data went.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { privateFilePath } from "~/lib/storage.server";

export interface Planted {
  table: string;
  column: string;
  value: string;
}

/** What the planted people share: a municipality, a staff member, a partner organisation, the issuer's key and status list. */
export interface SharedWorld {
  municipalityId: string;
  staffUserId: string;
  partnerOrganisationId: string;
  statusListId: string;
  /** The issuer's private signing key, a marker that no export may contain. */
  signingSecret: string;
}

export interface PlantedPerson {
  mark: string;
  userId: string;
  email: string;
  name: string;
  municipalityId: string;
  applicationId: string;
  /** What the person runs as course leader, for people they act on (plantActedOn). */
  own: { cohortId: string; sessionId: string; momentId: string; competenceId: string; ceremonyId: string };
  /** The person's live placement (the trainee's), supervised by the shared staff member. */
  placementId: string;
  /** Files on disk that hold the person's data (the final report's attachment). */
  files: string[];
  /** The files of the practice path only (the final report), which the practice retention removes. */
  practiceFiles: string[];
  planted: Planted[];
}

async function publicTables(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return result.rows.map((r) => r.table_name);
}

/** How many rows of each table contain `needle` anywhere (the whole row as text: every column of every type). */
export async function rowsContaining(client: pg.Client, needle: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of await publicTables(client)) {
    const result = await client.query<{ n: number }>(`select count(*)::int as n from "${table}" t where position($1 in lower(t::text)) > 0`, [needle.toLowerCase()]);
    if (result.rows[0]!.n > 0) found[table] = result.rows[0]!.n;
  }
  return found;
}

/** Every row that contains `needle`, per table, as text: the fingerprint of one person's rows. */
export async function rowsAsText(client: pg.Client, needle: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await publicTables(client)) {
    const result = await client.query<{ rows: string | null }>(
      `select string_agg(t::text, E'\\n' order by t::text) as rows from "${table}" t where position($1 in lower(t::text)) > 0`,
      [needle.toLowerCase()],
    );
    if (result.rows[0]!.rows) out[table] = result.rows[0]!.rows;
  }
  return out;
}

/** Removes the files the planted people left on disk (the tests that erase someone prove theirs gone first). */
export async function removePlantedFiles(people: readonly { files: readonly string[] }[]): Promise<void> {
  for (const person of people) for (const file of person.files) await rm(file, { force: true });
}

/** A lower-case marker that appears nowhere else (email addresses are lower-cased by the app). */
export function newMark(prefix: string): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

/** The municipality and a staff member the planted people share; neither is anyone's personal data. */
export async function plantSharedWorld(client: pg.Client): Promise<SharedWorld> {
  const slug = `privacy-${randomBytes(3).toString("hex")}`;
  const municipality = await client.query<{ id: string }>(`insert into municipalities (slug, name) values ($1, 'Privacystad') returning id`, [slug]);
  const staffUserId = `staff-${randomBytes(4).toString("hex")}`;
  await client.query(`insert into users (id, name, email) values ($1, 'Medewerker Gedeeld', $2)`, [staffUserId, `${staffUserId}@example.org`]);
  return worldIn(client, municipality.rows[0]!.id, staffUserId);
}

/**
 * The shared world in an existing municipality (a demo one): a partner organisation of its own,
 * and the issuer's status list and current signing key, made when the municipality has none yet.
 */
export async function worldIn(client: pg.Client, municipalityId: string, staffUserId: string): Promise<SharedWorld> {
  const partner = await client.query<{ id: string }>(`insert into partner_organisations (municipality_id, name, kind) values ($1, $2, 'sport') returning id`, [
    municipalityId,
    `Sportclub ${randomBytes(3).toString("hex")}`,
  ]);
  await client.query(`insert into credential_status_lists (municipality_id) values ($1) on conflict do nothing`, [municipalityId]);
  const statusList = await client.query<{ id: string }>(`select id from credential_status_lists where municipality_id = $1`, [municipalityId]);
  const publicKey = `z6Mk${randomBytes(12).toString("hex")}`;
  await client.query(
    `insert into signing_keys (municipality_id, controller, public_key_multibase, secret_key_multibase)
     select $1, $2, $3, $4 where not exists (select 1 from signing_keys where municipality_id = $1 and retired_at is null)`,
    [municipalityId, `did:key:${publicKey}`, publicKey, `zsecret${randomBytes(12).toString("hex")}`],
  );
  const key = await client.query<{ secret: string }>(`select secret_key_multibase as secret from signing_keys where municipality_id = $1 and retired_at is null`, [municipalityId]);
  return { municipalityId, staffUserId, partnerOrganisationId: partner.rows[0]!.id, statusListId: statusList.rows[0]!.id, signingSecret: key.rows[0]!.secret };
}

/** The next free entry of the issuer's status list, the way issuing takes one. */
async function nextStatusIndex(client: pg.Client, statusListId: string): Promise<number> {
  const result = await client.query<{ index: number }>(`update credential_status_lists set next_index = next_index + 1 where id = $1 returning next_index - 1 as index`, [
    statusListId,
  ]);
  return result.rows[0]!.index;
}

function verificationCode(): string {
  return randomBytes(6).toString("hex").toUpperCase().replace(/(.{4})(.{4})(.{4})/, "$1-$2-$3");
}

/** A signed Open Badges credential's shape, with the holder's name and the salted hash of their address. */
function credentialFor(name: string, identityHash: string, controller = "did:key:z6MkPlanted") {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: controller, type: ["Profile"], name: "Privacystad" },
    credentialSubject: {
      type: ["AchievementSubject"],
      name,
      identifier: [{ type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash, salt: "planted-salt" }],
    },
    proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022", verificationMethod: `${controller}#key`, proofValue: "zPlanted" },
  };
}

/**
 * Person `mark` with rows in every registered table. What only exists to hold the person's rows
 * (a track, a cohort, an activity) is the person's own, so another planted person shares nothing
 * with them but the municipality and the staff member.
 */
export async function plantPerson(client: pg.Client, world: SharedWorld, mark: string): Promise<PlantedPerson> {
  const planted: Planted[] = [];
  const m = world.municipalityId;
  /** The marker for one column, recorded as planted. */
  const v = (table: string, column: string, value = `${mark}-${table}-${column}`) => {
    planted.push({ table, column, value });
    return value;
  };
  const q = async (text: string, values: unknown[]) => (await client.query<{ id: string }>(text, values)).rows[0]?.id as string;

  const userId = v("users", "id", `${mark}-user`);
  const email = v("users", "email", `${mark}@example.org`);
  const name = v("users", "name", `${mark}-naam Jansen`);
  const secondEmail = `${mark}-second@example.org`;
  const guardianEmail = `${mark}-guardian@example.org`;
  await client.query(`insert into users (id, name, email, image, locale) values ($1, $2, $3, $4, $5)`, [userId, name, email, v("users", "image"), v("users", "locale")]);

  // Identity and sign-in
  await client.query(`insert into sessions (id, token, user_id, expires_at, ip_address, user_agent) values ($1, $2, $3, now() + interval '1 day', $4, $5)`, [
    v("sessions", "id"),
    v("sessions", "token"),
    userId,
    v("sessions", "ip_address"),
    v("sessions", "user_agent"),
  ]);
  await client.query(
    `insert into accounts (id, account_id, provider_id, user_id, access_token, refresh_token, id_token, scope, password)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      v("accounts", "id"),
      v("accounts", "account_id"),
      v("accounts", "provider_id"),
      userId,
      v("accounts", "access_token"),
      v("accounts", "refresh_token"),
      v("accounts", "id_token"),
      v("accounts", "scope"),
      v("accounts", "password"),
    ],
  );
  // A sign-in link (better-auth keeps the address in the value) and a password reset (the account id).
  await client.query(`insert into verifications (id, identifier, value, expires_at) values ($1, $2, $3, now() + interval '1 hour')`, [
    v("verifications", "id"),
    v("verifications", "identifier"),
    v("verifications", "value", JSON.stringify({ email, name: `${mark}-verifications-value` })),
  ]);
  await client.query(`insert into verifications (id, identifier, value, expires_at) values ($1, $2, $3, now() + interval '1 hour')`, [
    `${mark}-verifications-reset`,
    `reset-password:${mark}-token`,
    userId,
  ]);
  await client.query(`insert into two_factors (id, secret, backup_codes, user_id) values ($1, $2, $3, $4)`, [
    v("two_factors", "id"),
    v("two_factors", "secret"),
    v("two_factors", "backup_codes"),
    userId,
  ]);
  await client.query(`insert into totp_accepted_steps (user_id, step) values ($1, 1)`, [userId]);
  await client.query(`insert into sign_in_throttles (key, failure_count) values ($1, 2), ($2, 1)`, [
    v("sign_in_throttles", "key", `password:account:${email}`),
    `password:pair:${email}|10.1.2.3`,
  ]);
  await client.query(`insert into rate_limit_counters (key, window_start, count) values ($1, now(), 1), ($2, now(), 1)`, [
    v("rate_limit_counters", "key", `sign-in-link:email:${email}`),
    `registration-mail:${secondEmail}`,
  ]);

  // Roles and invitations
  await client.query(`insert into memberships (user_id, role, municipality_id) values ($1, 'course_leader', $2)`, [userId, m]);
  await client.query(`insert into membership_removals (user_id, role, municipality_id, removed_by) values ($1, 'project_leader', $2, $1)`, [userId, m]);
  await client.query(
    `insert into invitations (email, role, municipality_id, token_hash, invited_by, accepted_by, expires_at, accepted_at)
     values ($1, 'course_leader', $2, $3, $4, $4, now() + interval '7 days', now())`,
    [email, m, v("invitations", "token_hash"), userId],
  );

  // Activities: one the person organises, and sign-ups (one made with another address).
  const activityId = await q(
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, organiser_user_id, created_by, reviewed_by, status)
     values ($1, 'Buurtactiviteit', 'sport', 'Buurthuis', now() + interval '3 days', now() + interval '3 days 2 hours', $2, $3, $3, $3, 'published') returning id`,
    [m, v("activities", "organiser_name"), userId],
  );
  await client.query(
    `insert into registrations (activity_id, municipality_id, name, email, age_group, status, user_id, cancel_token_hash)
     values ($1, $2, $3, $4, '18_26', 'confirmed', $5, $6), ($1, $2, $3, $7, '18_26', 'cancelled', $5, $8)`,
    [activityId, m, v("registrations", "name"), email, userId, v("registrations", "cancel_token_hash"), secondEmail, `${mark}-registrations-second-token`],
  );
  // Residents at work: a photo of the person at that activity with their photo consent, and an evaluation they wrote.
  const photoFiles = await plantActivityPhoto(client, { m, activityId, email, userId, v, q });

  // Recruitment: the person's own invite link, and their sign-up that came through it.
  const linkId = await q(`insert into invite_links (municipality_id, code, owner_user_id) values ($1, $2, $3) returning id`, [m, randomBytes(9).toString("base64url"), userId]);
  await client.query(
    `insert into registration_referrals (registration_id, municipality_id, invite_link_id, is_new_to_platform)
     select id, $2, $3, true from registrations where activity_id = $1 and email = $4`,
    [activityId, m, linkId, email],
  );

  // Residents organise: the person's own published plan, with themself as co-organiser, an
  // announcement they sent, and a project leader's trust mark for them (set by themself here).
  const ownActivityId = await q(
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, organiser_user_id, created_by, status)
     values ($1, 'Bewonersactiviteit', 'culture', 'Buurttuin', now() + interval '4 days', now() + interval '4 days 2 hours', $2, $3, $3, 'published') returning id`,
    [m, v("activities", "organiser_name", `${mark}-organised-organiser_name`), userId],
  );
  await client.query(
    `insert into organised_activities (municipality_id, activity_id, organiser_user_id, idea, goal, target_group, changes_requested, submitted_at, reviewed_by, reviewed_at)
     values ($1, $2, $3, $4, $5, $6, $7, now(), $3, now())`,
    [m, ownActivityId, userId, v("organised_activities", "idea"), v("organised_activities", "goal"), v("organised_activities", "target_group"), v("organised_activities", "changes_requested")],
  );
  await client.query(`insert into activity_co_organisers (activity_id, municipality_id, user_id, added_by) values ($1, $2, $3, $3)`, [ownActivityId, m, userId]);
  await client.query(`insert into activity_messages (activity_id, municipality_id, sent_by, subject, body, recipient_count) values ($1, $2, $3, $4, $5, 1)`, [
    ownActivityId,
    m,
    userId,
    v("activity_messages", "subject"),
    v("activity_messages", "body"),
  ]);
  await client.query(`insert into organiser_trust (municipality_id, user_id, trust, set_by) values ($1, $2, 'trusted', $2)`, [m, userId]);

  // A track the person made and published, with a competence, a module and a material.
  const trackId = await q(`insert into tracks (municipality_id, created_by) values ($1, $2) returning id`, [m, userId]);
  const versionId = await q(`insert into track_versions (track_id, municipality_id, version, name, created_by) values ($1, $2, 1, 'Ik train mijn stad', $3) returning id`, [
    trackId,
    m,
    userId,
  ]);
  const competenceId = await q(`insert into track_competences (track_version_id, position, name) values ($1, 1, 'Organiseren') returning id`, [versionId]);
  await client.query(`insert into competence_levels (competence_id, level, name) values ($1, 1, 'Begin'), ($1, 2, 'Gevorderd')`, [competenceId]);
  const moduleId = await q(`insert into track_modules (track_version_id, position, title) values ($1, 1, 'Kennismaken') returning id`, [versionId]);
  await client.query(`insert into module_materials (module_id, file_name, content_type, byte_size, storage_key, uploaded_by) values ($1, 'les.pdf', 'application/pdf', 10, $2, $3)`, [
    moduleId,
    `materials/${randomBytes(6).toString("hex")}.pdf`,
    userId,
  ]);
  await client.query(`update track_versions set status = 'published', published_at = now(), published_by = $2 where id = $1`, [versionId, userId]);

  // A cohort the person opened and teaches, in which they also applied and were admitted.
  const cohortId = await q(
    `insert into cohorts (municipality_id, track_version_id, name, location, starts_on, applications_open_on, applications_close_on, created_by, admitted_count)
     values ($1, $2, 'Voorjaar', 'Wijkcentrum', current_date + 30, current_date - 10, current_date + 20, $3, 1) returning id`,
    [m, versionId, userId],
  );
  await client.query(`insert into cohort_course_leaders (cohort_id, user_id, municipality_id) values ($1, $2, $3)`, [cohortId, userId, m]);
  const sessionId = await q(
    `insert into cohort_sessions (cohort_id, municipality_id, kind, starts_at, ends_at, location) values ($1, $2, 'meeting', now() - interval '2 days', now() - interval '2 days' + interval '150 minutes', 'Wijkcentrum') returning id`,
    [cohortId, m],
  );
  await client.query(`insert into neighbourhood_deletions (municipality_id, neighbourhood_id, name, activity_ids, deleted_by) values ($1, gen_random_uuid(), 'Oude wijk', '{}', $2)`, [m, userId]);

  const applicationId = await q(
    `insert into applications (cohort_id, municipality_id, status, name, email, date_of_birth, motivation, talents, interests, availability, age_on_start,
       needs_guardian_consent, guardian_name, guardian_email, confirm_token_hash, intake_location, intake_notes, decided_by, user_id)
     values ($1, $2, 'admitted', $3, $4, '2011-03-04', $5, $6, $7, $8, 15, true, $9, $10, $11, $12, $13, $14, $14) returning id`,
    [
      cohortId,
      m,
      v("applications", "name"),
      email,
      v("applications", "motivation"),
      v("applications", "talents"),
      v("applications", "interests"),
      v("applications", "availability"),
      v("applications", "guardian_name"),
      v("applications", "guardian_email", guardianEmail),
      v("applications", "confirm_token_hash"),
      v("applications", "intake_location"),
      v("applications", "intake_notes"),
      userId,
    ],
  );
  // An earlier application with the same address, made without an account.
  await client.query(
    `insert into applications (cohort_id, municipality_id, status, name, email, date_of_birth, motivation, age_on_start, needs_guardian_consent, confirm_token_hash)
     values ($1, $2, 'withdrawn', $3, $4, '2011-03-04', $5, 15, false, $6)`,
    [cohortId, m, `${mark}-applications-earlier-name`, email, `${mark}-applications-earlier-motivation`, `${mark}-applications-earlier-token`],
  );
  const enrolmentId = await q(`insert into enrolments (cohort_id, municipality_id, user_id, application_id) values ($1, $2, $3, $4) returning id`, [cohortId, m, userId, applicationId]);
  await client.query(
    `insert into development_plans (enrolment_id, municipality_id, own_talent, own_story, challenges, observations, updated_by) values ($1, $2, $3, $4, $5, $6, $7)`,
    [enrolmentId, m, v("development_plans", "own_talent"), v("development_plans", "own_story"), v("development_plans", "challenges"), v("development_plans", "observations"), userId],
  );
  const learningGoalId = await q(`insert into learning_goals (enrolment_id, municipality_id, position, description) values ($1, $2, 1, $3) returning id`, [
    enrolmentId,
    m,
    v("learning_goals", "description"),
  ]);
  await client.query(
    `insert into development_plan_changes (enrolment_id, municipality_id, part, previous_value, new_value, changed_by) values ($1, $2, $3, $4, $5, $6)`,
    [enrolmentId, m, v("development_plan_changes", "part"), v("development_plan_changes", "previous_value"), v("development_plan_changes", "new_value"), userId],
  );
  await client.query(`insert into session_attendance (session_id, enrolment_id, municipality_id, status, recorded_by) values ($1, $2, $3, 'present', $4)`, [sessionId, enrolmentId, m, userId]);
  const momentId = await q(`insert into assessment_moments (cohort_id, municipality_id, position, name) values ($1, $2, 1, 'Halverwege') returning id`, [cohortId, m]);
  await client.query(
    `insert into assessments (moment_id, enrolment_id, municipality_id, competence_id, level, narrative, assessed_by) values ($1, $2, $3, $4, 2, $5, $6)`,
    [momentId, enrolmentId, m, competenceId, v("assessments", "narrative"), userId],
  );
  // The certificate of participation, revoked by staff with a reason that names the person.
  await client.query(
    `insert into certificates (enrolment_id, municipality_id, user_id, kind, verification_code, holder_name, track_name, cohort_name, municipality_name, course_started_on, course_ended_on, issued_by,
       revoked_at, revoked_by, revocation_reason)
     values ($1, $2, $3, 'participation', $4, $5, 'Ik train mijn stad', 'Voorjaar', 'Privacystad', current_date - 60, current_date - 1, $3, now(), $6, $7)`,
    [enrolmentId, m, userId, verificationCode(), v("certificates", "holder_name"), world.staffUserId, v("certificates", "revocation_reason")],
  );
  const practice = await plantPractice(client, world, { mark, m, userId, name, enrolmentId, learningGoalId, guardianEmail, v, q });
  await client.query(`insert into calendar_feeds (user_id, token_hash) values ($1, $2)`, [userId, v("calendar_feeds", "token_hash")]);
  const budgetFiles = await plantBudgets(client, { mark, m, userId, v, q });

  // Privacy: the guardian's consent, staff looking at the person's data, the person looking at others', a request.
  await client.query(
    `insert into consent_records (municipality_id, purpose, legal_basis, subject_user_id, subject_application_id, given_by, giver_name, giver_email, text_version, evidence, status, token_hash, answered_at)
     values ($1, 'course_application', 'consent', $2, $3, 'guardian', $4, $5, $6, $7, 'given', $8, now())`,
    [m, userId, applicationId, v("consent_records", "giver_name"), guardianEmail, v("consent_records", "text_version"), v("consent_records", "evidence"), v("consent_records", "token_hash")],
  );
  await client.query(
    `insert into personal_data_access_log (municipality_id, actor_user_id, actor_role, subject_user_id, subject_application_id, resource, action)
     values ($1, $2, 'course_leader', $3, $4, 'application', 'view'), ($1, $3, 'course_leader', null, null, 'development_plan', 'view')`,
    [m, world.staffUserId, userId, applicationId],
  );
  await client.query(
    `insert into erasure_requests (user_id, status, reason, handled_by, handled_at, handler_note) values ($1, 'rejected', $2, $3, now(), $4)`,
    [userId, v("erasure_requests", "reason"), world.staffUserId, v("erasure_requests", "handler_note")],
  );

  // Resident teams: a declined proposal, an active team with a point, an answer and invitations.
  const declinedTeam = await q(
    `insert into teams (municipality_id, name, status, proposed_by, decline_reason) values ($1, $2, 'declined', $3, $4) returning id`,
    [m, `Voorstel ${randomUUID()}`, userId, v("teams", "decline_reason")],
  );
  await client.query(`insert into team_members (team_id, municipality_id, user_id, is_key_figure) values ($1, $2, $3, true)`, [declinedTeam, m, userId]);
  const activeTeam = await q(
    `insert into teams (municipality_id, name, status, proposed_by, confirmed_by, confirmed_at) values ($1, $2, 'active', $3, $4, now()) returning id`,
    [m, `Team ${randomUUID()}`, userId, world.staffUserId],
  );
  await client.query(`insert into team_members (team_id, municipality_id, user_id, is_key_figure) values ($1, $2, $3, true)`, [activeTeam, m, userId]);
  const pointId = await q(
    `insert into action_points (team_id, municipality_id, proposed_by, what, why, due_on, decide_by) values ($1, $2, $3, 'Samen vegen', 'Een schone stoep', current_date + 9, current_date + 3) returning id`,
    [activeTeam, m, userId],
  );
  await client.query(`insert into action_point_votes (action_point_id, municipality_id, user_id, vote, comment) values ($1, $2, $3, 'agree', $4)`, [pointId, m, userId, v("action_point_votes", "comment")]);
  await client.query(
    `insert into team_invitations (team_id, municipality_id, email, token_hash, invited_by, expires_at) values ($1, $2, $3, $4, $5, now() + interval '7 days'), ($1, $2, $6, $7, $8, now() + interval '7 days')`,
    [activeTeam, m, v("team_invitations", "email", `${mark}-team-invitee@example.org`), v("team_invitations", "token_hash"), userId, email, `${mark}-team-invitation-to-me`, world.staffUserId],
  );

  // Mail: to the person, to their guardian, and to staff naming them.
  await client.query(
    `insert into outbox_emails (to_address, subject, text_body, html_body, attachments, kind, status, last_error, secret_links, municipality_id)
     values ($1, $2, $3, $4, $5, 'registration.confirmed', 'held', $6, array[$7], $8)`,
    [email, v("outbox_emails", "subject"), v("outbox_emails", "text_body"), v("outbox_emails", "html_body"), v("outbox_emails", "attachments"), v("outbox_emails", "last_error"), `${mark}-secret-link`, m],
  );
  await client.query(`insert into outbox_emails (to_address, subject, text_body, kind, status, municipality_id) values ($1, $2, $3, 'training.consent_request', 'held', $4)`, [
    guardianEmail,
    `Toestemming voor ${name}`,
    `Hallo ${mark}-applications-guardian_name, ${name} wil de cursus volgen.`,
    m,
  ]);
  await client.query(`insert into outbox_emails (to_address, subject, text_body, kind, status, municipality_id) values ('staff@example.org', $1, $2, 'training.new_application', 'held', $3)`, [
    `Nieuwe aanmelding: ${name}`,
    `Hallo, ${name} heeft zich aangemeld.`,
    m,
  ]);

  return {
    mark,
    userId,
    email,
    name,
    municipalityId: m,
    applicationId,
    own: { cohortId, sessionId, momentId, competenceId, ceremonyId: practice.ceremonyId },
    placementId: practice.placementId,
    files: [...practice.files, ...photoFiles, ...budgetFiles],
    practiceFiles: practice.files,
    planted,
  };
}

/** The person on an activity photo (with its file on disk) through a photo consent on their sign-up, and an evaluation they wrote. */
async function plantActivityPhoto(
  client: pg.Client,
  c: { m: string; activityId: string; email: string; userId: string; v: (table: string, column: string, value?: string) => string; q: (text: string, values: unknown[]) => Promise<string> },
): Promise<string[]> {
  const registrationId = await c.q(`select id from registrations where activity_id = $1 and email = $2`, [c.activityId, c.email]);
  const consentId = await c.q(
    `insert into consent_records (municipality_id, purpose, legal_basis, subject_registration_id, given_by, giver_name, giver_email, text_version, evidence, status, answered_at, photo_scope, token_hash)
     values ($1, 'photos', 'consent', $2, 'self', $3, $4, 'photos-self-2026-12', 'email-link', 'given', now(), 'public', $5) returning id`,
    [c.m, registrationId, c.v("consent_records", "giver_name", `${c.userId}-photo-consent-giver`), c.email, `${c.userId}-photo-consent-token`],
  );
  const fileKey = `${randomUUID()}.jpg`;
  const file = privateFilePath("activity-photos", fileKey)!;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${c.userId}-activity-photo-bytes`);
  const photoId = await c.q(
    `insert into activity_photos (activity_id, municipality_id, file_key, visibility, caption, uploaded_by) values ($1, $2, $3, 'public', $4, $5) returning id`,
    [c.activityId, c.m, fileKey, c.v("activity_photos", "caption"), c.userId],
  );
  await client.query(`insert into activity_photo_subjects (photo_id, municipality_id, registration_id, consent_id) values ($1, $2, $3, $4)`, [photoId, c.m, registrationId, consentId]);
  await client.query(
    `insert into activity_evaluations (activity_id, municipality_id, turnout, first_time_count, went_well, do_differently, evaluated_by) values ($1, $2, 3, 1, $3, $4, $5)`,
    // The evaluation is about the activity, not the person: its texts stay after erasure and carry no marker.
    [c.activityId, c.m, "Iedereen deed mee.", "Eerder beginnen.", c.userId],
  );
  return [file];
}

interface PracticeContext {
  mark: string;
  m: string;
  userId: string;
  name: string;
  enrolmentId: string;
  learningGoalId: string;
  guardianEmail: string;
  v: (table: string, column: string, value?: string) => string;
  q: (text: string, values: unknown[]) => Promise<string>;
}

/**
 * The person's practice path as a trainee: the guardian's consent to share with the supervisor, a
 * declined and an ended placement, the live one with hours (one returned with a comment, one outside
 * the youth working-time rules and confirmed), a coaching note, the practice activity (published,
 * with the trainee as organiser), the final report with its file on disk, the presentation at a
 * ceremony the person planned, the Citytrainer certificate with its signed credential; and the
 * practice settings of a municipality of their own, which the person changed last.
 */
async function plantPractice(client: pg.Client, world: SharedWorld, c: PracticeContext): Promise<{ placementId: string; ceremonyId: string; files: string[] }> {
  const { mark, m, userId, v, q } = c;
  const staff = world.staffUserId;
  const partner = world.partnerOrganisationId;
  const consentId = await q(
    `insert into consent_records (municipality_id, purpose, legal_basis, subject_user_id, given_by, giver_name, giver_email, text_version, evidence, status, answered_at)
     values ($1, 'handover_sharing', 'consent', $2, 'guardian', $3, $4, 'handover-sharing/1', $5, 'given', now()) returning id`,
    [m, userId, v("consent_records", "giver_name", `${mark}-handover-giver_name`), c.guardianEmail, v("consent_records", "evidence", `${mark}-handover-evidence`)],
  );
  await client.query(
    `insert into placements (municipality_id, enrolment_id, trainee_user_id, partner_organisation_id, supervisor_user_id, status, handover_at, handover_place,
       shared_at, proposed_by, answered_by, answered_at, decline_reason, ended_at)
     values ($1, $2, $3, $4, $5, 'declined', now() - interval '90 days', 'Sporthal', now() - interval '95 days', $5, $5, now() - interval '92 days', $6, now() - interval '92 days')`,
    [m, c.enrolmentId, userId, partner, staff, v("placements", "decline_reason")],
  );
  await client.query(
    `insert into placements (municipality_id, enrolment_id, trainee_user_id, partner_organisation_id, supervisor_user_id, status, handover_at, handover_place,
       shared_at, proposed_by, answered_by, answered_at, started_at, ended_at, end_reason)
     values ($1, $2, $3, $4, $5, 'ended', now() - interval '80 days', 'Sporthal', now() - interval '85 days', $5, $5, now() - interval '80 days', now() - interval '80 days', now() - interval '60 days', $6)`,
    [m, c.enrolmentId, userId, partner, staff, v("placements", "end_reason")],
  );
  const placementId = await q(
    `insert into placements (municipality_id, enrolment_id, trainee_user_id, partner_organisation_id, supervisor_user_id, status, handover_at, handover_place,
       proposal_note, shared_observations, sharing_consent_id, shared_at, proposed_by, answered_by, answered_at, started_at)
     values ($1, $2, $3, $4, $5, 'active', now() - interval '30 days', $6, $7, $8, $9, now() - interval '32 days', $5, $5, now() - interval '30 days', now() - interval '30 days') returning id`,
    [m, c.enrolmentId, userId, partner, staff, v("placements", "handover_place"), v("placements", "proposal_note"), v("placements", "shared_observations"), consentId],
  );
  await client.query(
    `insert into practice_hours (municipality_id, placement_id, trainee_user_id, starts_at, ends_at, description, learning_goal_id, status, return_comment, reviewed_by, reviewed_at)
     values ($1, $2, $3, now() - interval '10 days', now() - interval '10 days' + interval '2 hours', $4, $5, 'returned', $6, $7, now() - interval '9 days')`,
    [m, placementId, userId, v("practice_hours", "description"), c.learningGoalId, v("practice_hours", "return_comment"), staff],
  );
  await client.query(
    `insert into practice_hours (municipality_id, placement_id, trainee_user_id, kind, starts_at, ends_at, description, status, guard_warnings, guard_confirmed_by, guard_confirmed_at, reviewed_by, reviewed_at)
     values ($1, $2, $3, 'activity_preparation', now() - interval '8 days', now() - interval '8 days' + interval '3 hours', $4, 'signed_off', '{sunday}', $5, now() - interval '7 days', $5, now() - interval '7 days')`,
    [m, placementId, userId, `${mark}-practice_hours-sunday-description`, staff],
  );
  await client.query(`insert into coaching_notes (municipality_id, placement_id, author_user_id, body) values ($1, $2, $3, $4)`, [m, placementId, staff, v("coaching_notes", "body")]);
  const activityId = await q(
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, organiser_user_id, created_by, reviewed_by, status)
     values ($1, 'Praktijkactiviteit', 'sport', 'Speeltuin', now() + interval '5 days', now() + interval '5 days 2 hours', $2, $3, $3, $4, 'published') returning id`,
    [m, v("activities", "organiser_name", `${mark}-practice-organiser_name`), userId, staff],
  );
  await client.query(
    `insert into practice_activities (municipality_id, placement_id, activity_id, idea, goal, target_group, changes_requested, submitted_at, approved_by, approved_at,
       evaluation_turnout, evaluation_went_well, evaluation_do_differently, evaluated_at)
     values ($1, $2, $3, $4, $5, $6, $7, now() - interval '6 days', $8, now() - interval '5 days', 12, $9, $10, now())`,
    [
      m,
      placementId,
      activityId,
      v("practice_activities", "idea"),
      v("practice_activities", "goal"),
      v("practice_activities", "target_group"),
      v("practice_activities", "changes_requested"),
      staff,
      v("practice_activities", "evaluation_went_well"),
      v("practice_activities", "evaluation_do_differently"),
    ],
  );
  // The report's attachment, on disk where the final-report upload stores it.
  const key = `${randomUUID()}.pdf`;
  const file = privateFilePath("final-reports", key)!;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `%PDF-1.4 ${mark}-final-report-file`);
  const reportColumns = await client.query(`select 1 from information_schema.columns where table_name = 'final_reports' and column_name = 'return_comment'`);
  // A later migration adds the reviewer's comment; planted when it is there.
  const withReturnComment = reportColumns.rowCount === 1;
  await client.query(
    `insert into final_reports (municipality_id, placement_id, body, file_path, file_name, file_type, file_size, status, submitted_at${withReturnComment ? ", return_comment" : ""})
     values ($1, $2, $3, $4, $5, 'application/pdf', 40, 'submitted', now()${withReturnComment ? ", $6" : ""})`,
    [m, placementId, v("final_reports", "body"), key, v("final_reports", "file_name", `${mark}-eindverslag.pdf`), ...(withReturnComment ? [v("final_reports", "return_comment")] : [])],
  );
  const ceremonyId = await q(
    `insert into ceremonies (municipality_id, title, starts_at, ends_at, location, programme, created_by)
     values ($1, 'Eindpresentaties', now() + interval '20 days', now() + interval '20 days 2 hours', 'Stadhuis', 'Presentaties en uitreiking', $2) returning id`,
    [m, userId],
  );
  await client.query(`insert into final_presentations (municipality_id, ceremony_id, placement_id, title, given_at, marked_by) values ($1, $2, $3, $4, now(), $5)`, [
    m,
    ceremonyId,
    placementId,
    v("final_presentations", "title"),
    staff,
  ]);
  await client.query(
    `insert into certificates (enrolment_id, municipality_id, user_id, kind, verification_code, holder_name, track_name, cohort_name, municipality_name, course_started_on, course_ended_on, issued_by,
       achieved_competences, credential, status_list_id, status_list_index)
     values ($1, $2, $3, 'citytrainer', $4, $5, 'Ik train mijn stad', 'Voorjaar', 'Privacystad', current_date - 60, current_date - 1, $6, $7, $8, $9, $10)`,
    [
      c.enrolmentId,
      m,
      userId,
      verificationCode(),
      c.name,
      staff,
      JSON.stringify([{ name: "Organiseren", level: 2, levelName: v("certificates", "achieved_competences") }]),
      JSON.stringify(credentialFor(c.name, `sha256$${v("certificates", "credential")}`)),
      world.statusListId,
      await nextStatusIndex(client, world.statusListId),
    ],
  );
  // A municipality of the person's own, so another planted person's settings are not the same row.
  const settingsMunicipality = await q(`insert into municipalities (slug, name) values ($1, 'Instellingstad') returning id`, [`instelling-${randomBytes(4).toString("hex")}`]);
  await client.query(`insert into programme_settings (municipality_id, handover_answer_days, updated_by) values ($1, 12, $2)`, [settingsMunicipality, userId]);
  return { placementId, ceremonyId, files: [file] };
}

/**
 * Person C, whom `actor` acts on as course leader, guardian and staff member: C's rows carry C's
 * markers and `actor` only as the one who assessed, recorded, decided, consented, invited, looked.
 * Erasing `actor` must leave every C marker in place; `actor`'s export must show none of them.
 */
export async function plantActedOn(client: pg.Client, world: SharedWorld, actor: PlantedPerson, mark: string): Promise<{ userId: string; markers: string[] }> {
  const m = world.municipalityId;
  const markers: string[] = [];
  const v = (what: string) => {
    const value = `${mark}-${what}`;
    markers.push(value);
    return value;
  };
  const q = async (text: string, values: unknown[]) => (await client.query<{ id: string }>(text, values)).rows[0]?.id as string;
  const userId = `${mark}-user`;
  await client.query(`insert into users (id, name, email) values ($1, $2, $3)`, [userId, v("name"), `${mark}@example.org`]);
  const applicationId = await q(
    `insert into applications (cohort_id, municipality_id, status, name, email, date_of_birth, motivation, age_on_start, needs_guardian_consent, guardian_name, guardian_email, confirm_token_hash, intake_notes, decided_by, user_id)
     values ($1, $2, 'admitted', $3, $4, '2011-05-06', $5, 15, true, $6, $7, $8, $9, $10, $11) returning id`,
    [actor.own.cohortId, m, v("application-name"), `${mark}@example.org`, v("motivation"), actor.name, actor.email, v("token"), v("intake-notes"), actor.userId, userId],
  );
  await client.query(
    `insert into consent_records (municipality_id, purpose, legal_basis, subject_application_id, given_by, giver_name, giver_email, text_version, evidence, status, answered_at)
     values ($1, 'course_application', 'consent', $2, 'guardian', $3, $4, 'course-application/1', 'email-link', 'given', now())`,
    [m, applicationId, actor.name, actor.email],
  );
  const enrolmentId = await q(`insert into enrolments (cohort_id, municipality_id, user_id, application_id) values ($1, $2, $3, $4) returning id`, [actor.own.cohortId, m, userId, applicationId]);
  await client.query(`insert into development_plans (enrolment_id, municipality_id, own_story, observations, updated_by) values ($1, $2, $3, $4, $5)`, [
    enrolmentId,
    m,
    v("own-story"),
    v("observations"),
    actor.userId,
  ]);
  await client.query(`insert into development_plan_changes (enrolment_id, municipality_id, part, previous_value, new_value, changed_by) values ($1, $2, 'observations', '', $3, $4)`, [
    enrolmentId,
    m,
    v("observation-change"),
    actor.userId,
  ]);
  await client.query(`insert into session_attendance (session_id, enrolment_id, municipality_id, status, recorded_by) values ($1, $2, $3, 'absent', $4)`, [actor.own.sessionId, enrolmentId, m, actor.userId]);
  await client.query(`insert into assessments (moment_id, enrolment_id, municipality_id, competence_id, level, narrative, assessed_by) values ($1, $2, $3, $4, 1, $5, $6)`, [
    actor.own.momentId,
    enrolmentId,
    m,
    actor.own.competenceId,
    v("narrative"),
    actor.userId,
  ]);
  await client.query(
    `insert into certificates (enrolment_id, municipality_id, user_id, kind, verification_code, holder_name, track_name, cohort_name, municipality_name, course_started_on, course_ended_on, issued_by)
     values ($1, $2, $3, 'participation', $4, $5, 'Ik train mijn stad', 'Voorjaar', 'Privacystad', current_date - 60, current_date - 1, $6)`,
    [enrolmentId, m, userId, verificationCode(), v("holder"), actor.userId],
  );
  // C's Citytrainer certificate: issued by the actor, and revoked by them with a reason about C.
  await client.query(
    `insert into certificates (enrolment_id, municipality_id, user_id, kind, verification_code, holder_name, track_name, cohort_name, municipality_name, course_started_on, course_ended_on, issued_by,
       revoked_at, revoked_by, revocation_reason, achieved_competences, credential, status_list_id, status_list_index)
     values ($1, $2, $3, 'citytrainer', $4, $5, 'Ik train mijn stad', 'Voorjaar', 'Privacystad', current_date - 60, current_date - 1, $6, now(), $6, $7, $8, $9, $10, $11)`,
    [
      enrolmentId,
      m,
      userId,
      verificationCode(),
      v("citytrainer-holder"),
      actor.userId,
      v("revocation-reason"),
      JSON.stringify([{ name: "Organiseren", level: 1, levelName: v("achieved") }]),
      JSON.stringify(credentialFor(v("credential-name"), `sha256$${v("credential-hash")}`)),
      world.statusListId,
      await nextStatusIndex(client, world.statusListId),
    ],
  );
  // C's placement, which the actor proposed, answered and supervises; C's guardian (the actor) agreed to share.
  const consentId = await q(
    `insert into consent_records (municipality_id, purpose, legal_basis, subject_user_id, given_by, giver_name, giver_email, text_version, evidence, status, answered_at)
     values ($1, 'handover_sharing', 'consent', $2, 'guardian', $3, $4, 'handover-sharing/1', 'email-link', 'given', now()) returning id`,
    [m, userId, actor.name, actor.email],
  );
  const placementId = await q(
    `insert into placements (municipality_id, enrolment_id, trainee_user_id, partner_organisation_id, supervisor_user_id, status, handover_at, handover_place,
       proposal_note, shared_observations, sharing_consent_id, shared_at, proposed_by, answered_by, answered_at, started_at)
     values ($1, $2, $3, $4, $5, 'active', now() - interval '20 days', $6, $7, $8, $9, now() - interval '21 days', $5, $5, now() - interval '20 days', now() - interval '20 days') returning id`,
    [m, enrolmentId, userId, world.partnerOrganisationId, actor.userId, v("handover-place"), v("proposal-note"), v("shared-observations"), consentId],
  );
  await client.query(
    `insert into practice_hours (municipality_id, placement_id, trainee_user_id, starts_at, ends_at, description, status, guard_warnings, guard_confirmed_by, guard_confirmed_at, reviewed_by, reviewed_at)
     values ($1, $2, $3, now() - interval '5 days', now() - interval '5 days' + interval '2 hours', $4, 'signed_off', '{sunday}', $5, now() - interval '4 days', $5, now() - interval '4 days')`,
    [m, placementId, userId, v("hours-description"), actor.userId],
  );
  await client.query(`insert into coaching_notes (municipality_id, placement_id, author_user_id, body) values ($1, $2, $3, $4)`, [m, placementId, actor.userId, v("coaching-note")]);
  const activityId = await q(
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, organiser_user_id, status)
     values ($1, 'Praktijkactiviteit van C', 'culture', 'Bibliotheek', now() + interval '6 days', now() + interval '6 days 2 hours', $2, $3, 'published') returning id`,
    [m, v("organiser-name"), userId],
  );
  await client.query(
    `insert into practice_activities (municipality_id, placement_id, activity_id, idea, goal, target_group, submitted_at, approved_by, approved_at)
     values ($1, $2, $3, $4, $5, $6, now() - interval '3 days', $7, now() - interval '2 days')`,
    [m, placementId, activityId, v("idea"), v("goal"), v("target-group"), actor.userId],
  );
  await client.query(`insert into final_reports (municipality_id, placement_id, body) values ($1, $2, $3)`, [m, placementId, v("final-report")]);
  await client.query(`insert into final_presentations (municipality_id, ceremony_id, placement_id, position, title, given_at, marked_by) values ($1, $2, $3, 2, $4, now(), $5)`, [
    m,
    actor.own.ceremonyId,
    placementId,
    v("presentation-title"),
    actor.userId,
  ]);
  await client.query(`insert into invitations (email, role, municipality_id, token_hash, invited_by, expires_at) values ($1, 'course_leader', $2, $3, $4, now() + interval '7 days')`, [
    `${mark}-invited@example.org`,
    m,
    v("invitation-token"),
    actor.userId,
  ]);
  await client.query(`insert into membership_removals (user_id, role, municipality_id, removed_by) values ($1, 'course_leader', $2, $3)`, [userId, m, actor.userId]);
  await client.query(`insert into erasure_requests (user_id, status, reason, handled_by, handled_at, handler_note) values ($1, 'rejected', $2, $3, now(), $4)`, [
    userId,
    v("reason"),
    actor.userId,
    v("handler-note"),
  ]);
  await client.query(
    `insert into personal_data_access_log (municipality_id, actor_user_id, actor_role, subject_user_id, subject_application_id, resource, action) values ($1, $2, 'course_leader', $3, $4, 'intake_notes', 'view')`,
    [m, actor.userId, userId, applicationId],
  );
  return { userId, markers };
}

/**
 * The person's money: a pot they set up (with its fund booking), a request of theirs for an
 * activity they organise, approved and settled with a receipt on disk, its line item, notes and
 * the comment of a settlement that was sent back once.
 */
async function plantBudgets(
  client: pg.Client,
  c: { mark: string; m: string; userId: string; v: (table: string, column: string, value?: string) => string; q: (text: string, values: unknown[]) => Promise<string> },
): Promise<string[]> {
  const { m, userId, v, q } = c;
  const year = new Date().getFullYear();
  const potId = await q(
    `insert into budget_pots (municipality_id, name, year, starts_on, ends_on, amount_cents, max_per_request_cents, committed_cents, created_by)
     values ($1, 'Buurtbudget', $2, $3, $4, 100000, 10000, 2000, $5) returning id`,
    [m, year, `${year}-01-01`, `${year}-12-31`, userId],
  );
  const activityId = await q(
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, status) values ($1, 'Buurtmiddag', 'other', 'Plein', now() - interval '2 days', now() - interval '2 days' + interval '2 hours', 'Bewoner', 'completed') returning id`,
    [m],
  );
  const requestId = await q(
    `insert into budget_requests (municipality_id, pot_id, activity_id, requested_by, idempotency_key, purpose, amount_cents, status, granted_cents, decided_by, decided_at, spent_cents, settlement_note, settlement_submitted_at, settlement_return_comment, settled_by, settled_at)
     values ($1, $2, $3, $4, $5, $6, 2500, 'settled', 2500, $4, now(), 2000, $7, now(), $8, $4, now()) returning id`,
    [m, potId, activityId, userId, v("budget_requests", "idempotency_key"), v("budget_requests", "purpose"), v("budget_requests", "settlement_note"), v("budget_requests", "settlement_return_comment")],
  );
  await client.query(
    `insert into budget_requests (municipality_id, pot_id, requested_by, idempotency_key, purpose, amount_cents, status, decline_reason, decided_at)
     values ($1, $2, $3, $4, 'Tweede aanvraag', 500, 'declined', $5, now())`,
    [m, potId, userId, `${c.mark}-declined`, v("budget_requests", "decline_reason")],
  );
  await client.query(`insert into budget_request_lines (request_id, municipality_id, position, description, amount_cents) values ($1, $2, 0, $3, 2500)`, [requestId, m, v("budget_request_lines", "description")]);
  await client.query(
    `insert into budget_ledger (pot_id, municipality_id, request_id, kind, amount_cents, created_by) values ($1, $2, null, 'fund', 100000, $3), ($1, $2, $4, 'reserve', 2500, $3), ($1, $2, $4, 'spend', 2000, $3), ($1, $2, $4, 'release', 500, $3)`,
    [potId, m, userId, requestId],
  );
  const key = `${randomUUID()}.pdf`;
  const file = privateFilePath("receipts", key)!;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `%PDF-1.4 ${c.mark}-receipt-file`);
  await client.query(
    `insert into budget_receipts (request_id, municipality_id, file_key, content_type, byte_size, original_name, uploaded_by) values ($1, $2, $3, 'application/pdf', 40, $4, $5)`,
    [requestId, m, key, v("budget_receipts", "original_name", `${c.mark}-bonnetje.pdf`), userId],
  );
  return [file];
}
