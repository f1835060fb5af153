/**
 * The organiser's evaluation: the first save writes activity_evaluations and completes the
 * activity (published → completed, asked of ORGANISED_ACTIVITY_MACHINE), later saves within the
 * edit window correct it. Both run under the activity's row lock (lockActivity), the lock every
 * registration and check-in write takes, so an evaluation never interleaves with a late check-in
 * and two organisers saving at once complete the activity once.
 */
import { and, eq } from "drizzle-orm";
import { lockActivity } from "~/features/registrations/writes.server";
import { db } from "~/lib/db/client.server";
import { activities, activityEvaluations } from "~/lib/db/schema";
import { refuse, type WriteResult } from "~/lib/write-result";
import type { OwnOrganisedActivity } from "./evaluation-access.server";
import { canEditEvaluation, isEvaluationOpen } from "./evaluation-policy";
import type { EvaluationInput } from "./evaluation-schema";
import { mayOrganisedActivity, nextOrganisedActivityState, type OrganisingRole } from "./journey";

export async function saveEvaluation(
  activity: OwnOrganisedActivity,
  actor: { userId: string; role: OrganisingRole },
  input: EvaluationInput,
  now: Date = new Date(),
): Promise<WriteResult<{ completed: boolean }>> {
  return db().transaction(async (tx) => {
    const locked = await lockActivity(tx, activity.activityId);
    if (!locked || locked.municipalityId !== activity.municipalityId) return refuse("_form", "organisers.evaluation.error.notFound");
    const [times] = await tx.select({ endsAt: activities.endsAt }).from(activities).where(eq(activities.id, locked.id));
    if (!times || !isEvaluationOpen(times.endsAt, now)) return refuse("_form", "organisers.evaluation.error.notEnded");
    const [existing] = await tx
      .select({ evaluatedAt: activityEvaluations.evaluatedAt })
      .from(activityEvaluations)
      .where(and(eq(activityEvaluations.activityId, locked.id), eq(activityEvaluations.municipalityId, activity.municipalityId)));
    const values = { turnout: input.turnout, firstTimeCount: input.firstTimeCount, wentWell: input.wentWell, doDifferently: input.doDifferently };
    if (existing) {
      if (locked.status !== "completed" || !canEditEvaluation(existing.evaluatedAt, now)) return refuse("_form", "organisers.evaluation.error.closed");
      await tx.update(activityEvaluations).set({ ...values, evaluatedBy: actor.userId }).where(eq(activityEvaluations.activityId, locked.id));
      return { ok: true as const, completed: false };
    }
    const next = nextOrganisedActivityState(locked.status, "evaluate");
    if (!next || !mayOrganisedActivity(locked.status, "evaluate", actor.role)) return refuse("_form", "organisers.evaluation.error.notPublished");
    await tx.insert(activityEvaluations).values({ ...values, activityId: locked.id, municipalityId: activity.municipalityId, evaluatedBy: actor.userId, evaluatedAt: now });
    await tx.update(activities).set({ status: next, updatedAt: now }).where(eq(activities.id, locked.id));
    return { ok: true as const, completed: true };
  });
}
