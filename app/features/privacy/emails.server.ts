/** The privacy core's messages: the confirmation that a person's data was erased. */
import { translator, type Locale } from "~/lib/i18n";
import type { OutgoingEmail } from "~/lib/mail.server";

export const ERASURE_DONE_KIND = "privacy.erasure_done";

/** Says the erasure is done, to the address that is about to be forgotten; names nobody. */
export function erasureDoneMail(to: string, locale: Locale, municipalityId: string | null): OutgoingEmail {
  const t = translator(locale);
  return { to, locale, kind: ERASURE_DONE_KIND, municipalityId, subject: t("privacyMail.erased.subject"), text: t("privacyMail.erased.body") };
}
