/**
 * Reads of ceremonies and final presentations. Staff reads take the municipality scope from the
 * gate (practice.manage_ceremonies); the trainee's own page and the other parts of the path read a
 * placement's presentation by the placement.
 */
import { and, asc, count, desc, eq, gte, isNull, lt } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { activities, applications, ceremonies, cohorts, enrolments, finalPresentations, partnerOrganisations, placements, users } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";

const listColumns = {
  id: ceremonies.id,
  title: ceremonies.title,
  startsAt: ceremonies.startsAt,
  endsAt: ceremonies.endsAt,
  location: ceremonies.location,
  activityId: ceremonies.activityId,
  presentations: count(finalPresentations.id),
};

/** The municipality's ceremonies: those still to come (soonest first) and those past (latest first). */
export async function listCeremonies(municipalityId: MunicipalityId, now = new Date()) {
  const base = () =>
    db()
      .select(listColumns)
      .from(ceremonies)
      .leftJoin(finalPresentations, eq(finalPresentations.ceremonyId, ceremonies.id))
      .groupBy(ceremonies.id)
      .$dynamic();
  const [upcoming, past] = await Promise.all([
    base()
      .where(and(eq(ceremonies.municipalityId, municipalityId), gte(ceremonies.endsAt, now)))
      .orderBy(asc(ceremonies.startsAt)),
    base()
      .where(and(eq(ceremonies.municipalityId, municipalityId), lt(ceremonies.endsAt, now)))
      .orderBy(desc(ceremonies.startsAt))
      .limit(200),
  ]);
  return { upcoming, past };
}

/** One ceremony of this municipality with its public activity and its presentations in order, or null. */
export async function findCeremony(municipalityId: MunicipalityId, ceremonyId: string) {
  if (!isUuid(ceremonyId)) return null;
  const [row] = await db()
    .select({
      id: ceremonies.id,
      municipalityId: ceremonies.municipalityId,
      title: ceremonies.title,
      startsAt: ceremonies.startsAt,
      endsAt: ceremonies.endsAt,
      location: ceremonies.location,
      programme: ceremonies.programme,
      activityId: ceremonies.activityId,
      activityStatus: activities.status,
      activityCapacity: activities.capacity,
      activityConfirmed: activities.confirmedCount,
    })
    .from(ceremonies)
    .leftJoin(activities, eq(activities.id, ceremonies.activityId))
    .where(and(eq(ceremonies.id, ceremonyId), eq(ceremonies.municipalityId, municipalityId)));
  if (!row) return null;
  const presentations = await db()
    .select({
      id: finalPresentations.id,
      placementId: finalPresentations.placementId,
      title: finalPresentations.title,
      position: finalPresentations.position,
      givenAt: finalPresentations.givenAt,
      traineeName: users.name,
      traineeUserId: placements.traineeUserId,
      traineeDateOfBirth: applications.dateOfBirth,
      partnerName: partnerOrganisations.name,
    })
    .from(finalPresentations)
    .innerJoin(placements, eq(placements.id, finalPresentations.placementId))
    .innerJoin(users, eq(users.id, placements.traineeUserId))
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .leftJoin(applications, eq(applications.id, enrolments.applicationId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, placements.partnerOrganisationId))
    .where(and(eq(finalPresentations.ceremonyId, row.id), eq(finalPresentations.municipalityId, municipalityId)))
    .orderBy(asc(finalPresentations.position), asc(users.name));
  return { ...row, presentations };
}
export type Ceremony = NonNullable<Awaited<ReturnType<typeof findCeremony>>>;

/** Active placements of the municipality whose trainee has no presentation yet: who can be assigned. */
export async function assignablePlacements(municipalityId: MunicipalityId) {
  return db()
    .select({
      id: placements.id,
      traineeName: users.name,
      traineeUserId: placements.traineeUserId,
      traineeDateOfBirth: applications.dateOfBirth,
      partnerName: partnerOrganisations.name,
      cohortName: cohorts.name,
    })
    .from(placements)
    .innerJoin(users, eq(users.id, placements.traineeUserId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, placements.partnerOrganisationId))
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .leftJoin(applications, eq(applications.id, enrolments.applicationId))
    .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
    .leftJoin(finalPresentations, eq(finalPresentations.placementId, placements.id))
    .where(and(eq(placements.municipalityId, municipalityId), eq(placements.status, "active"), isNull(finalPresentations.id)))
    .orderBy(asc(users.name))
    .limit(500);
}

/** A placement's final presentation and its ceremony, or null when none is assigned. */
export async function findPresentation(municipalityId: MunicipalityId, placementId: string) {
  if (!isUuid(placementId)) return null;
  const [row] = await db()
    .select({
      id: finalPresentations.id,
      title: finalPresentations.title,
      position: finalPresentations.position,
      givenAt: finalPresentations.givenAt,
      ceremony: {
        id: ceremonies.id,
        title: ceremonies.title,
        startsAt: ceremonies.startsAt,
        endsAt: ceremonies.endsAt,
        location: ceremonies.location,
        programme: ceremonies.programme,
        activityId: ceremonies.activityId,
      },
    })
    .from(finalPresentations)
    .innerJoin(ceremonies, eq(ceremonies.id, finalPresentations.ceremonyId))
    .where(and(eq(finalPresentations.placementId, placementId), eq(finalPresentations.municipalityId, municipalityId)));
  return row ?? null;
}
