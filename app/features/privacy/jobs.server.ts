/**
 * The erasure confirmation is the one message that still carries an erased person's address. It
 * is deleted as soon as it was sent; a message that is held (no SMTP server: the demo's mail
 * viewer) or keeps failing is deleted after ERASURE_CONFIRMATION_DAYS (docs/retention.md).
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/lib/db/client.server";
import { defineJob } from "~/lib/jobs.server";
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
