/**
 * The practice activity's messages: to the reviewer when a plan is submitted, to the trainee when
 * the reviewer asks for changes or approves it. Each is written to the outbox inside the
 * transaction of the change (queueEmail), in the recipient's own language.
 */
import { publicActivityPath } from "~/features/activities/urls";
import type { Transaction } from "~/lib/db/client.server";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
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

function localeOf(recipient: MailRecipient) {
  return isLocale(recipient.locale) ? recipient.locale : "nl";
}

/** "<trainee> asks you to review their practice activity": when, and the link to the review page. */
export async function queuePlanSubmittedMail(tx: Transaction, reviewer: MailRecipient, activity: MailActivity): Promise<void> {
  const locale = localeOf(reviewer);
  const t = translator(locale);
  await queueEmail(tx, {
    to: reviewer.email,
    kind: "practice-activity-submitted",
    locale,
    municipalityId: activity.municipalityId,
    subject: t("practiceActivity.mail.submitted.subject", { trainee: activity.traineeName }),
    text: t("practiceActivity.mail.submitted.body", {
      name: reviewer.name,
      trainee: activity.traineeName,
      title: activity.title,
      when: formatInZone(activity.startsAt, locale),
      url: baseUrl + placementPath(activity.municipalitySlug, activity.placementId, "activiteit"),
    }),
  });
}

/** The reviewer's comment, and the link to the trainee's own page to change the plan. */
export async function queueChangesRequestedMail(tx: Transaction, trainee: MailRecipient, activity: MailActivity, comment: string): Promise<void> {
  const locale = localeOf(trainee);
  const t = translator(locale);
  await queueEmail(tx, {
    to: trainee.email,
    kind: "practice-activity-changes-requested",
    locale,
    municipalityId: activity.municipalityId,
    subject: t("practiceActivity.mail.changes.subject", { title: activity.title }),
    text: t("practiceActivity.mail.changes.body", { name: trainee.name, title: activity.title, comment, url: baseUrl + OWN_PRACTICE_PATHS.activity }),
  });
}

/** The plan is approved and in the public calendar: its public page. */
export async function queuePlanApprovedMail(tx: Transaction, trainee: MailRecipient, activity: MailActivity): Promise<void> {
  const locale = localeOf(trainee);
  const t = translator(locale);
  await queueEmail(tx, {
    to: trainee.email,
    kind: "practice-activity-approved",
    locale,
    municipalityId: activity.municipalityId,
    subject: t("practiceActivity.mail.approved.subject", { title: activity.title }),
    text: t("practiceActivity.mail.approved.body", {
      name: trainee.name,
      title: activity.title,
      publicUrl: baseUrl + publicActivityPath(activity.municipalitySlug, activity.activityId),
      url: baseUrl + OWN_PRACTICE_PATHS.activity,
    }),
  });
}
