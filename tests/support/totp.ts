import { TOTP } from "otpauth";
import { query } from "./accounts";

const PERIOD_SECONDS = 30;

function totp(secret: string): TOTP {
  return new TOTP({ secret, digits: 6, period: PERIOD_SECONDS, algorithm: "SHA1" });
}

/** The current six-digit code for a base32 TOTP secret, as an authenticator app shows it. */
export function totpCode(secret: string): string {
  return totp(secret).generate();
}

/**
 * A code the platform has not accepted for this person yet (each code works once): the current
 * one, or the next step's (accepted too, as a phone whose clock runs a little ahead would show it)
 * when the current one was used. Waits for the clock only when both have been used.
 */
export async function unusedTotpCode(databaseUrl: string, email: string, secret: string): Promise<string> {
  for (;;) {
    const [row] = await query<{ step: number }>(
      databaseUrl,
      "select t.step::int as step from totp_accepted_steps t join users u on u.id = t.user_id where u.email = $1",
      [email],
    );
    const now = Date.now();
    const current = Math.floor(now / 1000 / PERIOD_SECONDS);
    const step = Math.max(current, (row?.step ?? -1) + 1);
    if (step <= current + 1) return totp(secret).generate({ timestamp: step * PERIOD_SECONDS * 1000 });
    await new Promise((resolve) => setTimeout(resolve, (current + 1) * PERIOD_SECONDS * 1000 - now + 50));
  }
}
