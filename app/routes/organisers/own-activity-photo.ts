import { notFound } from "~/features/authorization/gate.server";
import { requireOwnOrganisedActivity } from "~/features/organisers/evaluation-access.server";
import { findPhotoFile } from "~/features/organisers/evaluation-reads.server";
import { photoResponse, readPhotoFile } from "~/features/organisers/photos-file.server";
import { isUuid } from "~/lib/validation";
import type { Route } from "./+types/own-activity-photo";

/** A photo of the organiser's own activity (internal or public), for its organisers only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { activity } = await requireOwnOrganisedActivity(request, params.activityId);
  if (!isUuid(params.photoId)) throw notFound();
  const photo = await findPhotoFile(activity.activityId, params.photoId);
  if (!photo || photo.municipalityId !== activity.municipalityId) throw notFound();
  const bytes = await readPhotoFile(photo.fileKey);
  if (!bytes) throw notFound();
  return photoResponse(bytes, "internal");
}
