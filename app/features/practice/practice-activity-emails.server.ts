/**
 * The practice activity's messages: to the reviewer when a plan is submitted, to the trainee when
 * the reviewer asks for changes or approves it. Each is written to the outbox inside the
 * transaction of the change (queueEmail), in the recipient's own language.
 */
import { publicActivityPath } from "~/features/activities/urls";
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator, type Locale } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import type { MailRecipient } from "./practice-activity-reads.server";
import { OWN_PRACTICE_PATHS, placementPath } from "./urls";

interface MailActivity {
  municipalityId: string;
  municipalitySlug: string;
  placementId: string;
  activityId: string;
  title: string;
  startsAt: Date;
  traineeName: string;
}

/** Queues one message to one person, written in their language by `write`. */
async function queueTo(
  tx: Transaction,
  recipient: MailRecipient,
  activity: MailActivity,
  kind: string,
  write: (t: ReturnType<typeof translator>, locale: Locale) => { subject: string; text: string },
): Promise<void> {
  const locale = isLocale(recipient.locale) ? recipient.locale : "nl";
  await queueEmail(tx, { to: recipient.email, kind, locale, municipalityId: activity.municipalityId, ...write(translator(locale), locale) });
}

/** "<trainee> asks you to review their practice activity": when, and the link to the review page. */
export function queuePlanSubmittedMail(tx: Transaction, reviewer: MailRecipient, activity: MailActivity): Promise<void> {
  return queueTo(tx, reviewer, activity, "practice-activity-submitted", (t, locale) => ({
    subject: t("practiceActivity.mail.submitted.subject", { trainee: activity.traineeName }),
    text: t("practiceActivity.mail.submitted.body", {
      name: reviewer.name,
      trainee: activity.traineeName,
      title: activity.title,
      when: formatInZone(activity.startsAt, locale),
      url: baseUrl + placementPath(activity.municipalitySlug, activity.placementId, "activiteit"),
    }),
  }));
}

/** The reviewer's comment, and the link to the trainee's own page to change the plan. */
export function queueChangesRequestedMail(tx: Transaction, trainee: MailRecipient, activity: MailActivity, comment: string): Promise<void> {
  return queueTo(tx, trainee, activity, "practice-activity-changes-requested", (t) => ({
    subject: t("practiceActivity.mail.changes.subject", { title: activity.title }),
    text: t("practiceActivity.mail.changes.body", { name: trainee.name, title: activity.title, comment, url: baseUrl + OWN_PRACTICE_PATHS.activity }),
  }));
}

/** The plan is approved and in the public calendar: its public page. */
export function queuePlanApprovedMail(tx: Transaction, trainee: MailRecipient, activity: MailActivity): Promise<void> {
  return queueTo(tx, trainee, activity, "practice-activity-approved", (t) => ({
    subject: t("practiceActivity.mail.approved.subject", { title: activity.title }),
    text: t("practiceActivity.mail.approved.body", {
      name: trainee.name,
      title: activity.title,
      publicUrl: baseUrl + publicActivityPath(activity.municipalitySlug, activity.activityId),
      url: baseUrl + OWN_PRACTICE_PATHS.activity,
    }),
  }));
}
