/**
 * Staff views of activity photos that show a minor are logged (resource activity_photos): one row
 * per minor with an account, or one row without a subject when none of them has an account, so the
 * log still says that someone looked at a minor's photo.
 */
import type { Actor } from "~/features/authorization/policy";
import { logPersonalDataAccess, logPersonalDataAccessForEach } from "~/features/privacy/audit.server";
import { db } from "~/lib/db/client.server";
import { minorsOnPhotos } from "./evaluation-reads.server";

export async function auditStaffPhotoView(actor: Actor, municipalityId: string, photoIds: readonly string[]): Promise<void> {
  const minors = await minorsOnPhotos(photoIds);
  if (minors.count === 0) return;
  if (minors.userIds.length > 0) await logPersonalDataAccessForEach(db(), { actor, municipalityId, resource: "activity_photos", subjectUserIds: minors.userIds });
  if (minors.userIds.length < minors.count) await logPersonalDataAccess(db(), { actor, municipalityId, subject: {}, resource: "activity_photos" });
}
