/**
 * Every staff page of the practice path that shows a minor's personal data writes the access log
 * (personal_data_access_log) in the same request, over real HTTP on the built platform.
 *
 * The pages are not listed by hand: the test reads app/routes.ts and takes EVERY route under
 * /beheer/:slug/praktijk, /beheer/:slug/doorstroom, /beheer/:slug/citytrainers and
 * /beheer/:slug/eindpresentaties, and the handover proposal of a trainee, so a page added there
 * later is checked too. Each is requested as the placement's practice supervisor, the
 * cohort's course leader and the municipality's project leader, with fixtures made in SQL: Mila, 14,
 * with an active placement (hours on a Sunday, a coaching note, a practice activity in review, a
 * submitted final report with a file, a presentation), and Noor, 15, a certified Citytrainer.
 * Every text of theirs carries a token, so the test sees which person a page shows:
 * - a page that shows a person's data (their token is in the answer: their name, or anything they
 *   or staff wrote about them) must have written, for that person, exactly one row per resource it
 *   shows, by that staff member in that role — list pages too (the pipeline, the certificate list),
 *   one row per person they show;
 * - the pages whose content is known (PAGES) must log the resources listed there, and must open
 *   for the roles listed there;
 * - a page no role can open with these fixtures fails, and so does a route parameter this test has
 *   no fixture for (`params` in plantFixtures): give it one.
 * The existing page of one trainee in a course group runs through the same check, so the harness
 * itself is proven even before any practice page exists.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditedResource } from "~/lib/db/schema";
import { privateFilePath } from "~/lib/storage.server";
import routes from "~/routes";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

type StaffRole = "practice_supervisor" | "course_leader" | "project_leader";
const STAFF_ROLES: readonly StaffRole[] = ["practice_supervisor", "course_leader", "project_leader"];

/**
 * The route prefixes whose every page is checked: the placement pages and the supervisor's area,
 * the pipeline, the certificates, the ceremonies with their presentations, and the handover proposal.
 */
const AUDITED = /^beheer\/:slug\/((praktijk|doorstroom|citytrainers|eindpresentaties)(\/|$)|cohorten\/:cohortId\/cursisten\/:enrolmentId\/overdracht)/;
/** An existing page that logs, run through the same check to prove the harness. */
const HARNESS_PAGE = "beheer/:slug/cohorten/:cohortId/cursisten/:enrolmentId";

interface PageExpectation {
  /** Resources the page must log (one row each) for the person it is about. */
  logs: readonly AuditedResource[];
  /** Resources it may log besides, when it shows them too. */
  mayLog?: readonly AuditedResource[];
  /** The roles that must be able to open it with the fixtures. */
  opens: readonly StaffRole[];
}

const PLACEMENT_PARTS: readonly AuditedResource[] = ["placement", "practice_hours", "coaching_notes", "practice_activity", "final_report", "development_plan", "assessments", "certificate"];

/** Any audited resource is accepted from a page this test knows nothing more about. */
const ANY_RESOURCE: readonly AuditedResource[] = [
  "application",
  "intake_notes",
  "development_plan",
  "attendance",
  "assessments",
  "enrolment",
  ...PLACEMENT_PARTS,
];

/** What is known about the practice pages (the issue and app/features/practice/urls.ts). */
const PAGES: Record<string, PageExpectation> = {
  "beheer/:slug/praktijk/:placementId": { logs: ["placement"], mayLog: PLACEMENT_PARTS, opens: STAFF_ROLES },
  "beheer/:slug/praktijk/:placementId/uren": { logs: ["practice_hours"], mayLog: PLACEMENT_PARTS, opens: STAFF_ROLES },
  "beheer/:slug/praktijk/:placementId/activiteit": { logs: ["practice_activity"], mayLog: PLACEMENT_PARTS, opens: STAFF_ROLES },
  "beheer/:slug/praktijk/:placementId/eindverslag": { logs: ["final_report"], mayLog: PLACEMENT_PARTS, opens: STAFF_ROLES },
  "beheer/:slug/praktijk/:placementId/eindverslag/bestand": { logs: ["final_report"], opens: STAFF_ROLES },
  // The supervisor's working area: their own trainees, one row per person shown.
  "beheer/:slug/praktijk": { logs: [], mayLog: PLACEMENT_PARTS, opens: ["practice_supervisor"] },
  // The pipeline and the certificate list show many people: one row per person they show (when they show anyone).
  "beheer/:slug/doorstroom": { logs: [], mayLog: ANY_RESOURCE, opens: ["course_leader", "project_leader"] },
  "beheer/:slug/citytrainers": { logs: [], mayLog: ANY_RESOURCE, opens: ["project_leader"] },
  [HARNESS_PAGE]: { logs: ["development_plan", "attendance", "assessments"], opens: ["course_leader", "project_leader"] },
};

interface Person {
  userId: string;
  token: string;
  name: string;
}

interface Fixtures {
  slug: string;
  municipalityId: string;
  staff: Record<StaffRole, { userId: string; email: string; cookie: string }>;
  /** Mila, 14, in an active placement. */
  mila: Person;
  /** Noor, 15, certified Citytrainer. */
  noor: Person;
  params: Record<string, string>;
  /** The report's file on disk. */
  files: string[];
}

let server: TestServer;
let databaseUrl: string;
let client: pg.Client;
let f: Fixtures;

/** Every route of app/routes.ts as its full path (no leading slash). */
function allRoutePaths(): string[] {
  const out: string[] = [];
  const walk = (entries: readonly { path?: string; children?: unknown }[], prefix: string) => {
    for (const entry of entries) {
      const full = [prefix, entry.path ?? ""].filter(Boolean).join("/");
      if (entry.path !== undefined) out.push(full);
      if (Array.isArray(entry.children)) walk(entry.children as { path?: string; children?: unknown }[], full);
    }
  };
  walk(routes as unknown as { path?: string; children?: unknown }[], "");
  return out;
}

function fill(route: string): { url: string } | { missing: string } {
  let missing = "";
  const url = route.replace(/:([A-Za-z]+)\??/g, (_, name: string) => {
    const value = f.params[name];
    if (!value) missing = missing || name;
    return value ?? "";
  });
  return missing ? { missing } : { url: `/${url}` };
}

async function maxLogId(): Promise<string> {
  return (await client.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from personal_data_access_log`)).rows[0]!.id;
}

interface LogRow {
  subject_user_id: string | null;
  resource: AuditedResource;
  action: string;
  actor_role: string;
  actor_user_id: string | null;
}

/** Requests the page as `role` and returns the answer and the log rows the request wrote. */
async function visit(url: string, role: StaffRole): Promise<{ status: number; body: string; rows: LogRow[] }> {
  const since = await maxLogId();
  const response = await fetch(`${server.url}${url}`, { redirect: "manual", headers: { cookie: f.staff[role].cookie } });
  const body = (await response.text()).toLowerCase();
  const rows = (
    await client.query<LogRow>(`select subject_user_id, resource, action, actor_role, actor_user_id from personal_data_access_log where id > $1 order by id`, [since])
  ).rows;
  return { status: response.status, body, rows };
}

/** What is wrong with one page seen by one role; empty when it is right. */
function problemsWith(route: string, role: StaffRole, seen: { status: number; body: string; rows: LogRow[] }): string[] {
  const expectation = PAGES[route];
  const problems: string[] = [];
  const at = `${route} as ${role}`;
  if (seen.status !== 200) {
    if (seen.rows.length > 0) problems.push(`${at}: answered ${seen.status} but wrote ${seen.rows.length} log rows`);
    if (expectation?.opens.includes(role)) problems.push(`${at}: answered ${seen.status}, should open`);
    return problems;
  }
  const staffUserId = f.staff[role].userId;
  for (const row of seen.rows) {
    // A download (a CSV, the report's file) may log an export instead of a view.
    if (row.actor_user_id !== staffUserId || row.actor_role !== role || !["view", "export"].includes(row.action)) {
      problems.push(`${at}: log row ${JSON.stringify(row)} is not a view or export by the ${role}`);
    }
  }
  for (const person of [f.mila, f.noor]) {
    const shown = seen.body.includes(person.token);
    const rows = seen.rows.filter((r) => r.subject_user_id === person.userId);
    const resources = rows.map((r) => r.resource);
    const twice = resources.filter((r, i) => resources.indexOf(r) !== i);
    if (twice.length > 0) problems.push(`${at}: logged ${twice.join(", ")} more than once for one view`);
    const allowed = expectation ? [...expectation.logs, ...(expectation.mayLog ?? [])] : ANY_RESOURCE;
    const strange = resources.filter((r) => !allowed.includes(r));
    if (strange.length > 0) problems.push(`${at}: logged ${strange.join(", ")}, which this page does not show`);
    // The pages of one placement or enrolment are about Mila, whose ids fill the route.
    if (expectation && person === f.mila) {
      const absent = expectation.logs.filter((r) => !resources.includes(r));
      if (absent.length > 0) problems.push(`${at}: opened the minor's page but did not log ${absent.join(", ")}`);
    }
    if (shown && rows.length === 0) problems.push(`${at}: shows ${person.name}'s data but wrote no access-log row about them`);
  }
  const nobody = seen.rows.filter((r) => r.subject_user_id === null || ![f.mila.userId, f.noor.userId].includes(r.subject_user_id));
  if (nobody.length > 0) problems.push(`${at}: logged about someone the page is not about: ${JSON.stringify(nobody)}`);
  return problems;
}

async function q(text: string, values: unknown[] = []): Promise<string> {
  return (await client.query<{ id: string }>(text, values)).rows[0]?.id as string;
}

/** Born `years` years ago, half a year ago (so the age holds all year round). */
function bornYearsAgo(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCMonth(date.getUTCMonth() - 6);
  return date.toISOString().slice(0, 10);
}

async function staffUser(role: StaffRole, municipalityId: string, partnerId: string) {
  const userId = `audit-${role}-${randomBytes(4).toString("hex")}`;
  const email = `${userId}@example.org`;
  // Staff sign in with two-step verification; the session below is made as after that step.
  await client.query(`insert into users (id, name, email, email_verified, two_factor_enabled) values ($1, $2, $3, true, true)`, [userId, `Staf ${role}`, email]);
  await client.query(`insert into memberships (user_id, role, municipality_id, partner_organisation_id) values ($1, $2, $3, $4)`, [
    userId,
    role,
    municipalityId,
    role === "practice_supervisor" ? partnerId : null,
  ]);
  return { userId, email, cookie: (await sessionCookieFor(databaseUrl, email)).header };
}

/** A trainee in the cohort: account, admitted application (guardian consent under 16), enrolment, certificate of participation. */
async function trainee(m: string, cohortId: string, firstName: string, age: number): Promise<Person & { enrolmentId: string; goalId: string }> {
  const token = `zqaudit${randomBytes(5).toString("hex")}`;
  const name = `${firstName} ${token}`;
  const userId = `audit-trainee-${token}`;
  const email = `${token}@example.org`;
  await client.query(`insert into users (id, name, email, email_verified) values ($1, $2, $3, true)`, [userId, name, email]);
  const applicationId = await q(
    `insert into applications (cohort_id, municipality_id, status, name, email, date_of_birth, motivation, age_on_start, needs_guardian_consent, guardian_name, guardian_email, confirm_token_hash, user_id)
     values ($1, $2, 'admitted', $3, $4, $5, $6, $7, $8, 'Ouder Test', $9, md5(random()::text), $10) returning id`,
    [cohortId, m, name, email, bornYearsAgo(age), `${token} motivatie`, age, age < 16, `ouder-${token}@example.org`, userId],
  );
  await client.query(
    `insert into consent_records (municipality_id, purpose, legal_basis, subject_user_id, subject_application_id, given_by, giver_name, giver_email, text_version, evidence, status, answered_at)
     values ($1, 'course_application', 'consent', $2, $3, 'guardian', 'Ouder Test', $4, 'course-application/1', 'email-link', 'given', now())`,
    [m, userId, applicationId, `ouder-${token}@example.org`],
  );
  const enrolmentId = await q(`insert into enrolments (cohort_id, municipality_id, user_id, application_id) values ($1, $2, $3, $4) returning id`, [cohortId, m, userId, applicationId]);
  await client.query(`insert into development_plans (enrolment_id, municipality_id, own_story, observations) values ($1, $2, $3, $4)`, [enrolmentId, m, `${token} verhaal`, `${token} observaties`]);
  const goalId = await q(`insert into learning_goals (enrolment_id, municipality_id, position, description) values ($1, $2, 1, $3) returning id`, [enrolmentId, m, `${token} leerdoel`]);
  await client.query(
    `insert into certificates (enrolment_id, municipality_id, user_id, kind, verification_code, holder_name, track_name, cohort_name, municipality_name, course_started_on, course_ended_on)
     values ($1, $2, $3, 'participation', $4, $5, 'Ik train mijn stad', 'Auditgroep', 'Auditstad', current_date - 90, current_date - 40)`,
    [enrolmentId, m, userId, randomBytes(6).toString("hex").toUpperCase().replace(/(.{4})(.{4})(.{4})/, "$1-$2-$3"), name],
  );
  return { userId, token, name, enrolmentId, goalId };
}

async function plantFixtures(): Promise<Fixtures> {
  const slug = `auditstad-${randomBytes(3).toString("hex")}`;
  const m = await q(`insert into municipalities (slug, name) values ($1, 'Auditstad') returning id`, [slug]);
  const partnerId = await q(`insert into partner_organisations (municipality_id, name, kind) values ($1, 'Sportclub Audit', 'sport') returning id`, [m]);
  const staff = {
    practice_supervisor: await staffUser("practice_supervisor", m, partnerId),
    course_leader: await staffUser("course_leader", m, partnerId),
    project_leader: await staffUser("project_leader", m, partnerId),
  };
  const trackId = await q(`insert into tracks (municipality_id) values ($1) returning id`, [m]);
  const versionId = await q(
    `insert into track_versions (track_id, municipality_id, version, name) values ($1, $2, 1, 'Ik train mijn stad') returning id`,
    [trackId, m],
  );
  const competenceId = await q(`insert into track_competences (track_version_id, position, name) values ($1, 1, 'Organiseren') returning id`, [versionId]);
  await client.query(`insert into competence_levels (competence_id, level, name) values ($1, 1, 'Begin'), ($1, 2, 'Gevorderd')`, [competenceId]);
  await client.query(`update track_versions set status = 'published', published_at = now() where id = $1`, [versionId]);
  const cohortId = await q(
    `insert into cohorts (municipality_id, track_version_id, name, location, starts_on, applications_open_on, applications_close_on, admitted_count)
     values ($1, $2, 'Auditgroep', 'Wijkcentrum', current_date - 90, current_date - 120, current_date - 95, 2) returning id`,
    [m, versionId],
  );
  await client.query(`insert into cohort_course_leaders (cohort_id, user_id, municipality_id) values ($1, $2, $3)`, [cohortId, staff.course_leader.userId, m]);
  const momentId = await q(`insert into assessment_moments (cohort_id, municipality_id, position, name, kind) values ($1, $2, 1, 'Eindbeoordeling', 'final') returning id`, [cohortId, m]);

  const mila = await trainee(m, cohortId, "Mila", 14);
  const noor = await trainee(m, cohortId, "Noor", 15);
  await client.query(`insert into assessments (moment_id, enrolment_id, municipality_id, competence_id, level, narrative) values ($1, $2, $3, $4, 2, $5)`, [
    momentId,
    mila.enrolmentId,
    m,
    competenceId,
    `${mila.token} beoordeling`,
  ]);

  // Mila's placement: shared after the guardian's consent, accepted, active.
  const placement = async (person: typeof mila, status: "active" | "completed") => {
    const consentId = await q(
      `insert into consent_records (municipality_id, purpose, legal_basis, subject_user_id, given_by, giver_name, giver_email, text_version, evidence, status, answered_at)
       values ($1, 'handover_sharing', 'consent', $2, 'guardian', 'Ouder Test', $3, 'handover-sharing/1', 'email-link', 'given', now() - interval '40 days') returning id`,
      [m, person.userId, `ouder-${person.token}@example.org`],
    );
    return q(
      `insert into placements (municipality_id, enrolment_id, trainee_user_id, partner_organisation_id, supervisor_user_id, status, handover_at, handover_place, proposal_note,
         shared_observations, sharing_consent_id, shared_at, proposed_by, answered_by, answered_at, started_at, ended_at)
       values ($1, $2, $3, $4, $5, $6, now() - interval '35 days', $7, $8, $9, $10, now() - interval '38 days', $11, $5, now() - interval '35 days', now() - interval '35 days',
         case when $6 = 'completed' then now() - interval '1 day' end) returning id`,
      [
        m,
        person.enrolmentId,
        person.userId,
        partnerId,
        staff.practice_supervisor.userId,
        status,
        `${person.token} overdrachtsplek`,
        `${person.token} voorstel`,
        `${person.token} gedeelde observaties`,
        consentId,
        staff.course_leader.userId,
      ],
    );
  };
  const milaPlacement = await placement(mila, "active");
  const noorPlacement = await placement(noor, "completed");

  // A Sunday two weeks ago, 10:00–12:00 Amsterdam time: outside what a 14-year-old may work.
  const hoursId = await q(
    `insert into practice_hours (municipality_id, placement_id, trainee_user_id, starts_at, ends_at, description, status, guard_warnings)
     values ($1, $2, $3, (date_trunc('week', now() at time zone 'Europe/Amsterdam') - interval '8 days' + interval '10 hours') at time zone 'Europe/Amsterdam',
             (date_trunc('week', now() at time zone 'Europe/Amsterdam') - interval '8 days' + interval '12 hours') at time zone 'Europe/Amsterdam', $4, 'submitted', '{sunday}') returning id`,
    [m, milaPlacement, mila.userId, `${mila.token} uren op zondag`],
  );
  const noteId = await q(`insert into coaching_notes (municipality_id, placement_id, author_user_id, body) values ($1, $2, $3, $4) returning id`, [
    m,
    milaPlacement,
    staff.practice_supervisor.userId,
    `${mila.token} coachingsnotitie`,
  ]);
  const activityId = await q(
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, organiser_user_id, created_by, status)
     values ($1, $2, 'sport', 'Speeltuin', now() + interval '14 days', now() + interval '14 days 2 hours', 'Mila', $3, $3, 'in_review') returning id`,
    [m, `${mila.token} voetbalmiddag`, mila.userId],
  );
  await client.query(
    `insert into practice_activities (municipality_id, placement_id, activity_id, idea, goal, target_group, submitted_at) values ($1, $2, $3, $4, $5, $6, now())`,
    [m, milaPlacement, activityId, `${mila.token} idee`, `${mila.token} doel`, `${mila.token} doelgroep`],
  );
  const fileKey = `${randomUUID()}.pdf`;
  const file = privateFilePath("final-reports", fileKey)!;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `%PDF-1.4\n% ${mila.token} eindverslag\n`);
  const reportId = await q(
    `insert into final_reports (municipality_id, placement_id, body, file_path, file_name, file_type, file_size, status, submitted_at)
     values ($1, $2, $3, $4, 'eindverslag.pdf', 'application/pdf', 40, 'submitted', now()) returning id`,
    [m, milaPlacement, `${mila.token} eindverslag`, fileKey],
  );
  const ceremonyId = await q(
    `insert into ceremonies (municipality_id, title, starts_at, ends_at, location, created_by) values ($1, 'Eindpresentaties', now() + interval '30 days', now() + interval '30 days 2 hours', 'Stadhuis', $2) returning id`,
    [m, staff.project_leader.userId],
  );
  const presentationId = await q(`insert into final_presentations (municipality_id, ceremony_id, placement_id, title) values ($1, $2, $3, $4) returning id`, [
    m,
    ceremonyId,
    milaPlacement,
    `${mila.token} presentatie`,
  ]);
  await client.query(`insert into final_presentations (municipality_id, ceremony_id, placement_id, position, title, given_at) values ($1, $2, $3, 2, $4, now())`, [
    m,
    ceremonyId,
    noorPlacement,
    `${noor.token} presentatie`,
  ]);

  // Noor is a certified Citytrainer.
  const statusListId = await q(`insert into credential_status_lists (municipality_id, next_index) values ($1, 1) returning id`, [m]);
  const code = randomBytes(6).toString("hex").toUpperCase().replace(/(.{4})(.{4})(.{4})/, "$1-$2-$3");
  const certificateId = await q(
    `insert into certificates (enrolment_id, municipality_id, user_id, kind, verification_code, holder_name, track_name, cohort_name, municipality_name, course_started_on, course_ended_on,
       issued_by, achieved_competences, status_list_id, status_list_index)
     values ($1, $2, $3, 'citytrainer', $4, $5, 'Ik train mijn stad', 'Auditgroep', 'Auditstad', current_date - 90, current_date - 40, $6, $7, $8, 0) returning id`,
    [
      noor.enrolmentId,
      m,
      noor.userId,
      code,
      noor.name,
      staff.project_leader.userId,
      JSON.stringify([{ name: "Organiseren", level: 2, levelName: "Gevorderd" }]),
      statusListId,
    ],
  );

  return {
    slug,
    municipalityId: m,
    staff,
    mila,
    noor,
    files: [file],
    params: {
      slug,
      placementId: milaPlacement,
      cohortId,
      enrolmentId: mila.enrolmentId,
      hoursId,
      noteId,
      activityId,
      reportId,
      ceremonyId,
      certificateId,
      code,
      momentId,
      presentationId,
      goalId: mila.goalId,
      trackId,
      // A page about one trainee by their account: Mila.
      userId: mila.userId,
      traineeId: mila.userId,
      partnerId,
      partnerOrganisationId: partnerId,
    },
  };
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  f = await plantFixtures();
});

afterAll(async () => {
  for (const file of f?.files ?? []) await rm(file, { force: true });
  await client?.end();
  await server?.stop();
});

const practicePages = allRoutePaths().filter((p) => AUDITED.test(p));

describe("the access log of the practice path's staff pages", () => {
  it("reads the routes from app/routes.ts", () => {
    expect(allRoutePaths()).toContain(HARNESS_PAGE);
    // The pages named in PAGES are checked as soon as they are in app/routes.ts.
    for (const page of practicePages) expect(AUDITED.test(page)).toBe(true);
  });

  for (const route of [HARNESS_PAGE, ...practicePages]) {
    it(`/${route} logs each view of a minor's data, for every staff role that opens it`, async () => {
      const filled = fill(route);
      if ("missing" in filled) throw new Error(`/${route}: no fixture for :${filled.missing}; add one to the params of plantFixtures in this test`);
      const problems: string[] = [];
      const statuses: number[] = [];
      for (const role of STAFF_ROLES) {
        const seen = await visit(filled.url, role);
        statuses.push(seen.status);
        problems.push(...problemsWith(route, role, seen));
      }
      expect(problems).toEqual([]);
      // A route with only an action (a form's target) shows nothing on GET; every other one must open for someone.
      if (!statuses.every((status) => status === 405)) expect(statuses, `/${route}: no staff role could open it with the fixtures`).toContain(200);
    });
  }
});
