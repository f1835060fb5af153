/**
 * Signing in and out through our own forms. better-auth checks passwords and codes and sets the
 * cookies; these functions add the throttle (sign-in-throttle.server.ts) around every check and
 * translate better-auth's answers into outcomes the pages can show.
 */
import { constantTimeEqual, makeSignature } from "better-auth/crypto";
import { authSecret } from "~/lib/auth-secret.server";
import { clientAddress } from "~/lib/rate-limit.server";
import { auth } from "./auth.server";
import { errorCode, forwardedCookies, responseBody, unexpected } from "./auth-response.server";
import { findPendingTwoFactorUser, findTwoFactorSecret, isTwoFactorRequiredFor } from "./reads.server";
import { recordFailure, recordSuccess, releaseAttempt, reserveAttempt, throttleKeys } from "./sign-in-throttle.server";
import { claimCode } from "./totp-steps.server";

export type SignInOutcome =
  | { outcome: "signed-in"; headers: Headers; mustSetUpTwoFactor: boolean }
  | { outcome: "two-factor"; headers: Headers }
  | { outcome: "invalid" }
  | { outcome: "used-code" }
  | { outcome: "unverified" }
  | { outcome: "expired"; headers: Headers }
  | { outcome: "locked"; lockedUntil: Date };

/** Email and password: signed in, a second step needed, wrong, not yet confirmed, or throttled. */
export async function signInWithPassword(request: Request, input: { email: string; password: string }): Promise<SignInOutcome> {
  const keys = throttleKeys("password", input.email, clientAddress(request));
  const reservation = await reserveAttempt(keys);
  if (!reservation.allowed) return { outcome: "locked", lockedUntil: reservation.lockedUntil };
  let response: Response;
  try {
    response = await auth().api.signInEmail({
      body: { email: input.email, password: input.password, callbackURL: "/account" },
      headers: request.headers,
      asResponse: true,
    });
  } catch (error) {
    await releaseAttempt(keys);
    throw error;
  }
  const code = await errorCode(response);
  if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "INVALID_EMAIL" || code === "INVALID_PASSWORD" || code === "PASSWORD_TOO_LONG") {
    await recordFailure(keys);
    return { outcome: "invalid" };
  }
  if (code === "EMAIL_NOT_VERIFIED") {
    await recordSuccess(keys);
    return { outcome: "unverified" };
  }
  if (code !== null) {
    await releaseAttempt(keys);
    unexpected(response, "sign-in");
  }
  await recordSuccess(keys);
  const body = await responseBody(response);
  const headers = forwardedCookies(response);
  if (body.twoFactorRedirect === true) return { outcome: "two-factor", headers };
  const user = body.user as { id?: unknown } | undefined;
  const mustSetUpTwoFactor = typeof user?.id === "string" && (await isTwoFactorRequiredFor(user.id));
  return { outcome: "signed-in", headers, mustSetUpTwoFactor };
}

const TWO_FACTOR_COOKIE = /(?:^|;\s*)(?:__Secure-)?buurtkracht\.two_factor=([^;]+)/;

/**
 * The person halfway through signing in (password checked, code not yet), read from better-auth's
 * signed two-factor cookie, or null when there is no such sign-in or it has expired.
 */
export async function pendingTwoFactorUser(request: Request): Promise<string | null> {
  const raw = request.headers.get("cookie")?.match(TWO_FACTOR_COOKIE)?.[1];
  if (!raw) return null;
  let signed: string;
  try {
    signed = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = signed.lastIndexOf(".");
  if (dot < 1) return null;
  const identifier = signed.slice(0, dot);
  const expected = await makeSignature(identifier, authSecret());
  if (!constantTimeEqual(expected, signed.slice(dot + 1))) return null;
  return findPendingTwoFactorUser(identifier);
}

/** A six-digit code from the authenticator app; anything else is tried as a backup code. */
export function isAuthenticatorCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** The second step: a code from the app (or a backup code) for the pending sign-in. */
export async function completeTwoFactorSignIn(request: Request, code: string): Promise<SignInOutcome> {
  const userId = await pendingTwoFactorUser(request);
  if (!userId) return { outcome: "expired", headers: new Headers() };
  const keys = throttleKeys("two-factor", userId, clientAddress(request));
  const reservation = await reserveAttempt(keys);
  if (!reservation.allowed) return { outcome: "locked", lockedUntil: reservation.lockedUntil };
  let response: Response;
  try {
    if (isAuthenticatorCode(code)) {
      const encrypted = await findTwoFactorSecret(userId);
      if (encrypted && (await claimCode(userId, encrypted, code)) === "replayed") {
        // The right code a second time: someone else may have seen it, so it counts as a failure.
        await recordFailure(keys);
        return { outcome: "used-code" };
      }
    }
    response = isAuthenticatorCode(code)
      ? await auth().api.verifyTOTP({ body: { code }, headers: request.headers, asResponse: true })
      : await auth().api.verifyBackupCode({ body: { code }, headers: request.headers, asResponse: true });
  } catch (error) {
    await releaseAttempt(keys);
    throw error;
  }
  const failure = await errorCode(response);
  if (failure === "INVALID_CODE" || failure === "INVALID_BACKUP_CODE") {
    await recordFailure(keys);
    return { outcome: "invalid" };
  }
  if (failure === "ACCOUNT_TEMPORARILY_LOCKED") {
    await recordFailure(keys);
    return { outcome: "locked", lockedUntil: new Date(Date.now() + 15 * 60_000) };
  }
  if (failure !== null) {
    // The challenge is used up or gone (better-auth allows a few codes per password check).
    await releaseAttempt(keys);
    return { outcome: "expired", headers: forwardedCookies(response) };
  }
  await recordSuccess(keys);
  return { outcome: "signed-in", headers: forwardedCookies(response), mustSetUpTwoFactor: false };
}

/** Ends the session (its row and its cookie). */
export async function signOut(request: Request): Promise<Headers> {
  const response = await auth().api.signOut({ headers: request.headers, asResponse: true });
  return forwardedCookies(response);
}
