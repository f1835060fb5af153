/**
 * The Citytrainer certificate's mail to its holder, written to the outbox in the issuing
 * transaction, in the holder's own language.
 */
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { OWN_CERTIFICATE_PAGE, verificationPath } from "./urls";

export async function queueCertificateIssuedMail(
  tx: Transaction,
  mail: { municipalityId: string; municipalityName: string; to: string; name: string; locale: string; trackName: string; verificationCode: string },
): Promise<void> {
  const locale = isLocale(mail.locale) ? mail.locale : "nl";
  const t = translator(locale);
  await queueEmail(tx, {
    to: mail.to,
    kind: "citytrainer-certificate",
    locale,
    municipalityId: mail.municipalityId,
    subject: t("citytrainer.mail.subject"),
    text: t("citytrainer.mail.body", {
      name: mail.name,
      track: mail.trackName,
      municipality: mail.municipalityName,
      page: baseUrl + OWN_CERTIFICATE_PAGE,
      code: mail.verificationCode,
      url: baseUrl + verificationPath(mail.verificationCode),
    }),
  });
}
