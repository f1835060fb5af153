/**
 * Writes of residents' own activities: the organiser plans (an `activities` row in draft, or a
 * weekly series of them, each with its `organised_activities` row and co-organisers), submits (in
 * review, or published at once when the organiser is trusted at that moment), withdraws, or
 * cancels; a coach approves or asks for changes. Every write locks the plan's activity rows (all
 * dates of a series, in id order: lockActivity, the lock every registration write takes too) and
 * asks ORGANISED_ACTIVITY_MACHINE before it changes a state. A step that already happened (a double
 * click, a second tab) is answered as done without writing again.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { activityFormOptions } from "~/features/activities/reads.server";
import { checkReferences, coreActivityValues, occurrence } from "~/features/activities/writes.server";
import type { Actor } from "~/features/authorization/policy";
import { scopeFromRow, type MunicipalityId } from "~/features/authorization/gate.server";
import { loadMailActivity, queueRegistrationEmail } from "~/features/registrations/emails.server";
import { lockActivity, type LockedActivity } from "~/features/registrations/writes.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { activities, activityCoOrganisers, activityMessages, municipalities, organisedActivities, organiserTrust as organiserTrustTable, registrations, teamMembers, teams, users } from "~/lib/db/schema";
import { consumeRateLimit } from "~/lib/rate-limit.server";
import { addDaysToLocalDate } from "~/lib/time";
import { refuse, type WriteResult } from "~/lib/write-result";
import { queueAnnouncementMail, queuePlanReviewedMail, queuePlanSubmittedMail, type PlanMail } from "./emails.server";
import { mayOrganisedActivity, ORGANISED_ACTIVITY_MACHINE, type OrganisedActivityEvent, type OrganisingRole } from "./journey";
import { canCancelYet, mayCoOrganise, mayOrganiseAs, mayReviewPlan, organisingRoleOf, publicOrganiserName, type OrganiserFacts } from "./policy";
import { currentTrust, loadOrganiserFacts, planRecipients, planReviewers, supervisorsOf } from "./reads.server";
import { MESSAGES_PER_ACTIVITY_PER_DAY, type ActivityMessageInput, type OrganisedPlanInput, type OrganisedReviewInput } from "./schema";

type PlanRow = typeof organisedActivities.$inferSelect;
interface LockedPlan {
  /** The activity the request named. */
  head: LockedActivity & { endsAt: Date };
  plan: PlanRow;
  /** Every date of the plan (one, or a weekly series), earliest first, each locked. */
  members: (LockedActivity & { plan: PlanRow })[];
}

/**
 * Locks every activity row of the plan the activity belongs to, in id order (the order every
 * writer of several activities uses), and reads the plan rows; null for an unknown activity or
 * one that is not a resident's own.
 */
async function lockPlan(tx: Transaction, activityId: string): Promise<LockedPlan | null> {
  const [head] = await tx.select({ seriesId: activities.seriesId, endsAt: activities.endsAt }).from(activities).where(eq(activities.id, activityId));
  if (!head) return null;
  const ids = head.seriesId
    ? (await tx.select({ id: activities.id }).from(activities).where(eq(activities.seriesId, head.seriesId)).orderBy(asc(activities.id))).map((r) => r.id)
    : [activityId];
  const locked: LockedActivity[] = [];
  for (const id of ids) {
    const row = await lockActivity(tx, id);
    if (row) locked.push(row);
  }
  const plans = await tx.select().from(organisedActivities).where(inArray(organisedActivities.activityId, ids));
  const members = locked.flatMap((row) => {
    const plan = plans.find((p) => p.activityId === row.id);
    return plan ? [{ ...row, plan }] : [];
  });
  members.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const headRow = members.find((m) => m.id === activityId);
  if (!headRow) return null;
  return { head: { ...headRow, endsAt: head.endsAt }, plan: headRow.plan, members };
}

async function roleInPlan(tx: Transaction, userId: string, found: LockedPlan) {
  const co = await tx.select({ userId: activityCoOrganisers.userId }).from(activityCoOrganisers).where(eq(activityCoOrganisers.activityId, found.head.id));
  const members = found.plan.teamId ? (await loadTeamMembers(tx, found.plan.teamId)) : [];
  return organisingRoleOf(userId, { municipalityId: found.head.municipalityId, organiserUserId: found.plan.organiserUserId, teamId: found.plan.teamId, coOrganiserIds: co.map((c) => c.userId), teamMemberIds: members });
}

async function loadTeamMembers(tx: Transaction, teamId: string): Promise<string[]> {
  return (await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), isNull(teamMembers.leftAt)))).map((r) => r.userId);
}

async function planMail(tx: Transaction, found: LockedPlan): Promise<PlanMail> {
  const [row] = await tx
    .select({ slug: municipalities.slug, organiserName: activities.organiserName })
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .where(eq(activities.id, found.head.id));
  return { municipalityId: found.head.municipalityId, slug: row!.slug, activityId: found.head.id, title: found.head.title, startsAt: found.head.startsAt, organiser: row!.organiserName ?? "" };
}

/** The event's target state when it already holds: the step happened before (a double submit). */
function alreadyDone(state: string, event: OrganisedActivityEvent): boolean {
  return ORGANISED_ACTIVITY_MACHINE[event].to === state;
}

/** Co-organisers must be people who may organise in the activity's municipality. */
async function checkCoOrganisers(ids: readonly string[], municipalityId: string, organiserUserId: string) {
  for (const id of ids) {
    if (id === organiserUserId) continue;
    const facts = await loadOrganiserFacts(id);
    if (!mayCoOrganise(facts, municipalityId)) return refuse("coOrganisers", "organisers.error.coOrganiserNotAllowed");
  }
  return null;
}

async function writeCoOrganisers(tx: Transaction, activityIds: readonly string[], municipalityId: string, ids: readonly string[], addedBy: string) {
  await tx.delete(activityCoOrganisers).where(inArray(activityCoOrganisers.activityId, [...activityIds]));
  const rows = activityIds.flatMap((activityId) => ids.filter((id) => id !== addedBy).map((userId) => ({ activityId, municipalityId, userId, addedBy })));
  if (rows.length > 0) await tx.insert(activityCoOrganisers).values(rows);
}

/**
 * Saves the organiser's plan: a new draft (one date, or a weekly series), or changes to their own
 * draft (every date of a series moves with the first). Who organises (oneself or a team) is
 * chosen on the first save and stays.
 */
export async function saveOrganisedPlan(userId: string, activityId: string | null, input: OrganisedPlanInput): Promise<WriteResult<{ activityId: string }>> {
  const facts = await loadOrganiserFacts(userId);
  const [person] = await db().select({ name: users.name }).from(users).where(eq(users.id, userId));
  if (!person) return refuse("_form", "organisers.error.mayNotOrganise");
  if (activityId === null) return createPlan(userId, person.name, facts, input);
  return db().transaction(async (tx) => {
    const found = await lockPlan(tx, activityId);
    if (!found || (await roleInPlan(tx, userId, found)) !== "organiser") return refuse("_form", "organisers.error.notFound");
    if (found.head.status !== "draft") return refuse("_form", "organisers.error.notDraft");
    // A revoked certificate or a team left since the first save ends the right to organise this plan.
    if (!mayOrganiseAs(facts, found.head.municipalityId, found.plan.teamId)) return refuse("_form", "organisers.error.mayNotOrganise");
    // The organiser's own plan: its municipality is the scope of the write.
    const municipalityId = scopeFromRow(found.head.municipalityId, true);
    const refusal = (await checkReferences(tx, municipalityId, { neighbourhoodId: input.neighbourhoodId, partnerOrganisationId: null }, { userId, partnerChoice: "any" })) ?? (await checkCoOrganisers(input.coOrganisers, municipalityId, userId));
    if (refusal) return refusal;
    const now = new Date();
    const drafts = found.members.filter((m) => m.status === "draft");
    for (const [week, member] of drafts.entries()) {
      await tx
        .update(activities)
        .set({ ...coreActivityValues(input), ...occurrence(addDaysToLocalDate(input.date, 7 * week), input.startTime, input.endTime), updatedAt: now })
        .where(eq(activities.id, member.id));
    }
    await tx
      .update(organisedActivities)
      .set({ idea: input.idea, goal: input.goal, targetGroup: input.targetGroup, updatedAt: now })
      .where(inArray(organisedActivities.activityId, drafts.map((m) => m.id)));
    await writeCoOrganisers(tx, drafts.map((m) => m.id), municipalityId, input.coOrganisers, userId);
    return { ok: true as const, activityId };
  });
}

async function createPlan(userId: string, personName: string, facts: OrganiserFacts, input: OrganisedPlanInput): Promise<WriteResult<{ activityId: string }>> {
  if (!input.organiseAs) return refuse("organiseAs", "validation.required");
  const { teamId } = input.organiseAs;
  let municipalityId = input.organiseAs.municipalityId;
  let organiserName = publicOrganiserName({ personName });
  if (teamId) {
    const [team] = await db().select({ municipalityId: teams.municipalityId, name: teams.name }).from(teams).where(eq(teams.id, teamId));
    if (!team) return refuse("organiseAs", "organisers.error.mayNotOrganise");
    municipalityId = team.municipalityId;
    organiserName = publicOrganiserName({ teamName: team.name });
  }
  if (!municipalityId || !mayOrganiseAs(facts, municipalityId, teamId)) return refuse("organiseAs", "organisers.error.mayNotOrganise");
  // The municipality is the one the person's own certificate or active team belongs to.
  const scope = scopeFromRow(municipalityId, true);
  const coRefusal = await checkCoOrganisers(input.coOrganisers, scope, userId);
  if (coRefusal) return coRefusal;
  return db().transaction(async (tx) => {
    // A resident's own activity has no partner organisation, so only the neighbourhood is checked.
    const refusal = await checkReferences(tx, scope, { neighbourhoodId: input.neighbourhoodId, partnerOrganisationId: null }, { userId, partnerChoice: "any" });
    if (refusal) return refusal;
    const seriesId = input.weeks > 1 ? randomUUID() : null;
    const rows = Array.from({ length: input.weeks }, (_, week) => ({
      ...coreActivityValues(input),
      ...occurrence(addDaysToLocalDate(input.date, 7 * week), input.startTime, input.endTime),
      municipalityId: scope,
      seriesId,
      status: "draft" as const,
      registrationRequired: true,
      waitlistEnabled: true,
      organiserName,
      organiserUserId: userId,
      createdBy: userId,
    }));
    const inserted = await tx.insert(activities).values(rows).returning({ id: activities.id, startsAt: activities.startsAt });
    inserted.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await tx.insert(organisedActivities).values(
      inserted.map((row) => ({ municipalityId: scope, activityId: row.id, organiserUserId: userId, teamId, idea: input.idea, goal: input.goal, targetGroup: input.targetGroup })),
    );
    await writeCoOrganisers(tx, inserted.map((r) => r.id), scope, input.coOrganisers, userId);
    return { ok: true as const, activityId: inserted[0]!.id };
  });
}

export type SubmitResult = WriteResult<{ published: boolean }>;

/**
 * The organiser submits the plan: published at once when they are trusted at this moment (the
 * project leader's mark for them, else the municipality's setting), otherwise in review, and the
 * coaches are told.
 */
export async function submitOrganisedPlan(userId: string, activityId: string): Promise<SubmitResult> {
  return db().transaction(async (tx) => {
    const found = await lockPlan(tx, activityId);
    if (!found) return refuse("_form", "organisers.error.notFound");
    const role = await roleInPlan(tx, userId, found);
    if (role === null) return refuse("_form", "organisers.error.notFound");
    const state = found.head.status;
    if (state === "in_review" || (state === "published" && found.plan.submittedAt)) return { ok: true as const, published: state === "published" };
    if (!mayOrganisedActivity(state, "submit", role)) return refuse("_form", "organisers.error.notDraft");
    if (found.head.startsAt.getTime() <= Date.now()) return refuse("date", "organisers.error.startsInPast");
    const municipalityId = found.head.municipalityId;
    // Whether the planner may still organise is read now: a revoked certificate or a team left (or
    // no longer active) since the draft was saved does not submit, let alone publish directly.
    if (!mayOrganiseAs(await loadOrganiserFacts(userId, tx), municipalityId, found.plan.teamId)) return refuse("_form", "organisers.error.mayNotOrganise");
    const trust = await currentTrust(municipalityId, userId, tx);
    const event: OrganisedActivityEvent = trust.trusted ? "publish_directly" : "submit";
    if (!mayOrganisedActivity(state, event, role)) return refuse("_form", "organisers.error.notDraft");
    const now = new Date();
    const ids = found.members.filter((m) => m.status === "draft" && m.startsAt.getTime() > now.getTime()).map((m) => m.id);
    const to = ORGANISED_ACTIVITY_MACHINE[event].to;
    await tx.update(activities).set({ status: to, updatedAt: now, ...(trust.trusted ? { publishedAt: now } : {}) }).where(inArray(activities.id, ids));
    await tx
      .update(organisedActivities)
      .set({ submittedAt: now, updatedAt: now, publishedWithoutReviewAt: trust.trusted ? now : null })
      .where(inArray(organisedActivities.activityId, ids));
    if (!trust.trusted) {
      const mail = await planMail(tx, found);
      const [planner] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
      for (const reviewer of await planReviewers(tx, municipalityId, found.plan.organiserUserId)) {
        await queuePlanSubmittedMail(tx, reviewer, { ...mail, organiser: planner?.name ?? mail.organiser });
      }
    }
    return { ok: true as const, published: trust.trusted };
  });
}

/** The organiser takes the plan back from review to change it. */
export async function withdrawOrganisedPlan(userId: string, activityId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const found = await lockPlan(tx, activityId);
    if (!found) return refuse("_form", "organisers.error.notFound");
    const role = await roleInPlan(tx, userId, found);
    if (role === null) return refuse("_form", "organisers.error.notFound");
    if (found.head.status === "draft" && role === "organiser") return { ok: true as const };
    if (!mayOrganisedActivity(found.head.status, "withdraw", role)) return refuse("_form", "organisers.error.notInReview");
    const now = new Date();
    const ids = found.members.filter((m) => m.status === "in_review").map((m) => m.id);
    await tx.update(activities).set({ status: "draft", updatedAt: now }).where(inArray(activities.id, ids));
    await tx.update(organisedActivities).set({ submittedAt: null, updatedAt: now }).where(inArray(organisedActivities.activityId, ids));
    return { ok: true as const };
  });
}

/** Whether this coach may review the plan (project leader, course leader, or the organiser's own practice supervisor). */
export async function coachMayReview(actor: Actor, municipalityId: string, organiserUserId: string | null): Promise<boolean> {
  return mayReviewPlan(actor, municipalityId, { userId: organiserUserId, supervisorIds: await supervisorsOf(municipalityId, organiserUserId) });
}

/**
 * A coach's answer to a plan in review: approve (published, in the public calendar) or ask for
 * changes with a comment (back to draft). The organiser and co-organisers are mailed either way.
 */
export async function reviewOrganisedPlan(
  actor: Actor,
  municipalityId: MunicipalityId,
  activityId: string,
  input: OrganisedReviewInput,
): Promise<WriteResult | { ok: false; forbidden: true }> {
  return db().transaction(async (tx) => {
    const found = await lockPlan(tx, activityId);
    if (!found || found.head.municipalityId !== municipalityId) return refuse("_form", "organisers.error.notFound");
    if (!(await coachMayReview(actor, municipalityId, found.plan.organiserUserId))) return { ok: false as const, forbidden: true as const };
    const state = found.head.status;
    const role: OrganisingRole = "coach";
    if (!mayOrganisedActivity(state, input.intent, role)) {
      if (alreadyDone(state, input.intent) && found.plan.reviewedBy) return { ok: true as const };
      return refuse("_form", "organisers.error.notInReview");
    }
    const now = new Date();
    if (input.intent === "approve" && found.head.startsAt.getTime() <= now.getTime()) return refuse("_form", "organisers.error.startsInPast");
    const ids = found.members.filter((m) => m.status === "in_review" && (input.intent !== "approve" || m.startsAt.getTime() > now.getTime())).map((m) => m.id);
    const to = ORGANISED_ACTIVITY_MACHINE[input.intent].to;
    await tx
      .update(activities)
      .set({ status: to, reviewedBy: actor.userId, reviewedAt: now, updatedAt: now, ...(to === "published" ? { publishedAt: now } : {}) })
      .where(inArray(activities.id, ids));
    await tx
      .update(organisedActivities)
      .set({ reviewedBy: actor.userId, reviewedAt: now, updatedAt: now, changesRequested: input.intent === "approve" ? null : input.comment })
      .where(inArray(organisedActivities.activityId, ids));
    const mail = await planMail(tx, found);
    for (const person of await planRecipients(tx, found.head.id, found.plan.organiserUserId, found.plan.teamId)) {
      await queuePlanReviewedMail(tx, person, mail, input.intent === "approve" ? { approved: true } : { approved: false, comment: input.comment });
    }
    return { ok: true as const };
  });
}

/**
 * Cancels every date of the plan that has not begun, for the organiser or a coach who may review
 * it. People signed up for a published date are told, as when staff cancel.
 */
export async function cancelOrganisedPlan(who: { userId: string } | { coach: Actor }, activityId: string, municipalityId?: MunicipalityId): Promise<WriteResult | { ok: false; forbidden: true }> {
  return db().transaction(async (tx) => {
    const found = await lockPlan(tx, activityId);
    if (!found || (municipalityId && found.head.municipalityId !== municipalityId)) return refuse("_form", "organisers.error.notFound");
    let role: OrganisingRole | null;
    if ("coach" in who) role = (await coachMayReview(who.coach, found.head.municipalityId, found.plan.organiserUserId)) ? "coach" : null;
    else role = await roleInPlan(tx, who.userId, found);
    if (role === null) return "coach" in who ? { ok: false as const, forbidden: true as const } : refuse("_form", "organisers.error.notFound");
    if (found.head.status === "cancelled" && role !== "co_organiser") return { ok: true as const };
    if (!mayOrganisedActivity(found.head.status, "cancel", role) || !canCancelYet(found.head.startsAt)) return refuse("_form", "organisers.error.mayNotCancel");
    const now = new Date();
    const open = found.members.filter((m) => ORGANISED_ACTIVITY_MACHINE.cancel.from.includes(m.status as never) && canCancelYet(m.startsAt, now));
    await tx.update(activities).set({ status: "cancelled", cancelledAt: now, updatedAt: now }).where(inArray(activities.id, open.map((m) => m.id)));
    for (const member of open.filter((m) => m.status === "published")) {
      const people = await tx
        .select({ name: registrations.name, email: registrations.email, locale: registrations.locale, status: registrations.status })
        .from(registrations)
        .where(and(eq(registrations.activityId, member.id), ne(registrations.status, "cancelled")));
      if (people.length === 0) continue;
      const activity = await loadMailActivity(tx, member.id);
      for (const person of people) {
        if (person.email) await queueRegistrationEmail(tx, "activityCancelled", activity, { name: person.name, email: person.email, locale: person.locale }, { onWaitlist: person.status === "waitlisted" });
      }
    }
    return { ok: true as const };
  });
}

/**
 * A short announcement to the activity's confirmed participants (and, when asked, its waitlist),
 * by email through the outbox. At most MESSAGES_PER_ACTIVITY_PER_DAY per activity per day, counted
 * in rate_limit_counters inside this transaction (so a refused or failed send counts nothing, and
 * the limit holds across app instances); logged in activity_messages.
 */
export async function sendActivityMessage(userId: string, activityId: string, input: ActivityMessageInput): Promise<WriteResult<{ recipients: number }> | { ok: false; limited: true }> {
  return db().transaction(async (tx) => {
    const found = await lockPlan(tx, activityId);
    if (!found || (await roleInPlan(tx, userId, found)) === null) return refuse("_form", "organisers.error.notFound");
    if (found.head.status !== "published" || found.head.endsAt.getTime() <= Date.now()) return refuse("_form", "organisers.message.closed");
    if (!(await consumeRateLimit(`activity-message:${activityId}`, MESSAGES_PER_ACTIVITY_PER_DAY, 86_400, tx))) return { ok: false as const, limited: true as const };
    const statuses = input.includeWaitlist ? (["confirmed", "waitlisted"] as const) : (["confirmed"] as const);
    const people = await tx
      .select({ name: registrations.name, email: registrations.email, locale: registrations.locale })
      .from(registrations)
      .where(and(eq(registrations.activityId, activityId), inArray(registrations.status, [...statuses])));
    const [row] = await tx
      .select({ slug: municipalities.slug, organiserName: activities.organiserName })
      .from(activities)
      .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
      .where(eq(activities.id, activityId));
    let recipients = 0;
    for (const person of people) {
      if (!person.email) continue;
      await queueAnnouncementMail(
        tx,
        { name: person.name, email: person.email, locale: person.locale },
        { municipalityId: found.head.municipalityId, slug: row!.slug, id: activityId, title: found.head.title, startsAt: found.head.startsAt, organiserName: row!.organiserName ?? "" },
        input,
      );
      recipients++;
    }
    await tx.insert(activityMessages).values({ activityId, municipalityId: found.head.municipalityId, sentBy: userId, subject: input.subject, body: input.body, recipientCount: recipients });
    return { ok: true as const, recipients };
  });
}

/** The project leader marks an organiser of the municipality trusted or not, or returns them to the setting. */
export async function setOrganiserTrust(municipalityId: MunicipalityId, setBy: string, input: { userId: string; trust: "trusted" | "not_trusted" | "setting" }, organiserIds: ReadonlySet<string>): Promise<WriteResult> {
  if (!organiserIds.has(input.userId)) return refuse("_form", "organisers.error.notFound");
  // Marking oneself trusted would publish one's own plans without anyone else's review.
  if (input.userId === setBy) return refuse("_form", "organisers.error.notFound");
  if (input.trust === "setting") {
    await db().delete(organiserTrustTable).where(and(eq(organiserTrustTable.municipalityId, municipalityId), eq(organiserTrustTable.userId, input.userId)));
  } else {
    await db()
      .insert(organiserTrustTable)
      .values({ municipalityId, userId: input.userId, trust: input.trust, setBy })
      .onConflictDoUpdate({ target: [organiserTrustTable.municipalityId, organiserTrustTable.userId], set: { trust: input.trust, setBy, setAt: new Date() } });
  }
  return { ok: true as const };
}

/** The plan form's choices for the person: neighbourhoods and categories of every municipality they organise in. */
export async function planFormOptions(municipalityIds: readonly string[]) {
  // Only the municipalities the person may organise in (from their own certificates and teams).
  const all = await Promise.all(municipalityIds.map((id) => activityFormOptions(scopeFromRow(id, true), [])));
  return { categories: all[0]?.categories ?? [], neighbourhoods: all.flatMap((o) => o.neighbourhoods) };
}
