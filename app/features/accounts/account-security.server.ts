/**
 * What a signed-in person changes about how they sign in: the password and two-factor sign-in
 * (an authenticator app, TOTP). Every step that asks for the password counts against the same
 * throttle as the sign-in form, so a borrowed session cannot be used to guess the password.
 */
import QRCode from "qrcode";
import { env } from "~/lib/env.server";
import { clientAddress } from "~/lib/rate-limit.server";
import { auth } from "./auth.server";
import { errorCode, forwardedCookies, responseBody, unexpected } from "./auth-response.server";
import { findUnconfirmedTwoFactorSecret } from "./reads.server";
import type { CurrentUser } from "./session.server";
import { isStaff } from "~/features/authorization/policy";
import { recordFailure, recordSuccess, releaseAttempt, reserveAttempt, throttleKeys } from "./sign-in-throttle.server";
import { claimCode, totpForStoredSecret } from "./totp-steps.server";

export type PasswordCheckedOutcome<T> = ({ outcome: "done" } & T) | { outcome: "wrong-password" } | { outcome: "locked"; lockedUntil: Date };

/** Runs a better-auth call that checks the person's password, inside the sign-in throttle. */
async function withPasswordCheck(request: Request, user: CurrentUser, call: () => Promise<Response>): Promise<PasswordCheckedOutcome<{ response: Response }>> {
  const keys = throttleKeys("password", user.email, clientAddress(request));
  const reservation = await reserveAttempt(keys);
  if (!reservation.allowed) return { outcome: "locked", lockedUntil: reservation.lockedUntil };
  let response: Response;
  try {
    response = await call();
  } catch (error) {
    await releaseAttempt(keys);
    throw error;
  }
  const code = await errorCode(response);
  if (code === "INVALID_PASSWORD") {
    await recordFailure(keys);
    return { outcome: "wrong-password" };
  }
  if (code !== null) {
    await releaseAttempt(keys);
    unexpected(response, "password check");
  }
  await recordSuccess(keys);
  return { outcome: "done", response };
}

/** A new password; other sessions of the account end, this one gets a fresh cookie. */
export async function changePassword(
  request: Request,
  user: CurrentUser,
  input: { currentPassword: string; newPassword: string },
): Promise<PasswordCheckedOutcome<{ headers: Headers }>> {
  const result = await withPasswordCheck(request, user, () =>
    auth().api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: request.headers,
      asResponse: true,
    }),
  );
  return result.outcome === "done" ? { outcome: "done", headers: forwardedCookies(result.response) } : result;
}

/** Whether this person may switch two-factor sign-in off (not staff where the setting requires it). */
export function mayDisableTwoFactor(user: CurrentUser): boolean {
  return !(env.STAFF_TWO_FACTOR === "required" && isStaff(user.actor));
}

/** Whether the installation requires two-factor sign-in for this person's roles. */
export function isTwoFactorRequired(user: CurrentUser): boolean {
  return env.STAFF_TWO_FACTOR === "required" && isStaff(user.actor);
}

/**
 * Step one of switching two-factor sign-in on: after the password, better-auth stores a new secret
 * as unconfirmed. It only counts once a first code from the app is confirmed.
 */
export async function startTwoFactorSetup(
  request: Request,
  user: CurrentUser,
  password: string,
): Promise<PasswordCheckedOutcome<{ backupCodes: string[] }>> {
  const result = await withPasswordCheck(request, user, () =>
    auth().api.enableTwoFactor({ body: { password }, headers: request.headers, asResponse: true }),
  );
  if (result.outcome !== "done") return result;
  const body = await responseBody(result.response);
  const backupCodes = Array.isArray(body.backupCodes) ? body.backupCodes.filter((code): code is string => typeof code === "string") : [];
  return { outcome: "done", backupCodes };
}

export interface PendingTwoFactorSetup {
  /** The secret in base32, to type into an app that cannot scan. */
  secret: string;
  /** The QR code of the otpauth:// URI as an SVG document. */
  qrSvg: string;
}

/** The unconfirmed secret of a setup in progress, shown until the first code confirms it. */
export async function pendingTwoFactorSetup(user: CurrentUser): Promise<PendingTwoFactorSetup | null> {
  if (user.twoFactorEnabled) return null;
  const encrypted = await findUnconfirmedTwoFactorSecret(user.id);
  if (!encrypted) return null;
  const totp = await totpForStoredSecret(encrypted, user.email);
  const qrSvg = await QRCode.toString(totp.toString(), { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { secret: totp.secret.base32.replace(/(.{4})/g, "$1 ").trim(), qrSvg };
}

export type ConfirmOutcome = { outcome: "enabled"; headers: Headers } | { outcome: "invalid-code" } | { outcome: "used-code" } | { outcome: "no-setup" };

/** Step two: the first code from the app switches two-factor sign-in on (and is used up by it). */
export async function confirmTwoFactorSetup(request: Request, user: CurrentUser, code: string): Promise<ConfirmOutcome> {
  const encrypted = await findUnconfirmedTwoFactorSecret(user.id);
  if (!encrypted) return { outcome: "no-setup" };
  if ((await claimCode(user.id, encrypted, code)) === "replayed") return { outcome: "used-code" };
  const response = await auth().api.verifyTOTP({ body: { code }, headers: request.headers, asResponse: true });
  const failure = await errorCode(response);
  if (failure === "INVALID_CODE") return { outcome: "invalid-code" };
  if (failure !== null) unexpected(response, "verify-totp (setup)");
  return { outcome: "enabled", headers: forwardedCookies(response) };
}

/** Switches two-factor sign-in off after the password (callers check mayDisableTwoFactor first). */
export async function disableTwoFactor(request: Request, user: CurrentUser, password: string): Promise<PasswordCheckedOutcome<{ headers: Headers }>> {
  const result = await withPasswordCheck(request, user, () =>
    auth().api.disableTwoFactor({ body: { password }, headers: request.headers, asResponse: true }),
  );
  return result.outcome === "done" ? { outcome: "done", headers: forwardedCookies(result.response) } : result;
}
