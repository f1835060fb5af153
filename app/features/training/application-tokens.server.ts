/** The applicant's emailed link (double opt-in and status page): only the token's hash is stored. */
import { createHash, randomBytes } from "node:crypto";

export function hashApplicationToken(token: string): string {
  return createHash("sha256").update(`application:${token}`).digest("base64url");
}

export function newApplicationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashApplicationToken(token) };
}
