/**
 * The messages a registered person receives. Each is written to the outbox inside the
 * transaction of the change that causes it (queueEmail), in the language the person registered in.
 */
import { eq } from "drizzle-orm";
import { activityToIcs, type IcsActivity } from "~/features/activities/ics.server";
import { publicOrganiserName } from "~/features/activities/organiser.server";
import { cancellationPath, publicActivityPath } from "~/features/activities/urls";
import type { Transaction } from "~/lib/db/client.server";
import { activities, municipalities, neighbourhoods } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { translator, type Locale } from "~/lib/i18n";
import { queueEmail, type Attachment } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";

/** What a message says about the activity. */
export interface MailActivity extends IcsActivity {
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  organiserName: string;
}

export type RegistrationMailKind =
  | "confirmed"
  | "waitlisted"
  | "alreadyConfirmed"
  | "alreadyWaitlisted"
  | "promoted"
  | "cancelled"
  | "activityCancelled"
  | "activityChanged";

/**
 * Which messages carry the activity as an .ics attachment. Only a held place goes into the
 * person's calendar: a waitlist place is no appointment (the .ics would say STATUS:CONFIRMED), and
 * a cancelled registration's attachment would carry STATUS:CANCELLED, which removes it from calendars.
 */
const WITH_CALENDAR: ReadonlySet<RegistrationMailKind> = new Set(["confirmed", "alreadyConfirmed", "promoted", "activityCancelled", "activityChanged"]);

export interface MailRecipient {
  name: string;
  email: string;
  locale: Locale;
}

/** Reads what the messages need about an activity (not locking anything: the caller holds the activity lock). */
export async function loadMailActivity(tx: Transaction, activityId: string): Promise<MailActivity> {
  const [row] = await tx
    .select({
      id: activities.id,
      title: activities.title,
      description: activities.description,
      location: activities.location,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      status: activities.status,
      organiserName: publicOrganiserName,
      updatedAt: activities.updatedAt,
      createdAt: activities.createdAt,
      municipalityId: activities.municipalityId,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
      neighbourhoodName: neighbourhoods.name,
    })
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(eq(activities.id, activityId));
  if (!row) throw new Error(`Activity ${activityId} vanished inside its own transaction`);
  return row;
}

function icsAttachment(activity: MailActivity): Attachment {
  return {
    filename: "activiteit.ics",
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: activityToIcs([activity], {
      calendarName: activity.title,
      url: () => baseUrl + publicActivityPath(activity.municipalitySlug, activity.id),
    }),
  };
}

/** Queues one message about a registration; `cancelToken` is only known right after registering. */
export async function queueRegistrationEmail(
  tx: Transaction,
  kind: RegistrationMailKind,
  activity: MailActivity,
  recipient: MailRecipient,
  extra: { cancelToken?: string; position?: number; onWaitlist?: boolean } = {},
): Promise<void> {
  const t = translator(recipient.locale);
  const location = activity.neighbourhoodName ? `${activity.location} (${activity.neighbourhoodName})` : activity.location;
  const details = t("registrationMail.details", {
    title: activity.title,
    when: formatInZone(activity.startsAt, recipient.locale),
    until: formatInZone(activity.endsAt, recipient.locale, { timeStyle: "short" }),
    location,
    organiser: activity.organiserName,
    url: baseUrl + publicActivityPath(activity.municipalitySlug, activity.id),
  });
  const cancelUrl = extra.cancelToken ? baseUrl + cancellationPath(extra.cancelToken) : null;
  const isRepeat = kind === "alreadyConfirmed" || kind === "alreadyWaitlisted";
  const cancelHint = cancelUrl
    ? t(isRepeat ? "registrationMail.alreadyCancelHint" : "registrationMail.cancelHint", { cancelUrl })
    : kind === "promoted"
      ? t("registrationMail.promoted.cancelHint")
      : "";
  const intro = t(`registrationMail.${kind}.intro`, { name: recipient.name, position: extra.position ?? 0 });
  const signature = t("registrationMail.signature", {
    organiser: activity.organiserName,
    municipality: activity.municipalityName,
  });
  await queueEmail(tx, {
    to: recipient.email,
    kind: `registration-${kind}`,
    locale: recipient.locale,
    municipalityId: activity.municipalityId,
    secretLinks: cancelUrl ? [cancelUrl] : [],
    subject: t(`registrationMail.${kind}.subject`, { title: activity.title }),
    text: [intro, details, cancelHint, signature].filter(Boolean).join("\n\n"),
    // A change mailed to the waitlist carries no .ics either: it would add a confirmed event.
    attachments: WITH_CALENDAR.has(kind) && !(extra.onWaitlist && kind === "activityChanged") ? [icsAttachment(activity)] : undefined,
  });
}
