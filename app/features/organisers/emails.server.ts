/**
 * Mails of residents' own activities, written to the outbox inside the transaction of the change
 * (queueEmail), each in the recipient's language: to coaches when a plan waits for review, to the
 * organiser and co-organisers after the review, and an organiser's announcement to participants.
 */
import { publicActivityPath } from "~/features/activities/urls";
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator, type Locale } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import { ownActivityPath, staffOrganisedActivityPath } from "./urls";

export interface Recipient {
  name: string;
  email: string;
  locale: string;
}

export interface PlanMail {
  municipalityId: string;
  slug: string;
  activityId: string;
  title: string;
  startsAt: Date;
  organiser: string;
}

function localeOf(recipient: { locale: string }): Locale {
  return isLocale(recipient.locale) ? recipient.locale : "nl";
}

export async function queuePlanSubmittedMail(tx: Transaction, to: Recipient, plan: PlanMail): Promise<void> {
  const locale = localeOf(to);
  const t = translator(locale);
  await queueEmail(tx, {
    to: to.email,
    kind: "organised-activity-submitted",
    locale,
    municipalityId: plan.municipalityId,
    subject: t("organisers.mail.submitted.subject", { organiser: plan.organiser }),
    text: t("organisers.mail.submitted.body", {
      name: to.name,
      organiser: plan.organiser,
      title: plan.title,
      when: formatInZone(plan.startsAt, locale),
      url: baseUrl + staffOrganisedActivityPath(plan.slug, plan.activityId),
    }),
  });
}

export async function queuePlanReviewedMail(tx: Transaction, to: Recipient, plan: PlanMail, outcome: { approved: true } | { approved: false; comment: string }): Promise<void> {
  const locale = localeOf(to);
  const t = translator(locale);
  const url = baseUrl + ownActivityPath(plan.activityId);
  await queueEmail(tx, {
    to: to.email,
    kind: outcome.approved ? "organised-activity-approved" : "organised-activity-changes-requested",
    locale,
    municipalityId: plan.municipalityId,
    ...(outcome.approved
      ? {
          subject: t("organisers.mail.approved.subject", { title: plan.title }),
          text: t("organisers.mail.approved.body", { name: to.name, title: plan.title, publicUrl: baseUrl + publicActivityPath(plan.slug, plan.activityId), url }),
        }
      : {
          subject: t("organisers.mail.changes.subject", { title: plan.title }),
          text: t("organisers.mail.changes.body", { name: to.name, title: plan.title, comment: outcome.comment, url }),
        }),
  });
}

/**
 * The organiser's announcement, as plain text (the HTML part escapes it). The sender is named by
 * the activity's public organiser name; no other recipient's address is in the message.
 */
export async function queueAnnouncementMail(
  tx: Transaction,
  to: { name: string; email: string; locale: string },
  activity: { municipalityId: string; slug: string; id: string; title: string; startsAt: Date; organiserName: string },
  message: { subject: string; body: string },
): Promise<void> {
  const locale = localeOf(to);
  const t = translator(locale);
  await queueEmail(tx, {
    to: to.email,
    kind: "organised-activity-announcement",
    locale,
    municipalityId: activity.municipalityId,
    subject: t("organisers.mail.announcement.subject", { title: activity.title, subject: message.subject }),
    text: t("organisers.mail.announcement.body", {
      name: to.name,
      organiser: activity.organiserName,
      title: activity.title,
      when: formatInZone(activity.startsAt, locale),
      body: message.body,
      url: baseUrl + publicActivityPath(activity.slug, activity.id),
    }),
  });
}
