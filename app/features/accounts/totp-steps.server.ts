/**
 * A code from an authenticator app counts once. better-auth accepts any code of the current
 * 30-second step or its neighbours, as often as it is sent; we note the step of every accepted
 * code per person (`totp_accepted_steps`) and accept only a code of a later step, so a code
 * read over someone's shoulder or from a proxy log cannot complete a second sign-in.
 */
import { sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { symmetricDecrypt } from "better-auth/crypto";
import { authSecret } from "~/lib/auth-secret.server";
import { db } from "~/lib/db/client.server";

const PERIOD_SECONDS = 30;

/** The authenticator for a secret as better-auth stores it (encrypted). */
export async function totpForStoredSecret(encrypted: string, label: string): Promise<TOTP> {
  const stored = await symmetricDecrypt({ key: authSecret(), data: encrypted });
  // better-auth uses its generated secret's characters as the key bytes; seeded secrets are base32.
  const secret = stored.startsWith("base32:") ? Secret.fromBase32(stored.slice(7)) : new Secret({ buffer: new TextEncoder().encode(stored).buffer });
  return new TOTP({ issuer: "Buurtkracht", label, secret, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS });
}

/** The time step a code belongs to (the current one or a neighbour, as better-auth allows), or null. */
export async function stepOfCode(encrypted: string, code: string, now = Date.now()): Promise<number | null> {
  const totp = await totpForStoredSecret(encrypted, "");
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/**
 * Claims a step for a person in one conditional upsert: false when this step or a later one was
 * accepted before (parallel requests with one code: exactly one wins).
 */
export async function claimStep(userId: string, step: number): Promise<boolean> {
  const result = await db().execute(sql`
    insert into totp_accepted_steps as t (user_id, step, accepted_at) values (${userId}, ${step}, now())
    on conflict (user_id) do update set step = excluded.step, accepted_at = now()
    where t.step < excluded.step
    returning step`);
  return result.rows.length === 1;
}

/**
 * Checks a six-digit code against the stored secret and claims its step. "replayed" when the code
 * is right but its step was used already; "unknown" when the code does not match (better-auth
 * then gives its own verdict, which counts the failure).
 */
export async function claimCode(userId: string, encrypted: string, code: string): Promise<"claimed" | "replayed" | "unknown"> {
  const step = await stepOfCode(encrypted, code);
  if (step === null) return "unknown";
  return (await claimStep(userId, step)) ? "claimed" : "replayed";
}
