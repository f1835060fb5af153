/**
 * The data-subject rights registry: ONE list in which every table that holds personal data says
 * how to find a person's rows, how to export them and how to erase them. Export (a person's "all
 * my data") and erasure (carrying out an erasure request) both walk this list, so a table that is
 * not listed here is neither exported nor erased — and tests/integration/privacy-registry.test.ts
 * fails for any table with a personal-data column that is missing (docs/decisions/026-privacy-core.md).
 *
 * A person is their account id AND every email address they used: the account's, and those of
 * applications and sign-ups they made (also without an account), and — for mail — the addresses of
 * the guardians named in their applications.
 *
 * Erasure deletes what only serves the person, and anonymises what aggregates need (a sign-up
 * still counts for the activity, a certificate still counts as issued, an audit row still says that
 * someone looked, not at whom). Where the person only appears as the one who did something to
 * someone else's data (`*_by` columns), the link is removed and the other person's data stays.
 * The entries run in this order inside one transaction: dependants before the rows they hang on.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor, Transaction } from "~/lib/db/client.server";
import { readPrivateFile, removePrivateFile } from "~/lib/storage.server";

export interface DataSubject {
  /** The account; null for someone known only by email address (an applicant, a sign-up). */
  userId: string | null;
  /** Lower-cased addresses: the account's and those the person applied or signed up with. */
  emails: readonly string[];
  /** Full names the person used (account, applications): mails to others that name them are emptied. */
  names: readonly string[];
  /** Addresses of guardians named in the person's applications: mail to them was about the person. */
  guardianEmails: readonly string[];
}

/**
 * The revocation reason of a certificate whose holder was erased (a revocation needs a reason,
 * migration 0011). Stored as this fixed text so the verification page can recognise and translate it.
 */
export const ERASURE_REVOCATION_REASON = "erased at the holder's request";

export type ErasureStrategy = "delete" | "anonymise" | "unlink";

export interface RegistryEntry {
  /** The SQL table name. */
  table: string;
  /** The columns with personal data (people's ids included); "all" when the whole row is the person's. */
  personalColumns: readonly string[] | "all";
  /** Left out of the export: credentials and token hashes (not information about the person, and a risk in a file). */
  notExported?: readonly string[];
  /** What erasure does, in one word, and why (shown in docs/privacy.md and to the person). */
  erasure: ErasureStrategy;
  why: string;
  /** The person's rows, as exported (without `notExported` columns). */
  rows: (executor: Executor, person: DataSubject) => Promise<Record<string, unknown>[]>;
  /** Erases the person's rows; returns how many rows changed. */
  erase: (tx: Transaction, person: DataSubject) => Promise<number>;
}

// --- SQL pieces ---------------------------------------------------------------------------------

/** The person's account id, or one that matches nothing. */
function uid(person: DataSubject): SQL {
  return sql`${person.userId ?? ""}`;
}

/** A set of strings as a sub-select (one parameter, also when empty). */
function setOf(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

function emails(person: DataSubject): SQL {
  return setOf(person.emails);
}

/** The person's applications: made with their account or with one of their addresses. */
function applicationIds(person: DataSubject): SQL {
  return sql`(select id from applications where user_id = ${uid(person)} or lower(email) in ${emails(person)})`;
}

/** The person's enrolments (a trainee's place in a cohort). */
function enrolmentIds(person: DataSubject): SQL {
  return sql`(select id from enrolments where user_id = ${uid(person)} or application_id in ${applicationIds(person)})`;
}

/** The person's sign-ups: made with their account or with one of their addresses (a photo consent's subject without an account). */
function registrationIds(person: DataSubject): SQL {
  return sql`(select id from registrations where user_id = ${uid(person)} or lower(email) in ${emails(person)})`;
}

/** The person's placements as the trainee: by their account or by one of their enrolments. */
function placementIds(person: DataSubject): SQL {
  return sql`(select id from placements where trainee_user_id = ${uid(person)} or enrolment_id in ${enrolmentIds(person)})`;
}

async function select(executor: Executor, query: SQL, leaveOut: readonly string[] = []): Promise<Record<string, unknown>[]> {
  const result = await executor.execute(query);
  return (result.rows as Record<string, unknown>[]).map((row) => {
    const copy = { ...row };
    for (const column of leaveOut) delete copy[column];
    return copy;
  });
}

/**
 * The person's own rows, then the rows of OTHER people in which the person only appears as the one
 * who acted (assessed, recorded, decided, …): of those only the ids, the link and its date, never
 * the other person's data.
 */
async function ownThenActed(executor: Executor, own: SQL, acted: SQL | null, leaveOut: readonly string[] = []): Promise<Record<string, unknown>[]> {
  const mine = await select(executor, own, leaveOut);
  if (!acted) return mine;
  const byThem = await select(executor, acted);
  return [...mine, ...byThem.map((row) => ({ ...row, role_of_person: "actor" }))];
}

async function run(tx: Transaction, query: SQL): Promise<number> {
  const result = await tx.execute(query);
  return result.rowCount ?? 0;
}

/**
 * A table in which the person only appears as the one who did something (`created_by`,
 * `recorded_by`, …): the export lists those rows' ids and columns, erasure sets the link to null.
 */
function unlinkEntry(table: string, columns: readonly string[], why: string, key = "id"): RegistryEntry {
  const matches = (person: DataSubject) => sql.join(columns.map((c) => sql`${sql.identifier(c)} = ${uid(person)}`), sql` or `);
  return {
    table,
    personalColumns: columns,
    erasure: "unlink",
    why,
    rows: (executor, person) =>
      select(
        executor,
        sql`select ${sql.identifier(key)}, ${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)} from ${sql.identifier(table)} where ${matches(person)}`,
      ),
    erase: async (tx, person) => {
      let changed = 0;
      for (const column of columns) {
        changed += await run(tx, sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = null where ${sql.identifier(column)} = ${uid(person)}`);
      }
      return changed;
    },
  };
}

// --- The registry -------------------------------------------------------------------------------

export const PERSONAL_DATA_REGISTRY: readonly RegistryEntry[] = [
  {
    table: "personal_data_access_log",
    personalColumns: ["actor_user_id", "subject_user_id", "subject_application_id"],
    erasure: "anonymise",
    why: "The log keeps that staff opened someone's data and when (the municipality's accountability), but no longer whose data, and not who the person was when they were the one looking.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select l.id, l.municipality_id, l.actor_user_id, actor.name as actor_name, l.actor_role, l.subject_user_id, l.subject_application_id,
                   l.resource, l.action, l.at
            from personal_data_access_log l left join users actor on actor.id = l.actor_user_id
            where l.subject_user_id = ${uid(person)} or l.subject_application_id in ${applicationIds(person)}
            order by l.at desc`,
        sql`select id, municipality_id, actor_user_id, actor_role, resource, action, at from personal_data_access_log
            where actor_user_id = ${uid(person)} and subject_user_id is distinct from ${uid(person)}
              and (subject_application_id is null or subject_application_id not in ${applicationIds(person)}) order by at desc`,
      ),
    erase: async (tx, person) =>
      (await run(
        tx,
        sql`update personal_data_access_log set subject_user_id = null, subject_application_id = null
            where subject_user_id = ${uid(person)} or subject_application_id in ${applicationIds(person)}`,
      )) + (await run(tx, sql`update personal_data_access_log set actor_user_id = null where actor_user_id = ${uid(person)}`)),
  },
  // Residents at work, evaluation: photos of a participant go before their consents and sign-ups.
  {
    table: "activity_photos",
    personalColumns: ["file_key", "caption", "uploaded_by"],
    erasure: "delete",
    why: "A photo that shows the person is deleted with its file (also when others are on it too): erasure works like withdrawing the photo consent. A photo the person only uploaded stays, without the link to them.",
    rows: async (executor, person) => {
      const photos = await ownThenActed(
        executor,
        sql`select * from activity_photos where id in (select photo_id from activity_photo_subjects where registration_id in ${registrationIds(person)}) order by created_at`,
        sql`select id, activity_id, uploaded_by, created_at from activity_photos where uploaded_by = ${uid(person)}
              and id not in (select photo_id from activity_photo_subjects where registration_id in ${registrationIds(person)})`,
      );
      for (const photo of photos) {
        const bytes = photo.role_of_person === undefined && typeof photo.file_key === "string" ? await readPrivateFile("activity-photos", photo.file_key) : null;
        if (bytes) photo.file_content_base64 = bytes.toString("base64");
      }
      return photos;
    },
    erase: async (tx, person) => {
      const deleted = await tx.execute(
        sql`delete from activity_photos where id in (select photo_id from activity_photo_subjects where registration_id in ${registrationIds(person)}) returning file_key`,
      );
      // Removed before the commit, as with the final reports: never a file without a row.
      for (const row of deleted.rows as { file_key: string }[]) await removePrivateFile("activity-photos", row.file_key);
      return (deleted.rowCount ?? 0) + (await run(tx, sql`update activity_photos set uploaded_by = null where uploaded_by = ${uid(person)}`));
    },
  },
  {
    table: "activity_photo_subjects",
    personalColumns: ["registration_id", "consent_id"],
    erasure: "delete",
    why: "That the person is on a photo (the photo itself is deleted in activity_photos).",
    rows: (executor, person) => select(executor, sql`select * from activity_photo_subjects where registration_id in ${registrationIds(person)}`),
    erase: (tx, person) => run(tx, sql`delete from activity_photo_subjects where registration_id in ${registrationIds(person)}`),
  },
  unlinkEntry("activity_evaluations", ["evaluated_by"], "The evaluation belongs to the activity and keeps counting; the person is removed as the one who wrote it.", "activity_id"),
  {
    table: "consent_records",
    personalColumns: "all",
    notExported: ["token_hash"],
    erasure: "delete",
    why: "Consents about the person go with the data they allowed. A consent the person gave as someone's guardian stays as that other person's evidence, without the guardian's name and address.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from consent_records where subject_user_id = ${uid(person)} or subject_application_id in ${applicationIds(person)}
              or subject_registration_id in ${registrationIds(person)} order by created_at`,
        // As someone's guardian: what they consented to and when, not the other person's data.
        sql`select id, purpose, legal_basis, given_by, giver_name, giver_email, text_version, evidence, status, created_at, answered_at, withdrawn_at
            from consent_records where lower(giver_email) in ${emails(person)}
              and subject_user_id is distinct from ${uid(person)} and (subject_application_id is null or subject_application_id not in ${applicationIds(person)})
              and (subject_registration_id is null or subject_registration_id not in ${registrationIds(person)})`,
        ["token_hash"],
      ),
    erase: async (tx, person) =>
      (await run(
        tx,
        sql`delete from consent_records where subject_user_id = ${uid(person)} or subject_application_id in ${applicationIds(person)} or subject_registration_id in ${registrationIds(person)}`,
      )) +
      (await run(tx, sql`update consent_records set giver_name = '', giver_email = '' where lower(giver_email) in ${emails(person)}`)),
  },
  {
    table: "erasure_requests",
    personalColumns: ["user_id", "reason", "handled_by", "handler_note"],
    erasure: "anonymise",
    why: "The request stays as proof that it was carried out (status and dates), without who asked or what they wrote.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from erasure_requests where user_id = ${uid(person)} order by created_at`,
        sql`select id, status, handled_by, handled_at from erasure_requests where handled_by = ${uid(person)} and user_id is distinct from ${uid(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`update erasure_requests set user_id = null, reason = '', handler_note = '' where user_id = ${uid(person)}`)) +
      (await run(tx, sql`update erasure_requests set handled_by = null where handled_by = ${uid(person)}`)),
  },
  {
    table: "certificates",
    personalColumns: ["user_id", "enrolment_id", "holder_name", "issued_by", "revoked_by", "revocation_reason", "achieved_competences", "credential"],
    erasure: "anonymise",
    why: "The certificate keeps existing for the statistics (certificates issued per cohort), without the holder's name, account or results. A Citytrainer certificate is also revoked and loses its signed credential (which names the holder and carries a hash of their address): whoever checks it sees that it was revoked, not whose it was.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from certificates where user_id = ${uid(person)} or enrolment_id in ${enrolmentIds(person)} order by issued_at`,
        sql`select id, kind, issued_by, issued_at, revoked_by, revoked_at from certificates
            where (issued_by = ${uid(person)} or revoked_by = ${uid(person)})
              and user_id is distinct from ${uid(person)} and (enrolment_id is null or enrolment_id not in ${enrolmentIds(person)})`,
      ),
    erase: async (tx, person) =>
      // Revoked, so the status list says so to anyone holding a copy of the credential; a reason
      // staff wrote earlier may name the person, so it is replaced as well.
      (await run(
        tx,
        sql`update certificates set revoked_at = coalesce(revoked_at, now()), revoked_by = null, revocation_reason = ${ERASURE_REVOCATION_REASON}
            where (kind = 'citytrainer' or revoked_at is not null) and (user_id = ${uid(person)} or enrolment_id in ${enrolmentIds(person)})`,
      )) +
      (await run(
        tx,
        // An empty list, not null, where there was one: readers of a Citytrainer certificate expect a list.
        sql`update certificates set holder_name = '', user_id = null, enrolment_id = null, credential = null,
                   achieved_competences = case when achieved_competences is null then null else '[]'::jsonb end
            where user_id = ${uid(person)} or enrolment_id in ${enrolmentIds(person)}`,
      )) +
      (await run(tx, sql`update certificates set issued_by = null where issued_by = ${uid(person)}`)) +
      (await run(tx, sql`update certificates set revoked_by = null where revoked_by = ${uid(person)}`)),
  },
  // The practice path (issue 8). A placement and everything on it (hours, coaching notes, the
  // practice activity, the final report and its file, the presentation) is the trainee's: erasing
  // the trainee removes all of it, also while the placement is live, so no page can show a
  // placement without its trainee. As supervisor, proposer, reviewer or author the person is only
  // linked to someone else's placement: the link goes, the other trainee's data stays.
  {
    table: "final_presentations",
    personalColumns: "all",
    erasure: "delete",
    why: "The trainee's final presentation at a ceremony goes with the placement; the ceremony stays. Presentations the person marked as given stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from final_presentations where placement_id in ${placementIds(person)} order by created_at`,
        sql`select id, ceremony_id, marked_by, given_at from final_presentations where marked_by = ${uid(person)} and placement_id not in ${placementIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from final_presentations where placement_id in ${placementIds(person)}`)) +
      (await run(tx, sql`update final_presentations set marked_by = null where marked_by = ${uid(person)}`)),
  },
  {
    table: "final_reports",
    personalColumns: "all",
    erasure: "delete",
    why: "The trainee's final report and its attached file are deleted (the file from the disk too).",
    rows: async (executor, person) => {
      const reports = await select(executor, sql`select * from final_reports where placement_id in ${placementIds(person)} order by created_at`);
      // The attached file is the person's data as much as the text: the export carries its bytes.
      for (const report of reports) {
        const bytes = typeof report.file_path === "string" ? await readPrivateFile("final-reports", report.file_path) : null;
        if (bytes) report.file_content_base64 = bytes.toString("base64");
      }
      return reports;
    },
    erase: async (tx, person) => {
      const deleted = await tx.execute(sql`delete from final_reports where placement_id in ${placementIds(person)} returning file_path`);
      // Removed before the transaction commits: should it still fail, the report row stays without
      // its file and the request stays open (carrying it out again finishes it). The other order
      // could leave a file on disk that no row points to, which nothing would ever find again.
      for (const row of deleted.rows as { file_path: string | null }[]) {
        if (row.file_path) await removePrivateFile("final-reports", row.file_path);
      }
      return deleted.rowCount ?? 0;
    },
  },
  {
    table: "practice_activities",
    personalColumns: "all",
    erasure: "delete",
    why: "The trainee's plan, the reviewer's comments and the evaluation are deleted. An activity that was never public goes with it; a published one stays in the calendar for the people who signed up, with the organisation instead of the trainee as organiser. Activities the person approved stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select p.*, a.title as activity_title, a.status as activity_status, a.starts_at as activity_starts_at
            from practice_activities p join activities a on a.id = p.activity_id
            where p.placement_id in ${placementIds(person)} order by p.created_at`,
        sql`select id, activity_id, approved_by, approved_at from practice_activities where approved_by = ${uid(person)} and placement_id not in ${placementIds(person)}`,
      ),
    erase: async (tx, person) => {
      const mine = sql`(select activity_id from practice_activities where placement_id in ${placementIds(person)})`;
      // Never public, so nobody signed up for it and no count needs it (cascades to its practice_activities row).
      const unpublished = await run(tx, sql`delete from activities where id in ${mine} and status in ('draft', 'in_review')`);
      const unlinked = await run(tx, sql`update activities set organiser_name = null, organiser_user_id = null where id in ${mine}`);
      return (
        unpublished +
        unlinked +
        (await run(tx, sql`delete from practice_activities where placement_id in ${placementIds(person)}`)) +
        (await run(tx, sql`update practice_activities set approved_by = null where approved_by = ${uid(person)}`))
      );
    },
  },
  {
    table: "coaching_notes",
    personalColumns: "all",
    erasure: "delete",
    why: "Coaching notes about the trainee go with the placement. Notes the person wrote about someone else's placement stay with that trainee, without the author.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from coaching_notes where placement_id in ${placementIds(person)} order by created_at`,
        sql`select id, placement_id, author_user_id, created_at from coaching_notes where author_user_id = ${uid(person)} and placement_id not in ${placementIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from coaching_notes where placement_id in ${placementIds(person)}`)) +
      (await run(tx, sql`update coaching_notes set author_user_id = null where author_user_id = ${uid(person)}`)),
  },
  {
    table: "practice_hours",
    personalColumns: "all",
    erasure: "delete",
    why: "The trainee's logged hours, with what they did and the supervisor's comments. Hours the person signed off or returned for someone else stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from practice_hours where trainee_user_id = ${uid(person)} or placement_id in ${placementIds(person)} order by starts_at`,
        sql`select id, placement_id, reviewed_by, reviewed_at, guard_confirmed_by, guard_confirmed_at from practice_hours
            where (reviewed_by = ${uid(person)} or guard_confirmed_by = ${uid(person)})
              and trainee_user_id is distinct from ${uid(person)} and placement_id not in ${placementIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from practice_hours where trainee_user_id = ${uid(person)} or placement_id in ${placementIds(person)}`)) +
      (await run(tx, sql`update practice_hours set reviewed_by = null where reviewed_by = ${uid(person)}`)) +
      (await run(tx, sql`update practice_hours set guard_confirmed_by = null where guard_confirmed_by = ${uid(person)}`)),
  },
  {
    table: "placements",
    personalColumns: "all",
    erasure: "delete",
    why: "The trainee's placements (the handover, what was shared with the supervisor, the answer, why it ended) are deleted, also a live one: the supervisor's list no longer shows it. Placements the person supervises, proposed or answered stay, without their name; a live one then waits for a new supervisor.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from placements where id in ${placementIds(person)} order by created_at`,
        sql`select id, status, supervisor_user_id, proposed_by, answered_by, created_at, answered_at from placements
            where (supervisor_user_id = ${uid(person)} or proposed_by = ${uid(person)} or answered_by = ${uid(person)}) and id not in ${placementIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from placements where id in ${placementIds(person)}`)) +
      (await run(tx, sql`update placements set supervisor_user_id = null where supervisor_user_id = ${uid(person)}`)) +
      (await run(tx, sql`update placements set proposed_by = null where proposed_by = ${uid(person)}`)) +
      (await run(tx, sql`update placements set answered_by = null where answered_by = ${uid(person)}`)),
  },
  unlinkEntry("ceremonies", ["created_by"], "The ceremony is the municipality's (date, place, programme); only the link to who planned it goes."),
  unlinkEntry("programme_settings", ["updated_by"], "The municipality's settings for the practice path stay; only the link to who changed them last goes.", "municipality_id"),
  {
    table: "assessments",
    personalColumns: ["enrolment_id", "narrative", "assessed_by"],
    erasure: "delete",
    why: "A trainee's assessments are about them only. As the course leader who assessed others, only the link to the person goes.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from assessments where enrolment_id in ${enrolmentIds(person)} order by assessed_at`,
        sql`select id, assessed_by, assessed_at from assessments where assessed_by = ${uid(person)} and enrolment_id not in ${enrolmentIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from assessments where enrolment_id in ${enrolmentIds(person)}`)) +
      (await run(tx, sql`update assessments set assessed_by = null where assessed_by = ${uid(person)}`)),
  },
  {
    table: "session_attendance",
    personalColumns: ["enrolment_id", "recorded_by"],
    erasure: "delete",
    why: "A trainee's attendance is about them only; the cohort keeps its sessions. As the one who recorded others' attendance, only the link goes.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from session_attendance where enrolment_id in ${enrolmentIds(person)} order by recorded_at`,
        sql`select session_id, enrolment_id, recorded_by, recorded_at from session_attendance where recorded_by = ${uid(person)} and enrolment_id not in ${enrolmentIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from session_attendance where enrolment_id in ${enrolmentIds(person)}`)) +
      (await run(tx, sql`update session_attendance set recorded_by = null where recorded_by = ${uid(person)}`)),
  },
  {
    table: "development_plan_changes",
    personalColumns: ["enrolment_id", "previous_value", "new_value", "changed_by"],
    erasure: "delete",
    why: "The history of the person's development plan goes with the plan. Changes they made to someone else's plan stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from development_plan_changes where enrolment_id in ${enrolmentIds(person)} order by changed_at`,
        sql`select id, changed_by, changed_at from development_plan_changes where changed_by = ${uid(person)} and enrolment_id not in ${enrolmentIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from development_plan_changes where enrolment_id in ${enrolmentIds(person)}`)) +
      (await run(tx, sql`update development_plan_changes set changed_by = null where changed_by = ${uid(person)}`)),
  },
  {
    table: "learning_goals",
    personalColumns: ["enrolment_id", "description"],
    erasure: "delete",
    why: "Learning goals are part of the person's development plan.",
    rows: (executor, person) => select(executor, sql`select * from learning_goals where enrolment_id in ${enrolmentIds(person)} order by position`),
    erase: (tx, person) => run(tx, sql`delete from learning_goals where enrolment_id in ${enrolmentIds(person)}`),
  },
  {
    table: "development_plans",
    personalColumns: ["enrolment_id", "own_talent", "own_story", "challenges", "observations", "updated_by"],
    erasure: "delete",
    why: "The development plan is about the person only. Plans of others they edited stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from development_plans where enrolment_id in ${enrolmentIds(person)}`,
        sql`select enrolment_id, updated_by, updated_at from development_plans where updated_by = ${uid(person)} and enrolment_id not in ${enrolmentIds(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from development_plans where enrolment_id in ${enrolmentIds(person)}`)) +
      (await run(tx, sql`update development_plans set updated_by = null where updated_by = ${uid(person)}`)),
  },
  {
    table: "enrolments",
    personalColumns: ["user_id", "application_id"],
    erasure: "delete",
    why: "The person's place in a cohort. The cohort's own count of admitted trainees stays as it is.",
    rows: (executor, person) => select(executor, sql`select * from enrolments where id in ${enrolmentIds(person)} order by created_at`),
    erase: (tx, person) => run(tx, sql`delete from enrolments where id in ${enrolmentIds(person)}`),
  },
  {
    table: "applications",
    personalColumns: "all",
    notExported: ["confirm_token_hash"],
    erasure: "delete",
    why: "An application is the person's own data (with intake notes). Where the person was named as someone else's guardian, their name and address are emptied; decisions they took as course leader lose their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from applications where id in ${applicationIds(person)} order by created_at`,
        // Named as someone's guardian, or deciding as course leader: only that, not the applicant's data.
        sql`select id, guardian_name, guardian_email, decided_by, decided_at, created_at from applications
            where (lower(guardian_email) in ${emails(person)} or decided_by = ${uid(person)}) and id not in ${applicationIds(person)} order by created_at`,
        ["confirm_token_hash"],
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from applications where id in ${applicationIds(person)}`)) +
      (await run(tx, sql`update applications set guardian_name = '', guardian_email = '' where lower(guardian_email) in ${emails(person)}`)) +
      (await run(tx, sql`update applications set decided_by = null where decided_by = ${uid(person)}`)),
  },
  {
    table: "cohort_course_leaders",
    personalColumns: ["user_id"],
    erasure: "delete",
    why: "That the person teaches a cohort.",
    rows: (executor, person) => select(executor, sql`select * from cohort_course_leaders where user_id = ${uid(person)}`),
    erase: (tx, person) => run(tx, sql`delete from cohort_course_leaders where user_id = ${uid(person)}`),
  },
  {
    table: "calendar_feeds",
    personalColumns: "all",
    notExported: ["token_hash"],
    erasure: "delete",
    why: "The person's own calendar link.",
    rows: (executor, person) => select(executor, sql`select * from calendar_feeds where user_id = ${uid(person)}`, ["token_hash"]),
    erase: (tx, person) => run(tx, sql`delete from calendar_feeds where user_id = ${uid(person)}`),
  },
  {
    table: "registrations",
    personalColumns: ["name", "email", "user_id", "cancel_token_hash"],
    notExported: ["cancel_token_hash"],
    erasure: "anonymise",
    why: "Sign-ups keep counting for the activity (places, attendance, age groups), as after the retention period: name, address and account link are removed.",
    rows: (executor, person) =>
      select(executor, sql`select * from registrations where user_id = ${uid(person)} or lower(email) in ${emails(person)} order by created_at`, ["cancel_token_hash"]),
    erase: (tx, person) =>
      run(
        tx,
        // A new random token hash: the cancel link in the person's old mail stops working.
        sql`update registrations set name = '', email = null, user_id = null, anonymised_at = coalesce(anonymised_at, now()),
                   cancel_token_hash = 'erased:' || gen_random_uuid()
            where user_id = ${uid(person)} or lower(email) in ${emails(person)}`,
      ),
  },
  // Residents organise (issue 9): announcements, co-organisers, trust marks and the plans themselves,
  // before `activities`, whose organiser links the plan's erasure decides about first.
  {
    table: "activity_messages",
    personalColumns: ["sent_by", "subject", "body"],
    erasure: "delete",
    why: "The person's announcements to participants are their own words and are deleted; the mails that went out follow the outbox's retention.",
    rows: (executor, person) => select(executor, sql`select * from activity_messages where sent_by = ${uid(person)} order by created_at`),
    erase: async (tx, person) => run(tx, sql`delete from activity_messages where sent_by = ${uid(person)}`),
  },
  {
    table: "activity_co_organisers",
    personalColumns: ["user_id", "added_by"],
    erasure: "delete",
    why: "The person stops being a co-organiser of any activity. Where they added someone else, that person stays, without the link to who added them.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from activity_co_organisers where user_id = ${uid(person)} order by created_at`,
        sql`select activity_id, user_id, added_by from activity_co_organisers where added_by = ${uid(person)} and user_id <> ${uid(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from activity_co_organisers where user_id = ${uid(person)}`)) +
      (await run(tx, sql`update activity_co_organisers set added_by = null where added_by = ${uid(person)}`)),
  },
  {
    table: "organiser_trust",
    personalColumns: ["user_id", "set_by"],
    erasure: "delete",
    why: "A project leader's trust mark for the person is deleted. Marks the person set for others stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from organiser_trust where user_id = ${uid(person)}`,
        sql`select municipality_id, user_id, trust, set_by from organiser_trust where set_by = ${uid(person)} and user_id <> ${uid(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from organiser_trust where user_id = ${uid(person)}`)) + (await run(tx, sql`update organiser_trust set set_by = null where set_by = ${uid(person)}`)),
  },
  {
    table: "organised_activities",
    personalColumns: "all",
    erasure: "delete",
    why: "The person's own plans are deleted; one that was never public goes with its activity, a published one stays in the calendar for the people who signed up, without the person as organiser. A team's plan stays with the team, without the link to the member who made it. Plans the person reviewed stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select o.*, a.title as activity_title, a.status as activity_status, a.starts_at as activity_starts_at
            from organised_activities o join activities a on a.id = o.activity_id where o.organiser_user_id = ${uid(person)} order by o.created_at`,
        sql`select id, activity_id, reviewed_by, reviewed_at from organised_activities where reviewed_by = ${uid(person)} and organiser_user_id is distinct from ${uid(person)}`,
      ),
    erase: async (tx, person) => {
      const own = sql`(select activity_id from organised_activities where organiser_user_id = ${uid(person)} and team_id is null)`;
      // Never public, so nobody signed up for it (cascades to its plan, co-organisers and messages).
      const unpublished = await run(tx, sql`delete from activities where id in ${own} and status in ('draft', 'in_review')`);
      const unlinked = await run(tx, sql`update activities set organiser_name = null, organiser_user_id = null where id in ${own}`);
      // A team's activity keeps the team's name in the calendar; only the member's link goes.
      const team = await run(
        tx,
        sql`update activities set organiser_user_id = null where organiser_user_id = ${uid(person)} and id in (select activity_id from organised_activities where team_id is not null)`,
      );
      return (
        unpublished +
        unlinked +
        team +
        (await run(tx, sql`delete from organised_activities where organiser_user_id = ${uid(person)} and team_id is null`)) +
        (await run(tx, sql`update organised_activities set organiser_user_id = null where organiser_user_id = ${uid(person)}`)) +
        (await run(tx, sql`update organised_activities set reviewed_by = null where reviewed_by = ${uid(person)}`))
      );
    },
  },
  {
    // Recruitment (ADR 032): that a sign-up came through someone's invite link, and whether it was
    // the person's first on the platform — a fact about the person who signed up.
    table: "registration_referrals",
    personalColumns: [],
    erasure: "anonymise",
    why: "Kept with the anonymised sign-up, so the recruiter's and the neighbourhood's counts stay: once the sign-up has no name, address or account, the row says of nobody that they came through a link.",
    rows: (executor, person) =>
      select(
        executor,
        sql`select rr.* from registration_referrals rr join registrations r on r.id = rr.registration_id
            where r.user_id = ${uid(person)} or lower(r.email) in ${emails(person)} order by rr.created_at`,
      ),
    erase: async () => 0,
  },
  {
    // The recruiter's own invite links: the public code on their flyers, and when it was made or replaced.
    table: "invite_links",
    personalColumns: ["owner_user_id"],
    erasure: "delete",
    why: "The person's own links stop working and are removed, with what was counted through them; the sign-ups themselves keep counting for their activities. (A link must have an owner, so it cannot be kept without one.)",
    rows: (executor, person) => select(executor, sql`select * from invite_links where owner_user_id = ${uid(person)} order by created_at`),
    erase: (tx, person) => run(tx, sql`delete from invite_links where owner_user_id = ${uid(person)}`),
  },
  {
    table: "activities",
    personalColumns: ["organiser_name", "organiser_user_id", "created_by", "reviewed_by"],
    erasure: "unlink",
    why: "The activity belongs to the municipality and stays. The person is removed as its organiser (the calendar then shows the organisation), maker and reviewer.",
    rows: (executor, person) =>
      select(
        executor,
        sql`select id, municipality_id, title, starts_at, organiser_name, organiser_user_id, created_by, reviewed_by from activities
            where organiser_user_id = ${uid(person)} or created_by = ${uid(person)} or reviewed_by = ${uid(person)} order by starts_at`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`update activities set organiser_name = null, organiser_user_id = null where organiser_user_id = ${uid(person)}`)) +
      (await run(tx, sql`update activities set created_by = null where created_by = ${uid(person)}`)) +
      (await run(tx, sql`update activities set reviewed_by = null where reviewed_by = ${uid(person)}`)),
  },
  unlinkEntry("tracks", ["created_by"], "The track is the network's or the municipality's; only the link to its maker goes."),
  // A published version is frozen (migration 0007); migration 0008 lets exactly these links be emptied.
  unlinkEntry("track_versions", ["created_by", "published_by"], "The version stays as published; only the links to who made and published it go."),
  unlinkEntry("module_materials", ["uploaded_by"], "The material stays with its module; only the link to who uploaded it goes."),
  unlinkEntry("cohorts", ["created_by"], "The cohort stays; only the link to who opened it goes."),
  unlinkEntry("neighbourhood_deletions", ["deleted_by"], "The undo record stays; only the link to who deleted the neighbourhood goes."),
  {
    table: "invitations",
    personalColumns: ["email", "invited_by", "accepted_by", "token_hash"],
    notExported: ["token_hash"],
    erasure: "delete",
    why: "Invitations sent to the person's address. Invitations they sent to others stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from invitations where lower(email) in ${emails(person)} or accepted_by = ${uid(person)} order by created_at`,
        sql`select id, role, invited_by, created_at from invitations
            where invited_by = ${uid(person)} and lower(email) not in ${emails(person)} and accepted_by is distinct from ${uid(person)}`,
        ["token_hash"],
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from invitations where lower(email) in ${emails(person)} or accepted_by = ${uid(person)}`)) +
      (await run(tx, sql`update invitations set invited_by = null where invited_by = ${uid(person)}`)),
  },
  {
    table: "membership_removals",
    personalColumns: ["user_id", "removed_by"],
    erasure: "delete",
    why: "Roles taken from the person (kept for undo). Removals the person did stay, without their name.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from membership_removals where user_id = ${uid(person)} order by removed_at`,
        sql`select id, role, removed_by, removed_at from membership_removals where removed_by = ${uid(person)} and user_id <> ${uid(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from membership_removals where user_id = ${uid(person)}`)) +
      (await run(tx, sql`update membership_removals set removed_by = null where removed_by = ${uid(person)}`)),
  },
  {
    table: "memberships",
    personalColumns: ["user_id"],
    erasure: "delete",
    why: "The person's roles.",
    rows: (executor, person) => select(executor, sql`select * from memberships where user_id = ${uid(person)} order by created_at`),
    erase: (tx, person) => run(tx, sql`delete from memberships where user_id = ${uid(person)}`),
  },
  {
    table: "outbox_emails",
    personalColumns: ["to_address", "subject", "text_body", "html_body", "attachments", "secret_links", "last_error"],
    notExported: ["secret_links"],
    erasure: "delete",
    why: "Mail to the person, and to the guardians named in their applications, is deleted. Mail to others that names the person keeps only that it was sent.",
    rows: (executor, person) =>
      select(
        executor,
        sql`select * from outbox_emails where lower(to_address) in ${emails(person)} or lower(to_address) in ${setOf(person.guardianEmails)} order by created_at`,
        ["secret_links"],
      ),
    erase: async (tx, person) => {
      const deleted = await run(
        tx,
        sql`delete from outbox_emails where lower(to_address) in ${emails(person)} or lower(to_address) in ${setOf(person.guardianEmails)}`,
      );
      // Another person's mail that names this person (a course leader told of a new application):
      // emptied the way retention empties old mail, and its subject too.
      const mentions = [...person.emails, ...person.names.filter((name) => name.trim().includes(" ") && name.trim().length >= 5)].map((s) => s.toLowerCase());
      const emptied = await run(
        tx,
        sql`update outbox_emails set subject = '', text_body = '', html_body = null, attachments = null, secret_links = '{}',
                   last_error = null, body_removed_at = coalesce(body_removed_at, now())
            where exists (select 1 from ${setOf(mentions)} as m(needle)
                          where position(m.needle in lower(subject || ' ' || text_body || ' ' || coalesce(html_body, '') || ' ' || coalesce(attachments, ''))) > 0)`,
      );
      return deleted + emptied;
    },
  },
  {
    table: "rate_limit_counters",
    personalColumns: ["key"],
    erasure: "delete",
    why: "Counters of mails and sign-ups keyed by the person's address (kept 48 hours anyway).",
    rows: (executor, person) =>
      select(executor, sql`select * from rate_limit_counters where exists (select 1 from ${emails(person)} as e(address) where right(lower(key), length(e.address) + 1) = ':' || e.address)`),
    erase: (tx, person) =>
      run(tx, sql`delete from rate_limit_counters where exists (select 1 from ${emails(person)} as e(address) where right(lower(key), length(e.address) + 1) = ':' || e.address)`),
  },
  {
    table: "sign_in_throttles",
    personalColumns: ["key"],
    erasure: "delete",
    why: "Failed sign-ins and known client addresses of the person's account (kept 24 hours to 90 days anyway).",
    rows: (executor, person) => select(executor, sql`select * from sign_in_throttles where ${throttleMatch(person)}`),
    erase: (tx, person) => run(tx, sql`delete from sign_in_throttles where ${throttleMatch(person)}`),
  },
  {
    table: "verifications",
    personalColumns: ["identifier", "value"],
    notExported: ["identifier", "value"],
    erasure: "delete",
    why: "Open confirmation, password-reset and sign-in-link tokens for the person (they expire within hours anyway).",
    rows: (executor, person) => select(executor, sql`select * from verifications where ${verificationMatch(person)}`, ["identifier", "value"]),
    erase: (tx, person) => run(tx, sql`delete from verifications where ${verificationMatch(person)}`),
  },
  {
    table: "sessions",
    personalColumns: "all",
    notExported: ["token"],
    erasure: "delete",
    why: "The person's sign-in sessions, with client address and browser.",
    rows: (executor, person) => select(executor, sql`select * from sessions where user_id = ${uid(person)} order by created_at`, ["token"]),
    erase: (tx, person) => run(tx, sql`delete from sessions where user_id = ${uid(person)}`),
  },
  {
    table: "accounts",
    personalColumns: "all",
    notExported: ["password", "access_token", "refresh_token", "id_token"],
    erasure: "delete",
    why: "How the person signs in (the password is stored as a hash and never exported).",
    rows: (executor, person) =>
      select(executor, sql`select * from accounts where user_id = ${uid(person)}`, ["password", "access_token", "refresh_token", "id_token"]),
    erase: (tx, person) => run(tx, sql`delete from accounts where user_id = ${uid(person)}`),
  },
  {
    table: "two_factors",
    personalColumns: "all",
    notExported: ["secret", "backup_codes"],
    erasure: "delete",
    why: "The person's two-step verification (its secret and backup codes are never exported).",
    rows: (executor, person) => select(executor, sql`select * from two_factors where user_id = ${uid(person)}`, ["secret", "backup_codes"]),
    erase: (tx, person) => run(tx, sql`delete from two_factors where user_id = ${uid(person)}`),
  },
  {
    table: "totp_accepted_steps",
    personalColumns: "all",
    erasure: "delete",
    why: "When the person's last authenticator code was accepted.",
    rows: (executor, person) => select(executor, sql`select * from totp_accepted_steps where user_id = ${uid(person)}`),
    erase: (tx, person) => run(tx, sql`delete from totp_accepted_steps where user_id = ${uid(person)}`),
  },
  // Resident teams (issue 9). A person's answers to action points and their invitations go; the
  // points they proposed and the teams they started or confirmed are the team's work and stay,
  // without their name. A team proposal that was never confirmed only served the proposer: it goes.
  {
    table: "action_point_votes",
    personalColumns: ["user_id", "comment"],
    erasure: "delete",
    why: "The person's answers to the team's action points (agree or object, with a comment). The team's decision itself stays on the action point.",
    rows: (executor, person) => select(executor, sql`select * from action_point_votes where user_id = ${uid(person)} order by created_at`),
    erase: (tx, person) => run(tx, sql`delete from action_point_votes where user_id = ${uid(person)}`),
  },
  unlinkEntry("action_points", ["proposed_by"], "Action points are the team's plans and stay with the team, without who proposed them."),
  {
    table: "team_invitations",
    personalColumns: ["email", "token_hash", "invited_by", "accepted_by"],
    notExported: ["token_hash"],
    erasure: "delete",
    why: "Invitations to the person's addresses go, and so do open invitations the person sent. Accepted invitations the person sent stay as the team's history, without the sender.",
    rows: (executor, person) =>
      select(
        executor,
        sql`select * from team_invitations where lower(email) in ${emails(person)} or accepted_by = ${uid(person)} or invited_by = ${uid(person)} order by created_at`,
        ["token_hash"],
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from team_invitations where lower(email) in ${emails(person)} or accepted_by = ${uid(person)} or (invited_by = ${uid(person)} and accepted_at is null)`)) +
      (await run(tx, sql`update team_invitations set invited_by = null where invited_by = ${uid(person)}`)),
  },
  {
    table: "team_members",
    personalColumns: ["user_id"],
    erasure: "delete",
    why: "The person's membership of teams (and whether they were a key figure).",
    rows: (executor, person) => select(executor, sql`select * from team_members where user_id = ${uid(person)} order by created_at`),
    erase: (tx, person) => run(tx, sql`delete from team_members where user_id = ${uid(person)}`),
  },
  {
    table: "teams",
    personalColumns: ["proposed_by", "confirmed_by", "decline_reason"],
    erasure: "anonymise",
    why: "A team the person proposed that was never confirmed goes, with the reason it was declined. Active teams stay, without who proposed or confirmed them.",
    rows: (executor, person) =>
      ownThenActed(
        executor,
        sql`select * from teams where proposed_by = ${uid(person)} order by created_at`,
        sql`select id, confirmed_by, confirmed_at from teams where confirmed_by = ${uid(person)} and proposed_by is distinct from ${uid(person)}`,
      ),
    erase: async (tx, person) =>
      (await run(tx, sql`delete from teams where proposed_by = ${uid(person)} and status in ('proposed', 'declined')`)) +
      (await run(tx, sql`update teams set proposed_by = null where proposed_by = ${uid(person)}`)) +
      (await run(tx, sql`update teams set confirmed_by = null where confirmed_by = ${uid(person)}`)),
  },
  // Budgets (docs/decisions/030-budgets.md): the municipality's administration keeps every request's
  // amounts, status, dates, pot and activity; the person's name and words go.
  {
    table: "budget_receipts",
    personalColumns: "all",
    erasure: "delete",
    why: "Receipts of the person's budget requests are deleted, files from the disk too (a receipt can show a name or a card number); the amounts spent stay with the request. Receipts the person uploaded to someone else's request stay, without their name.",
    rows: async (executor, person) => {
      const receipts = await select(
        executor,
        sql`select * from budget_receipts where uploaded_by = ${uid(person)} or request_id in (select id from budget_requests where requested_by = ${uid(person)}) order by created_at`,
      );
      for (const receipt of receipts) {
        const bytes = typeof receipt.file_key === "string" ? await readPrivateFile("receipts", receipt.file_key) : null;
        if (bytes) receipt.file_content_base64 = bytes.toString("base64");
      }
      return receipts;
    },
    erase: async (tx, person) => {
      const deleted = await tx.execute(sql`delete from budget_receipts where request_id in (select id from budget_requests where requested_by = ${uid(person)}) returning file_key`);
      for (const row of deleted.rows as { file_key: string }[]) await removePrivateFile("receipts", row.file_key);
      return (deleted.rowCount ?? 0) + (await run(tx, sql`update budget_receipts set uploaded_by = null where uploaded_by = ${uid(person)}`));
    },
  },
  {
    table: "budget_request_lines",
    personalColumns: ["description"],
    erasure: "anonymise",
    why: "The line items of the person's requests keep their amounts for the administration; their descriptions (the person's words) are emptied.",
    rows: (executor, person) =>
      select(executor, sql`select * from budget_request_lines where request_id in (select id from budget_requests where requested_by = ${uid(person)}) order by request_id, position`),
    erase: (tx, person) => run(tx, sql`update budget_request_lines set description = '—' where request_id in (select id from budget_requests where requested_by = ${uid(person)})`),
  },
  {
    table: "budget_requests",
    personalColumns: ["requested_by", "idempotency_key", "purpose", "decline_reason", "settlement_note", "settlement_return_comment", "decided_by", "settled_by"],
    erasure: "anonymise",
    why: "A budget request is the municipality's spending: its amounts, status, dates, pot and activity stay for the administration; the link to the person, the purpose and the notes about it go. Requests the person decided stay, without their name.",
    rows: (executor, person) =>
      select(executor, sql`select * from budget_requests where requested_by = ${uid(person)} or decided_by = ${uid(person)} or settled_by = ${uid(person)} order by created_at`),
    erase: async (tx, person) =>
      (await run(
        tx,
        sql`update budget_requests set purpose = '—', settlement_note = null, settlement_return_comment = null,
              decline_reason = case when status = 'declined' then '—' else null end,
              idempotency_key = 'erased-' || id::text, requested_by = null
            where requested_by = ${uid(person)}`,
      )) +
      (await run(tx, sql`update budget_requests set decided_by = null where decided_by = ${uid(person)}`)) +
      (await run(tx, sql`update budget_requests set settled_by = null where settled_by = ${uid(person)}`)),
  },
  {
    table: "budget_pots",
    personalColumns: ["created_by"],
    erasure: "unlink",
    why: "A pot the person set up stays (it is the municipality's money), without their name.",
    rows: (executor, person) => select(executor, sql`select id, name, year, created_by, created_at from budget_pots where created_by = ${uid(person)}`),
    erase: (tx, person) => run(tx, sql`update budget_pots set created_by = null where created_by = ${uid(person)}`),
  },
  {
    table: "budget_ledger",
    personalColumns: ["created_by"],
    erasure: "unlink",
    why: "Bookings on a pot stay (the pot's figures are their sums), without the name of who booked them.",
    rows: (executor, person) => select(executor, sql`select id, pot_id, request_id, kind, amount_cents, created_by, created_at from budget_ledger where created_by = ${uid(person)} order by id`),
    erase: (tx, person) => run(tx, sql`update budget_ledger set created_by = null where created_by = ${uid(person)}`),
  },
  {
    table: "users",
    personalColumns: "all",
    erasure: "delete",
    why: "The account itself: name, address, language.",
    rows: (executor, person) => select(executor, sql`select * from users where id = ${uid(person)}`),
    erase: (tx, person) => run(tx, sql`delete from users where id = ${uid(person)}`),
  },
];

/** Throttle keys: `<step>:account:<email>`, `<step>:pair:<email>|<client>`, `<step>:known:<email>|<client>`. */
function throttleMatch(person: DataSubject): SQL {
  return sql`exists (select 1 from ${emails(person)} as e(address)
                     where right(lower(key), length(e.address) + 1) = ':' || e.address or position(':' || e.address || '|' in lower(key)) > 0)`;
}

/** better-auth's tokens: the value is the account id (password reset) or JSON with the address (sign-in link, confirmation). */
function verificationMatch(person: DataSubject): SQL {
  return sql`value = ${uid(person)} or exists (select 1 from ${emails(person)} as e(address)
                     where lower(identifier) = e.address or position('"' || e.address || '"' in lower(value)) > 0
                        or lower(value) = e.address or position(':' || e.address in lower(identifier)) > 0)`;
}

export function registryEntry(table: string): RegistryEntry | undefined {
  return PERSONAL_DATA_REGISTRY.find((entry) => entry.table === table);
}

/** Who the person is in the data: their account, the addresses and names they used, their guardians' addresses. */
export async function resolveDataSubject(executor: Executor, userId: string): Promise<DataSubject | null> {
  const result = await executor.execute(sql`
    select u.email, u.name,
      coalesce((select jsonb_agg(distinct lower(a.email)) from applications a where a.user_id = u.id), '[]'::jsonb) as application_emails,
      coalesce((select jsonb_agg(distinct a.name) from applications a where a.user_id = u.id), '[]'::jsonb) as application_names,
      coalesce((select jsonb_agg(distinct lower(r.email)) from registrations r where r.user_id = u.id and r.email is not null), '[]'::jsonb) as registration_emails
    from users u where u.id = ${userId}`);
  const row = result.rows[0] as
    | { email: string; name: string; application_emails: string[]; application_names: string[]; registration_emails: string[] }
    | undefined;
  if (!row) return null;
  const addresses = [...new Set([row.email.toLowerCase(), ...row.application_emails, ...row.registration_emails])];
  const guardians = await executor.execute(sql`
    select distinct lower(guardian_email) as address from applications
    where guardian_email is not null and guardian_email <> '' and (user_id = ${userId} or lower(email) in ${setOf(addresses)})`);
  return {
    userId,
    emails: addresses,
    names: [...new Set([row.name, ...row.application_names])],
    guardianEmails: (guardians.rows as { address: string }[]).map((g) => g.address).filter((a) => !addresses.includes(a)),
  };
}

export interface PersonalDataExport {
  format: "buurtkracht-personal-data/1";
  exportedAt: string;
  person: { userId: string | null; emails: readonly string[] };
  tables: { table: string; erasure: ErasureStrategy; why: string; rows: Record<string, unknown>[] }[];
}

/** Every registered table's rows of the person. */
export async function exportPersonalData(executor: Executor, person: DataSubject): Promise<PersonalDataExport> {
  const tables: PersonalDataExport["tables"] = [];
  for (const entry of PERSONAL_DATA_REGISTRY) {
    tables.push({ table: entry.table, erasure: entry.erasure, why: entry.why, rows: await entry.rows(executor, person) });
  }
  return { format: "buurtkracht-personal-data/1", exportedAt: new Date().toISOString(), person: { userId: person.userId, emails: person.emails }, tables };
}

/** Erases the person through every registered table, in order, inside the caller's transaction. */
export async function erasePersonalData(tx: Transaction, person: DataSubject): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const entry of PERSONAL_DATA_REGISTRY) changed[entry.table] = await entry.erase(tx, person);
  return changed;
}
