/**
 * The gates for placement pages. Staff pages (/beheer/:slug/praktijk/:placementId/…) open a
 * placement for its supervisor, the cohort's course leaders and the project leader; anyone else —
 * a supervisor of another partner organisation, a colleague supervisor at the same one, a course
 * leader of another cohort — gets the same 404 as a placement that does not exist. The trainee's
 * own pages (/mijn-praktijk/…) open their current placement by their account, never by an id.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { requireUser } from "~/features/accounts/session.server";
import { authorizeMunicipality, notFound, scopeFromRow, type MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { applications, cohortCourseLeaders, cohorts, enrolments, partnerOrganisations, placements, trackVersions, users } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import type { JourneyRole } from "./journey";
import { canSeePlacement, journeyRolesOn } from "./policy";

const placementColumns = {
  id: placements.id,
  municipalityId: placements.municipalityId,
  enrolmentId: placements.enrolmentId,
  traineeUserId: placements.traineeUserId,
  traineeName: users.name,
  traineeEmail: users.email,
  /** From the application; null when the enrolment has no application any more (erased). */
  traineeDateOfBirth: applications.dateOfBirth,
  partnerOrganisationId: placements.partnerOrganisationId,
  partnerName: partnerOrganisations.name,
  supervisorUserId: placements.supervisorUserId,
  status: placements.status,
  handoverAt: placements.handoverAt,
  handoverPlace: placements.handoverPlace,
  proposalNote: placements.proposalNote,
  sharedObservations: placements.sharedObservations,
  sharingConsentId: placements.sharingConsentId,
  sharedAt: placements.sharedAt,
  proposedAt: placements.proposedAt,
  answeredAt: placements.answeredAt,
  declineReason: placements.declineReason,
  startedAt: placements.startedAt,
  endedAt: placements.endedAt,
  cohortId: cohorts.id,
  cohortName: cohorts.name,
  trackVersionId: cohorts.trackVersionId,
  trackName: trackVersions.name,
  practiceHoursTarget: trackVersions.practiceHoursTarget,
};

async function selectPlacements(where: ReturnType<typeof and>) {
  const rows = await db()
    .select(placementColumns)
    .from(placements)
    .innerJoin(users, eq(users.id, placements.traineeUserId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, placements.partnerOrganisationId))
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .leftJoin(applications, eq(applications.id, enrolments.applicationId))
    .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(where)
    .orderBy(desc(placements.proposedAt));
  if (rows.length === 0) return [];
  const leaders = await db()
    .select({ cohortId: cohortCourseLeaders.cohortId, userId: cohortCourseLeaders.userId })
    .from(cohortCourseLeaders)
    .where(inArray(cohortCourseLeaders.cohortId, [...new Set(rows.map((r) => r.cohortId))]));
  return rows.map((row) => ({
    ...row,
    cohort: { municipalityId: row.municipalityId, courseLeaderIds: leaders.filter((l) => l.cohortId === row.cohortId).map((l) => l.userId) },
  }));
}
export type Placement = Awaited<ReturnType<typeof selectPlacements>>[number];

/** A placement of this municipality, or null. */
export async function findPlacement(municipalityId: MunicipalityId, placementId: string): Promise<Placement | null> {
  if (!isUuid(placementId)) return null;
  const [row] = await selectPlacements(and(eq(placements.id, placementId), eq(placements.municipalityId, municipalityId)));
  return row ?? null;
}

/** A staff page of one placement: 404 unless the actor supervises it, teaches the cohort or leads the programme. */
export async function authorizePlacement(request: Request, slug: string | undefined, placementId: string | undefined) {
  const { user, municipality } = await authorizeMunicipality(request, slug, "municipality.view_staff_area");
  const placement = placementId ? await findPlacement(municipality.id, placementId) : null;
  if (!placement || !canSeePlacement(user.actor, placement)) throw notFound();
  const roles: JourneyRole[] = journeyRolesOn(user.actor, placement);
  return { user, municipality, placement, roles };
}

/**
 * The signed-in trainee's current placement: the live one (proposed or active), else the most
 * recent one; null when they never had one. Pages of the trainee's own practice take no id.
 */
export async function findOwnPlacement(userId: string): Promise<Placement | null> {
  const rows = await selectPlacements(and(eq(placements.traineeUserId, userId)));
  return rows.find((r) => r.status === "proposed" || r.status === "active") ?? rows[0] ?? null;
}

/** The trainee's own practice pages: the signed-in person and their current placement (404 without one). */
export async function requireOwnPlacement(request: Request) {
  const user = await requireUser(request);
  const placement = await findOwnPlacement(user.id);
  if (!placement) throw notFound();
  // The scope of the trainee's own placement comes from their own row, which they may always reach.
  return { user, placement, municipalityId: scopeFromRow(placement.municipalityId, true) };
}
