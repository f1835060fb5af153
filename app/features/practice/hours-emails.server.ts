/**
 * The mail of practice hours: a returned entry tells the trainee what the supervisor asked, in
 * the trainee's own language (users.locale). Written to the outbox in the transaction that
 * returns the entry.
 */
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import { OWN_PRACTICE_PATHS } from "./urls";

export async function queueHoursReturned(
  tx: Transaction,
  input: { municipalityId: string; trainee: { name: string; email: string; locale: string }; supervisorName: string; startsAt: Date; endsAt: Date; comment: string },
): Promise<void> {
  const locale = isLocale(input.trainee.locale) ? input.trainee.locale : "nl";
  const t = translator(locale);
  const when = `${formatInZone(input.startsAt, locale, { dateStyle: "full", timeStyle: "short" })} – ${formatInZone(input.endsAt, locale, { timeStyle: "short" })}`;
  await queueEmail(tx, {
    to: input.trainee.email,
    kind: "practice-hours-returned",
    locale,
    municipalityId: input.municipalityId,
    subject: t("hours.mail.returned.subject"),
    text: t("hours.mail.returned.body", { name: input.trainee.name, supervisor: input.supervisorName, when, comment: input.comment, url: baseUrl + OWN_PRACTICE_PATHS.hours }),
  });
}
