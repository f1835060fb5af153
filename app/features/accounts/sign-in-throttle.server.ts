/**
 * Throttling of password and two-factor checks, kept in PostgreSQL (`sign_in_throttles`) so a lock
 * holds across app instances. Every attempt first *reserves* a slot with one atomic upsert, before
 * the password is checked: parallel requests cannot all slip past a check-then-count, because each
 * one gets its own count back from the database. A failure may then lock the key; a success clears
 * the person's counter and gives the client address its slot back.
 */
import { sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";

/** Failures allowed within the window before a key is locked. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** A client address may fail more often: several people can share one (an office, a library). */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export type ThrottleStep = "password" | "two-factor";

export interface ThrottleKey {
  key: string;
  limit: number;
}

/** The keys one attempt counts against: the account (email or user id) and the client address. */
export function throttleKeys(step: ThrottleStep, account: string, address: string): ThrottleKey[] {
  return [
    { key: `${step}:account:${account.toLowerCase()}`, limit: MAX_FAILURES_PER_ACCOUNT },
    { key: `${step}:address:${address}`, limit: MAX_FAILURES_PER_ADDRESS },
  ];
}

export type Reservation = { allowed: true; keys: ThrottleKey[] } | { allowed: false; lockedUntil: Date };

interface ReserveRow extends Record<string, unknown> {
  failure_count: number;
  locked_until: Date | string | null;
  is_locked: boolean;
}

async function reserveOne({ key, limit }: ThrottleKey): Promise<{ allowed: boolean; counted: boolean; lockedUntil: Date }> {
  // While a key is locked nothing changes; after the window has passed the count starts again.
  const result = await db().execute<ReserveRow>(sql`
    insert into sign_in_throttles as t (key, failure_count, window_started_at, locked_until)
    values (${key}, 1, now(), null)
    on conflict (key) do update set
      failure_count = case
        when t.locked_until > now() then t.failure_count
        when t.window_started_at <= now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES}) then 1
        else t.failure_count + 1 end,
      window_started_at = case
        when t.locked_until > now() then t.window_started_at
        when t.window_started_at <= now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES}) then now()
        else t.window_started_at end
    returning failure_count, locked_until, coalesce(locked_until > now(), false) as is_locked`);
  const row = result.rows[0]!;
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : new Date(Date.now() + LOCK_MINUTES * 60_000);
  return { allowed: !row.is_locked && row.failure_count <= limit, counted: !row.is_locked, lockedUntil };
}

async function releaseOne(key: string): Promise<void> {
  await db().execute(sql`
    update sign_in_throttles set failure_count = greatest(failure_count - 1, 0)
    where key = ${key} and (locked_until is null or locked_until <= now())`);
}

/**
 * Reserves one attempt on every key. When any key is locked (or its budget is spent), the attempt
 * is refused, whatever was counted for it is given back, and the caller answers 429.
 */
export async function reserveAttempt(keys: ThrottleKey[]): Promise<Reservation> {
  const outcomes = [];
  for (const key of keys) outcomes.push({ key, ...(await reserveOne(key)) });
  const refused = outcomes.filter((o) => !o.allowed);
  if (refused.length === 0) return { allowed: true, keys };
  for (const outcome of outcomes) if (outcome.counted) await releaseOne(outcome.key.key);
  const lockedUntil = new Date(Math.max(...refused.map((o) => o.lockedUntil.getTime())));
  return { allowed: false, lockedUntil };
}

/** The attempt failed: every key whose budget is now spent is locked for LOCK_MINUTES. */
export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
  for (const { key, limit } of keys) {
    await db().execute(sql`
      update sign_in_throttles set locked_until = now() + make_interval(mins => ${LOCK_MINUTES})
      where key = ${key} and failure_count >= ${limit} and (locked_until is null or locked_until <= now())`);
  }
}

/**
 * The attempt succeeded: the account's counter is cleared; the address gets its slot back (a
 * success there is no failure, and clearing it would let one valid account reset the count).
 */
export async function recordSuccess(keys: ThrottleKey[]): Promise<void> {
  const [account, ...others] = keys;
  if (account) await db().execute(sql`delete from sign_in_throttles where key = ${account.key}`);
  for (const other of others) await releaseOne(other.key);
}

/**
 * The attempt ended without a verdict on the password (for example a technical error): give the
 * reservations back so it does not count as a failure.
 */
export async function releaseAttempt(keys: ThrottleKey[]): Promise<void> {
  for (const { key } of keys) await releaseOne(key);
}

/** Whole minutes until a lock ends, at least 1, for the message to the person. */
export function minutesUntil(lockedUntil: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
