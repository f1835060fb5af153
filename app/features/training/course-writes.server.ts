/**
 * Writes for running a cohort and for the trainee's own plan. Each is one transaction: a refused
 * change writes nothing, and every change to a plan or goal writes its development_plan_changes
 * row in the same transaction.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Transaction } from "~/lib/db/client.server";
import {
  assessmentMoments,
  assessments,
  cohorts,
  developmentPlanChanges,
  developmentPlans,
  enrolments,
  learningGoals,
  sessionAttendance,
  type LearningGoalStatus,
} from "~/lib/db/schema";
import type { AssessmentEntry, AttendanceEntry, OwnPlanInput, UpdateGoalInput } from "./course-schema";

type PlanPart = "ownTalent" | "ownStory" | "challenges" | "observations";
const PART_NAMES: Record<PlanPart, string> = { ownTalent: "own_talent", ownStory: "own_story", challenges: "challenges", observations: "observations" };

export interface PlanEnrolment {
  id: string;
  municipalityId: string;
}

/** The plan row of an enrolment, made when it does not exist yet, locked for this transaction. */
async function lockPlan(tx: Transaction, enrolment: PlanEnrolment) {
  await tx.insert(developmentPlans).values({ enrolmentId: enrolment.id, municipalityId: enrolment.municipalityId }).onConflictDoNothing();
  const [plan] = await tx.select().from(developmentPlans).where(eq(developmentPlans.enrolmentId, enrolment.id)).for("update");
  return plan!;
}

/** Saves the given parts of a plan; writes one change row per part that changed. */
async function savePlanParts(enrolment: PlanEnrolment, parts: Partial<Record<PlanPart, string>>, changedBy: string): Promise<number> {
  return db().transaction(async (tx) => {
    const plan = await lockPlan(tx, enrolment);
    const changed = (Object.keys(parts) as PlanPart[]).filter((part) => parts[part] !== undefined && parts[part] !== plan[part]);
    if (changed.length === 0) return 0;
    await tx
      .update(developmentPlans)
      .set({ ...Object.fromEntries(changed.map((part) => [part, parts[part]])), updatedBy: changedBy, updatedAt: new Date() })
      .where(eq(developmentPlans.enrolmentId, enrolment.id));
    await tx.insert(developmentPlanChanges).values(
      changed.map((part) => ({
        enrolmentId: enrolment.id,
        municipalityId: enrolment.municipalityId,
        part: PART_NAMES[part],
        previousValue: plan[part],
        newValue: parts[part]!,
        changedBy,
      })),
    );
    return changed.length;
  });
}

/** The trainee's own parts; the observations are not theirs to change. */
export function saveOwnPlan(enrolment: PlanEnrolment, input: OwnPlanInput, userId: string) {
  return savePlanParts(enrolment, { ownTalent: input.ownTalent, ownStory: input.ownStory, challenges: input.challenges }, userId);
}

/** The course leader's observations. */
export function saveObservations(municipalityId: MunicipalityId, enrolmentId: string, observations: string, userId: string) {
  return savePlanParts({ id: enrolmentId, municipalityId }, { observations }, userId);
}

export async function addLearningGoal(enrolment: PlanEnrolment, description: string, userId: string): Promise<string> {
  return db().transaction(async (tx) => {
    await lockPlan(tx, enrolment);
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${learningGoals.position}), 0)::int + 1` })
      .from(learningGoals)
      .where(eq(learningGoals.enrolmentId, enrolment.id));
    const [goal] = await tx
      .insert(learningGoals)
      .values({ enrolmentId: enrolment.id, municipalityId: enrolment.municipalityId, position: next, description })
      .returning({ id: learningGoals.id });
    await tx.insert(developmentPlanChanges).values({
      enrolmentId: enrolment.id,
      municipalityId: enrolment.municipalityId,
      part: `goal:${goal!.id}`,
      previousValue: null,
      newValue: description,
      changedBy: userId,
    });
    return goal!.id;
  });
}

/** Changes a goal's text or status; false when the goal is not one of this enrolment's. */
export async function updateLearningGoal(enrolment: PlanEnrolment, input: UpdateGoalInput, userId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    await lockPlan(tx, enrolment);
    const [goal] = await tx
      .select()
      .from(learningGoals)
      .where(and(eq(learningGoals.id, input.goalId), eq(learningGoals.enrolmentId, enrolment.id)));
    if (!goal) return false;
    const rows: (typeof developmentPlanChanges.$inferInsert)[] = [];
    const base = { enrolmentId: enrolment.id, municipalityId: enrolment.municipalityId, part: `goal:${goal.id}`, changedBy: userId };
    if (goal.description !== input.description) rows.push({ ...base, previousValue: goal.description, newValue: input.description });
    if (goal.status !== input.status) rows.push({ ...base, previousValue: statusValue(goal.status), newValue: statusValue(input.status) });
    if (rows.length === 0) return true;
    await tx.update(learningGoals).set({ description: input.description, status: input.status, updatedAt: new Date() }).where(eq(learningGoals.id, goal.id));
    await tx.insert(developmentPlanChanges).values(rows);
    return true;
  });
}

/** A goal's status in the change history, told apart from its text by the prefix. */
export function statusValue(status: LearningGoalStatus): string {
  return `status:${status}`;
}

/**
 * Saves a session's attendance: one row per trainee per session (the primary key), so saving
 * again updates the row. The entries are for active trainees of the session's cohort (the caller
 * built them from that list).
 */
export async function recordSessionAttendance(municipalityId: MunicipalityId, sessionId: string, entries: readonly AttendanceEntry[], userId: string) {
  if (entries.length === 0) return;
  await db().transaction(async (tx) => {
    await tx
      .insert(sessionAttendance)
      .values(entries.map((e) => ({ sessionId, enrolmentId: e.enrolmentId, municipalityId, status: e.status, isLate: e.isLate, recordedBy: userId })))
      .onConflictDoUpdate({
        target: [sessionAttendance.sessionId, sessionAttendance.enrolmentId],
        set: { status: sql`excluded.status`, isLate: sql`excluded.is_late`, recordedBy: sql`excluded.recorded_by`, recordedAt: sql`now()` },
      });
  });
}

/** Adds an assessment moment at the end of the cohort's list. */
export async function addAssessmentMoment(municipalityId: MunicipalityId, cohortId: string, input: { name: string; plannedOn: string | null }) {
  return db().transaction(async (tx) => {
    // The cohort row lock lines up two course leaders adding a moment at once.
    await tx.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.id, cohortId), eq(cohorts.municipalityId, municipalityId))).for("update");
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${assessmentMoments.position}), 0)::int + 1` })
      .from(assessmentMoments)
      .where(eq(assessmentMoments.cohortId, cohortId));
    const [row] = await tx
      .insert(assessmentMoments)
      .values({ cohortId, municipalityId, position: next, name: input.name, plannedOn: input.plannedOn })
      .returning({ id: assessmentMoments.id });
    return row!.id;
  });
}

/**
 * Saves a trainee's assessments at one moment (one row per moment × competence, updated when saved
 * again). The moment must be the cohort's and the levels in the competences' rubrics: the caller
 * checked both against the cohort's own lists, and the foreign key to the levels holds in any case.
 */
export async function saveAssessments(
  municipalityId: MunicipalityId,
  enrolment: { id: string; cohortId: string },
  momentId: string,
  entries: readonly AssessmentEntry[],
  userId: string,
): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [moment] = await tx
      .select({ id: assessmentMoments.id })
      .from(assessmentMoments)
      .where(and(eq(assessmentMoments.id, momentId), eq(assessmentMoments.cohortId, enrolment.cohortId), eq(assessmentMoments.municipalityId, municipalityId)));
    const [own] = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(and(eq(enrolments.id, enrolment.id), eq(enrolments.cohortId, enrolment.cohortId), inArray(enrolments.status, ["active", "completed"])));
    if (!moment || !own) return false;
    await tx
      .insert(assessments)
      .values(entries.map((e) => ({ momentId, enrolmentId: enrolment.id, municipalityId, competenceId: e.competenceId, level: e.level, narrative: e.narrative, assessedBy: userId })))
      .onConflictDoUpdate({
        target: [assessments.momentId, assessments.enrolmentId, assessments.competenceId],
        set: { level: sql`excluded.level`, narrative: sql`excluded.narrative`, assessedBy: sql`excluded.assessed_by`, assessedAt: sql`now()` },
      });
    return true;
  });
}
