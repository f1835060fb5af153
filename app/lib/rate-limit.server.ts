import { sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";

/**
 * Counts one hit for `key` in the current fixed window and says whether it is still within
 * `limit`. The counter lives in PostgreSQL (one upsert), so the limit holds across app instances.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const result = await db().execute<{ count: number }>(sql`
    insert into rate_limit_counters (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limit_counters.count + 1
    returning count`);
  return (result.rows[0]?.count ?? 0) <= limit;
}

/**
 * The client address as the HTTP layer determined it (server/app.ts overwrites this header on
 * every request with Express's `req.ip`, which honours TRUST_PROXY), so it cannot be spoofed.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-client-address") ?? "unknown";
}
