/**
 * Writes of activity photos. A photo is kept only when everyone on it is a participant of this
 * activity with a GIVEN photo consent: the consents are re-read in the write's transaction with a
 * share lock, under the activity's row lock, so a withdrawal that commits first makes the upload
 * fail, and one that comes after finds the photo and deletes it. A photo is public only when every
 * consent on it allows publication. Files are cleaned (photos-file.server.ts) before the
 * transaction and removed again when the write is refused.
 */
import { and, count, eq, inArray, ne } from "drizzle-orm";
import { lockActivity } from "~/features/registrations/writes.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { activityPhotos, activityPhotoSubjects, consentRecords, registrations } from "~/lib/db/schema";
import { refuse, type WriteResult } from "~/lib/write-result";
import type { OwnOrganisedActivity } from "./evaluation-access.server";
import { isEvaluationOpen, MAX_PHOTOS_PER_ACTIVITY, photoVisibility } from "./evaluation-policy";
import type { PhotoUploadInput } from "./evaluation-schema";
import { removePhotoFile, storePhotoFile } from "./photos-file.server";

export async function addActivityPhoto(
  activity: OwnOrganisedActivity,
  uploadedBy: string,
  input: PhotoUploadInput,
  cleanedPhoto: Buffer,
  now: Date = new Date(),
): Promise<WriteResult<{ photoId: string; visibility: "internal" | "public" }>> {
  const fileKey = await storePhotoFile(cleanedPhoto);
  try {
    const result = await db().transaction(async (tx) => {
      const locked = await lockActivity(tx, activity.activityId);
      if (!locked || locked.municipalityId !== activity.municipalityId) return refuse("_form", "organisers.evaluation.error.notFound");
      if (locked.status !== "published" && locked.status !== "completed") return refuse("_form", "organisers.evaluation.error.notPublished");
      if (!isEvaluationOpen(activity.endsAt, now)) return refuse("_form", "organisers.evaluation.error.notEnded");
      const [existing] = await tx.select({ n: count() }).from(activityPhotos).where(eq(activityPhotos.activityId, locked.id));
      if ((existing?.n ?? 0) >= MAX_PHOTOS_PER_ACTIVITY) return refuse("photo", "organisers.photos.error.tooMany");
      if (input.subjects.length === 0) return refuse("subjects", "organisers.photos.error.nobodyTicked");
      // Only this activity's own live participants, in this municipality.
      const people = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(
          and(
            inArray(registrations.id, input.subjects),
            eq(registrations.activityId, locked.id),
            eq(registrations.municipalityId, activity.municipalityId),
            ne(registrations.status, "cancelled"),
          ),
        );
      if (people.length !== input.subjects.length) return refuse("subjects", "organisers.photos.error.noConsent");
      // Re-read under a share lock: a withdrawal (an update of the same row) waits for this write or goes first.
      const consents = await tx
        .select({ id: consentRecords.id, registrationId: consentRecords.subjectRegistrationId, status: consentRecords.status, photoScope: consentRecords.photoScope })
        .from(consentRecords)
        .where(
          and(
            eq(consentRecords.purpose, "photos"),
            eq(consentRecords.status, "given"),
            eq(consentRecords.municipalityId, activity.municipalityId),
            inArray(consentRecords.subjectRegistrationId, input.subjects),
          ),
        )
        .for("share");
      const bySubject = new Map(consents.map((c) => [c.registrationId!, c]));
      const visibility = photoVisibility(input.subjects.map((id) => bySubject.get(id)));
      if (!visibility) return refuse("subjects", "organisers.photos.error.noConsent");
      const [photo] = await tx
        .insert(activityPhotos)
        .values({ activityId: locked.id, municipalityId: activity.municipalityId, fileKey, visibility, caption: input.caption, uploadedBy, uploadedAt: now })
        .returning({ id: activityPhotos.id });
      await tx
        .insert(activityPhotoSubjects)
        .values(input.subjects.map((registrationId) => ({ photoId: photo!.id, municipalityId: activity.municipalityId, registrationId, consentId: bySubject.get(registrationId)!.id })));
      return { ok: true as const, photoId: photo!.id, visibility };
    });
    if (!result.ok) await removePhotoFile(fileKey);
    return result;
  } catch (error) {
    await removePhotoFile(fileKey);
    throw error;
  }
}

/** The organiser removes a photo of their activity (row and file). */
export async function deleteActivityPhoto(activity: OwnOrganisedActivity, photoId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const locked = await lockActivity(tx, activity.activityId);
    if (!locked || locked.municipalityId !== activity.municipalityId) return refuse("_form", "organisers.evaluation.error.notFound");
    const [deleted] = await tx
      .delete(activityPhotos)
      .where(and(eq(activityPhotos.id, photoId), eq(activityPhotos.activityId, locked.id), eq(activityPhotos.municipalityId, activity.municipalityId)))
      .returning({ fileKey: activityPhotos.fileKey });
    if (!deleted) return refuse("_form", "organisers.photos.error.notFound");
    await removePhotoFile(deleted.fileKey);
    return { ok: true as const };
  });
}

/**
 * Deletes every photo a withdrawn consent covered — the whole photo, not only the person's tag:
 * the person is still visible on it. The files go before the transaction commits: should the commit
 * fail, a row without its file answers 404, never a photo of someone who withdrew.
 */
export async function deletePhotosShowing(tx: Transaction, by: { consentId: string }): Promise<number> {
  const photoIds = (await tx.select({ photoId: activityPhotoSubjects.photoId }).from(activityPhotoSubjects).where(eq(activityPhotoSubjects.consentId, by.consentId))).map((r) => r.photoId);
  if (photoIds.length === 0) return 0;
  const deleted = await tx.delete(activityPhotos).where(inArray(activityPhotos.id, photoIds)).returning({ fileKey: activityPhotos.fileKey });
  for (const row of deleted) await removePhotoFile(row.fileKey);
  return deleted.length;
}
