/**
 * Reads of the evaluation: what the organiser's page shows (who came, first-timers, photo
 * consents, photos), what staff see of it, and the organised-activities record other areas count
 * (organisers list, aftercare, impact).
 */
import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import { activities, activityCoOrganisers, activityEvaluations, activityPhotos, activityPhotoSubjects, consentRecords, organisedActivities, registrations } from "~/lib/db/schema";
import { prefillEvaluation } from "./evaluation-policy";

export type EvaluationRow = typeof activityEvaluations.$inferSelect;

/**
 * The activity's live participants for the organiser: name, age group, check-in, whether they
 * signed up for the first time on the platform, whether they can be mailed, and their photo consent.
 * No addresses: the organiser may be a teenager, and residents gave their address to the municipality.
 */
export async function listEvaluationParticipants(executor: Executor, municipalityId: MunicipalityId, activityId: string) {
  const rows = await executor
    .select({
      id: registrations.id,
      name: registrations.name,
      ageGroup: registrations.ageGroup,
      status: registrations.status,
      attendance: registrations.attendance,
      isWalkIn: registrations.isWalkIn,
      hasEmail: sql<boolean>`${registrations.email} is not null`,
      // Qualified by hand: inside the sub-select drizzle would leave the outer columns unqualified.
      isFirstTime: sql<boolean>`"registrations"."email" is not null and not exists (
        select 1 from registrations earlier where earlier.email = "registrations"."email" and earlier.created_at < "registrations"."created_at")`,
    })
    .from(registrations)
    .where(and(eq(registrations.municipalityId, municipalityId), eq(registrations.activityId, activityId), eq(registrations.status, "confirmed")))
    .orderBy(asc(registrations.sequence));
  const consents = rows.length
    ? await executor
        .select({ registrationId: consentRecords.subjectRegistrationId, status: consentRecords.status, photoScope: consentRecords.photoScope, givenBy: consentRecords.givenBy, requestedAt: consentRecords.requestedAt })
        .from(consentRecords)
        .where(and(eq(consentRecords.purpose, "photos"), inArray(consentRecords.subjectRegistrationId, rows.map((r) => r.id))))
        .orderBy(asc(consentRecords.requestedAt))
    : [];
  // The latest answer counts (an earlier refusal or withdrawal stays as history).
  const latest = new Map(consents.map((c) => [c.registrationId!, c]));
  return rows.map((row) => {
    const consent = latest.get(row.id);
    return { ...row, consent: consent ? { status: consent.status, photoScope: consent.photoScope, givenBy: consent.givenBy } : null };
  });
}
export type EvaluationParticipant = Awaited<ReturnType<typeof listEvaluationParticipants>>[number];

export async function findEvaluation(executor: Executor, municipalityId: MunicipalityId, activityId: string): Promise<EvaluationRow | null> {
  const [row] = await executor
    .select()
    .from(activityEvaluations)
    .where(and(eq(activityEvaluations.activityId, activityId), eq(activityEvaluations.municipalityId, municipalityId)));
  return row ?? null;
}

/** The activity's photos with the people on them (names and age groups, for the organiser and staff). */
export async function listActivityPhotos(executor: Executor, municipalityId: MunicipalityId, activityId: string, only?: "public") {
  const photos = await executor
    .select({ id: activityPhotos.id, caption: activityPhotos.caption, visibility: activityPhotos.visibility, uploadedAt: activityPhotos.uploadedAt })
    .from(activityPhotos)
    .where(
      and(
        eq(activityPhotos.activityId, activityId),
        eq(activityPhotos.municipalityId, municipalityId),
        only === "public" ? eq(activityPhotos.visibility, "public") : undefined,
      ),
    )
    .orderBy(asc(activityPhotos.uploadedAt), asc(activityPhotos.id));
  if (photos.length === 0) return [];
  const subjects = await executor
    .select({ photoId: activityPhotoSubjects.photoId, name: registrations.name, ageGroup: registrations.ageGroup })
    .from(activityPhotoSubjects)
    .innerJoin(registrations, eq(registrations.id, activityPhotoSubjects.registrationId))
    .where(inArray(activityPhotoSubjects.photoId, photos.map((p) => p.id)))
    .orderBy(asc(registrations.sequence));
  return photos.map((photo) => ({ ...photo, subjects: subjects.filter((s) => s.photoId === photo.id).map(({ name, ageGroup }) => ({ name, ageGroup })) }));
}
export type ActivityPhotoView = Awaited<ReturnType<typeof listActivityPhotos>>[number];

/** Everything the organiser's evaluation page shows. */
export async function loadEvaluationPage(municipalityId: MunicipalityId, activityId: string) {
  const executor = db();
  const [participants, evaluation, photos] = await Promise.all([
    listEvaluationParticipants(executor, municipalityId, activityId),
    findEvaluation(executor, municipalityId, activityId),
    listActivityPhotos(executor, municipalityId, activityId),
  ]);
  return { participants, evaluation, photos, prefill: prefillEvaluation(participants) };
}

/**
 * What staff see of an organised activity's evaluation (the review page, the staff activity page):
 * the evaluation and the photos with who is on them (the caller audits a view of a minor's photos, photos-audit.server.ts).
 */
export async function findEvaluationForStaff(municipalityId: MunicipalityId, activityId: string) {
  const executor = db();
  const [evaluation, photos] = await Promise.all([findEvaluation(executor, municipalityId, activityId), listActivityPhotos(executor, municipalityId, activityId)]);
  if (!evaluation && photos.length === 0) return null;
  return { evaluation, photos };
}
export type StaffEvaluation = NonNullable<Awaited<ReturnType<typeof findEvaluationForStaff>>>;

/** A photo for a download route: its file key and visibility, with the activity's municipality; null when unknown. */
export async function findPhotoFile(activityId: string, photoId: string) {
  const [row] = await db()
    .select({ fileKey: activityPhotos.fileKey, visibility: activityPhotos.visibility, municipalityId: activityPhotos.municipalityId, activityStatus: activities.status })
    .from(activityPhotos)
    .innerJoin(activities, and(eq(activities.id, activityPhotos.activityId), eq(activities.municipalityId, activityPhotos.municipalityId)))
    .where(and(eq(activityPhotos.id, photoId), eq(activityPhotos.activityId, activityId)));
  return row ?? null;
}

/** The minors (under 18) on these photos: how many, and the accounts of those who have one (a staff view is then logged). */
export async function minorsOnPhotos(photoIds: readonly string[]): Promise<{ count: number; userIds: string[] }> {
  if (photoIds.length === 0) return { count: 0, userIds: [] };
  const rows = await db()
    .selectDistinct({ registrationId: registrations.id, userId: registrations.userId })
    .from(activityPhotoSubjects)
    .innerJoin(registrations, eq(registrations.id, activityPhotoSubjects.registrationId))
    .where(and(inArray(activityPhotoSubjects.photoId, [...photoIds]), inArray(registrations.ageGroup, ["under_12", "12_15", "16_17"])));
  return { count: rows.length, userIds: [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))] };
}

/** Completed organised activities that have an evaluation: the record that counts as "organised". */
const organisedAndEvaluated = and(eq(activities.status, "completed"), isNotNull(activityEvaluations.activityId));

/**
 * How many activities each person organised (as organiser or co-organiser): completed with an
 * evaluation. For the organisers list, aftercare and impact; people without any are absent from the map.
 */
export async function countOrganisedActivities(userIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const organised = await db()
    .select({ userId: organisedActivities.organiserUserId, activityId: organisedActivities.activityId })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .innerJoin(activityEvaluations, eq(activityEvaluations.activityId, organisedActivities.activityId))
    .where(and(inArray(organisedActivities.organiserUserId, ids), organisedAndEvaluated));
  const coOrganised = await db()
    .select({ userId: activityCoOrganisers.userId, activityId: activityCoOrganisers.activityId })
    .from(activityCoOrganisers)
    .innerJoin(activities, eq(activities.id, activityCoOrganisers.activityId))
    .innerJoin(activityEvaluations, eq(activityEvaluations.activityId, activityCoOrganisers.activityId))
    .where(and(inArray(activityCoOrganisers.userId, ids), organisedAndEvaluated));
  const perPerson = new Map<string, Set<string>>();
  for (const row of [...organised, ...coOrganised]) {
    if (!row.userId) continue;
    const set = perPerson.get(row.userId) ?? new Set<string>();
    set.add(row.activityId);
    perPerson.set(row.userId, set);
  }
  return new Map([...perPerson].map(([userId, set]) => [userId, set.size]));
}

/** How many activities each team organised: completed with an evaluation. */
export async function countTeamOrganisedActivities(teamIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(teamIds)];
  if (ids.length === 0) return new Map();
  const rows = await db()
    .select({ teamId: organisedActivities.teamId, n: sql<number>`count(*)::int` })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .innerJoin(activityEvaluations, eq(activityEvaluations.activityId, organisedActivities.activityId))
    .where(and(inArray(organisedActivities.teamId, ids), organisedAndEvaluated, ne(activities.status, "cancelled")))
    .groupBy(organisedActivities.teamId);
  return new Map(rows.filter((r) => r.teamId).map((r) => [r.teamId!, r.n]));
}

/** The public photos of an activity for its public page (no names of who is on them). */
export async function listPublicActivityPhotos(municipalityId: MunicipalityId, activityId: string) {
  const photos = await db()
    .select({ id: activityPhotos.id, caption: activityPhotos.caption })
    .from(activityPhotos)
    .where(and(eq(activityPhotos.activityId, activityId), eq(activityPhotos.municipalityId, municipalityId), eq(activityPhotos.visibility, "public")))
    .orderBy(asc(activityPhotos.uploadedAt), asc(activityPhotos.id));
  return photos;
}
