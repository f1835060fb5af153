/**
 * Writes of ceremonies (project leader): plan and change a ceremony, publish it as a public
 * activity that family and friends sign up for (kept in step with the ceremony afterwards), assign
 * trainees' final presentations to it and, once it has begun, mark each presentation given. The
 * route has checked practice.manage_ceremonies in this municipality; the scope is the gate's.
 */
import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { loadMailActivity, queueRegistrationEmail } from "~/features/registrations/emails.server";
import { fillFreePlaces, lockActivity } from "~/features/registrations/writes.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { activities, ceremonies, finalPresentations, placements, registrations, users } from "~/lib/db/schema";
import { queuePresentationAssignedMail } from "./ceremonies-emails.server";
import type { AssignPresentationInput, CeremonyInput } from "./ceremonies-schema";
import { mayTransition, PRESENTATION_MACHINE, type PresentationEvent, type PresentationStatus } from "./journey";

/** What a refused write tells the page (each is a message key under finale.ceremony.refused.*). */
export type CeremonyRefusal = "notFound" | "alreadyPublished" | "alreadyStarted" | "placementNotActive" | "alreadyAssigned" | "presentationNotFound" | "notStarted" | "alreadyGiven" | "notGiven";
export type CeremonyWriteResult<T = object> = ({ ok: true } & T) | { ok: false; refusal: CeremonyRefusal };

/** The ceremony row, locked: publishing, editing and assigning on one ceremony take turns. */
async function lockCeremony(tx: Transaction, municipalityId: MunicipalityId, ceremonyId: string) {
  const [row] = await tx
    .select()
    .from(ceremonies)
    .where(and(eq(ceremonies.id, ceremonyId), eq(ceremonies.municipalityId, municipalityId)))
    .for("update");
  return row ?? null;
}

export async function createCeremony(municipalityId: MunicipalityId, input: CeremonyInput, userId: string): Promise<string> {
  const [row] = await db().insert(ceremonies).values({ municipalityId, ...input, createdBy: userId }).returning({ id: ceremonies.id });
  return row!.id;
}

/**
 * Saves the ceremony. Its public activity (when published) follows: title, programme, place and
 * times; people registered for it are told when the time or place moved.
 */
export async function updateCeremony(municipalityId: MunicipalityId, ceremonyId: string, input: CeremonyInput): Promise<CeremonyWriteResult> {
  return db().transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, municipalityId, ceremonyId);
    if (!ceremony) return { ok: false as const, refusal: "notFound" as const };
    await tx.update(ceremonies).set({ ...input, updatedAt: new Date() }).where(eq(ceremonies.id, ceremony.id));
    if (ceremony.activityId) {
      const activity = await lockActivity(tx, ceremony.activityId);
      if (activity && activity.municipalityId === municipalityId && activity.status !== "cancelled" && activity.status !== "completed") {
        await tx
          .update(activities)
          .set({ title: input.title, description: input.programme, location: input.location, startsAt: input.startsAt, endsAt: input.endsAt, updatedAt: new Date() })
          .where(eq(activities.id, activity.id));
        await fillFreePlaces(tx, { ...activity, startsAt: input.startsAt });
        const moved = ceremony.startsAt.getTime() !== input.startsAt.getTime() || ceremony.endsAt.getTime() !== input.endsAt.getTime() || ceremony.location !== input.location;
        if (moved && activity.status === "published") await mailRegistered(tx, activity.id);
      }
    }
    return { ok: true as const };
  });
}

async function mailRegistered(tx: Transaction, activityId: string) {
  const people = await tx
    .select({ name: registrations.name, email: registrations.email, locale: registrations.locale, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), ne(registrations.status, "cancelled")));
  if (people.length === 0) return;
  const activity = await loadMailActivity(tx, activityId);
  for (const person of people) {
    if (person.email) await queueRegistrationEmail(tx, "activityChanged", activity, { name: person.name, email: person.email, locale: person.locale }, { onWaitlist: person.status === "waitlisted" });
  }
}

/** Publishes the ceremony as a public activity (category other, sign-up for family and friends). */
export async function publishCeremony(municipalityId: MunicipalityId, ceremonyId: string, capacity: number | null, userId: string): Promise<CeremonyWriteResult<{ activityId: string }>> {
  return db().transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, municipalityId, ceremonyId);
    if (!ceremony) return { ok: false as const, refusal: "notFound" as const };
    if (ceremony.activityId) return { ok: false as const, refusal: "alreadyPublished" as const };
    const now = new Date();
    // As for any activity (canTakeStep "publish"): sign-ups for something under way cannot be kept.
    if (ceremony.startsAt <= now) return { ok: false as const, refusal: "alreadyStarted" as const };
    const [activity] = await tx
      .insert(activities)
      .values({
        municipalityId,
        title: ceremony.title,
        description: ceremony.programme,
        category: "other",
        location: ceremony.location,
        startsAt: ceremony.startsAt,
        endsAt: ceremony.endsAt,
        capacity,
        registrationRequired: true,
        waitlistEnabled: true,
        status: "published",
        publishedAt: now,
        reviewedBy: userId,
        reviewedAt: now,
        createdBy: userId,
      })
      .returning({ id: activities.id });
    await tx.update(ceremonies).set({ activityId: activity!.id, updatedAt: now }).where(eq(ceremonies.id, ceremony.id));
    return { ok: true as const, activityId: activity!.id };
  });
}

/**
 * Assigns a trainee's final presentation to the ceremony. Only an active placement of this
 * municipality qualifies, and a placement has one presentation (the unique index decides when two
 * assignments race). The trainee is mailed when, where and the programme.
 */
export async function assignPresentation(municipalityId: MunicipalityId, ceremonyId: string, input: AssignPresentationInput): Promise<CeremonyWriteResult> {
  return db().transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, municipalityId, ceremonyId);
    if (!ceremony) return { ok: false as const, refusal: "notFound" as const };
    // Shared lock: the placement cannot end between this check and the insert.
    const [placement] = await tx
      .select({ id: placements.id, traineeUserId: placements.traineeUserId })
      .from(placements)
      .where(and(eq(placements.id, input.placementId), eq(placements.municipalityId, municipalityId), eq(placements.status, "active")))
      .for("share");
    if (!placement) return { ok: false as const, refusal: "placementNotActive" as const };
    const inserted = await tx
      .insert(finalPresentations)
      .values({ municipalityId, ceremonyId: ceremony.id, placementId: placement.id, title: input.title, position: input.position })
      .onConflictDoNothing({ target: finalPresentations.placementId })
      .returning({ id: finalPresentations.id });
    if (inserted.length === 0) return { ok: false as const, refusal: "alreadyAssigned" as const };
    const [trainee] = await tx.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, placement.traineeUserId));
    if (trainee) await queuePresentationAssignedMail(tx, { ...ceremony, municipalityId }, input, trainee);
    return { ok: true as const };
  });
}

/** Removes an assignment that has not been marked given. */
export async function removePresentation(municipalityId: MunicipalityId, ceremonyId: string, presentationId: string): Promise<CeremonyWriteResult> {
  const removed = await db()
    .delete(finalPresentations)
    .where(
      and(
        eq(finalPresentations.id, presentationId),
        eq(finalPresentations.ceremonyId, ceremonyId),
        eq(finalPresentations.municipalityId, municipalityId),
        isNull(finalPresentations.givenAt),
      ),
    )
    .returning({ id: finalPresentations.id });
  return removed.length > 0 ? { ok: true } : { ok: false, refusal: "presentationNotFound" };
}

/**
 * Marks a presentation given (or takes that back), once the ceremony has begun: before that
 * nobody can have given it. The update expects the state the journey table moves from.
 */
export async function markPresentation(
  municipalityId: MunicipalityId,
  ceremonyId: string,
  presentationId: string,
  event: PresentationEvent,
  userId: string,
  now = new Date(),
): Promise<CeremonyWriteResult> {
  return db().transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, municipalityId, ceremonyId);
    if (!ceremony) return { ok: false as const, refusal: "notFound" as const };
    if (ceremony.startsAt > now) return { ok: false as const, refusal: "notStarted" as const };
    const [presentation] = await tx
      .select({ id: finalPresentations.id, givenAt: finalPresentations.givenAt })
      .from(finalPresentations)
      .where(and(eq(finalPresentations.id, presentationId), eq(finalPresentations.ceremonyId, ceremony.id), eq(finalPresentations.municipalityId, municipalityId)));
    if (!presentation) return { ok: false as const, refusal: "presentationNotFound" as const };
    const state: PresentationStatus = presentation.givenAt ? "given" : "assigned";
    if (!mayTransition(PRESENTATION_MACHINE, state, event, "project_leader")) return { ok: false as const, refusal: event === "mark_given" ? ("alreadyGiven" as const) : ("notGiven" as const) };
    const given = event === "mark_given";
    const moved = await tx
      .update(finalPresentations)
      .set(given ? { givenAt: now, markedBy: userId } : { givenAt: null, markedBy: userId })
      .where(and(eq(finalPresentations.id, presentation.id), given ? isNull(finalPresentations.givenAt) : isNotNull(finalPresentations.givenAt)))
      .returning({ id: finalPresentations.id });
    if (moved.length === 0) return { ok: false as const, refusal: given ? ("alreadyGiven" as const) : ("notGiven" as const) };
    return { ok: true as const };
  });
}
