/**
 * The messages of the warm handover. Each is written to the outbox inside the transaction of the
 * change that causes it (queueEmail), in the recipient's own language.
 */
import { CONSENT_TEXTS, renderConsentText, type ConsentTextKey } from "~/features/privacy/consent-texts";
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator, type MessageKey } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import { placementPath, OWN_PRACTICE_PATHS } from "./urls";

export const HANDOVER_MAIL_KINDS = ["proposed", "proposedMinor", "guardianSharing", "supervisorShared", "leadersRefused", "accepted", "declined", "withdrawn", "ended"] as const;
export type HandoverMailKind = (typeof HANDOVER_MAIL_KINDS)[number];

export interface HandoverMailRecipient {
  name: string;
  email: string;
  locale: string | null;
  /** Where the recipient acts on it: the staff placement page, the trainee's own page, or a consent link. */
  audience: "staff" | "trainee" | "guardian";
}

export interface HandoverMailPlacement {
  id: string;
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  traineeName: string;
  partnerName: string;
  supervisorName: string;
  trackName: string;
  handoverAt: Date;
  handoverPlace: string;
}

/** The page behind a guardian's handover consent link (the same page as the course application's). */
export function handoverConsentPath(token: string): string {
  return `/toestemming/${token}`;
}

export async function queueHandoverEmail(
  tx: Transaction,
  kind: HandoverMailKind,
  placement: HandoverMailPlacement,
  recipient: HandoverMailRecipient,
  extra: { reason?: string; consentToken?: string; consentText?: ConsentTextKey } = {},
): Promise<void> {
  const locale = isLocale(recipient.locale) ? recipient.locale : "nl";
  const t = translator(locale);
  const link =
    recipient.audience === "guardian" && extra.consentToken
      ? baseUrl + handoverConsentPath(extra.consentToken)
      : recipient.audience === "trainee"
        ? baseUrl + OWN_PRACTICE_PATHS.overview
        : baseUrl + placementPath(placement.municipalitySlug, placement.id);
  const values = {
    name: recipient.name,
    trainee: placement.traineeName,
    partner: placement.partnerName,
    supervisor: placement.supervisorName,
    municipality: placement.municipalityName,
    track: placement.trackName,
    when: formatInZone(placement.handoverAt, locale),
    place: placement.handoverPlace,
    reason: extra.reason ?? "",
    link,
  };
  const parts = [t(`handover.mail.${kind}.body` as MessageKey, values)];
  if (kind === "guardianSharing" && extra.consentText) {
    parts.push(renderConsentText(extra.consentText, locale, values).join("\n\n"));
    parts.push(t("handover.mail.consentVersion", { version: extra.consentText, date: CONSENT_TEXTS[extra.consentText].publishedOn }));
  }
  parts.push(t("handover.mail.link", values));
  parts.push(t("handover.mail.signature", values));
  await queueEmail(tx, {
    to: recipient.email,
    kind: `handover-${kind}`,
    locale,
    municipalityId: placement.municipalityId,
    secretLinks: recipient.audience === "guardian" ? [link] : [],
    subject: t(`handover.mail.${kind}.subject` as MessageKey, values),
    text: parts.join("\n\n"),
  });
}
