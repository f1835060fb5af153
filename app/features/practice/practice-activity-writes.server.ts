/**
 * Writes of the practice activity: the trainee plans it (an `activities` row in draft with the
 * trainee as organiser, and its `practice_activities` row), submits it for review, the supervisor
 * or course leader approves it (published in the public calendar) or asks for changes (back to
 * draft), the trainee checks people in and evaluates it afterwards (completed). Every state change
 * asks PRACTICE_ACTIVITY_MACHINE first and happens under the activity's row lock, the lock every
 * registration write takes too (lockActivity), so a review and a sign-up never interleave.
 */
import { and, eq } from "drizzle-orm";
import { changeActivityStatus, checkReferences, canTakeStep, coreActivityValues, occurrence } from "~/features/activities/writes.server";
import { isAttendanceOpen } from "~/features/activities/policy";
import type { Actor } from "~/features/authorization/policy";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { lockActivity, recordAttendance } from "~/features/registrations/writes.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { activities, municipalities, placements, practiceActivities, users } from "~/lib/db/schema";
import { refuse, type WriteResult } from "~/lib/write-result";
import { mayTransition, PRACTICE_ACTIVITY_MACHINE, type JourneyRole, type PracticeActivityEvent } from "./journey";
import type { Placement } from "./placement-access.server";
import { queueChangesRequestedMail, queuePlanApprovedMail, queuePlanSubmittedMail } from "./practice-activity-emails.server";
import { canCancelYet, canEvaluateYet, isCheckInDay, practiceOrganiserName, traineeAgeOn } from "./practice-activity-policy";
import { findPracticeActivity, findReviewers, type MailRecipient } from "./practice-activity-reads.server";
import type { PracticeEvaluationInput, PracticePlanInput, PracticeReviewInput } from "./practice-activity-schema";

export type PracticeWriteResult = WriteResult;

/** The practice activity row of the placement and its activity, with the activity row locked; null when none is planned. */
async function lockPracticeActivity(tx: Transaction, municipalityId: MunicipalityId, placementId: string) {
  const [practice] = await tx
    .select()
    .from(practiceActivities)
    .where(and(eq(practiceActivities.placementId, placementId), eq(practiceActivities.municipalityId, municipalityId)));
  if (!practice) return null;
  const activity = await lockActivity(tx, practice.activityId);
  if (!activity || activity.municipalityId !== municipalityId) return null;
  return { practice, activity };
}

async function traineeRecipient(tx: Transaction, placement: Placement): Promise<MailRecipient> {
  const [row] = await tx.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, placement.traineeUserId));
  return row ?? { name: placement.traineeName, email: placement.traineeEmail, locale: "nl" };
}

function mailActivity(placement: Placement, slug: string, activity: { id: string; title: string; startsAt: Date }) {
  return {
    municipalityId: placement.municipalityId,
    municipalitySlug: slug,
    placementId: placement.id,
    activityId: activity.id,
    title: activity.title,
    startsAt: activity.startsAt,
    traineeName: placement.traineeName,
  };
}

/** A new draft activity of the placement's partner, organised by the trainee; sign-up required, with a waitlist. */
function newActivityRow(municipalityId: MunicipalityId, placement: Placement, values: Omit<typeof activities.$inferInsert, "municipalityId">) {
  return {
    ...values,
    municipalityId,
    status: "draft" as const,
    registrationRequired: true,
    waitlistEnabled: true,
    organiserUserId: placement.traineeUserId,
    partnerOrganisationId: placement.partnerOrganisationId,
    createdBy: placement.traineeUserId,
  };
}

/**
 * Saves the trainee's plan: creates the practice activity on the first save, updates it while it
 * is a draft, and after a cancellation starts it again with a new activity. Only an active placement has one; the partner is the placement's, the organiser the
 * trainee (by first name only when under 16 on the day, practiceOrganiserName).
 */
export async function savePracticePlan(municipalityId: MunicipalityId, placement: Placement, input: PracticePlanInput): Promise<PracticeWriteResult> {
  if (placement.status !== "active") return refuse("_form", "practiceActivity.error.noActivePlacement");
  return db().transaction(async (tx) => {
    // The placement's row lock makes two first saves at once (two tabs) take turns, so the second
    // finds the first one's plan and updates it instead of running into the one-per-placement index.
    const [live] = await tx
      .select({ status: placements.status })
      .from(placements)
      .where(and(eq(placements.id, placement.id), eq(placements.municipalityId, municipalityId)))
      .for("update");
    if (live?.status !== "active") return refuse("_form", "practiceActivity.error.noActivePlacement");
    const refusal = await checkReferences(
      tx,
      municipalityId,
      { neighbourhoodId: input.neighbourhoodId, partnerOrganisationId: placement.partnerOrganisationId },
      { userId: placement.traineeUserId, partnerChoice: [placement.partnerOrganisationId] },
    );
    if (refusal) return refusal;
    const times = occurrence(input.date, input.startTime, input.endTime);
    const activityValues = {
      ...coreActivityValues(input),
      ...times,
      organiserName: practiceOrganiserName(placement.traineeName, placement.traineeDateOfBirth, times.startsAt),
    };
    const practiceValues = { idea: input.idea, goal: input.goal, targetGroup: input.targetGroup };
    const existing = await lockPracticeActivity(tx, municipalityId, placement.id);
    if (existing?.activity.status === "cancelled") {
      // A cancelled activity stays cancelled (its page tells the people who signed up); the new
      // plan is a new activity, and the practice activity starts its review again.
      const [created] = await tx.insert(activities).values(newActivityRow(municipalityId, placement, activityValues)).returning({ id: activities.id });
      await tx
        .update(practiceActivities)
        .set({ ...practiceValues, activityId: created!.id, changesRequested: null, submittedAt: null, approvedBy: null, approvedAt: null, updatedAt: new Date() })
        .where(eq(practiceActivities.id, existing.practice.id));
      return { ok: true as const };
    }
    if (existing) {
      if (existing.activity.status !== "draft") return refuse("_form", "practiceActivity.error.notDraft");
      const now = new Date();
      await tx.update(activities).set({ ...activityValues, updatedAt: now }).where(eq(activities.id, existing.activity.id));
      await tx.update(practiceActivities).set({ ...practiceValues, updatedAt: now }).where(eq(practiceActivities.id, existing.practice.id));
      return { ok: true as const };
    }
    const [created] = await tx.insert(activities).values(newActivityRow(municipalityId, placement, activityValues)).returning({ id: activities.id });
    await tx.insert(practiceActivities).values({ ...practiceValues, municipalityId, placementId: placement.id, activityId: created!.id });
    return { ok: true as const };
  });
}

/** The trainee sends the plan for review (draft → in_review); the reviewer is mailed in the same transaction. */
export async function submitPracticeActivity(municipalityId: MunicipalityId, placement: Placement): Promise<PracticeWriteResult> {
  if (placement.status !== "active") return refuse("_form", "practiceActivity.error.noActivePlacement");
  return db().transaction(async (tx) => {
    const found = await lockPracticeActivity(tx, municipalityId, placement.id);
    if (!found) return refuse("_form", "practiceActivity.error.noPlan");
    if (!mayTransition(PRACTICE_ACTIVITY_MACHINE, found.activity.status, "submit", "trainee")) return refuse("_form", "practiceActivity.error.notDraft");
    // A plan that starts before anyone could review it could never be published (canTakeStep).
    if (!canTakeStep("publish", found.activity)) return refuse("date", "practiceActivity.error.startsInPast");
    const now = new Date();
    await tx.update(activities).set({ status: "in_review", updatedAt: now }).where(eq(activities.id, found.activity.id));
    await tx.update(practiceActivities).set({ submittedAt: now, updatedAt: now }).where(eq(practiceActivities.id, found.practice.id));
    const [municipality] = await tx.select({ slug: municipalities.slug }).from(municipalities).where(eq(municipalities.id, municipalityId));
    for (const reviewer of await findReviewers(municipalityId, placement)) {
      await queuePlanSubmittedMail(tx, reviewer, mailActivity(placement, municipality!.slug, found.activity));
    }
    return { ok: true as const };
  });
}

/** The first of the actor's roles on the placement that may cause the event in this state. */
function actingRole(roles: readonly JourneyRole[], state: Parameters<typeof mayTransition>[1], event: PracticeActivityEvent): JourneyRole | null {
  return roles.find((role) => mayTransition(PRACTICE_ACTIVITY_MACHINE, state as never, event, role)) ?? null;
}

/**
 * The supervisor's or course leader's answer to a plan in review: approve (published, in the
 * public calendar) or ask for changes with a comment (back to draft). The trainee is mailed
 * either way.
 */
export async function reviewPracticeActivity(
  municipalityId: MunicipalityId,
  placement: Placement,
  slug: string,
  reviewer: { userId: string; roles: readonly JourneyRole[] },
  input: PracticeReviewInput,
): Promise<PracticeWriteResult | { ok: false; forbidden: true } | (Extract<PracticeWriteResult, { ok: false }> & { conflict: true })> {
  return db().transaction(async (tx) => {
    const found = await lockPracticeActivity(tx, municipalityId, placement.id);
    if (!found) return refuse("_form", "practiceActivity.error.noPlan");
    const state = found.activity.status;
    // Someone without a reviewing role here (the project leader reads along) is refused whatever the state.
    if (!reviewer.roles.some((role) => PRACTICE_ACTIVITY_MACHINE[input.intent].by.includes(role as never))) return { ok: false as const, forbidden: true as const };
    if (!actingRole(reviewer.roles, state, input.intent)) return refuse("_form", "practiceActivity.error.notInReview");
    const now = new Date();
    const trainee = await traineeRecipient(tx, placement);
    if (input.intent === "approve") {
      // Every save, submit and new plan after a cancellation moves the practice row's updated_at.
      if (input.seenAt && found.practice.updatedAt.getTime() > input.seenAt.getTime()) return { ...refuse("_form", "practiceActivity.error.changedSinceSeen"), conflict: true as const };
      if (!canTakeStep("publish", found.activity)) return refuse("_form", "practiceActivity.error.startsInPast");
      await tx
        .update(activities)
        .set({ status: "published", publishedAt: now, reviewedBy: reviewer.userId, reviewedAt: now, updatedAt: now })
        .where(eq(activities.id, found.activity.id));
      await tx
        .update(practiceActivities)
        .set({ approvedBy: reviewer.userId, approvedAt: now, changesRequested: null, updatedAt: now })
        .where(eq(practiceActivities.id, found.practice.id));
      await queuePlanApprovedMail(tx, trainee, mailActivity(placement, slug, found.activity));
    } else {
      await tx.update(activities).set({ status: "draft", reviewedBy: reviewer.userId, reviewedAt: now, updatedAt: now }).where(eq(activities.id, found.activity.id));
      await tx.update(practiceActivities).set({ changesRequested: input.comment, updatedAt: now }).where(eq(practiceActivities.id, found.practice.id));
      await queueChangesRequestedMail(tx, trainee, mailActivity(placement, slug, found.activity), input.comment);
    }
    return { ok: true as const };
  });
}

/** The trainee's evaluation once the activity has ended (published → completed). */
export async function evaluatePracticeActivity(municipalityId: MunicipalityId, placement: Placement, input: PracticeEvaluationInput): Promise<PracticeWriteResult> {
  return db().transaction(async (tx) => {
    const found = await lockPracticeActivity(tx, municipalityId, placement.id);
    if (!found) return refuse("_form", "practiceActivity.error.noPlan");
    if (!mayTransition(PRACTICE_ACTIVITY_MACHINE, found.activity.status, "evaluate", "trainee")) return refuse("_form", "practiceActivity.error.notPublished");
    const [times] = await tx.select({ endsAt: activities.endsAt }).from(activities).where(eq(activities.id, found.activity.id));
    if (!times || !canEvaluateYet(times.endsAt)) return refuse("_form", "practiceActivity.error.notEnded");
    const now = new Date();
    await tx.update(activities).set({ status: "completed", updatedAt: now }).where(eq(activities.id, found.activity.id));
    await tx
      .update(practiceActivities)
      .set({ evaluationTurnout: input.turnout, evaluationWentWell: input.wentWell, evaluationDoDifferently: input.doDifferently, evaluatedAt: now, updatedAt: now })
      .where(eq(practiceActivities.id, found.practice.id));
    return { ok: true as const };
  });
}

/**
 * The trainee checks a person in (or marks them absent) at their own published activity, from its
 * day on: the staff check-in write (recordAttendance), which refuses before the start itself.
 */
export async function checkInAtPracticeActivity(
  municipalityId: MunicipalityId,
  activity: { id: string; status: string; startsAt: Date },
  registrationId: string,
  attendance: "attended" | "no_show" | null,
): Promise<PracticeWriteResult> {
  if (activity.status !== "published" || !isCheckInDay(activity.startsAt)) return refuse("_form", "practiceActivity.checkIn.closed");
  if (!isAttendanceOpen(activity)) return refuse("_form", "participants.notStarted");
  const result = await recordAttendance(municipalityId, activity.id, registrationId, attendance);
  return result.ok ? { ok: true } : refuse("_form", result.message);
}

/**
 * A staff view of a minor's practice activity, and a review or cancellation of it, goes into the
 * access log (resource practice_activity). A trainee without a known date of birth counts as a minor: we cannot tell.
 */
export async function logPracticeActivityView(actor: Actor, municipalityId: MunicipalityId, placement: Placement, action: "view" | "change" = "view"): Promise<void> {
  const age = traineeAgeOn(placement.traineeDateOfBirth, new Date());
  if (age !== null && age >= 18) return;
  await logPersonalDataAccess(db(), { actor, municipalityId, subject: { userId: placement.traineeUserId }, resource: "practice_activity", action });
}

/**
 * Cancels the practice activity (draft, in review or published) for the trainee, the supervisor
 * or the course leader: the activity's own cancel step, which tells everyone signed up.
 */
export async function cancelPracticeActivity(
  municipalityId: MunicipalityId,
  placement: Placement,
  actor: { userId: string; roles: readonly JourneyRole[] },
): Promise<PracticeWriteResult | { ok: false; forbidden: true }> {
  const found = await findPracticeActivity(municipalityId, placement.id);
  if (!found) return refuse("_form", "practiceActivity.error.noPlan");
  if (!actor.roles.some((role) => PRACTICE_ACTIVITY_MACHINE.cancel.by.includes(role as never))) return { ok: false as const, forbidden: true as const };
  // The state is checked again under the activity's lock by changeActivityStatus (canTakeStep).
  if (!actingRole(actor.roles, found.status, "cancel") || !canCancelYet(found.startsAt)) return refuse("_form", "staffActivities.step.cancel.refused");
  return changeActivityStatus(municipalityId, found.activityId, "cancel", actor.userId, { practicePath: true });
}
