/**
 * Every write that changes who holds a place at an activity: registering, cancelling, promotion
 * from the waitlist, walk-ins and check-in.
 *
 * Concurrency rule: each of these transactions first locks the activity row (`SELECT … FOR
 * UPDATE`) and only then reads `confirmed_count` and the waitlist. Writers for one activity thus
 * run one after the other, so the check "is there a free place?" and the insert that takes the
 * place cannot interleave (a plain check-then-insert overbooks under load). Writers for different
 * activities do not wait for each other. Lock order is always activity row first, then
 * registration rows, so two writers can never hold each other's locks (no deadlocks).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, inArray, lte, ne, sql } from "drizzle-orm";
import { isAttendanceOpen } from "~/features/activities/policy";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor, type Transaction } from "~/lib/db/client.server";
import { activities, registrations, type AgeGroup, type RegistrationStatus } from "~/lib/db/schema";
import type { Locale } from "~/lib/i18n";
import { consumeRateLimit } from "~/lib/rate-limit.server";
import { refuse, type WriteResult } from "~/lib/write-result";
import { loadMailActivity, queueRegistrationEmail, type MailActivity } from "./emails.server";
import { ageGroupFits } from "./policy";
import { ownedBy } from "./reads.server";
import { isUuid } from "~/lib/validation";
import { recordReferral } from "~/features/recruitment/attribution.server";

export class RegistrationError extends Error {
  constructor(readonly code: "not_found" | "closed" | "full" | "age_group") {
    super(`Registration refused: ${code}`);
    this.name = "RegistrationError";
  }
}

/**
 * Sign-up mails (confirmation, waitlist, "you were already signed up") one address receives per
 * day across all activities. Anyone can type in any address, so without a cap the form would be a
 * way to flood an inbox from many client addresses.
 */
export const SIGN_UP_MAILS_PER_ADDRESS_PER_DAY = 10;


/** A new cancellation token for an email link; only its hash is stored. */
function newCancelToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashCancelToken(token) };
}

export function hashCancelToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

const lockedActivityColumns = {
  id: activities.id,
  title: activities.title,
  municipalityId: activities.municipalityId,
  status: activities.status,
  startsAt: activities.startsAt,
  capacity: activities.capacity,
  confirmedCount: activities.confirmedCount,
  waitlistEnabled: activities.waitlistEnabled,
  registrationRequired: activities.registrationRequired,
  minAge: activities.minAge,
  maxAge: activities.maxAge,
};
export type LockedActivity = {
  id: string;
  title: string;
  municipalityId: string;
  status: (typeof activities.$inferSelect)["status"];
  startsAt: Date;
  capacity: number | null;
  confirmedCount: number;
  waitlistEnabled: boolean;
  registrationRequired: boolean;
  minAge: number | null;
  maxAge: number | null;
};

/**
 * Takes the row lock that serialises all place-changing writes of one activity (see the top of
 * this file). Returns null for an unknown id. Only the activity row is locked, never its
 * municipality, so activities do not wait for each other.
 */
export async function lockActivity(tx: Transaction, activityId: string): Promise<LockedActivity | null> {
  if (!isUuid(activityId)) return null;
  const [row] = await tx.select(lockedActivityColumns).from(activities).where(eq(activities.id, activityId)).for("update");
  return row ?? null;
}

function hasFreePlace(activity: LockedActivity): boolean {
  return activity.capacity === null || activity.confirmedCount < activity.capacity;
}

async function findLiveRegistration(tx: Executor, activityId: string, email: string) {
  const [row] = await tx
    .select({ id: registrations.id, status: registrations.status, name: registrations.name, sequence: registrations.sequence })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), eq(registrations.email, email), ne(registrations.status, "cancelled")));
  return row as { id: string; status: "confirmed" | "waitlisted"; name: string; sequence: number } | undefined;
}

function isLiveEmailConflict(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505") return candidate.constraint === "registrations_live_email_unique";
    current = candidate.cause;
  }
  return false;
}

export interface RegisterInput {
  activityId: string;
  name: string;
  email: string;
  ageGroup: AgeGroup;
  userId?: string | null;
  locale: Locale;
  /** The invite code the visit carried (form field or cookie); recorded with the sign-up when it counts (ADR 032). */
  referralCode?: string | null;
}

export interface RegisterResult {
  /** The person's registration as it is now. Only for whoever proved the address is theirs. */
  id: string;
  status: "confirmed" | "waitlisted";
  created: boolean;
  /**
   * What anyone may be told: the outcome a newcomer would get right now ("full" when the activity
   * has no place and no waitlist). The same for a new and a repeated sign-up, so the answer does
   * not reveal whether an address was already signed up; the mail to the address tells which it was.
   */
  answer: "confirmed" | "waitlisted" | "full";
}

/**
 * Signs a person up: a confirmed place while places are free, else the waitlist (if the activity
 * has one), else RegistrationError("full"). Signing up again with the same address changes
 * nothing but mails the address that it was already signed up, with a fresh cancellation link.
 * Either way the address gets at most SIGN_UP_MAILS_PER_ADDRESS_PER_DAY such mails a day; beyond
 * that the sign-up still counts but is not mailed (ADR 015).
 */
export async function registerForActivity(input: RegisterInput): Promise<RegisterResult> {
  const email = input.email.trim().toLowerCase();
  try {
    return await db().transaction(async (tx) => {
      const activity = await lockActivity(tx, input.activityId);
      if (!activity || activity.status === "draft" || activity.status === "in_review") {
        throw new RegistrationError("not_found");
      }
      if (activity.status !== "published" || !activity.registrationRequired || activity.startsAt <= new Date()) {
        throw new RegistrationError("closed");
      }
      if (!ageGroupFits(activity, input.ageGroup)) throw new RegistrationError("age_group");
      const answer = hasFreePlace(activity) ? "confirmed" : activity.waitlistEnabled ? "waitlisted" : "full";
      // Counted before looking for an earlier sign-up, so new and repeated sign-ups cost the same.
      const mayMail = await consumeRateLimit(`registration-mail:${email}`, SIGN_UP_MAILS_PER_ADDRESS_PER_DAY, 86_400, tx);
      const existing = await findLiveRegistration(tx, activity.id, email);
      if (existing) {
        if (mayMail) await mailAlreadyRegistered(tx, activity.id, existing, email, input.locale);
        return { id: existing.id, status: existing.status, created: false, answer };
      }
      if (answer === "full") throw new RegistrationError("full");
      const status = answer;

      const { token, hash } = newCancelToken();
      const [row] = await tx
        .insert(registrations)
        .values({
          activityId: activity.id,
          municipalityId: activity.municipalityId,
          name: input.name,
          email,
          ageGroup: input.ageGroup,
          status,
          locale: input.locale,
          userId: input.userId ?? null,
          cancelTokenHash: hash,
        })
        .returning({ id: registrations.id, sequence: registrations.sequence });
      let position: number | undefined;
      if (status === "confirmed") {
        await tx
          .update(activities)
          .set({ confirmedCount: sql`${activities.confirmedCount} + 1` })
          .where(eq(activities.id, activity.id));
      } else {
        position = await waitlistPosition(tx, activity.id, row!.sequence);
      }
      await recordReferral(tx, { code: input.referralCode ?? null, registrationId: row!.id, municipalityId: activity.municipalityId, userId: input.userId ?? null, email });
      if (mayMail) {
        const mailActivity = await loadMailActivity(tx, activity.id);
        await queueRegistrationEmail(tx, status, mailActivity, { name: input.name, email, locale: input.locale }, {
          cancelToken: token,
          position,
        });
      }
      return { id: row!.id, status, created: true, answer };
    });
  } catch (error) {
    // Two requests with the same address that both passed the duplicate check cannot happen under
    // the activity lock, but the unique index is the last word: answer with the registration that won.
    if (isLiveEmailConflict(error)) {
      const existing = await findLiveRegistration(db(), input.activityId, email);
      if (existing) return { id: existing.id, status: existing.status, created: false, answer: existing.status };
    }
    throw error;
  }
}

/**
 * Tells an address that it was already signed up. Only the hash of a cancellation token is
 * stored, so the mail carries a new token and the old link stops working: whoever holds the
 * mailbox holds the link, as before.
 */
async function mailAlreadyRegistered(
  tx: Transaction,
  activityId: string,
  existing: { id: string; status: "confirmed" | "waitlisted"; name: string; sequence: number },
  email: string,
  locale: Locale,
): Promise<void> {
  const { token, hash } = newCancelToken();
  await tx.update(registrations).set({ cancelTokenHash: hash }).where(eq(registrations.id, existing.id));
  const position = existing.status === "waitlisted" ? await waitlistPosition(tx, activityId, existing.sequence) : undefined;
  const mailActivity = await loadMailActivity(tx, activityId);
  const kind = existing.status === "confirmed" ? "alreadyConfirmed" : "alreadyWaitlisted";
  await queueRegistrationEmail(tx, kind, mailActivity, { name: existing.name, email, locale }, { cancelToken: token, position });
}

async function waitlistPosition(tx: Transaction, activityId: string, sequence: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.activityId, activityId),
        eq(registrations.status, "waitlisted"),
        lte(registrations.sequence, sequence),
      ),
    );
  return row?.n ?? 1;
}

/**
 * Moves people from the waitlist to confirmed places, first come first served (by `sequence`),
 * while places are free, and emails each of them. The caller holds the activity lock and passes
 * the activity as it is now. Nothing moves for an activity that is not published or has started.
 */
export async function fillFreePlaces(tx: Transaction, activity: LockedActivity): Promise<string[]> {
  if (activity.status !== "published" || activity.startsAt <= new Date()) return [];
  const free = activity.capacity === null ? null : activity.capacity - activity.confirmedCount;
  if (free !== null && free <= 0) return [];
  const waiting = tx
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, locale: registrations.locale })
    .from(registrations)
    .where(and(eq(registrations.activityId, activity.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.sequence))
    .$dynamic();
  const next = await (free === null ? waiting : waiting.limit(free)).for("update");
  if (next.length === 0) return [];
  const ids = next.map((r) => r.id);
  await tx
    .update(registrations)
    .set({ status: "confirmed", promotedAt: new Date() })
    .where(inArray(registrations.id, ids));
  await tx
    .update(activities)
    .set({ confirmedCount: sql`${activities.confirmedCount} + ${next.length}` })
    .where(eq(activities.id, activity.id));
  const mailActivity = await loadMailActivity(tx, activity.id);
  for (const person of next) {
    if (person.email) {
      await queueRegistrationEmail(tx, "promoted", mailActivity, { name: person.name, email: person.email, locale: person.locale });
    }
  }
  return ids;
}

export interface CancelResult {
  activityId: string;
  activityTitle: string;
  status: "cancelled";
  alreadyCancelled: boolean;
}

/**
 * Cancels the registration behind an email link. A confirmed place that frees up goes to the
 * first person on the waitlist in the same transaction. Returns null for an unknown token;
 * cancelling twice is harmless (alreadyCancelled: true).
 */
export async function cancelRegistrationByToken(token: string, locale: Locale): Promise<CancelResult | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const hash = hashCancelToken(token);
  const [found] = await db()
    .select({ id: registrations.id, activityId: registrations.activityId })
    .from(registrations)
    .where(eq(registrations.cancelTokenHash, hash));
  return found ? cancelRegistration(found, locale, { beforeStartOnly: false }) : null;
}

/**
 * Cancels a signed-in person's own registration (from "Mijn aanmeldingen"). Returns null when
 * the registration is not theirs (nobody can cancel someone else's place by guessing an id) or
 * the activity has started (attendance is being recorded by then).
 */
export async function cancelOwnRegistration(userId: string, registrationId: string, locale: Locale): Promise<CancelResult | null> {
  if (!isUuid(registrationId)) return null;
  const [found] = await db()
    .select({ id: registrations.id, activityId: registrations.activityId })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), ownedBy(userId)));
  return found ? cancelRegistration(found, locale, { beforeStartOnly: true }) : null;
}

async function cancelRegistration(
  found: { id: string; activityId: string },
  locale: Locale,
  options: { beforeStartOnly: boolean },
): Promise<CancelResult | null> {
  return db().transaction(async (tx) => {
    const activity = await lockActivity(tx, found.activityId);
    if (!activity) return null;
    if (options.beforeStartOnly && activity.startsAt <= new Date()) return null;
    const [registration] = await tx
      .select({ status: registrations.status, name: registrations.name, email: registrations.email })
      .from(registrations)
      .where(eq(registrations.id, found.id))
      .for("update");
    if (!registration) return null;
    if (registration.status === "cancelled") {
      return { activityId: activity.id, activityTitle: activity.title, status: "cancelled" as const, alreadyCancelled: true };
    }
    await cancelLockedRegistration(tx, activity, found.id, registration.status);
    if (registration.email) {
      const mailActivity: MailActivity = await loadMailActivity(tx, activity.id);
      await queueRegistrationEmail(tx, "cancelled", mailActivity, { name: registration.name, email: registration.email, locale });
    }
    return { activityId: activity.id, activityTitle: activity.title, status: "cancelled" as const, alreadyCancelled: false };
  });
}

async function cancelLockedRegistration(
  tx: Transaction,
  activity: LockedActivity,
  registrationId: string,
  previous: RegistrationStatus,
): Promise<void> {
  await tx
    .update(registrations)
    .set({ status: "cancelled", cancelledAt: new Date() })
    .where(eq(registrations.id, registrationId));
  if (previous !== "confirmed") return;
  await tx
    .update(activities)
    .set({ confirmedCount: sql`${activities.confirmedCount} - 1` })
    .where(eq(activities.id, activity.id));
  await fillFreePlaces(tx, { ...activity, confirmedCount: activity.confirmedCount - 1 });
}

/** What the cancellation page shows before the person confirms. */
export async function findRegistrationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db()
    .select({
      id: registrations.id,
      name: registrations.name,
      status: registrations.status,
      activityId: activities.id,
      activityTitle: activities.title,
      activityStartsAt: activities.startsAt,
      activityEndsAt: activities.endsAt,
      activityStatus: activities.status,
      municipalitySlug: sql<string>`(select slug from municipalities where municipalities.id = ${activities.municipalityId})`,
    })
    .from(registrations)
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .where(eq(registrations.cancelTokenHash, hashCancelToken(token)));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Staff: walk-ins and check-in. The route has checked canManageActivity and passes the scope.
// ---------------------------------------------------------------------------------------------

export interface WalkInInput {
  name: string;
  ageGroup: AgeGroup;
  email: string | null;
}

/**
 * Adds someone who turned up at the door: confirmed and present, even when the activity is full
 * (staff at the door decide). Someone already registered with that address is marked present
 * instead of being added twice.
 */
export async function addWalkIn(
  municipalityId: MunicipalityId,
  activityId: string,
  input: WalkInInput,
): Promise<WriteResult<{ id: string; created: boolean }>> {
  const email = input.email ? input.email.trim().toLowerCase() : null;
  return db().transaction(async (tx) => {
    const activity = await lockActivity(tx, activityId);
    if (!activity || activity.municipalityId !== municipalityId) return refuse("_form", "staffActivities.notFound");
    // Checked under the activity's lock: the page hides check-in before the start, this refuses a forged post.
    if (!isAttendanceOpen(activity)) return refuse("_form", "participants.notStarted");
    if (email) {
      const existing = await findLiveRegistration(tx, activity.id, email);
      if (existing) {
        await markPresent(tx, activity, existing.id, existing.status);
        return { ok: true, id: existing.id, created: false } as const;
      }
    }
    const [row] = await tx
      .insert(registrations)
      .values({
        activityId: activity.id,
        municipalityId: activity.municipalityId,
        name: input.name,
        email,
        ageGroup: input.ageGroup,
        status: "confirmed",
        attendance: "attended",
        isWalkIn: true,
        cancelTokenHash: newCancelToken().hash,
      })
      .returning({ id: registrations.id });
    await tx
      .update(activities)
      .set({ confirmedCount: sql`${activities.confirmedCount} + 1` })
      .where(eq(activities.id, activity.id));
    return { ok: true, id: row!.id, created: true } as const;
  });
}

async function markPresent(tx: Transaction, activity: LockedActivity, registrationId: string, status: RegistrationStatus) {
  await tx
    .update(registrations)
    .set(status === "waitlisted" ? { status: "confirmed", attendance: "attended", promotedAt: new Date() } : { attendance: "attended" })
    .where(eq(registrations.id, registrationId));
  if (status === "waitlisted") {
    await tx
      .update(activities)
      .set({ confirmedCount: sql`${activities.confirmedCount} + 1` })
      .where(eq(activities.id, activity.id));
  }
}

/**
 * Records whether a registered person came. Checking in someone from the waitlist gives them a
 * place (they are there; staff decide). `null` clears the record.
 */
export async function recordAttendance(
  municipalityId: MunicipalityId,
  activityId: string,
  registrationId: string,
  attendance: "attended" | "no_show" | null,
): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const activity = await lockActivity(tx, activityId);
    if (!activity || activity.municipalityId !== municipalityId) return refuse("_form", "staffActivities.notFound");
    // Checked under the activity's lock: the page hides check-in before the start, this refuses a forged post.
    if (!isAttendanceOpen(activity)) return refuse("_form", "participants.notStarted");
    const [registration] = await tx
      .select({ status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.activityId, activity.id)))
      .for("update");
    if (!registration || registration.status === "cancelled") return refuse("_form", "staffActivities.notFound");
    if (attendance === "attended") {
      await markPresent(tx, activity, registrationId, registration.status);
    } else {
      await tx.update(registrations).set({ attendance }).where(eq(registrations.id, registrationId));
    }
    return { ok: true } as const;
  });
}
