/**
 * The practice alert mails: to the project leader when a proposal is not answered in time, to
 * the supervisor and the project leader when a placement has gone quiet. Each is written to the
 * outbox inside the job's transaction that marks the placement as mailed, in the recipient's own
 * language (users.locale).
 */
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import { placementPath } from "./urls";

export interface AlertRecipient {
  name: string;
  email: string;
  locale: string;
}

export interface AlertMailPlacement {
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  placementId: string;
  traineeName: string;
  partnerName: string;
  /** The moment the days are counted from. */
  since: Date;
  days: number;
}

export const ANSWER_OVERDUE_MAIL_KIND = "practice-answer-overdue";
export const PLACEMENT_QUIET_MAIL_KIND = "practice-placement-quiet";

async function queueAlertMail(tx: Transaction, kind: "answerOverdue" | "placementQuiet", placement: AlertMailPlacement, recipient: AlertRecipient) {
  const locale = isLocale(recipient.locale) ? recipient.locale : "nl";
  const t = translator(locale);
  const url = baseUrl + placementPath(placement.municipalitySlug, placement.placementId);
  const values = {
    name: recipient.name,
    trainee: placement.traineeName,
    partner: placement.partnerName,
    days: placement.days,
    since: formatInZone(placement.since, locale, { dateStyle: "long" }),
    municipality: placement.municipalityName,
    url,
  };
  await queueEmail(tx, {
    to: recipient.email,
    kind: kind === "answerOverdue" ? ANSWER_OVERDUE_MAIL_KIND : PLACEMENT_QUIET_MAIL_KIND,
    locale,
    municipalityId: placement.municipalityId,
    subject: t(`pipeline.mail.${kind}.subject`, values),
    text: t(`pipeline.mail.${kind}.body`, values),
  });
}

export function queueAnswerOverdueMail(tx: Transaction, placement: AlertMailPlacement, recipient: AlertRecipient): Promise<void> {
  return queueAlertMail(tx, "answerOverdue", placement, recipient);
}

export function queuePlacementQuietMail(tx: Transaction, placement: AlertMailPlacement, recipient: AlertRecipient): Promise<void> {
  return queueAlertMail(tx, "placementQuiet", placement, recipient);
}
