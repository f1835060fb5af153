/**
 * What the application pages read: the open cohort a resident applies for, the applicant's own
 * view behind their emailed link, and the course leader's lists and application page. Staff reads
 * take the municipality scope from the gate; pending applications show no personal data to staff.
 */
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { Actor } from "~/features/authorization/policy";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { findConsentByToken } from "~/features/privacy/consent.server";
import { isConsentTextKey } from "~/features/privacy/consent-texts";
import { db, type Executor } from "~/lib/db/client.server";
import {
  applications,
  cohortCourseLeaders,
  cohorts,
  consentRecords,
  municipalities,
  neighbourhoods,
  trackVersions,
  users,
  type ApplicationStatus,
} from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { todayInAmsterdam } from "./age";
import { isVisibleToStaff, waitingFor } from "./application-states";
import { hashApplicationToken } from "./application-tokens.server";
import type { CohortRef } from "./policy";

const cohortColumns = {
  id: cohorts.id,
  municipalityId: cohorts.municipalityId,
  name: cohorts.name,
  location: cohorts.location,
  maxSize: cohorts.maxSize,
  admittedCount: cohorts.admittedCount,
  startsOn: cohorts.startsOn,
  applicationsOpenOn: cohorts.applicationsOpenOn,
  applicationsCloseOn: cohorts.applicationsCloseOn,
  publishedAt: cohorts.publishedAt,
  finishedAt: cohorts.finishedAt,
  trackName: trackVersions.name,
  trackDescription: trackVersions.description,
  minAge: trackVersions.minAge,
  maxAge: trackVersions.maxAge,
  guardianConsentBelowAge: trackVersions.guardianConsentBelowAge,
};

/**
 * A cohort a resident may apply for right now: published, not finished, and today (Europe/
 * Amsterdam) within its application period. Null for anything else, including another
 * municipality's cohort.
 */
export async function findCohortOpenForApplications(municipalityId: MunicipalityId, cohortId: string, now: Date = new Date()) {
  if (!isUuid(cohortId)) return null;
  const today = todayInAmsterdam(now);
  const [row] = await db()
    .select(cohortColumns)
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(
      and(
        eq(cohorts.id, cohortId),
        eq(cohorts.municipalityId, municipalityId),
        isNotNull(cohorts.publishedAt),
        isNull(cohorts.finishedAt),
        sql`${cohorts.applicationsOpenOn} <= ${today}::date and ${cohorts.applicationsCloseOn} >= ${today}::date`,
      ),
    );
  return row ?? null;
}
export type OpenCohort = NonNullable<Awaited<ReturnType<typeof findCohortOpenForApplications>>>;

export async function listNeighbourhoods(municipalityId: MunicipalityId) {
  return db()
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.municipalityId, municipalityId))
    .orderBy(asc(neighbourhoods.name));
}

/** A cohort of the municipality for the staff pages, with its course leaders for the policy; null when not found. */
export async function findStaffCohort(municipalityId: MunicipalityId, cohortId: string) {
  if (!isUuid(cohortId)) return null;
  const [row] = await db()
    .select(cohortColumns)
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.municipalityId, municipalityId)));
  if (!row) return null;
  const leaders = await db().select({ userId: cohortCourseLeaders.userId }).from(cohortCourseLeaders).where(eq(cohortCourseLeaders.cohortId, cohortId));
  const ref: CohortRef = { municipalityId: row.municipalityId, courseLeaderIds: leaders.map((l) => l.userId) };
  return { ...row, ref };
}
export type StaffCohort = NonNullable<Awaited<ReturnType<typeof findStaffCohort>>>;

/**
 * The cohort's applications by state. A pending one appears only as the fact that it exists and
 * what it waits for: no name, no address, nothing else.
 */
export async function listCohortApplications(municipalityId: MunicipalityId, cohortId: string) {
  const rows = await db()
    .select({
      id: applications.id,
      status: applications.status,
      name: applications.name,
      ageOnStart: applications.ageOnStart,
      needsGuardianConsent: applications.needsGuardianConsent,
      emailConfirmed: sql<boolean>`${applications.emailConfirmedAt} is not null`,
      intakeAt: applications.intakeAt,
      sequence: applications.sequence,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .where(and(eq(applications.municipalityId, municipalityId), eq(applications.cohortId, cohortId)))
    .orderBy(asc(applications.sequence));
  const pending = rows
    .filter((r) => !isVisibleToStaff(r.status))
    // A pending application with a confirmed address waits for the guardian (else it would be submitted).
    .map((r) => ({ waitingFor: waitingFor({ ...r, consentGiven: false })[0] ?? ("email_confirmation" as const), createdAt: r.createdAt }));
  const visible = rows.filter((r) => isVisibleToStaff(r.status));
  const byStatus = (status: ApplicationStatus) => visible.filter((r) => r.status === status);
  return {
    pending,
    submitted: byStatus("submitted"),
    intakePlanned: byStatus("intake_planned"),
    waitlisted: byStatus("waitlisted").map((r, index) => ({ ...r, position: index + 1 })),
    admitted: byStatus("admitted"),
    declined: byStatus("declined"),
    withdrawn: byStatus("withdrawn"),
  };
}

/** The first on the cohort's waiting list (lowest sequence), or null. */
export async function firstOnWaitlist(executor: Executor, municipalityId: string, cohortId: string) {
  const [row] = await executor
    .select({ id: applications.id, name: applications.name })
    .from(applications)
    .where(and(eq(applications.municipalityId, municipalityId), eq(applications.cohortId, cohortId), eq(applications.status, "waitlisted")))
    .orderBy(asc(applications.sequence))
    .limit(1);
  return row ?? null;
}

/** One application for the staff page; null when it is not in this cohort or still pending. */
export async function findStaffApplication(municipalityId: MunicipalityId, cohortId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  const [row] = await db()
    .select({
      id: applications.id,
      status: applications.status,
      name: applications.name,
      email: applications.email,
      dateOfBirth: applications.dateOfBirth,
      ageOnStart: applications.ageOnStart,
      neighbourhoodName: neighbourhoods.name,
      motivation: applications.motivation,
      talents: applications.talents,
      interests: applications.interests,
      availability: applications.availability,
      heardVia: applications.heardVia,
      locale: applications.locale,
      needsGuardianConsent: applications.needsGuardianConsent,
      guardianName: applications.guardianName,
      guardianEmail: applications.guardianEmail,
      intakeAt: applications.intakeAt,
      intakeLocation: applications.intakeLocation,
      intakeNotes: applications.intakeNotes,
      decidedAt: applications.decidedAt,
      userId: applications.userId,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, applications.neighbourhoodId))
    .where(and(eq(applications.id, applicationId), eq(applications.cohortId, cohortId), eq(applications.municipalityId, municipalityId)));
  if (!row || !isVisibleToStaff(row.status)) return null;
  const [consent] = await db()
    .select({ status: consentRecords.status, textVersion: consentRecords.textVersion, answeredAt: consentRecords.answeredAt, evidence: consentRecords.evidence })
    .from(consentRecords)
    .where(and(eq(consentRecords.subjectApplicationId, row.id), eq(consentRecords.purpose, "course_application")))
    .orderBy(sql`${consentRecords.requestedAt} desc`)
    .limit(1);
  return { ...row, consent: consent ?? null };
}
/**
 * A staff member opens an application: the read and the access-log rows (the application and its
 * intake notes) happen together, so a view without a log row cannot happen.
 */
export async function viewStaffApplication(actor: Actor, municipalityId: MunicipalityId, cohortId: string, applicationId: string) {
  const application = await findStaffApplication(municipalityId, cohortId, applicationId);
  if (!application) return null;
  for (const resource of ["application", "intake_notes"] as const) {
    await logPersonalDataAccess(db(), {
      actor,
      municipalityId,
      subject: { userId: application.userId, applicationId: application.id },
      resource,
    });
  }
  return application;
}

export type StaffApplication = NonNullable<Awaited<ReturnType<typeof findStaffApplication>>>;

/** What the applicant's own page (behind the emailed link) shows. */
export async function findApplicationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db()
    .select({
      id: applications.id,
      status: applications.status,
      name: applications.name,
      needsGuardianConsent: applications.needsGuardianConsent,
      emailConfirmedAt: applications.emailConfirmedAt,
      intakeAt: applications.intakeAt,
      intakeLocation: applications.intakeLocation,
      // Spelled out with the table name: inside the subquery the outer row must be named.
      waitlistPosition: sql<number | null>`case when applications.status = 'waitlisted' then (
        select count(*)::int from applications ahead
        where ahead.cohort_id = applications.cohort_id and ahead.status = 'waitlisted' and ahead.sequence <= applications.sequence
      ) end`,
      cohortName: cohorts.name,
      startsOn: cohorts.startsOn,
      trackName: trackVersions.name,
      municipalityName: municipalities.name,
      municipalitySlug: municipalities.slug,
    })
    .from(applications)
    .innerJoin(cohorts, eq(cohorts.id, applications.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .innerJoin(municipalities, eq(municipalities.id, applications.municipalityId))
    .where(eq(applications.confirmTokenHash, hashApplicationToken(token)));
  if (!row) return null;
  const [consent] = await db()
    .select({ status: consentRecords.status })
    .from(consentRecords)
    .where(and(eq(consentRecords.subjectApplicationId, row.id), eq(consentRecords.purpose, "course_application")))
    .orderBy(sql`${consentRecords.requestedAt} desc`)
    .limit(1);
  return { ...row, consentStatus: consent?.status ?? null };
}

/** The guardian's consent behind a link, with the application it is for; null for an unknown token. */
export async function findGuardianConsent(token: string) {
  const consent = await findConsentByToken(db(), token);
  if (!consent?.subjectApplicationId || consent.purpose !== "course_application" || !isConsentTextKey(consent.textVersion)) return null;
  const application = await findApplicationForConsent(consent.subjectApplicationId);
  if (!application) return null;
  return { consent, application, textVersion: consent.textVersion };
}

/** What the guardian's consent page shows about the application the consent is for. */
async function findApplicationForConsent(applicationId: string) {
  const [row] = await db()
    .select({
      id: applications.id,
      status: applications.status,
      name: applications.name,
      cohortName: cohorts.name,
      trackName: trackVersions.name,
      municipalityName: municipalities.name,
    })
    .from(applications)
    .innerJoin(cohorts, eq(cohorts.id, applications.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .innerJoin(municipalities, eq(municipalities.id, applications.municipalityId))
    .where(eq(applications.id, applicationId));
  return row ?? null;
}

/** The course leaders' addresses of a cohort, for notices about its applications. */
export async function courseLeaderRecipients(executor: Executor, cohortId: string) {
  return executor
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(cohortCourseLeaders)
    .innerJoin(users, eq(users.id, cohortCourseLeaders.userId))
    .where(eq(cohortCourseLeaders.cohortId, cohortId));
}
