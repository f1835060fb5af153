/**
 * The ceremony's message to a trainee whose final presentation is assigned to it: when, where,
 * the programme and their own presentation. Written to the outbox inside the assigning
 * transaction, in the trainee's own language.
 */
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import { OWN_PRACTICE_PATHS } from "./urls";

export interface CeremonyMail {
  municipalityId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  programme: string;
}

export async function queuePresentationAssignedMail(
  tx: Transaction,
  ceremony: CeremonyMail,
  presentation: { title: string; position: number },
  recipient: { name: string; email: string; locale: string },
): Promise<void> {
  const locale = isLocale(recipient.locale) ? recipient.locale : "nl";
  const t = translator(locale);
  const body = t("finale.mail.assigned.body", {
    name: recipient.name,
    ceremony: ceremony.title,
    when: formatInZone(ceremony.startsAt, locale),
    until: formatInZone(ceremony.endsAt, locale, { timeStyle: "short" }),
    location: ceremony.location,
    presentation: presentation.title,
    position: presentation.position,
    programme: ceremony.programme || t("finale.ceremony.noProgramme"),
    url: baseUrl + OWN_PRACTICE_PATHS.report,
  });
  await queueEmail(tx, {
    to: recipient.email,
    kind: "presentation-assigned",
    locale,
    municipalityId: ceremony.municipalityId,
    subject: t("finale.mail.assigned.subject", { ceremony: ceremony.title }),
    text: body,
  });
}
