/**
 * The practice alert mails, every quarter of an hour: each alert is mailed once. A proposal not
 * answered in time is marked answer_overdue_mailed_at; a quiet placement is marked with the quiet
 * spell it was mailed for (quiet_mailed_for: its last hours moment then), so new hours followed
 * by another quiet spell make a new mail. The placements are locked with FOR UPDATE SKIP LOCKED
 * and marked in the same transaction as the mails: two instances running the job at the same
 * moment never both send (the second skips the locked rows; after the first commits they no
 * longer match). A proposal still waiting for consent is shown, not mailed: the project leader
 * cannot speed up a guardian, and the trainee was asked already.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "~/lib/db/client.server";
import { defineJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";
import { DEFAULT_ALERT_SETTINGS, LAST_HOURS_MOMENT } from "./alerts.server";
import { queueAnswerOverdueMail, queuePlacementQuietMail, type AlertMailPlacement, type AlertRecipient } from "./alerts-emails.server";

const DAY = 86_400_000;
const BATCH = 20;

interface DueRow {
  placement_id: string;
  municipality_id: string;
  municipality_slug: string;
  municipality_name: string;
  partner_organisation_id: string;
  supervisor_user_id: string | null;
  trainee_name: string;
  partner_name: string;
  since: Date | string;
}

const DUE_COLUMNS = sql`p.id as placement_id, p.municipality_id, m.slug as municipality_slug, m.name as municipality_name,
  p.partner_organisation_id, p.supervisor_user_id, u.name as trainee_name, po.name as partner_name`;
const DUE_FROM = sql`placements p
  join municipalities m on m.id = p.municipality_id
  join users u on u.id = p.trainee_user_id
  join partner_organisations po on po.id = p.partner_organisation_id
  left join programme_settings s on s.municipality_id = p.municipality_id`;

async function projectLeaders(tx: Transaction, municipalityId: string): Promise<AlertRecipient[]> {
  const result = await tx.execute<AlertRecipient & Record<string, unknown>>(sql`
    select distinct u.name, u.email, u.locale from memberships ms join users u on u.id = ms.user_id
     where ms.role = 'project_leader' and ms.municipality_id = ${municipalityId} order by u.email`);
  return result.rows;
}

/** The placement's supervisor, while they still supervise at the placement's partner. */
async function supervisor(tx: Transaction, row: DueRow): Promise<AlertRecipient[]> {
  if (!row.supervisor_user_id) return [];
  const result = await tx.execute<AlertRecipient & Record<string, unknown>>(sql`
    select u.name, u.email, u.locale from users u
     where u.id = ${row.supervisor_user_id} and exists (
       select 1 from memberships ms where ms.user_id = u.id and ms.role = 'practice_supervisor'
          and ms.municipality_id = ${row.municipality_id} and ms.partner_organisation_id = ${row.partner_organisation_id})`);
  return result.rows;
}

function mailPlacement(row: DueRow, now: Date): AlertMailPlacement {
  const since = new Date(row.since);
  return {
    municipalityId: row.municipality_id,
    municipalitySlug: row.municipality_slug,
    municipalityName: row.municipality_name,
    placementId: row.placement_id,
    traineeName: row.trainee_name,
    partnerName: row.partner_name,
    since,
    days: Math.floor((now.getTime() - since.getTime()) / DAY),
  };
}

/** Proposals shared with the supervisor and not answered within handover_answer_days: the project leaders. */
async function mailAnswerOverdue(now: Date): Promise<number> {
  const at = now.toISOString();
  let mails = 0;
  for (;;) {
    const handled = await db().transaction(async (tx) => {
      const due = await tx.execute<DueRow & Record<string, unknown>>(sql`
        select ${DUE_COLUMNS}, p.shared_at as since from ${DUE_FROM}
         where p.status = 'proposed' and p.shared_at is not null and p.answer_overdue_mailed_at is null
           and p.shared_at <= ${at}::timestamptz - make_interval(days => coalesce(s.handover_answer_days, ${DEFAULT_ALERT_SETTINGS.handoverAnswerDays}))
         order by p.shared_at, p.id limit ${BATCH}
         for update of p skip locked`);
      for (const row of due.rows) {
        const placement = mailPlacement(row, now);
        for (const recipient of await projectLeaders(tx, row.municipality_id)) {
          await queueAnswerOverdueMail(tx, placement, recipient);
          mails += 1;
        }
        await tx.execute(sql`update placements set answer_overdue_mailed_at = ${at}::timestamptz where id = ${row.placement_id}`);
      }
      return due.rows.length;
    });
    if (handled < BATCH) break;
  }
  return mails;
}

/** Active placements quiet for placement_quiet_days and not yet mailed for this quiet spell: supervisor and project leaders. */
async function mailPlacementQuiet(now: Date): Promise<number> {
  const at = now.toISOString();
  let mails = 0;
  for (;;) {
    const handled = await db().transaction(async (tx) => {
      const due = await tx.execute<DueRow & Record<string, unknown>>(sql`
        select ${DUE_COLUMNS}, ${LAST_HOURS_MOMENT} as since from ${DUE_FROM}
         where p.status = 'active'
           and ${LAST_HOURS_MOMENT} <= ${at}::timestamptz - make_interval(days => coalesce(s.placement_quiet_days, ${DEFAULT_ALERT_SETTINGS.placementQuietDays}))
           and (p.quiet_mailed_for is null or p.quiet_mailed_for < ${LAST_HOURS_MOMENT})
         order by since, p.id limit ${BATCH}
         for update of p skip locked`);
      for (const row of due.rows) {
        const placement = mailPlacement(row, now);
        const recipients = [...(await supervisor(tx, row)), ...(await projectLeaders(tx, row.municipality_id))];
        const seen = new Set<string>();
        for (const recipient of recipients) {
          if (seen.has(recipient.email)) continue;
          seen.add(recipient.email);
          await queuePlacementQuietMail(tx, placement, recipient);
          mails += 1;
        }
        // The spell is kept exactly as the database has it (microseconds), so it compares equal next time.
        await tx.execute(sql`update placements p set quiet_mailed_for = ${LAST_HOURS_MOMENT}, quiet_mailed_at = ${at}::timestamptz where p.id = ${row.placement_id}`);
      }
      return due.rows.length;
    });
    if (handled < BATCH) break;
  }
  return mails;
}

/** Mails every alert due at `now` that was not mailed yet; answers how many mails it wrote. */
export async function sendPracticeAlerts(now: Date = new Date()): Promise<{ answerOverdue: number; placementQuiet: number }> {
  const answerOverdue = await mailAnswerOverdue(now);
  const placementQuiet = await mailPlacementQuiet(now);
  if (answerOverdue + placementQuiet > 0) logger.info({ answerOverdue, placementQuiet }, "practice alerts mailed");
  return { answerOverdue, placementQuiet };
}

export const practiceAlertsJob = defineJob({
  name: "practice-alerts",
  schema: z.object({}),
  cron: "*/15 * * * *",
  handle: async () => {
    await sendPracticeAlerts();
  },
});
