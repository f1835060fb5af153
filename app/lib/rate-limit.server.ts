import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "~/lib/db/client.server";
import { defineJob } from "~/lib/jobs.server";

/**
 * Counts one hit for `key` in the current fixed window and says whether it is still within
 * `limit`. The counter lives in PostgreSQL (one upsert), so the limit holds across app instances.
 * Inside a transaction (`executor`) the hit only counts if the transaction commits.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number, executor: Executor = db()): Promise<boolean> {
  const result = await executor.execute<{ count: number }>(sql`
    insert into rate_limit_counters (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limit_counters.count + 1
    returning count`);
  return (result.rows[0]?.count ?? 0) <= limit;
}

/** The request header the HTTP layer writes the client address into. */
export const CLIENT_ADDRESS_HEADER = "x-client-address";

/**
 * The client address as the HTTP layer determined it (server/app.ts overwrites this header on
 * every request with Express's `req.ip`, which honours TRUST_PROXY), so it cannot be spoofed.
 */
export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** Counters are kept this long: a window may be up to a day, and a finished window counts nothing. */
export const RATE_LIMIT_COUNTER_RETENTION_HOURS = 48;

/** Deletes finished windows: their keys name addresses and email addresses (docs/retention.md). */
export async function pruneRateLimitCounters(): Promise<void> {
  await db().execute(
    sql`delete from rate_limit_counters where window_start < now() - make_interval(hours => ${RATE_LIMIT_COUNTER_RETENTION_HOURS})`,
  );
}

export const rateLimitRetentionJob = defineJob({
  name: "retention-rate-limit-counters",
  schema: z.object({}),
  cron: "47 * * * *",
  handle: () => pruneRateLimitCounters(),
});
