/**
 * Reads of placements for the supervisor's working area, the placement page and the trainee's
 * own practice page. Staff reads take the municipality scope from the gate.
 */
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { applications, coachingNotes, consentRecords, enrolments, memberships, municipalities, partnerOrganisations, placements, users } from "~/lib/db/schema";
import { sharedGoalsOf } from "./handover-reads.server";

/**
 * The placements this person supervises in the municipality: shared proposals waiting for their
 * answer and active placements. Only while they are still a practice supervisor of the
 * placement's partner organisation (the membership join), never a colleague's trainees.
 */
export async function listSupervisorPlacements(municipalityId: MunicipalityId | string, supervisorUserId: string) {
  return db()
    .selectDistinct({
      id: placements.id,
      enrolmentId: placements.enrolmentId,
      status: placements.status,
      traineeUserId: placements.traineeUserId,
      traineeName: users.name,
      traineeDateOfBirth: applications.dateOfBirth,
      partnerName: partnerOrganisations.name,
      handoverAt: placements.handoverAt,
      handoverPlace: placements.handoverPlace,
      sharedAt: placements.sharedAt,
      startedAt: placements.startedAt,
    })
    .from(placements)
    .innerJoin(users, eq(users.id, placements.traineeUserId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, placements.partnerOrganisationId))
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .leftJoin(applications, eq(applications.id, enrolments.applicationId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, placements.supervisorUserId),
        eq(memberships.role, "practice_supervisor"),
        eq(memberships.municipalityId, placements.municipalityId),
        eq(memberships.partnerOrganisationId, placements.partnerOrganisationId),
      ),
    )
    .where(
      and(
        eq(placements.municipalityId, municipalityId),
        eq(placements.supervisorUserId, supervisorUserId),
        isNotNull(placements.sharedAt),
        inArray(placements.status, ["proposed", "active"]),
      ),
    )
    .orderBy(asc(placements.handoverAt), asc(placements.id));
}
export type SupervisorPlacement = Awaited<ReturnType<typeof listSupervisorPlacements>>[number];

/** Coaching notes of a placement, newest first, with their authors' names. */
export async function listCoachingNotes(placementId: string) {
  return db()
    .select({ id: coachingNotes.id, body: coachingNotes.body, createdAt: coachingNotes.createdAt, authorName: users.name })
    .from(coachingNotes)
    .leftJoin(users, eq(users.id, coachingNotes.authorUserId))
    .where(eq(coachingNotes.placementId, placementId))
    .orderBy(desc(coachingNotes.createdAt), desc(coachingNotes.id));
}

/** The supervisor's name and address (null when the account is gone). */
export async function findPerson(userId: string | null) {
  if (!userId) return null;
  const [row] = await db().select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** The state of the sharing consent a placement points to, or null when nobody was asked yet. */
export async function sharingConsentOf(consentId: string | null) {
  if (!consentId) return null;
  const [row] = await db()
    .select({ status: consentRecords.status, givenBy: consentRecords.givenBy, textVersion: consentRecords.textVersion, answeredAt: consentRecords.answeredAt })
    .from(consentRecords)
    .where(eq(consentRecords.id, consentId));
  return row ?? null;
}

/** What a placement page shows beyond the placement row: supervisor, consent, goals, notes. */
export async function placementDetails(placement: { id: string; enrolmentId: string; supervisorUserId: string | null; sharingConsentId: string | null }) {
  const [supervisor, consent, goals, notes] = await Promise.all([
    findPerson(placement.supervisorUserId),
    sharingConsentOf(placement.sharingConsentId),
    sharedGoalsOf(placement.enrolmentId),
    listCoachingNotes(placement.id),
  ]);
  return { supervisor, consent, goals, notes };
}

/** Whether this person has (or had) a placement: then the header links to "Mijn praktijk". */
export async function hasOwnPlacement(userId: string): Promise<boolean> {
  const [row] = await db().select({ id: placements.id }).from(placements).where(eq(placements.traineeUserId, userId)).limit(1);
  return row !== undefined;
}

/** The municipality's name, for the consent text on the trainee's own page. */
export async function municipalityNameOf(municipalityId: string): Promise<string> {
  const [row] = await db().select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, municipalityId));
  return row?.name ?? "";
}

/** The placements proposed for one enrolment, newest first: the trainee page's handover section. */
export async function listEnrolmentPlacements(municipalityId: MunicipalityId, enrolmentId: string) {
  return db()
    .select({ id: placements.id, status: placements.status, partnerName: partnerOrganisations.name, proposedAt: placements.proposedAt })
    .from(placements)
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, placements.partnerOrganisationId))
    .where(and(eq(placements.municipalityId, municipalityId), eq(placements.enrolmentId, enrolmentId)))
    .orderBy(desc(placements.proposedAt), desc(placements.id));
}
