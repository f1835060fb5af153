import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { findPhotoFile } from "~/features/organisers/evaluation-reads.server";
import { staffMaySeeEvaluation } from "~/features/organisers/evaluation-staff.server";
import { auditStaffPhotoView } from "~/features/organisers/photos-audit.server";
import { photoResponse, readPhotoFile } from "~/features/organisers/photos-file.server";
import { isUuid } from "~/lib/validation";
import type { Route } from "./+types/staff-activity-photo";

/**
 * An activity photo (internal ones too) for the staff who may review the activity's organiser
 * (project leader, course leader, the organiser's own practice supervisor); anyone else gets the
 * 404 of a photo that does not exist. A photo that shows a minor is logged as viewed (resource
 * activity_photos).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "organisers.review");
  if (!isUuid(params.id) || !isUuid(params.photoId)) throw notFound();
  const photo = await findPhotoFile(params.id, params.photoId);
  if (!photo || photo.municipalityId !== municipality.id) throw notFound();
  if (!(await staffMaySeeEvaluation(user.actor, municipality.id, params.id))) throw notFound();
  const bytes = await readPhotoFile(photo.fileKey);
  if (!bytes) throw notFound();
  await auditStaffPhotoView(user.actor, municipality.id, [params.photoId]);
  return photoResponse(bytes, "internal");
}
