/**
 * Retention of registrations (docs/retention.md): REGISTRATION_RETENTION_DAYS after an activity
 * ended, its registrations lose the name, the email address and the link to an account. What the
 * counts need stays: age group, status, attendance, walk-in, the dates.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/lib/db/client.server";
import { env } from "~/lib/env.server";
import { defineJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";

const BATCH = 5000;

export async function anonymisePastRegistrations(days = env.REGISTRATION_RETENTION_DAYS): Promise<number> {
  let anonymised = 0;
  for (;;) {
    const result = await db().execute(sql`
      update registrations set name = '', email = null, user_id = null, anonymised_at = now()
      where id in (
        select r.id from registrations r
        join activities a on a.id = r.activity_id
        where r.anonymised_at is null and a.ends_at < now() - make_interval(days => ${days})
        limit ${BATCH})`);
    anonymised += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < BATCH) break;
  }
  if (anonymised > 0) logger.info({ anonymised }, "registrations of past activities anonymised");
  return anonymised;
}

export const registrationRetentionJob = defineJob({
  name: "retention-registrations",
  schema: z.object({}),
  cron: "40 3 * * *",
  handle: async () => {
    await anonymisePastRegistrations();
  },
});
