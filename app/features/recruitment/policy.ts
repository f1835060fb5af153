/**
 * The rules of invite links as pure functions: what a code looks like, which code a visit carries
 * (last touch), whether a sign-up is attributed to a link, and whether it is new to the platform
 * (docs/decisions/032-invite-links.md). The database writes that follow them are in
 * attribution.server.ts and writes.server.ts.
 */
import { randomBytes } from "node:crypto";

/** 12 characters of base64url: 72 random bits, short enough to type from a flyer. */
export const INVITE_CODE_LENGTH = 12;

/** The shape the database accepts (invite_links_code_format), checked before any query. */
const CODE_SHAPE = /^[A-Za-z0-9_-]{6,32}$/;

export function generateInviteCode(): string {
  return randomBytes(9).toString("base64url");
}

/** A string that could be a code; anything else is never looked up (no query for junk). */
export function isInviteCodeShape(value: unknown): value is string {
  return typeof value === "string" && CODE_SHAPE.test(value);
}

/**
 * The code a sign-up carries. Last touch: a code in the form (the page was opened through a QR
 * pointing at one activity) is the newest invitation the person followed and wins over the
 * visit's cookie, which a /doe-mee page set earlier.
 */
export function chooseReferralCode(fromForm: unknown, fromCookie: unknown): string | null {
  if (isInviteCodeShape(fromForm)) return fromForm;
  if (isInviteCodeShape(fromCookie)) return fromCookie;
  return null;
}

export interface LiveLink {
  municipalityId: string;
  revokedAt: Date | null;
  /** The person the link is of, or the team's current members: who would be referring themselves. */
  ownerUserIds: readonly string[];
  ownerEmails: readonly string[];
}

export interface SignUp {
  municipalityId: string;
  userId: string | null;
  /** Lower-cased. */
  email: string;
}

export type AttributionVerdict = "attributed" | "revoked" | "other_municipality" | "self_referral";

/**
 * Whether a new sign-up counts for the link: only a live link of the activity's own municipality,
 * and never the owner (or a member of the owning team) signing up through their own link.
 */
export function judgeAttribution(link: LiveLink, signUp: SignUp): AttributionVerdict {
  if (link.revokedAt !== null) return "revoked";
  if (link.municipalityId !== signUp.municipalityId) return "other_municipality";
  if (signUp.userId !== null && link.ownerUserIds.includes(signUp.userId)) return "self_referral";
  if (link.ownerEmails.some((email) => email.toLowerCase() === signUp.email)) return "self_referral";
  return "attributed";
}

/**
 * New to the platform: this is the first sign-up ever with the address (no other registration in
 * any municipality, cancelled ones included) and nobody has an account with it.
 */
export function isNewToPlatform(facts: { earlierRegistrations: number; hasAccount: boolean }): boolean {
  return facts.earlierRegistrations === 0 && !facts.hasAccount;
}

/** What the landing page says of a person: the first name only, whatever their age. */
export function firstNameOf(fullName: string): string {
  const first = fullName.trim().split(/\s+/)[0] ?? "";
  return first.slice(0, 40);
}

/** The referral cookie of a visit: no Max-Age, so it ends with the browser session. */
export const REFERRAL_COOKIE = "buurtkracht_ref";

export function referralCookie(code: string, secure: boolean): string {
  return `${REFERRAL_COOKIE}=${code}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function referralCodeFromCookie(cookieHeader: string | null): string | null {
  const match = cookieHeader?.match(/(?:^|;\s*)buurtkracht_ref=([A-Za-z0-9_-]{6,32})(?:;|$)/);
  return match?.[1] ?? null;
}
