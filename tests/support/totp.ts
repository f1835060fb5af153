import { TOTP } from "otpauth";

/** The current six-digit code for a base32 TOTP secret, as an authenticator app shows it. */
export function totpCode(secret: string): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" }).generate();
}
