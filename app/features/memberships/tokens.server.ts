import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** A new invitation token (for the link) and the hash that is stored instead of it. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
