/**
 * The photo consent request: one mail per participant (to a parent or guardian for an under-16),
 * in the language they signed up in, with the link to the consent page. Written to the outbox in
 * the transaction that creates the consent record, so a rolled-back request sends nothing.
 */
import { loadMailActivity } from "~/features/registrations/emails.server";
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { translator, type Locale } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";

export const PHOTO_CONSENT_MAIL_KIND = "organisers.photo_consent_request";

export async function queuePhotoConsentMail(
  tx: Transaction,
  request: { to: string; locale: Locale; municipalityId: string; activityId: string; participantName: string; forGuardian: boolean; activityTitle: string; startsAt: Date; token: string },
): Promise<void> {
  const t = translator(request.locale);
  // Signed like every mail about an activity: its organiser as the calendar names them, via the municipality.
  const activity = await loadMailActivity(tx, request.activityId);
  const signature = t("registrationMail.signature", { organiser: activity.organiserName, municipality: activity.municipalityName });
  const url = `${baseUrl}/toestemming/${request.token}`;
  const values = { name: request.participantName, title: request.activityTitle, when: formatInZone(request.startsAt, request.locale, { dateStyle: "long" }), url };
  await queueEmail(tx, {
    to: request.to,
    locale: request.locale,
    kind: PHOTO_CONSENT_MAIL_KIND,
    municipalityId: request.municipalityId,
    subject: t(request.forGuardian ? "organisers.photoMail.guardian.subject" : "organisers.photoMail.self.subject", values),
    text: [t(request.forGuardian ? "organisers.photoMail.guardian.body" : "organisers.photoMail.self.body", values), t("organisers.photoMail.notExpected"), signature].join("\n\n"),
    secretLinks: [url],
  });
}
