/**
 * Throttling of password and two-factor checks, kept in PostgreSQL (`sign_in_throttles`) so a lock
 * holds across app instances. Every attempt first *reserves* a slot with one atomic upsert, before
 * the password is checked: parallel requests cannot all slip past a check-then-count, because each
 * one gets its own count back from the database. Failures lock an account only for the client
 * address they came from, so a stranger cannot lock the owner out (docs/decisions/010-sign-in-throttle.md).
 */
import { sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";

/** Failures one client address may make for one account before that pair is locked. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** A client address may fail more often across accounts: several people can share one (an office, a library). */
export const MAX_FAILURES_PER_ADDRESS = 20;
/**
 * Failures for one account from all addresses together before it accepts attempts only from
 * addresses it has signed in from before: a guesser with many addresses is stopped, the owner at
 * their usual address is not locked out.
 */
export const MAX_FAILURES_PER_ACCOUNT = 50;
export const THROTTLE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
/** How long an address counts as one the account signed in from. */
export const KNOWN_ADDRESS_DAYS = 90;

export type ThrottleStep = "password" | "two-factor";

export interface ThrottleKey {
  key: string;
  limit: number;
  /** "lock": over the limit the key is locked; "ceiling": over the limit only known addresses pass. */
  kind: "lock" | "ceiling";
  /** For a ceiling: the key that marks the client address as known to the account. */
  knownKey?: string;
}

/**
 * The keys one attempt counts against: the account with this client address (locked after a few
 * failures), the client address (locked after more), and the account from everywhere (a ceiling).
 */
export function throttleKeys(step: ThrottleStep, account: string, address: string): ThrottleKey[] {
  const who = account.toLowerCase();
  return [
    { key: `${step}:pair:${who}|${address}`, limit: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, kind: "lock" },
    { key: `${step}:address:${address}`, limit: MAX_FAILURES_PER_ADDRESS, kind: "lock" },
    { key: `${step}:account:${who}`, limit: MAX_FAILURES_PER_ACCOUNT, kind: "ceiling", knownKey: `${step}:known:${who}|${address}` },
  ];
}

export type Reservation = { allowed: true; keys: ThrottleKey[] } | { allowed: false; lockedUntil: Date };

interface ReserveRow extends Record<string, unknown> {
  failure_count: number;
  locked_until: Date | string | null;
  is_locked: boolean;
}

async function isKnownAddress(knownKey: string): Promise<boolean> {
  const result = await db().execute(sql`
    select 1 from sign_in_throttles where key = ${knownKey} and window_started_at > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`);
  return result.rows.length > 0;
}

async function reserveOne({ key, limit, kind, knownKey }: ThrottleKey): Promise<{ allowed: boolean; counted: boolean; lockedUntil: Date }> {
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
  if (kind === "ceiling" && row.failure_count > limit) {
    return { allowed: knownKey !== undefined && (await isKnownAddress(knownKey)), counted: true, lockedUntil: new Date(Date.now() + THROTTLE_WINDOW_MINUTES * 60_000) };
  }
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

/** The attempt failed: every locking key whose budget is now spent is locked for LOCK_MINUTES. */
export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
  for (const { key, limit, kind } of keys) {
    if (kind !== "lock") continue;
    await db().execute(sql`
      update sign_in_throttles set locked_until = now() + make_interval(mins => ${LOCK_MINUTES})
      where key = ${key} and failure_count >= ${limit} and (locked_until is null or locked_until <= now())`);
  }
}

/**
 * The attempt succeeded: the counter of this account at this address is cleared, the address is
 * remembered as one the account signs in from, and the other keys get their slot back (clearing
 * them would let one valid account reset an address's count, or the owner an attack's count).
 */
export async function recordSuccess(keys: ThrottleKey[]): Promise<void> {
  const [pair, ...others] = keys;
  if (pair) await db().execute(sql`delete from sign_in_throttles where key = ${pair.key}`);
  for (const other of others) {
    await releaseOne(other.key);
    if (other.knownKey) {
      await db().execute(sql`
        insert into sign_in_throttles (key, failure_count, window_started_at) values (${other.knownKey}, 0, now())
        on conflict (key) do update set window_started_at = now()`);
    }
  }
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
