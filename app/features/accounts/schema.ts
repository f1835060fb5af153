import { z } from "zod";
import { email, text } from "~/lib/validation";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** A new password: long enough to be strong, short enough that hashing it stays cheap. */
const newPassword = z
  .string({ error: "validation.required" })
  .min(1, { error: "validation.required" })
  .min(MIN_PASSWORD_LENGTH, { error: `accounts.validation.passwordTooShort|{"min":${MIN_PASSWORD_LENGTH}}` })
  .max(MAX_PASSWORD_LENGTH, { error: `validation.tooLong|{"max":${MAX_PASSWORD_LENGTH}}` });

/** A password as typed to sign in: never trimmed, only bounded. */
const password = z
  .string({ error: "validation.required" })
  .min(1, { error: "validation.required" })
  .max(MAX_PASSWORD_LENGTH, { error: `validation.tooLong|{"max":${MAX_PASSWORD_LENGTH}}` });

const locale = z.enum(["nl", "en"], { error: "validation.invalid" });

export const signUpSchema = z.object({
  name: text(100),
  email,
  password: newPassword,
  locale,
  /** Where the confirmation link leads once the account is confirmed (an invitation, for example). */
  redirectTo: z.string().max(2000).optional(),
});

export const signInSchema = z.object({
  email,
  password,
  redirectTo: z.string().max(2000).optional(),
});

export const emailOnlySchema = z.object({ email });

/** A six-digit app code (spaces allowed, as apps show "123 456") or a backup code like "abcde-12345". */
export const twoFactorCodeSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: "validation.required" })
        .regex(/^(\d{6}|[A-Za-z0-9][A-Za-z0-9-]{7,40})$/, { error: "accounts.validation.code" }),
    ),
});

export const appCodeSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().min(1, { error: "validation.required" }).regex(/^\d{6}$/, { error: "accounts.validation.appCode" })),
});

export const resetPasswordSchema = z.object({
  token: z.string().min(1, { error: "accounts.resetPassword.invalidToken" }).max(200, { error: "accounts.resetPassword.invalidToken" }),
  newPassword,
});

export const profileSchema = z.object({
  name: text(100),
  locale,
});

export const changePasswordSchema = z.object({
  currentPassword: password,
  newPassword,
});

export const passwordOnlySchema = z.object({ password });
