/**
 * Reads of the warm handover: what the course leader's proposal page needs about one trainee
 * (certificate, goals, observations, a live placement, the municipality's practice supervisors),
 * what a placement shares, and the consent a guardian's link points to. Staff reads take the
 * municipality scope from the gate.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { findConsentByToken } from "~/features/privacy/consent.server";
import { CONSENT_TEXTS, isConsentTextKey } from "~/features/privacy/consent-texts";
import { ageOn, todayInAmsterdam } from "~/features/training/age";
import type { CourseCohort } from "~/features/training/course-reads.server";
import { db, type Executor } from "~/lib/db/client.server";
import {
  applications,
  certificates,
  cohorts,
  consentRecords,
  developmentPlans,
  enrolments,
  learningGoals,
  memberships,
  municipalities,
  partnerOrganisations,
  placements,
  trackVersions,
  users,
} from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { getProgrammeSettings } from "./settings-reads.server";

/** Under this age a guardian decides about sharing (the AVG's age of digital consent in the Netherlands). */
export const OWN_CONSENT_AGE = 16;

/** Age today from a date of birth; null when unknown (the application was erased). */
export function ageToday(dateOfBirth: string | null, now: Date = new Date()): number | null {
  return dateOfBirth ? ageOn(dateOfBirth, todayInAmsterdam(now)) : null;
}

/** Whether a guardian must agree to sharing: known to be under 16. */
export function needsGuardianForSharing(dateOfBirth: string | null, now: Date = new Date()): boolean {
  const age = ageToday(dateOfBirth, now);
  return age !== null && age < OWN_CONSENT_AGE;
}

/** The learning goals a placement shares: the enrolment's goals, in the plan's order. */
export async function sharedGoalsOf(enrolmentId: string, executor: Executor = db()) {
  return executor
    .select({ id: learningGoals.id, description: learningGoals.description, status: learningGoals.status })
    .from(learningGoals)
    .where(eq(learningGoals.enrolmentId, enrolmentId))
    .orderBy(asc(learningGoals.position));
}

/** The course leader's observations in the development plan as they are now ("" when none). */
export async function currentObservations(enrolmentId: string, executor: Executor = db()): Promise<string> {
  const [plan] = await executor.select({ observations: developmentPlans.observations }).from(developmentPlans).where(eq(developmentPlans.enrolmentId, enrolmentId));
  return plan?.observations ?? "";
}

/** Every practice supervisor of the municipality, one option per partner organisation they supervise for. */
export async function listSupervisorOptions(municipalityId: MunicipalityId) {
  return db()
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, partnerOrganisationId: partnerOrganisations.id, partnerName: partnerOrganisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.partnerOrganisationId))
    .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.role, "practice_supervisor"), eq(partnerOrganisations.municipalityId, municipalityId)))
    .orderBy(asc(users.name), asc(partnerOrganisations.name), asc(memberships.id));
}

/** One practice_supervisor membership of this municipality (the proposal form's choice), or null. */
export async function findSupervisorMembership(executor: Executor, municipalityId: MunicipalityId, membershipId: string) {
  if (!isUuid(membershipId)) return null;
  const [row] = await executor
    .select({ userId: memberships.userId, partnerOrganisationId: memberships.partnerOrganisationId, name: users.name, email: users.email, locale: users.locale, partnerName: partnerOrganisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.partnerOrganisationId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.municipalityId, municipalityId), eq(memberships.role, "practice_supervisor"), eq(partnerOrganisations.municipalityId, municipalityId)));
  return row && row.partnerOrganisationId ? { ...row, partnerOrganisationId: row.partnerOrganisationId } : null;
}

/** The trainee of a proposal as the rules need them: account, application (age, guardian) and certificate. */
export async function findHandoverTrainee(executor: Executor, municipalityId: MunicipalityId, cohortId: string, enrolmentId: string) {
  if (!isUuid(enrolmentId)) return null;
  const [row] = await executor
    .select({
      enrolmentId: enrolments.id,
      enrolmentStatus: enrolments.status,
      userId: enrolments.userId,
      name: users.name,
      email: users.email,
      locale: users.locale,
      dateOfBirth: applications.dateOfBirth,
      applicationId: applications.id,
      applicationLocale: applications.locale,
      guardianName: applications.guardianName,
      guardianEmail: applications.guardianEmail,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .leftJoin(applications, eq(applications.id, enrolments.applicationId))
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.cohortId, cohortId), eq(enrolments.municipalityId, municipalityId)));
  if (!row) return null;
  const [certificate] = await executor
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.enrolmentId, row.enrolmentId), eq(certificates.kind, "participation"), isNull(certificates.revokedAt)));
  return { ...row, hasCertificate: certificate !== undefined };
}
export type HandoverTrainee = NonNullable<Awaited<ReturnType<typeof findHandoverTrainee>>>;

/** The given guardian consent on the application whose text also covers handover sharing, or null. */
export async function findCoveringGuardianConsent(executor: Executor, applicationId: string | null) {
  if (!applicationId) return null;
  const rows = await executor
    .select({ id: consentRecords.id, textVersion: consentRecords.textVersion })
    .from(consentRecords)
    .where(and(eq(consentRecords.subjectApplicationId, applicationId), eq(consentRecords.purpose, "course_application"), eq(consentRecords.givenBy, "guardian"), eq(consentRecords.status, "given")))
    .orderBy(desc(consentRecords.answeredAt));
  return rows.find((r) => isConsentTextKey(r.textVersion) && CONSENT_TEXTS[r.textVersion].coversHandoverSharing) ?? null;
}

export type HandoverRefusal = "no_certificate" | "withdrawn" | "live_placement" | null;

/** Everything the proposal page shows about one trainee of the cohort. */
export async function findProposalContext(municipalityId: MunicipalityId, cohort: CourseCohort, enrolmentId: string) {
  const trainee = await findHandoverTrainee(db(), municipalityId, cohort.id, enrolmentId);
  if (!trainee) return null;
  const [settings, goals, observations, live, supervisors] = await Promise.all([
    getProgrammeSettings(municipalityId),
    sharedGoalsOf(trainee.enrolmentId),
    currentObservations(trainee.enrolmentId),
    db()
      .select({ id: placements.id, status: placements.status, municipalityId: placements.municipalityId, enrolmentId: placements.enrolmentId })
      .from(placements)
      .where(and(eq(placements.traineeUserId, trainee.userId), inArray(placements.status, ["proposed", "active"]))),
    listSupervisorOptions(municipalityId),
  ]);
  const livePlacement = live[0] ?? null;
  return { trainee, settings, goals, observations, livePlacement, supervisors, refusal: handoverRefusal(trainee, settings.handoverDuringCourse, livePlacement !== null) };
}

/** Why a placement cannot be proposed now, or null when it can. */
export function handoverRefusal(trainee: Pick<HandoverTrainee, "hasCertificate" | "enrolmentStatus">, duringCourseAllowed: boolean, hasLivePlacement: boolean): HandoverRefusal {
  if (trainee.enrolmentStatus === "withdrawn") return "withdrawn";
  if (hasLivePlacement) return "live_placement";
  if (!trainee.hasCertificate && !(duringCourseAllowed && trainee.enrolmentStatus === "active")) return "no_certificate";
  return null;
}

/** What a guardian's handover link shows: the consent and the placement it is about. */
export async function findHandoverGuardianConsent(token: string) {
  const consent = await findConsentByToken(db(), token);
  if (!consent || consent.purpose !== "handover_sharing" || consent.givenBy !== "guardian" || !isConsentTextKey(consent.textVersion)) return null;
  const [placement] = await db()
    .select({
      id: placements.id,
      status: placements.status,
      traineeName: users.name,
      partnerName: partnerOrganisations.name,
      supervisorUserId: placements.supervisorUserId,
      municipalityName: municipalities.name,
      trackName: trackVersions.name,
      cohortName: cohorts.name,
    })
    .from(placements)
    .innerJoin(users, eq(users.id, placements.traineeUserId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, placements.partnerOrganisationId))
    .innerJoin(municipalities, eq(municipalities.id, placements.municipalityId))
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(eq(placements.sharingConsentId, consent.id));
  if (!placement) return null;
  const supervisorName = placement.supervisorUserId ? ((await db().select({ name: users.name }).from(users).where(eq(users.id, placement.supervisorUserId)))[0]?.name ?? "") : "";
  return { consent, textVersion: consent.textVersion, placement: { ...placement, supervisorName } };
}
