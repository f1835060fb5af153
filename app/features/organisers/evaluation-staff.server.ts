/**
 * What staff see of an organised activity's evaluation: for those who may review its organiser's
 * plans (project leader, course leader, or a practice supervisor of the organiser's own placement:
 * mayReviewPlan) the evaluation and every photo, with a view of a minor's photos logged; for other
 * staff nothing. The organisers' review page can use it as is.
 */
import { and, eq } from "drizzle-orm";
import type { CurrentUser } from "~/features/accounts/session.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { Actor } from "~/features/authorization/policy";
import { db } from "~/lib/db/client.server";
import { organisedActivities } from "~/lib/db/schema";
import type { EvaluationSummaryData } from "./components/evaluation-summary";
import { findEvaluationForStaff } from "./evaluation-reads.server";
import { auditStaffPhotoView } from "./photos-audit.server";
import { mayReviewPlan } from "./policy";
import { supervisorsOf } from "./reads.server";
import { staffActivityPhotoPath } from "./urls";

/**
 * Whether this staff member may see the activity's evaluation and photos (internal ones too): the
 * same coaches who may review its organiser's plans. A practice supervisor of another partner
 * organisation holds organisers.review in the municipality but never coached this organiser.
 */
export async function staffMaySeeEvaluation(actor: Actor, municipalityId: MunicipalityId, activityId: string): Promise<boolean> {
  const [organised] = await db()
    .select({ organiserUserId: organisedActivities.organiserUserId })
    .from(organisedActivities)
    .where(and(eq(organisedActivities.activityId, activityId), eq(organisedActivities.municipalityId, municipalityId)));
  return mayReviewPlan(actor, municipalityId, { userId: organised?.organiserUserId ?? null, supervisorIds: await supervisorsOf(municipalityId, organised?.organiserUserId ?? null) });
}

export async function staffEvaluationView(user: CurrentUser, municipalityId: MunicipalityId, slug: string, activityId: string): Promise<EvaluationSummaryData | null> {
  if (!(await staffMaySeeEvaluation(user.actor, municipalityId, activityId))) return null;
  const found = await findEvaluationForStaff(municipalityId, activityId);
  if (!found) return null;
  await auditStaffPhotoView(user.actor, municipalityId, found.photos.map((p) => p.id));
  return {
    evaluation: found.evaluation && { turnout: found.evaluation.turnout, firstTimeCount: found.evaluation.firstTimeCount, wentWell: found.evaluation.wentWell, doDifferently: found.evaluation.doDifferently },
    photos: found.photos.map((photo) => ({ id: photo.id, caption: photo.caption, visibility: photo.visibility, subjects: photo.subjects, src: staffActivityPhotoPath(slug, activityId, photo.id) })),
  };
}
