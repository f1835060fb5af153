/**
 * The team mails, written to the outbox inside the transaction of the change that causes them,
 * in the recipient's own language (or the sender's for an address without an account).
 */
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator, type Locale } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import { ownTeamPath } from "~/features/organisers/urls";

export const TEAM_INVITATION_MAIL_KIND = "team-invitation";
export const TEAM_DECISION_MAIL_KIND = "team-decision";

/** The page behind an invitation link (mailed or shared). */
export function teamInvitationPath(token: string): string {
  return `/team-uitnodiging/${token}`;
}

export async function queueTeamInvitationMail(
  tx: Transaction,
  invitation: { to: string; locale: Locale; token: string; teamName: string; inviterName: string; municipalityId: string; municipalityName: string; expiresAt: Date },
): Promise<void> {
  const t = translator(invitation.locale);
  const url = `${baseUrl}${teamInvitationPath(invitation.token)}`;
  const values = {
    team: invitation.teamName,
    inviter: invitation.inviterName,
    municipality: invitation.municipalityName,
    url,
    until: formatInZone(invitation.expiresAt, invitation.locale, { dateStyle: "long" }),
  };
  await queueEmail(tx, {
    to: invitation.to,
    kind: TEAM_INVITATION_MAIL_KIND,
    locale: invitation.locale,
    municipalityId: invitation.municipalityId,
    secretLinks: [url],
    subject: t("teams.mail.invitation.subject", values),
    text: t("teams.mail.invitation.body", values),
  });
}

export async function queueTeamDecisionMail(
  tx: Transaction,
  decision: { to: string; name: string; locale: string | null; teamId: string; teamName: string; municipalityId: string; confirmed: boolean; reason?: string },
): Promise<void> {
  const locale: Locale = isLocale(decision.locale) ? decision.locale : "nl";
  const t = translator(locale);
  const values = { name: decision.name, team: decision.teamName, reason: decision.reason ?? "", url: `${baseUrl}${ownTeamPath(decision.teamId)}` };
  await queueEmail(tx, {
    to: decision.to,
    kind: TEAM_DECISION_MAIL_KIND,
    locale,
    municipalityId: decision.municipalityId,
    subject: t(decision.confirmed ? "teams.mail.confirmed.subject" : "teams.mail.declined.subject", values),
    text: t(decision.confirmed ? "teams.mail.confirmed.body" : "teams.mail.declined.body", values),
  });
}
