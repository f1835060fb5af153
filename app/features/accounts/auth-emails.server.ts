import { eq } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { users } from "~/lib/db/schema";
import { isLocale, translator, type Locale } from "~/lib/i18n";
import { sendEmailNow } from "~/lib/mail.server";

async function localeOf(email: string): Promise<Locale> {
  const [row] = await db().select({ locale: users.locale }).from(users).where(eq(users.email, email.toLowerCase()));
  return row && isLocale(row.locale) ? row.locale : "nl";
}

export async function sendVerificationEmail(user: { email: string; name: string }, url: string): Promise<void> {
  const t = translator(await localeOf(user.email));
  await sendEmailNow({
    to: user.email,
    kind: "verify-email",
    subject: t("mail.verify.subject"),
    text: t("mail.verify.body", { name: user.name, url }),
  });
}

export async function sendPasswordResetEmail(user: { email: string; name: string }, url: string): Promise<void> {
  const t = translator(await localeOf(user.email));
  await sendEmailNow({
    to: user.email,
    kind: "reset-password",
    subject: t("mail.reset.subject"),
    text: t("mail.reset.body", { name: user.name, url }),
  });
}

export async function sendMagicLinkEmail(email: string, url: string): Promise<void> {
  const t = translator(await localeOf(email));
  await sendEmailNow({
    to: email,
    kind: "magic-link",
    subject: t("mail.magicLink.subject"),
    text: t("mail.magicLink.body", { url }),
  });
}
