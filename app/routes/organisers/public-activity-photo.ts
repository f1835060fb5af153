import { notFound, openPublicMunicipality } from "~/features/authorization/gate.server";
import { findPhotoFile } from "~/features/organisers/evaluation-reads.server";
import { photoResponse, readPhotoFile } from "~/features/organisers/photos-file.server";
import { isUuid } from "~/lib/validation";
import type { Route } from "./+types/public-activity-photo";

/**
 * A photo on an activity's public page. Serves only photos whose every consent allows publication
 * (visibility "public"), of a published or completed activity of a published municipality; an
 * internal photo answers 404 like one that does not exist.
 */
export async function loader({ params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipality(params.slug);
  if (!isUuid(params.id) || !isUuid(params.photoId)) throw notFound();
  const photo = await findPhotoFile(params.id, params.photoId);
  if (!photo || photo.municipalityId !== municipality.id || photo.visibility !== "public") throw notFound();
  if (photo.activityStatus !== "published" && photo.activityStatus !== "completed") throw notFound();
  const bytes = await readPhotoFile(photo.fileKey);
  if (!bytes) throw notFound();
  return photoResponse(bytes, "public");
}
