/**
 * The final report's messages: handed in (to the supervisor and course leaders), sent back and
 * assessed (to the trainee). Each is written to the outbox inside the transaction of the change
 * that causes it, in the recipient's own language.
 */
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { OWN_PRACTICE_PATHS, placementPath } from "./urls";

export type FinalReportMailKind = "submitted" | "sentBack" | "assessed";

export interface FinalReportMailContext {
  municipalityId: string;
  slug: string;
  placementId: string;
  traineeName: string;
  comment?: string;
}

export async function queueFinalReportMail(
  tx: Transaction,
  kind: FinalReportMailKind,
  context: FinalReportMailContext,
  recipient: { name: string; email: string; locale: string },
): Promise<void> {
  const locale = isLocale(recipient.locale) ? recipient.locale : "nl";
  const t = translator(locale);
  const url = baseUrl + (kind === "submitted" ? placementPath(context.slug, context.placementId, "eindverslag") : OWN_PRACTICE_PATHS.report);
  const params = { name: recipient.name, trainee: context.traineeName, comment: context.comment ?? "", url };
  await queueEmail(tx, {
    to: recipient.email,
    kind: `final-report-${kind === "sentBack" ? "sent-back" : kind}`,
    locale,
    municipalityId: context.municipalityId,
    subject: t(`finale.mail.${kind}.subject`, params),
    text: t(`finale.mail.${kind}.body`, params),
  });
}
