/**
 * The requester's mail at each decision: approved (also at once, under the auto-approve amount),
 * declined with the reason, settlement accepted, settlement sent back with the comment. Written to
 * the outbox inside the transaction of the decision (queueEmail), in the requester's language.
 * Mails are plain text: markup a requester typed stays text.
 */
import { eq } from "drizzle-orm";
import { ownActivityPath, OWN_ORGANISING_PATHS } from "~/features/organisers/urls";
import type { Transaction } from "~/lib/db/client.server";
import { users } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatEuros } from "./money";

export type DecisionMail =
  | { kind: "approved"; grantedCents: number; requestedCents: number }
  | { kind: "declined"; reason: string }
  | { kind: "settled"; spentCents: number; releasedCents: number }
  | { kind: "returned"; comment: string };

export async function queueDecisionMail(
  tx: Transaction,
  request: { municipalityId: string; requestedBy: string | null; purpose: string; activityId: string | null },
  mail: DecisionMail,
): Promise<void> {
  if (!request.requestedBy) return;
  const [person] = await tx.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, request.requestedBy));
  if (!person) return;
  const locale = isLocale(person.locale) ? person.locale : "nl";
  const t = translator(locale);
  const url = baseUrl + (request.activityId ? ownActivityPath(request.activityId, "budget") : OWN_ORGANISING_PATHS.budget);
  const purpose = request.purpose.length > 200 ? `${request.purpose.slice(0, 200)}…` : request.purpose;
  const common = { name: person.name, purpose, url };
  const content =
    mail.kind === "approved"
      ? {
          subject: t("budgets.mail.approved.subject"),
          text: t(mail.grantedCents < mail.requestedCents ? "budgets.mail.approved.lowerBody" : "budgets.mail.approved.body", {
            ...common,
            granted: formatEuros(mail.grantedCents, locale),
            requested: formatEuros(mail.requestedCents, locale),
          }),
        }
      : mail.kind === "declined"
        ? { subject: t("budgets.mail.declined.subject"), text: t("budgets.mail.declined.body", { ...common, reason: mail.reason }) }
        : mail.kind === "settled"
          ? {
              subject: t("budgets.mail.settled.subject"),
              text: t("budgets.mail.settled.body", { ...common, spent: formatEuros(mail.spentCents, locale), released: formatEuros(mail.releasedCents, locale) }),
            }
          : { subject: t("budgets.mail.returned.subject"), text: t("budgets.mail.returned.body", { ...common, comment: mail.comment }) };
  await queueEmail(tx, { to: person.email, kind: `budget-${mail.kind}`, locale, municipalityId: request.municipalityId, ...content });
}
