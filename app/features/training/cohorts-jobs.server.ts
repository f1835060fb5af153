/**
 * Session reminders: every quarter of an hour, each session that starts 24 to 36 hours from now
 * and has had no reminder gets one mail per active trainee. The session row is locked with
 * FOR UPDATE SKIP LOCKED and marked (reminders_sent_at) in the same transaction as the mails, so
 * two app instances running the job at the same moment never both send: the second skips the
 * locked rows, and once the first commits the rows no longer match.
 */
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/lib/db/client.server";
import { cohortSessions, cohorts, enrolments, municipalities, trackModules, users } from "~/lib/db/schema";
import { defineJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";
import { queueSessionReminder } from "./cohorts-emails.server";

const HOUR = 60 * 60 * 1000;
export const REMINDER_WINDOW = { fromHours: 24, untilHours: 36 } as const;
const BATCH = 20;

/** Sends the due reminders; answers how many sessions it handled and how many mails it wrote. */
export async function sendSessionReminders(now: Date = new Date()): Promise<{ sessions: number; mails: number }> {
  const from = new Date(now.getTime() + REMINDER_WINDOW.fromHours * HOUR);
  const until = new Date(now.getTime() + REMINDER_WINDOW.untilHours * HOUR);
  let sessions = 0;
  let mails = 0;
  for (;;) {
    const handled = await db().transaction(async (tx) => {
      const due = await tx
        .select({
          id: cohortSessions.id,
          cohortId: cohortSessions.cohortId,
          municipalityId: cohortSessions.municipalityId,
          kind: cohortSessions.kind,
          moduleId: cohortSessions.moduleId,
          startsAt: cohortSessions.startsAt,
          endsAt: cohortSessions.endsAt,
          location: cohortSessions.location,
        })
        .from(cohortSessions)
        .where(and(isNull(cohortSessions.remindersSentAt), isNull(cohortSessions.cancelledAt), gte(cohortSessions.startsAt, from), lte(cohortSessions.startsAt, until)))
        .orderBy(asc(cohortSessions.startsAt), asc(cohortSessions.id))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const cohortRows = await tx
        .select({ id: cohorts.id, name: cohorts.name, municipalityName: municipalities.name })
        .from(cohorts)
        .innerJoin(municipalities, eq(municipalities.id, cohorts.municipalityId))
        .where(inArray(cohorts.id, [...new Set(due.map((s) => s.cohortId))]));
      const moduleIds = due.map((s) => s.moduleId).filter((id): id is string => id !== null);
      const moduleRows = moduleIds.length > 0 ? await tx.select({ id: trackModules.id, title: trackModules.title }).from(trackModules).where(inArray(trackModules.id, moduleIds)) : [];
      for (const session of due) {
        const cohort = cohortRows.find((c) => c.id === session.cohortId)!;
        const trainees = await tx
          .select({ name: users.name, email: users.email, locale: users.locale })
          .from(enrolments)
          .innerJoin(users, eq(users.id, enrolments.userId))
          .where(and(eq(enrolments.cohortId, session.cohortId), eq(enrolments.status, "active")))
          .orderBy(asc(users.id));
        for (const trainee of trainees) {
          await queueSessionReminder(
            tx,
            {
              municipalityId: session.municipalityId,
              municipalityName: cohort.municipalityName,
              cohortName: cohort.name,
              kind: session.kind,
              moduleTitle: moduleRows.find((m) => m.id === session.moduleId)?.title ?? null,
              startsAt: session.startsAt,
              endsAt: session.endsAt,
              location: session.location,
            },
            trainee,
          );
        }
        mails += trainees.length;
      }
      await tx
        .update(cohortSessions)
        .set({ remindersSentAt: now })
        .where(inArray(cohortSessions.id, due.map((s) => s.id)));
      return due.length;
    });
    sessions += handled;
    if (handled < BATCH) break;
  }
  if (sessions > 0) logger.info({ sessions, mails }, "session reminders sent");
  return { sessions, mails };
}

export const sessionRemindersJob = defineJob({
  name: "training-session-reminders",
  schema: z.object({}),
  cron: "*/15 * * * *",
  handle: async () => {
    await sendSessionReminders();
  },
});
