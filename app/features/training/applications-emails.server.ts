/**
 * The messages of an application: to the applicant, to their guardian and to the course leaders.
 * Each is written to the outbox inside the transaction of the change that causes it, in the
 * language the applicant applied in (the guardian gets that language too).
 */
import { eq } from "drizzle-orm";
import { CONSENT_TEXTS, renderConsentText, type ConsentTextKey } from "~/features/privacy/consent-texts";
import type { Executor, Transaction } from "~/lib/db/client.server";
import { cohorts, municipalities, trackVersions } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { translator, type Locale, type MessageKey } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { formatInZone } from "~/lib/time";

/** Days a pending application waits for its confirmation and consent before it is deleted. */
export const PENDING_APPLICATION_DAYS = 14;

export interface MailCohort {
  id: string;
  name: string;
  trackName: string;
  municipalityId: string;
  municipalityName: string;
  startsOn: string;
}

export async function loadMailCohort(executor: Executor, cohortId: string): Promise<MailCohort> {
  const [row] = await executor
    .select({
      id: cohorts.id,
      name: cohorts.name,
      trackName: trackVersions.name,
      municipalityId: cohorts.municipalityId,
      municipalityName: municipalities.name,
      startsOn: cohorts.startsOn,
    })
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .innerJoin(municipalities, eq(municipalities.id, cohorts.municipalityId))
    .where(eq(cohorts.id, cohortId));
  if (!row) throw new Error(`Cohort ${cohortId} vanished inside its own transaction`);
  return row;
}

export const applicationStatusPath = (token: string) => `/cursus-aanmelding/${token}`;
export const consentPath = (token: string) => `/toestemming/${token}`;

export type ApplicationMailKind =
  | "confirm"
  | "alreadyApplied"
  | "submitted"
  | "intakePlanned"
  | "admitted"
  | "waitlisted"
  | "declined"
  | "withdrawn"
  | "guardianConsent"
  | "guardianAdmitted"
  | "guardianWaitlisted"
  | "guardianDeclined"
  | "leadersConsentWithdrawn"
  | "leadersWithdrawn";

export interface ApplicationMail {
  to: string;
  locale: Locale;
  /** The name the mail greets. */
  name: string;
  applicantName: string;
  /** A secret link (status page or consent page), shown only to the recipient in the mail viewer. */
  link?: string;
  intakeAt?: Date;
  intakeLocation?: string;
  consentText?: ConsentTextKey;
  needsGuardianConsent?: boolean;
}

/** Queues one message about an application. */
export async function queueApplicationEmail(tx: Transaction, kind: ApplicationMailKind, cohort: MailCohort, mail: ApplicationMail): Promise<void> {
  const t = translator(mail.locale);
  const values = {
    name: mail.name,
    applicant: mail.applicantName,
    track: cohort.trackName,
    cohort: cohort.name,
    municipality: cohort.municipalityName,
    startsOn: formatInZone(new Date(`${cohort.startsOn}T12:00:00Z`), mail.locale, { dateStyle: "long" }),
    link: mail.link ? baseUrl + mail.link : "",
    when: mail.intakeAt ? formatInZone(mail.intakeAt, mail.locale) : "",
    where: mail.intakeLocation ?? "",
    days: PENDING_APPLICATION_DAYS,
  };
  const parts = [t(`applicationMail.${kind}.body` as MessageKey, values)];
  if (kind === "confirm" && mail.needsGuardianConsent) parts.push(t("applicationMail.confirm.guardianNote", values));
  if (kind === "guardianConsent" && mail.consentText) {
    parts.push(renderConsentText(mail.consentText, mail.locale, { ...values, retentionDays: PENDING_APPLICATION_DAYS }).join("\n\n"));
    parts.push(t("applicationMail.guardianConsent.version", { version: mail.consentText, date: CONSENT_TEXTS[mail.consentText].publishedOn }));
  }
  if (mail.link) parts.push(t(`applicationMail.${kind}.linkHint` as MessageKey, values));
  parts.push(t("applicationMail.signature", values));
  await queueEmail(tx, {
    to: mail.to,
    kind: `application-${kind}`,
    locale: mail.locale,
    municipalityId: cohort.municipalityId,
    secretLinks: mail.link ? [baseUrl + mail.link] : [],
    subject: t(`applicationMail.${kind}.subject` as MessageKey, values),
    text: parts.filter(Boolean).join("\n\n"),
  });
}
