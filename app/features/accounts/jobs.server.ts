/**
 * Retention of what signing in leaves behind (docs/retention.md): better-auth's rate-limit rows,
 * sign-in throttles, expired verification tokens and expired sessions. None of them is needed
 * once its window or lifetime has passed, and each names a person or a client address.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/lib/db/client.server";
import { defineJob } from "~/lib/jobs.server";
import { KNOWN_ADDRESS_DAYS } from "./sign-in-throttle.server";

/** better-auth's windows are a minute long; a day leaves room for any rule added later. */
export const AUTH_RATE_LIMIT_RETENTION_HOURS = 24;
/** A throttle row outlives its 15-minute window and any lock by this much before it goes. */
export const SIGN_IN_THROTTLE_RETENTION_HOURS = 24;

export async function pruneSignInRecords(): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.execute(sql`
      delete from rate_limits
      where last_request < (extract(epoch from now() - make_interval(hours => ${AUTH_RATE_LIMIT_RETENTION_HOURS})) * 1000)::bigint`);
    await tx.execute(sql`
      delete from sign_in_throttles
      where window_started_at < now() - make_interval(hours => ${SIGN_IN_THROTTLE_RETENTION_HOURS})
        and (locked_until is null or locked_until < now())
        and key not like '%:known:%'`);
    // An address an account signed in from lets its owner in while strangers hammer the account.
    await tx.execute(sql`
      delete from sign_in_throttles
      where key like '%:known:%' and window_started_at < now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`);
    await tx.execute(sql`delete from verifications where expires_at < now()`);
    await tx.execute(sql`delete from sessions where expires_at < now()`);
  });
}

export const signInRecordsRetentionJob = defineJob({
  name: "retention-sign-in-records",
  schema: z.object({}),
  cron: "17 * * * *",
  handle: () => pruneSignInRecords(),
});
