/**
 * Retention of applications that never got going: a pending application (address not confirmed,
 * or no guardian consent) is deleted with all its data 14 days after applying. Its consent
 * records go with it (foreign key cascade); access-log rows keep no link to it.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/lib/db/client.server";
import { defineJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";

export async function deleteExpiredApplications(now: Date = new Date()): Promise<number> {
  const result = await db().execute(sql`delete from applications where status = 'pending' and expires_at < ${now.toISOString()}::timestamptz`);
  const deleted = result.rowCount ?? 0;
  if (deleted > 0) logger.info({ deleted }, "expired pending applications deleted");
  return deleted;
}

export const expiredApplicationsJob = defineJob({
  name: "retention-pending-applications",
  schema: z.object({}),
  cron: "25 3 * * *",
  handle: async () => {
    await deleteExpiredApplications();
  },
});
