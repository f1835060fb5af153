import { eq } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { users } from "~/lib/db/schema";
import { isLocale, translator, type Locale, type Translate } from "~/lib/i18n";
import { sendEmailNow } from "~/lib/mail.server";
import { baseUrl } from "~/lib/env.server";
import { findAccountByEmail, maySignInWithLink } from "./reads.server";

async function localeOf(email: string): Promise<Locale> {
  const [row] = await db().select({ locale: users.locale }).from(users).where(eq(users.email, email.toLowerCase()));
  return row && isLocale(row.locale) ? row.locale : "nl";
}

/**
 * Sends an account mail now, written in the language its address's account chose (Dutch for an
 * unknown address). `secretLinks` are the token links in it, which the mail viewer hides from others.
 */
async function sendInOwnLanguage(
  to: string,
  kind: string,
  write: (t: Translate) => { subject: string; text: string; secretLinks?: string[] },
): Promise<void> {
  const locale = await localeOf(to);
  await sendEmailNow({ to, kind, locale, ...write(translator(locale)) });
}

export async function sendVerificationEmail(user: { email: string; name: string }, url: string): Promise<void> {
  await sendInOwnLanguage(user.email, "verify-email", (t) => ({
    subject: t("mail.verify.subject"),
    text: t("mail.verify.body", { name: user.name, url }),
    secretLinks: [url],
  }));
}

export async function sendPasswordResetEmail(user: { email: string; name: string }, url: string): Promise<void> {
  await sendInOwnLanguage(user.email, "reset-password", (t) => ({
    subject: t("mail.reset.subject"),
    text: t("mail.reset.body", { name: user.name, url }),
    secretLinks: [url],
  }));
}

/**
 * An emailed sign-in link. better-auth's link signs a person in without asking for the two-factor
 * code, so an account with two-factor sign-in or a staff role gets a mail without a link that
 * explains how to sign in instead; an address without an account gets no mail at all (the form
 * says the same either way).
 */
export async function sendMagicLinkEmail(email: string, url: string): Promise<void> {
  const account = await findAccountByEmail(email);
  if (!account) return;
  if (!maySignInWithLink(account)) {
    await sendInOwnLanguage(email, "magic-link-refused", (t) => ({
      subject: t("mail.magicLinkTwoFactor.subject"),
      text: account.isStaff ? t("mail.magicLinkStaff.body", { url: `${baseUrl}/inloggen` }) : t("mail.magicLinkTwoFactor.body", { url: `${baseUrl}/inloggen` }),
    }));
    return;
  }
  await sendInOwnLanguage(email, "magic-link", (t) => ({
    subject: t("mail.magicLink.subject"),
    text: t("mail.magicLink.body", { url }),
    secretLinks: [url],
  }));
}

/** Someone tried to create an account with an address that has one: tell its owner, not the form. */
export async function sendExistingAccountEmail(user: { email: string; name: string }): Promise<void> {
  await sendInOwnLanguage(user.email, "existing-account", (t) => ({
    subject: t("mail.existingAccount.subject"),
    text: t("mail.existingAccount.body", { name: user.name, signInUrl: `${baseUrl}/inloggen`, resetUrl: `${baseUrl}/wachtwoord-vergeten` }),
  }));
}
