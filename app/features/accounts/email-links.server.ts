/**
 * Everything that answers with a link by email: creating an account (confirmation link), a new
 * confirmation link, an emailed sign-in link and a password reset link. Each form gives the same
 * answer whether or not the address has an account, and each is rate-limited per address and per
 * client (in PostgreSQL, so across app instances), which also keeps the forms from being used to
 * flood someone's mailbox.
 */
import { consumeRateLimit, clientAddress } from "~/lib/rate-limit.server";
import type { Locale } from "~/lib/i18n";
import { auth } from "./auth.server";
import { errorCode, unexpected } from "./auth-response.server";

export const MAILS_PER_ADDRESS = 3;
export const MAILS_PER_CLIENT = 20;
export const MAIL_WINDOW_SECONDS = 15 * 60;

export type MailLinkOutcome = "sent" | "limited";

/** Counts one mail request; false when this address or client asked too often. */
async function mayMail(request: Request, purpose: string, email: string): Promise<boolean> {
  const perAddress = await consumeRateLimit(`${purpose}:email:${email.toLowerCase()}`, MAILS_PER_ADDRESS, MAIL_WINDOW_SECONDS);
  const perClient = await consumeRateLimit(`${purpose}:address:${clientAddress(request)}`, MAILS_PER_CLIENT, MAIL_WINDOW_SECONDS);
  return perAddress && perClient;
}

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  /** A local path the confirmed account is taken to (checked by the caller); /account otherwise. */
  redirectTo?: string;
}

/**
 * Creates an unconfirmed account and mails the confirmation link (to `redirectTo` once confirmed).
 * An existing address gets a mail saying so instead; the page cannot tell the difference.
 */
export async function signUp(request: Request, input: SignUpInput): Promise<MailLinkOutcome> {
  if (!(await mayMail(request, "sign-up", input.email))) return "limited";
  const response = await auth().api.signUpEmail({
    body: { name: input.name, email: input.email, password: input.password, locale: input.locale, callbackURL: input.redirectTo ?? "/account" },
    headers: request.headers,
    asResponse: true,
  });
  if (!response.ok) unexpected(response, "sign-up");
  return "sent";
}

/** A new confirmation link for an account that has not been confirmed yet. */
export async function resendVerification(request: Request, email: string): Promise<MailLinkOutcome> {
  if (!(await mayMail(request, "verification", email))) return "limited";
  // Without cookies better-auth looks the address up itself and mails only unconfirmed accounts.
  const headers = new Headers(request.headers);
  headers.delete("cookie");
  const response = await auth().api.sendVerificationEmail({ body: { email, callbackURL: "/account" }, headers, asResponse: true });
  if (!response.ok) unexpected(response, "send-verification-email");
  return "sent";
}

/**
 * An emailed sign-in link. auth-emails.server.ts decides what the mail holds: accounts with
 * two-factor sign-in never get a working link (it would skip the code).
 */
export async function requestSignInLink(request: Request, email: string): Promise<MailLinkOutcome> {
  if (!(await mayMail(request, "sign-in-link", email))) return "limited";
  const response = await auth().api.signInMagicLink({
    body: { email, callbackURL: "/account", errorCallbackURL: "/inloggen/link?link=ongeldig" },
    headers: request.headers,
    asResponse: true,
  });
  if (!response.ok) unexpected(response, "sign-in/magic-link");
  return "sent";
}

/** Where the reset link in the mail leads (through better-auth's token check) to set a password. */
export const RESET_PASSWORD_PATH = "/wachtwoord-herstellen";

export async function requestPasswordReset(request: Request, email: string): Promise<MailLinkOutcome> {
  if (!(await mayMail(request, "password-reset", email))) return "limited";
  const response = await auth().api.requestPasswordReset({
    body: { email, redirectTo: RESET_PASSWORD_PATH },
    headers: request.headers,
    asResponse: true,
  });
  if (!response.ok) unexpected(response, "request-password-reset");
  return "sent";
}

/** Sets a new password with the token from the reset mail; every session of the account ends. */
export async function resetPassword(request: Request, input: { token: string; newPassword: string }): Promise<"reset" | "invalid-token"> {
  const response = await auth().api.resetPassword({
    body: { token: input.token, newPassword: input.newPassword },
    headers: request.headers,
    asResponse: true,
  });
  const code = await errorCode(response);
  if (code === null) return "reset";
  if (code === "INVALID_TOKEN" || code === "USER_NOT_FOUND") return "invalid-token";
  unexpected(response, "reset-password");
}
