/**
 * Changing practice hours. The trainee logs, corrects (a returned entry goes back to submitted)
 * and deletes entries that are not signed off; the placement's supervisor signs entries off or
 * returns one with a comment (the trainee is mailed in the same transaction). Each state change
 * asks the journey table first (journey.ts). The youth working-time warnings of an entry depend on
 * the other entries of that day, so every write recomputes them for the whole day.
 */
import { and, eq, gt, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { ageOn } from "~/features/training/age";
import { db, type Transaction } from "~/lib/db/client.server";
import { learningGoals, placements, practiceHours, users } from "~/lib/db/schema";
import type { MessageKey } from "~/lib/i18n";
import { addDaysToLocalDate, MUNICIPAL_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";
import { checkYouthHours, type HoursWarning } from "./hours-guard";
import { queueHoursReturned } from "./hours-emails.server";
import type { EditHoursInput, HoursEntryInput } from "./hours-schema";
import { HOURS_MACHINE, mayTransition, type JourneyRole } from "./journey";

/** What the writes need of a placement (the gate's row). */
export interface HoursPlacement {
  id: string;
  enrolmentId: string;
  traineeUserId: string;
  traineeDateOfBirth: string | null;
}

export type HoursWriteResult<T = { id: string; warnings: HoursWarning[] }> =
  | ({ ok: true } & T)
  | { ok: false; status: 400 | 403 | 404 | 409; error: MessageKey; field?: string };

const fail = (status: 400 | 403 | 404 | 409, error: MessageKey, field?: string) => ({ ok: false as const, status, error, field });

/**
 * Locks the placement row: hours writes of one placement run one after the other, so the day
 * totals that decide the warnings always include the entry saved a moment earlier in another tab.
 */
async function lockActivePlacement(tx: Transaction, scope: MunicipalityId, placementId: string): Promise<boolean> {
  const rows = await tx.execute<{ status: string }>(sql`select status from ${placements} where ${placements.id} = ${placementId} and ${placements.municipalityId} = ${scope} for update`);
  return rows.rows[0]?.status === "active";
}

async function goalBelongs(tx: Transaction, scope: MunicipalityId, enrolmentId: string, goalId: string | null): Promise<boolean> {
  if (goalId === null) return true;
  const [row] = await tx.select({ id: learningGoals.id }).from(learningGoals).where(and(eq(learningGoals.id, goalId), eq(learningGoals.enrolmentId, enrolmentId), eq(learningGoals.municipalityId, scope)));
  return Boolean(row);
}

/**
 * Recomputes the warnings of the trainee's entries on one local day that are not signed off (a
 * signed-off entry keeps what the supervisor confirmed). Each entry counts the others' minutes.
 */
async function refreshDayWarnings(tx: Transaction, placement: HoursPlacement, date: string): Promise<void> {
  const dayStart = zonedLocalToUtc(date, "00:00", MUNICIPAL_TIME_ZONE)!;
  const dayEnd = zonedLocalToUtc(addDaysToLocalDate(date, 1), "00:00", MUNICIPAL_TIME_ZONE)!;
  const entries = await tx
    .select({ id: practiceHours.id, startsAt: practiceHours.startsAt, endsAt: practiceHours.endsAt, status: practiceHours.status, schoolHoliday: practiceHours.schoolHoliday, guardWarnings: practiceHours.guardWarnings })
    .from(practiceHours)
    .where(and(eq(practiceHours.traineeUserId, placement.traineeUserId), gte(practiceHours.startsAt, dayStart), lt(practiceHours.startsAt, dayEnd)));
  const minutes = (e: (typeof entries)[number]) => Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60_000);
  const total = entries.reduce((sum, e) => sum + minutes(e), 0);
  const age = placement.traineeDateOfBirth ? ageOn(placement.traineeDateOfBirth, date) : null;
  for (const entry of entries) {
    if (entry.status === "signed_off") continue;
    const start = utcToZonedLocal(entry.startsAt, MUNICIPAL_TIME_ZONE).time;
    const end = utcToZonedLocal(entry.endsAt, MUNICIPAL_TIME_ZONE);
    const warnings =
      age === null
        ? []
        : checkYouthHours({ age, date, start, end: end.date === date ? end.time : "24:00", otherMinutesThatDay: total - minutes(entry), isSchoolHoliday: entry.schoolHoliday });
    // The day's entries were read unlocked: one may have been signed off since, and keeps what the supervisor confirmed.
    if (warnings.join(",") !== entry.guardWarnings.join(",")) {
      await tx
        .update(practiceHours)
        .set({ guardWarnings: warnings })
        .where(and(eq(practiceHours.id, entry.id), ne(practiceHours.status, "signed_off")));
    }
  }
}

/**
 * Whether the trainee already logged time that overlaps this stretch (another entry than `exceptId`):
 * the same form sent twice, or the same afternoon logged again, would count those hours twice.
 * Called under the placement's row lock, so two saves at once cannot both pass.
 */
async function overlapsOtherEntry(tx: Transaction, placement: HoursPlacement, startsAt: Date, endsAt: Date, exceptId: string | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: practiceHours.id })
    .from(practiceHours)
    .where(
      and(
        eq(practiceHours.traineeUserId, placement.traineeUserId),
        lt(practiceHours.startsAt, endsAt),
        gt(practiceHours.endsAt, startsAt),
        exceptId ? ne(practiceHours.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

async function warningsOf(tx: Transaction, id: string): Promise<HoursWarning[]> {
  const [row] = await tx.select({ guardWarnings: practiceHours.guardWarnings }).from(practiceHours).where(eq(practiceHours.id, id));
  return (row?.guardWarnings ?? []) as HoursWarning[];
}

/** The trainee logs an entry on their active placement; it starts submitted. */
export async function logHours(scope: MunicipalityId, placement: HoursPlacement, input: HoursEntryInput): Promise<HoursWriteResult> {
  return db().transaction(async (tx) => {
    if (!(await lockActivePlacement(tx, scope, placement.id))) return fail(409, "hours.error.notActive");
    if (!(await goalBelongs(tx, scope, placement.enrolmentId, input.learningGoalId))) return fail(400, "hours.error.goal", "learningGoalId");
    if (await overlapsOtherEntry(tx, placement, input.startsAt, input.endsAt, null)) return fail(409, "hours.error.overlaps", "start");
    const [row] = await tx
      .insert(practiceHours)
      .values({
        municipalityId: scope,
        placementId: placement.id,
        traineeUserId: placement.traineeUserId,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        description: input.description,
        learningGoalId: input.learningGoalId,
        schoolHoliday: input.schoolHoliday,
      })
      .returning({ id: practiceHours.id });
    await refreshDayWarnings(tx, placement, input.date);
    return { ok: true as const, id: row!.id, warnings: await warningsOf(tx, row!.id) };
  });
}

async function lockOwnEntry(tx: Transaction, scope: MunicipalityId, placement: HoursPlacement, id: string) {
  const [entry] = await tx
    .select({ id: practiceHours.id, status: practiceHours.status, startsAt: practiceHours.startsAt })
    .from(practiceHours)
    .where(and(eq(practiceHours.id, id), eq(practiceHours.placementId, placement.id), eq(practiceHours.municipalityId, scope), eq(practiceHours.traineeUserId, placement.traineeUserId)))
    .for("update");
  return entry ?? null;
}

/**
 * The trainee corrects an entry. A submitted entry stays submitted; a returned one is submitted
 * again (the journey's `resubmit`), keeping the supervisor's comment as history. Signed off is final.
 */
export async function updateHours(scope: MunicipalityId, placement: HoursPlacement, input: EditHoursInput): Promise<HoursWriteResult<{ id: string; warnings: HoursWarning[]; resubmitted: boolean }>> {
  return db().transaction(async (tx) => {
    if (!(await lockActivePlacement(tx, scope, placement.id))) return fail(409, "hours.error.notActive");
    const entry = await lockOwnEntry(tx, scope, placement, input.id);
    if (!entry) return fail(404, "hours.error.notFound");
    if (entry.status === "signed_off") return fail(409, "hours.error.signedOff");
    if (entry.status === "returned" && !mayTransition(HOURS_MACHINE, "returned", "resubmit", "trainee")) return fail(403, "hours.error.notAllowed");
    if (!(await goalBelongs(tx, scope, placement.enrolmentId, input.learningGoalId))) return fail(400, "hours.error.goal", "learningGoalId");
    if (await overlapsOtherEntry(tx, placement, input.startsAt, input.endsAt, entry.id)) return fail(409, "hours.error.overlaps", "start");
    await tx
      .update(practiceHours)
      .set({
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        description: input.description,
        learningGoalId: input.learningGoalId,
        schoolHoliday: input.schoolHoliday,
        status: "submitted",
        reviewedAt: null,
        reviewedBy: null,
        // A sign-off compares this with when the supervisor's page was shown (signOffHours).
        updatedAt: new Date(),
      })
      .where(and(eq(practiceHours.id, entry.id), ne(practiceHours.status, "signed_off")));
    const oldDate = utcToZonedLocal(entry.startsAt, MUNICIPAL_TIME_ZONE).date;
    await refreshDayWarnings(tx, placement, input.date);
    if (oldDate !== input.date) await refreshDayWarnings(tx, placement, oldDate);
    return { ok: true as const, id: entry.id, warnings: await warningsOf(tx, entry.id), resubmitted: entry.status === "returned" };
  });
}

/** The trainee deletes an entry that is not signed off. */
export async function deleteHours(scope: MunicipalityId, placement: HoursPlacement, id: string): Promise<HoursWriteResult<{ id: string }>> {
  return db().transaction(async (tx) => {
    if (!(await lockActivePlacement(tx, scope, placement.id))) return fail(409, "hours.error.notActive");
    const entry = await lockOwnEntry(tx, scope, placement, id);
    if (!entry) return fail(404, "hours.error.notFound");
    if (entry.status === "signed_off") return fail(409, "hours.error.signedOff");
    await tx.delete(practiceHours).where(and(eq(practiceHours.id, entry.id), ne(practiceHours.status, "signed_off")));
    await refreshDayWarnings(tx, placement, utcToZonedLocal(entry.startsAt, MUNICIPAL_TIME_ZONE).date);
    return { ok: true as const, id: entry.id };
  });
}

function lockPlacementEntries(tx: Transaction, scope: MunicipalityId, placementId: string, ids: readonly string[]) {
  return tx
    .select({ id: practiceHours.id, status: practiceHours.status, guardWarnings: practiceHours.guardWarnings, updatedAt: practiceHours.updatedAt, endsAt: practiceHours.endsAt })
    .from(practiceHours)
    .where(and(inArray(practiceHours.id, [...ids]), eq(practiceHours.placementId, placementId), eq(practiceHours.municipalityId, scope)))
    .for("update");
}

/**
 * The supervisor signs off entries, all or none. An entry with warnings needs `confirmGuard`: the
 * supervisor checked the hours are allowed or agreed them with trainee and parent; the database
 * refuses a signed-off entry with warnings and no confirmation as well. With `seenAt` (when the
 * supervisor's page was shown) an entry the trainee changed since is refused: the supervisor
 * would otherwise sign off times they never saw.
 */
export async function signOffHours(
  scope: MunicipalityId,
  placementId: string,
  reviewer: { userId: string; roles: readonly JourneyRole[] },
  ids: readonly string[],
  confirmGuard: boolean,
  seenAt: Date | null = null,
): Promise<HoursWriteResult<{ count: number }>> {
  return db().transaction(async (tx) => {
    const entries = await lockPlacementEntries(tx, scope, placementId, ids);
    if (entries.length !== ids.length) return fail(404, "hours.error.notFound");
    for (const entry of entries) {
      if (!reviewer.roles.some((role) => mayTransition(HOURS_MACHINE, entry.status, "sign_off", role))) {
        return entry.status === "submitted" ? fail(403, "hours.error.notAllowed") : fail(409, "hours.error.alreadyReviewed");
      }
    }
    if (seenAt && entries.some((entry) => entry.updatedAt.getTime() > seenAt.getTime())) return fail(409, "hours.error.changedSinceSeen");
    // A sign-off says the hours were worked: planned hours wait until they are over.
    const now = new Date();
    if (entries.some((entry) => entry.endsAt.getTime() > now.getTime())) return fail(409, "hours.error.notWorkedYet");
    if (!confirmGuard && entries.some((entry) => entry.guardWarnings.length > 0)) return fail(400, "hours.error.confirmNeeded", "confirmGuard");
    const updated = await tx
      .update(practiceHours)
      .set({
        status: "signed_off",
        reviewedBy: reviewer.userId,
        reviewedAt: now,
        guardConfirmedBy: sql`case when cardinality(${practiceHours.guardWarnings}) > 0 then ${reviewer.userId} else null end`,
        guardConfirmedAt: sql`case when cardinality(${practiceHours.guardWarnings}) > 0 then ${now.toISOString()}::timestamptz else null end`,
      })
      .where(and(inArray(practiceHours.id, entries.map((e) => e.id)), eq(practiceHours.status, "submitted")))
      .returning({ id: practiceHours.id });
    return { ok: true as const, count: updated.length };
  });
}

/** The supervisor returns one submitted entry with a comment; the trainee gets a mail. */
export async function returnHours(
  scope: MunicipalityId,
  placementId: string,
  reviewer: { userId: string; name: string; roles: readonly JourneyRole[] },
  id: string,
  comment: string,
): Promise<HoursWriteResult<{ id: string }>> {
  return db().transaction(async (tx) => {
    const [entry] = await lockPlacementEntries(tx, scope, placementId, [id]);
    if (!entry) return fail(404, "hours.error.notFound");
    if (!reviewer.roles.some((role) => mayTransition(HOURS_MACHINE, entry.status, "return", role))) {
      return entry.status === "submitted" ? fail(403, "hours.error.notAllowed") : fail(409, "hours.error.alreadyReviewed");
    }
    const [returned] = await tx
      .update(practiceHours)
      .set({ status: "returned", returnComment: comment, reviewedBy: reviewer.userId, reviewedAt: new Date() })
      .where(and(eq(practiceHours.id, entry.id), eq(practiceHours.status, "submitted")))
      .returning({ startsAt: practiceHours.startsAt, endsAt: practiceHours.endsAt, traineeUserId: practiceHours.traineeUserId });
    const [trainee] = await tx.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, returned!.traineeUserId));
    if (trainee) await queueHoursReturned(tx, { municipalityId: scope, trainee, supervisorName: reviewer.name, startsAt: returned!.startsAt, endsAt: returned!.endsAt, comment });
    return { ok: true as const, id: entry.id };
  });
}
