/**
 * Coaching on a placement: notes by the supervisor, the cohort's course leaders or the project
 * leader, and the supervisor's update of a shared learning goal's status (written to the
 * development plan's change history, like every other change to a goal).
 */
import { and, eq } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { statusValue } from "~/features/training/course-writes.server";
import { db } from "~/lib/db/client.server";
import { coachingNotes, developmentPlanChanges, learningGoals, placements } from "~/lib/db/schema";
import { refuse, type WriteResult } from "~/lib/write-result";
import type { GoalStatusInput } from "./handover-schema";

/** Notes are written while the placement is live: a proposal being discussed, or an active placement. */
const NOTE_STATUSES = ["proposed", "active"] as const;

export async function addCoachingNote(municipalityId: MunicipalityId, placementId: string, body: string, authorUserId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    // The row lock keeps the note from landing on a placement that is being ended at the same moment.
    const [placement] = await tx
      .select({ status: placements.status })
      .from(placements)
      .where(and(eq(placements.id, placementId), eq(placements.municipalityId, municipalityId)))
      .for("update");
    if (!placement || !(NOTE_STATUSES as readonly string[]).includes(placement.status)) return refuse("body", "handover.coaching.notNow");
    await tx.insert(coachingNotes).values({ municipalityId, placementId, authorUserId, body });
    return { ok: true as const };
  });
}

/** The supervisor sets a shared goal's status on an active placement; one change row when it changed. */
export async function updateSharedGoalStatus(
  municipalityId: MunicipalityId,
  placement: { id: string; enrolmentId: string },
  input: GoalStatusInput,
  userId: string,
): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const [live] = await tx
      .select({ status: placements.status })
      .from(placements)
      .where(and(eq(placements.id, placement.id), eq(placements.municipalityId, municipalityId)))
      .for("update");
    if (live?.status !== "active") return refuse("_form", "handover.goals.notNow");
    const [goal] = await tx
      .select()
      .from(learningGoals)
      .where(and(eq(learningGoals.id, input.goalId), eq(learningGoals.enrolmentId, placement.enrolmentId)))
      .for("update");
    if (!goal) return refuse("_form", "handover.goals.notFound");
    if (goal.status === input.status) return { ok: true as const };
    await tx.update(learningGoals).set({ status: input.status, updatedAt: new Date() }).where(eq(learningGoals.id, goal.id));
    await tx.insert(developmentPlanChanges).values({
      enrolmentId: placement.enrolmentId,
      municipalityId,
      part: `goal:${goal.id}`,
      previousValue: statusValue(goal.status),
      newValue: statusValue(input.status),
      changedBy: userId,
    });
    return { ok: true as const };
  });
}
