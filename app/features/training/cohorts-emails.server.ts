/**
 * The messages of a cohort's schedule. Each is written to the outbox inside the transaction of
 * the change that causes it (queueEmail), in the recipient's own language (users.locale).
 */
import type { Transaction } from "~/lib/db/client.server";
import type { SessionKind } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { isLocale, translator } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";
import { courseCalendarPath } from "./cohorts-urls";

export interface ReminderSession {
  municipalityId: string;
  municipalityName: string;
  cohortName: string;
  kind: SessionKind;
  moduleTitle: string | null;
  startsAt: Date;
  endsAt: Date;
  location: string;
}

export interface ReminderRecipient {
  name: string;
  email: string;
  locale: string;
}

/** "Tomorrow: meeting of <cohort>": when, where, which module, in the trainee's language. */
export async function queueSessionReminder(tx: Transaction, session: ReminderSession, recipient: ReminderRecipient): Promise<void> {
  const locale = isLocale(recipient.locale) ? recipient.locale : "nl";
  const t = translator(locale);
  const kind = t(`sessionReminder.kind.${session.kind}`);
  const body = t("sessionReminder.body", {
    name: recipient.name,
    kind,
    cohort: session.cohortName,
    when: formatInZone(session.startsAt, locale),
    until: formatInZone(session.endsAt, locale, { timeStyle: "short" }),
    location: session.location,
    module: session.moduleTitle ? t("sessionReminder.module", { module: session.moduleTitle }) : "",
    municipality: session.municipalityName,
  });
  await queueEmail(tx, {
    to: recipient.email,
    kind: "session-reminder",
    locale,
    municipalityId: session.municipalityId,
    subject: t("sessionReminder.subject", { kind, cohort: session.cohortName }),
    text: `${body}\n\n${t("sessionReminder.calendar", { url: baseUrl + courseCalendarPath() })}`,
  });
}
