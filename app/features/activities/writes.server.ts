/**
 * Staff writes on activities: create (one date or a weekly series), edit, and the status steps
 * draft → published → completed, or → cancelled. The route has authorised the municipality and,
 * for an existing activity, checked canManageActivity.
 *
 * Status steps are a table so that a review step fits later: a trainee's plan goes draft →
 * in_review, and the reviewer's approval is the same "publish" step from in_review.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { loadMailActivity, queueRegistrationEmail } from "~/features/registrations/emails.server";
import { fillFreePlaces, lockActivity } from "~/features/registrations/writes.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { activities, neighbourhoods, organisedActivities, partnerOrganisations, practiceActivities, registrations, type ActivityStatus } from "~/lib/db/schema";
import type { MessageKey } from "~/lib/i18n";
import { addDaysToLocalDate, zonedLocalToUtc } from "~/lib/time";
import { isPartnerAllowed, type PartnerChoice } from "./policy";
import type { ActivityCoreInput, ActivityCreateInput, ActivityUpdateInput } from "./schema";

export type ActivityWriteResult<T = object> = ({ ok: true } & T) | { ok: false; field: string; message: MessageKey };

function refuse(field: string, message: MessageKey): { ok: false; field: string; message: MessageKey } {
  return { ok: false, field, message };
}

export interface ActivityAuthor {
  userId: string;
  partnerChoice: PartnerChoice;
}

/** Neighbourhood and partner must belong to this municipality, and the partner to the author's choice. */
export async function checkReferences(
  tx: Transaction,
  municipalityId: MunicipalityId,
  input: { neighbourhoodId: string | null; partnerOrganisationId: string | null },
  author: ActivityAuthor,
) {
  if (input.neighbourhoodId) {
    const [row] = await tx
      .select({ id: neighbourhoods.id })
      .from(neighbourhoods)
      .where(and(eq(neighbourhoods.id, input.neighbourhoodId), eq(neighbourhoods.municipalityId, municipalityId)));
    if (!row) return refuse("neighbourhoodId", "activityForm.error.neighbourhoodUnknown");
  }
  if (!isPartnerAllowed(author.partnerChoice, input.partnerOrganisationId)) {
    return refuse("partnerOrganisationId", "activityForm.error.partnerNotYours");
  }
  if (input.partnerOrganisationId) {
    const [row] = await tx
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .where(and(eq(partnerOrganisations.id, input.partnerOrganisationId), eq(partnerOrganisations.municipalityId, municipalityId)));
    if (!row) return refuse("partnerOrganisationId", "activityForm.error.partnerUnknown");
  }
  return null;
}

/** The columns of activityCoreFields, as every activity form saves them (times: occurrence). */
export function coreActivityValues(input: Omit<ActivityCoreInput, "date" | "startTime" | "endTime">) {
  return {
    title: input.title,
    description: input.description,
    category: input.category,
    neighbourhoodId: input.neighbourhoodId,
    location: input.location,
    minAge: input.minAge,
    maxAge: input.maxAge,
    capacity: input.capacity,
  };
}

function commonValues(input: ActivityUpdateInput) {
  return {
    ...coreActivityValues(input),
    waitlistEnabled: input.waitlistEnabled,
    registrationRequired: input.registration === "required",
    organiserName: input.organiserName,
    partnerOrganisationId: input.partnerOrganisationId,
  };
}

/** Local date and times to instants; the schema has already refused impossible input. */
export function occurrence(date: string, startTime: string, endTime: string) {
  const startsAt = zonedLocalToUtc(date, startTime);
  const endsAt = zonedLocalToUtc(date, endTime);
  if (!startsAt || !endsAt) throw new Error("activity times were not validated");
  return { startsAt, endsAt };
}

/**
 * Creates a draft activity, or a weekly series of drafts that share a series id. Each date keeps
 * the same local time, also across a clock change.
 */
export async function createActivities(
  municipalityId: MunicipalityId,
  author: ActivityAuthor,
  input: ActivityCreateInput,
  imagePath: string | null,
): Promise<ActivityWriteResult<{ ids: string[] }>> {
  return db().transaction(async (tx) => {
    const refusal = await checkReferences(tx, municipalityId, input, author);
    if (refusal) return refusal;
    const seriesId = input.repeatWeeks > 1 ? randomUUID() : null;
    const rows = Array.from({ length: input.repeatWeeks }, (_, week) => ({
      ...commonValues(input),
      ...occurrence(addDaysToLocalDate(input.date, 7 * week), input.startTime, input.endTime),
      municipalityId,
      seriesId,
      imagePath,
      status: "draft" as const,
      organiserUserId: author.userId,
      createdBy: author.userId,
    }));
    const inserted = await tx.insert(activities).values(rows).returning({ id: activities.id, startsAt: activities.startsAt });
    inserted.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return { ok: true as const, ids: inserted.map((row) => row.id) };
  });
}

/**
 * Saves the staff form. More places (or no limit) moves people up from the waitlist in order;
 * fewer places never removes anyone who has one. People registered for a published activity get
 * a message when its time or place changes.
 */
export async function updateActivity(
  municipalityId: MunicipalityId,
  activityId: string,
  author: ActivityAuthor,
  input: ActivityUpdateInput,
  image: { imagePath: string | null } | null,
): Promise<ActivityWriteResult> {
  return db().transaction(async (tx) => {
    const locked = await lockActivity(tx, activityId);
    if (!locked || locked.municipalityId !== municipalityId) return refuse("_form", "staffActivities.notFound");
    if (locked.status === "cancelled" || locked.status === "completed") return refuse("_form", "staffActivities.closedForEdits");
    if (await isPracticeActivity(tx, activityId)) return refuse("_form", "practiceActivity.staffRefused");
    if (await isOrganisedActivity(tx, activityId)) return refuse("_form", "organisers.staffRefused");
    const refusal = await checkReferences(tx, municipalityId, input, author);
    if (refusal) return refusal;
    const before = await loadMailActivity(tx, activityId);
    const times = occurrence(input.date, input.startTime, input.endTime);
    const values = {
      ...commonValues(input),
      ...times,
      ...(input.removeImage ? { imagePath: null } : image ? { imagePath: image.imagePath } : {}),
      updatedAt: new Date(),
    };
    await tx.update(activities).set(values).where(eq(activities.id, activityId));
    await fillFreePlaces(tx, { ...locked, ...times, capacity: input.capacity });

    const moved =
      before.startsAt.getTime() !== times.startsAt.getTime() ||
      before.endsAt.getTime() !== times.endsAt.getTime() ||
      before.location !== input.location;
    if (moved && locked.status === "published") await mailLiveRegistrations(tx, activityId, "activityChanged");
    return { ok: true as const };
  });
}

async function mailLiveRegistrations(tx: Transaction, activityId: string, kind: "activityChanged" | "activityCancelled") {
  const people = await tx
    .select({ name: registrations.name, email: registrations.email, locale: registrations.locale, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), ne(registrations.status, "cancelled")));
  if (people.length === 0) return;
  const activity = await loadMailActivity(tx, activityId);
  for (const person of people) {
    if (person.email) {
      await queueRegistrationEmail(tx, kind, activity, { name: person.name, email: person.email, locale: person.locale }, { onWaitlist: person.status === "waitlisted" });
    }
  }
}

/**
 * A trainee's practice activity is planned, reviewed and evaluated on the placement's pages
 * (app/features/practice/practice-activity-writes.server.ts), where the journey's roles apply: the
 * staff form would let a partner contact publish it without review, or complete it without the
 * trainee's evaluation.
 */
async function isPracticeActivity(tx: Transaction, activityId: string): Promise<boolean> {
  const [row] = await tx.select({ id: practiceActivities.id }).from(practiceActivities).where(eq(practiceActivities.activityId, activityId));
  return row !== undefined;
}

/** A resident's own activity (app/features/organisers/writes.server.ts): the staff form would bypass its review. */
async function isOrganisedActivity(tx: Transaction, activityId: string): Promise<boolean> {
  const [row] = await tx.select({ id: organisedActivities.id }).from(organisedActivities).where(eq(organisedActivities.activityId, activityId));
  return row !== undefined;
}

export type ActivityStep = "publish" | "cancel" | "complete";

/** From which statuses each step may be taken. */
export const ACTIVITY_STEPS: Record<ActivityStep, { from: readonly ActivityStatus[]; to: ActivityStatus }> = {
  publish: { from: ["draft", "in_review"], to: "published" },
  cancel: { from: ["draft", "in_review", "published"], to: "cancelled" },
  complete: { from: ["published"], to: "completed" },
};

export function canTakeStep(step: ActivityStep, activity: { status: ActivityStatus; startsAt: Date }, now = new Date()): boolean {
  if (!ACTIVITY_STEPS[step].from.includes(activity.status)) return false;
  // Publishing something that has begun would invite sign-ups that can no longer be accepted;
  // completing something that has not begun would record turnout that cannot exist yet.
  if (step === "publish") return activity.startsAt > now;
  if (step === "complete") return activity.startsAt <= now;
  return true;
}

/**
 * Takes one status step. Cancelling tells everyone registered, waitlist included, in the same
 * transaction. A practice activity takes its steps only from the placement's pages, which pass
 * `practicePath` after checking the journey's roles (cancelPracticeActivity).
 */
export async function changeActivityStatus(
  municipalityId: MunicipalityId,
  activityId: string,
  step: ActivityStep,
  userId: string,
  options: { practicePath?: boolean } = {},
): Promise<ActivityWriteResult> {
  return db().transaction(async (tx) => {
    const locked = await lockActivity(tx, activityId);
    if (!locked || locked.municipalityId !== municipalityId) return refuse("_form", "staffActivities.notFound");
    if (!canTakeStep(step, locked)) return refuse("_form", `staffActivities.step.${step}.refused`);
    // Publishing and completing a practice activity are its review and evaluation; cancelling it is
    // for the trainee, their supervisor and their course leader, not for anyone who manages activities.
    if (!(step === "cancel" && options.practicePath) && (await isPracticeActivity(tx, activityId))) return refuse("_form", "practiceActivity.staffRefused");
    // A resident's own activity is reviewed, cancelled and evaluated on the organisers' pages, where trust and the journey apply.
    if (await isOrganisedActivity(tx, activityId)) return refuse("_form", "organisers.staffRefused");
    const now = new Date();
    await tx
      .update(activities)
      .set({
        status: ACTIVITY_STEPS[step].to,
        updatedAt: now,
        ...(step === "publish" ? { publishedAt: now } : {}),
        ...(step === "publish" && locked.status === "in_review" ? { reviewedBy: userId, reviewedAt: now } : {}),
        ...(step === "cancel" ? { cancelledAt: now } : {}),
      })
      .where(eq(activities.id, activityId));
    if (step === "cancel" && locked.status === "published") await mailLiveRegistrations(tx, activityId, "activityCancelled");
    return { ok: true as const };
  });
}

/**
 * Publishes every draft of a weekly series that has not begun. Drafts are locked in id order, the
 * same order every writer of several activities uses.
 */
export async function publishSeries(municipalityId: MunicipalityId, seriesId: string): Promise<ActivityWriteResult<{ count: number }>> {
  return db().transaction(async (tx) => {
    const drafts = await tx
      .select({ id: activities.id, status: activities.status, startsAt: activities.startsAt })
      .from(activities)
      .where(and(eq(activities.municipalityId, municipalityId), eq(activities.seriesId, seriesId)))
      .orderBy(activities.id)
      .for("update");
    if (drafts[0] && (await isOrganisedActivity(tx, drafts[0].id))) return refuse("_form", "organisers.staffRefused");
    const ready = drafts.filter((row) => canTakeStep("publish", row)).map((row) => row.id);
    if (ready.length === 0) return refuse("_form", "staffActivities.step.publish.refused");
    const now = new Date();
    await tx
      .update(activities)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(inArray(activities.id, ready));
    return { ok: true as const, count: ready.length };
  });
}
