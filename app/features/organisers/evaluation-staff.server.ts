/**
 * What staff see of an organised activity's evaluation: for those who review organisers (project
 * leader, course leader, practice supervisor) the evaluation and every photo, with a view of a
 * minor's photos logged; for other staff nothing. The organisers' review page can use it as is.
 */
import type { CurrentUser } from "~/features/accounts/session.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { canInMunicipality } from "~/features/authorization/policy";
import type { EvaluationSummaryData } from "./components/evaluation-summary";
import { findEvaluationForStaff } from "./evaluation-reads.server";
import { auditStaffPhotoView } from "./photos-audit.server";
import { staffActivityPhotoPath } from "./urls";

export async function staffEvaluationView(user: CurrentUser, municipalityId: MunicipalityId, slug: string, activityId: string): Promise<EvaluationSummaryData | null> {
  if (!canInMunicipality(user.actor, "organisers.review", municipalityId)) return null;
  const found = await findEvaluationForStaff(municipalityId, activityId);
  if (!found) return null;
  await auditStaffPhotoView(user.actor, municipalityId, found.photos.map((p) => p.id));
  return {
    evaluation: found.evaluation && { turnout: found.evaluation.turnout, firstTimeCount: found.evaluation.firstTimeCount, wentWell: found.evaluation.wentWell, doDifferently: found.evaluation.doDifferently },
    photos: found.photos.map((photo) => ({ id: photo.id, caption: photo.caption, visibility: photo.visibility, subjects: photo.subjects, src: staffActivityPhotoPath(slug, activityId, photo.id) })),
  };
}
