/**
 * Retention jobs of the privacy core.
 *
 * The erasure confirmation is the one message that still carries an erased person's address. It
 * is deleted as soon as it was sent; a message that is held (no SMTP server: the demo's mail
 * viewer) or keeps failing is deleted after ERASURE_CONFIRMATION_DAYS (docs/retention.md).
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "~/lib/db/client.server";
import { defineJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";
import { removePrivateFile } from "~/lib/storage.server";
import { ERASURE_DONE_KIND } from "./emails.server";

export const ERASURE_CONFIRMATION_DAYS = 7;

export async function forgetErasureConfirmations(days = ERASURE_CONFIRMATION_DAYS): Promise<number> {
  const result = await db().execute(sql`
    delete from outbox_emails where kind = ${ERASURE_DONE_KIND}
      and (status = 'sent' or created_at < now() - make_interval(days => ${days}))`);
  return result.rowCount ?? 0;
}

export const erasureConfirmationRetentionJob = defineJob({
  name: "retention-erasure-confirmations",
  schema: z.object({}),
  cron: "*/15 * * * *",
  handle: async () => {
    await forgetErasureConfirmations();
  },
});

/**
 * Retention of the practice path (docs/retention.md). A placement serves the trainee while it runs
 * and for a while after: what the supervisor wrote and what the course leader shared about a
 * (mostly young) trainee goes first, the trainee's own work later; the Citytrainer certificate
 * stays until the person asks for erasure.
 */
export const PRACTICE_RETENTION_DAYS = {
  /** A proposal that was declined or withdrawn: nothing happened, only what was shared is left. */
  stoppedProposal: 90,
  /** Coaching notes, and the observations and note shared at the handover, after a placement ended. */
  coaching: 90,
  /** A completed or ended placement with its hours, practice activity, final report (and file) and presentation. */
  placement: 730,
} as const;

const PLACEMENT_BATCH = 200;

/**
 * Deletes placements with everything on them, in the caller's transaction: an activity that was
 * never public goes too, a public one stays in the calendar's history without the trainee as
 * organiser, and the final report's file is removed from the disk (before the commit, for the
 * reason given in registry.server.ts).
 */
async function deletePlacements(tx: Transaction, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const idList = sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
  const activityIds = sql`(select activity_id from practice_activities where placement_id in ${idList})`;
  await tx.execute(sql`delete from activities where id in ${activityIds} and status in ('draft', 'in_review')`);
  await tx.execute(sql`update activities set organiser_name = null, organiser_user_id = null where id in ${activityIds}`);
  const reports = await tx.execute(sql`delete from final_reports where placement_id in ${idList} returning file_path`);
  for (const row of reports.rows as { file_path: string | null }[]) {
    if (row.file_path) await removePrivateFile("final-reports", row.file_path);
  }
  const deleted = await tx.execute(sql`delete from placements where id in ${idList}`);
  return deleted.rowCount ?? 0;
}

/** Placements matching `where`, a batch at a time, each batch in its own transaction. */
async function deletePlacementsWhere(where: SQL): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db().transaction(async (tx) => {
      // Skip rows another transaction holds (a supervisor answering right now): the next run takes them.
      const batch = await tx.execute(sql`select id from placements where ${where} order by ended_at limit ${PLACEMENT_BATCH} for update skip locked`);
      return deletePlacements(
        tx,
        (batch.rows as { id: string }[]).map((r) => r.id),
      );
    });
    total += deleted;
    if (deleted < PLACEMENT_BATCH) return total;
  }
}

export interface PracticeRetentionResult {
  stoppedProposals: number;
  coachingNotes: number;
  sharedTexts: number;
  placements: number;
}

export async function forgetPastPractice(days: { stoppedProposal: number; coaching: number; placement: number } = PRACTICE_RETENTION_DAYS): Promise<PracticeRetentionResult> {
  const stoppedProposals = await deletePlacementsWhere(
    sql`status in ('declined', 'withdrawn') and ended_at < now() - make_interval(days => ${days.stoppedProposal})`,
  );
  const placements = await deletePlacementsWhere(sql`status in ('completed', 'ended') and ended_at < now() - make_interval(days => ${days.placement})`);
  const ended = sql`(select id from placements where status in ('completed', 'ended') and ended_at < now() - make_interval(days => ${days.coaching}))`;
  const { coachingNotes, sharedTexts } = await db().transaction(async (tx) => {
    const notes = await tx.execute(sql`delete from coaching_notes where placement_id in ${ended}`);
    const texts = await tx.execute(
      sql`update placements set shared_observations = '', proposal_note = '' where id in ${ended} and (shared_observations <> '' or proposal_note <> '')`,
    );
    return { coachingNotes: notes.rowCount ?? 0, sharedTexts: texts.rowCount ?? 0 };
  });
  const result = { stoppedProposals, coachingNotes, sharedTexts, placements };
  if (stoppedProposals + coachingNotes + sharedTexts + placements > 0) logger.info(result, "practice data past its retention removed");
  return result;
}

export const practiceRetentionJob = defineJob({
  name: "retention-practice",
  schema: z.object({}),
  cron: "55 3 * * *",
  handle: async () => {
    await forgetPastPractice();
  },
});
