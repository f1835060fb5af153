/**
 * Writes of cohorts (course groups) and their schedules. Each is one transaction that locks the
 * cohort row first, so two project leaders editing the same cohort, or generating its schedule
 * twice at the same moment, cannot interleave (the second waits and then sees the first's result).
 */
import { and, asc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { Actor } from "~/features/authorization/policy";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { applications, cohortCourseLeaders, cohortSessions, cohorts, memberships, trackModules, trackVersions, type SessionKind } from "~/lib/db/schema";
import { addDaysToLocalDate, zonedLocalToUtc } from "~/lib/time";
import { refuse, type WriteResult } from "~/lib/write-result";
import { listCohortTrainees } from "./cohorts-reads.server";
import type { CohortInput, GenerateInput, SessionInput } from "./cohorts-schema";

/** The municipality's published version, or null (a draft, another municipality's, the network's). */
async function publishedVersion(tx: Transaction, municipalityId: MunicipalityId, trackVersionId: string) {
  const [row] = await tx
    .select({ id: trackVersions.id })
    .from(trackVersions)
    .where(and(eq(trackVersions.id, trackVersionId), eq(trackVersions.municipalityId, municipalityId), eq(trackVersions.status, "published")));
  return row ?? null;
}

/** Whether every id is a course leader of this municipality. */
async function areCourseLeaders(tx: Transaction, municipalityId: MunicipalityId, userIds: readonly string[]): Promise<boolean> {
  const unique = [...new Set(userIds)];
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.role, "course_leader"), inArray(memberships.userId, unique)));
  return new Set(rows.map((r) => r.userId)).size === unique.length;
}

async function checkCohortInput(tx: Transaction, municipalityId: MunicipalityId, input: CohortInput) {
  if (!(await publishedVersion(tx, municipalityId, input.trackVersionId))) return refuse("trackVersionId", "cohorts.validation.trackVersion");
  if (!(await areCourseLeaders(tx, municipalityId, input.courseLeaderIds))) return refuse("courseLeaderIds", "cohorts.validation.courseLeaders");
  return null;
}

export async function createCohort(municipalityId: MunicipalityId, userId: string, input: CohortInput): Promise<WriteResult<{ id: string }>> {
  return db().transaction(async (tx) => {
    const refusal = await checkCohortInput(tx, municipalityId, input);
    if (refusal) return refusal;
    const [row] = await tx
      .insert(cohorts)
      .values({
        municipalityId,
        trackVersionId: input.trackVersionId,
        name: input.name,
        location: input.location,
        maxSize: input.maxSize,
        startsOn: input.startsOn,
        applicationsOpenOn: input.applicationsOpenOn,
        applicationsCloseOn: input.applicationsCloseOn,
        publishedAt: input.publish ? new Date() : null,
        createdBy: userId,
      })
      .returning({ id: cohorts.id });
    await tx
      .insert(cohortCourseLeaders)
      .values([...new Set(input.courseLeaderIds)].map((leaderId) => ({ cohortId: row!.id, userId: leaderId, municipalityId })));
    return { ok: true as const, id: row!.id };
  });
}

/** Locks a cohort of this municipality for a change; null when there is none. */
async function lockCohort(tx: Transaction, municipalityId: MunicipalityId, cohortId: string) {
  const [row] = await tx
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.municipalityId, municipalityId)))
    .for("update");
  return row ?? null;
}

export async function updateCohort(municipalityId: MunicipalityId, cohortId: string, input: CohortInput): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const cohort = await lockCohort(tx, municipalityId, cohortId);
    if (!cohort) return refuse("_form", "cohorts.notFound");
    const refusal = await checkCohortInput(tx, municipalityId, input);
    if (refusal) return refusal;
    // Admitted trainees keep their place: the size never drops below them (the check constraint
    // would refuse it too, with an error instead of a message).
    if (input.maxSize < cohort.admittedCount) return refuse("maxSize", "cohorts.validation.maxBelowAdmitted");
    if (input.trackVersionId !== cohort.trackVersionId) {
      // Applicants applied for what the version says (ages, meetings); a change would move them under their feet.
      const [applied] = await tx.select({ n: sql<number>`count(*)::int` }).from(applications).where(eq(applications.cohortId, cohortId));
      if ((applied?.n ?? 0) > 0) return refuse("trackVersionId", "cohorts.validation.trackVersionLocked");
    }
    await tx
      .update(cohorts)
      .set({
        trackVersionId: input.trackVersionId,
        name: input.name,
        location: input.location,
        maxSize: input.maxSize,
        startsOn: input.startsOn,
        applicationsOpenOn: input.applicationsOpenOn,
        applicationsCloseOn: input.applicationsCloseOn,
        publishedAt: input.publish ? (cohort.publishedAt ?? new Date()) : null,
        updatedAt: new Date(),
      })
      .where(and(eq(cohorts.id, cohortId), eq(cohorts.municipalityId, municipalityId)));
    const leaderIds = [...new Set(input.courseLeaderIds)];
    await tx.delete(cohortCourseLeaders).where(and(eq(cohortCourseLeaders.cohortId, cohortId), notInArray(cohortCourseLeaders.userId, leaderIds)));
    await tx
      .insert(cohortCourseLeaders)
      .values(leaderIds.map((leaderId) => ({ cohortId, userId: leaderId, municipalityId })))
      .onConflictDoNothing();
    return { ok: true as const };
  });
}

/** A module of the cohort's track version, or a refusal. */
async function checkModule(tx: Transaction, trackVersionId: string, moduleId: string | null) {
  if (moduleId === null) return null;
  const [row] = await tx
    .select({ id: trackModules.id })
    .from(trackModules)
    .where(and(eq(trackModules.id, moduleId), eq(trackModules.trackVersionId, trackVersionId)));
  return row ? null : refuse("moduleId", "cohorts.validation.module");
}

function sessionTimes(input: Pick<SessionInput, "date" | "startTime" | "endTime">) {
  const startsAt = zonedLocalToUtc(input.date, input.startTime);
  const endsAt = zonedLocalToUtc(input.date, input.endTime);
  return startsAt && endsAt && endsAt > startsAt ? { startsAt, endsAt } : null;
}

export async function addSession(municipalityId: MunicipalityId, cohortId: string, input: SessionInput): Promise<WriteResult<{ id: string }>> {
  return db().transaction(async (tx) => {
    const cohort = await lockCohort(tx, municipalityId, cohortId);
    if (!cohort) return refuse("_form", "cohorts.notFound");
    const moduleRefusal = await checkModule(tx, cohort.trackVersionId, input.moduleId);
    if (moduleRefusal) return moduleRefusal;
    const times = sessionTimes(input);
    if (!times) return refuse("endTime", "cohorts.validation.endBeforeStart");
    const [row] = await tx
      .insert(cohortSessions)
      .values({ cohortId, municipalityId, kind: input.kind, title: input.title, location: input.location, moduleId: input.moduleId, ...times })
      .returning({ id: cohortSessions.id });
    return { ok: true as const, id: row!.id };
  });
}

export async function updateSession(municipalityId: MunicipalityId, cohortId: string, sessionId: string, input: SessionInput): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const cohort = await lockCohort(tx, municipalityId, cohortId);
    if (!cohort) return refuse("_form", "cohorts.notFound");
    const moduleRefusal = await checkModule(tx, cohort.trackVersionId, input.moduleId);
    if (moduleRefusal) return moduleRefusal;
    const times = sessionTimes(input);
    if (!times) return refuse("endTime", "cohorts.validation.endBeforeStart");
    const changed = await tx
      .update(cohortSessions)
      .set({
        kind: input.kind,
        title: input.title,
        location: input.location,
        moduleId: input.moduleId,
        ...times,
        // A session moved to another day deserves its own reminder.
        remindersSentAt: sql`case when ${cohortSessions.startsAt} = ${times.startsAt.toISOString()}::timestamptz then ${cohortSessions.remindersSentAt} else null end`,
        updatedAt: new Date(),
      })
      .where(and(eq(cohortSessions.id, sessionId), eq(cohortSessions.cohortId, cohortId), eq(cohortSessions.municipalityId, municipalityId), isNull(cohortSessions.cancelledAt)))
      .returning({ id: cohortSessions.id });
    return changed.length > 0 ? { ok: true as const } : refuse("_form", "cohorts.session.notFound");
  });
}

/** Cancels a session: it stays in the schedule (and feeds, as cancelled) but gets no reminder and no attendance. */
export async function cancelSession(municipalityId: MunicipalityId, cohortId: string, sessionId: string): Promise<WriteResult> {
  const changed = await db()
    .update(cohortSessions)
    .set({ cancelledAt: new Date(), updatedAt: new Date() })
    .where(and(eq(cohortSessions.id, sessionId), eq(cohortSessions.cohortId, cohortId), eq(cohortSessions.municipalityId, municipalityId), isNull(cohortSessions.cancelledAt)))
    .returning({ id: cohortSessions.id });
  return changed.length > 0 ? { ok: true as const } : refuse("_form", "cohorts.session.notFound");
}

export interface ProposedSession {
  kind: SessionKind;
  date: string;
  startTime: string;
  endTime: string;
  moduleId: string | null;
  title: string;
}

/** Adds minutes to a local wall-clock time; null when the end would pass midnight. */
function addMinutes(time: string, minutes: number): string | null {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  if (total >= 24 * 60) return null;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * The track's schedule laid out weekly from the first day: meetingCount meetings of meetingMinutes,
 * then followUpDays follow-up days of followUpMinutes, each a week after the one before, at the
 * same local time (so 19:00 stays 19:00 across the clock change). Meeting n treats module n.
 */
export function proposeSchedule(
  startsOn: string,
  version: { meetingCount: number; meetingMinutes: number; followUpDays: number; followUpMinutes: number },
  modules: readonly { id: string; title: string }[],
  times: GenerateInput,
): ProposedSession[] | null {
  const sessions: ProposedSession[] = [];
  for (let n = 0; n < version.meetingCount; n++) {
    const endTime = addMinutes(times.meetingStartTime, version.meetingMinutes);
    if (!endTime) return null;
    const module = modules[n];
    sessions.push({ kind: "meeting", date: addDaysToLocalDate(startsOn, 7 * n), startTime: times.meetingStartTime, endTime, moduleId: module?.id ?? null, title: module?.title ?? "" });
  }
  for (let n = 0; n < version.followUpDays; n++) {
    if (version.followUpMinutes <= 0) break;
    const endTime = addMinutes(times.followUpStartTime, version.followUpMinutes);
    if (!endTime) return null;
    sessions.push({ kind: "follow_up", date: addDaysToLocalDate(startsOn, 7 * (version.meetingCount + n)), startTime: times.followUpStartTime, endTime, moduleId: null, title: "" });
  }
  return sessions;
}

/**
 * "Generate the schedule": writes the proposal for a cohort that has no sessions yet; the project
 * leader then moves or cancels single sessions. A cohort with a schedule is refused, so pressing
 * the button twice never doubles the schedule.
 */
export async function generateSchedule(municipalityId: MunicipalityId, cohortId: string, times: GenerateInput): Promise<WriteResult<{ count: number }>> {
  return db().transaction(async (tx) => {
    const cohort = await lockCohort(tx, municipalityId, cohortId);
    if (!cohort) return refuse("_form", "cohorts.notFound");
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(cohortSessions).where(eq(cohortSessions.cohortId, cohortId));
    if ((existing?.n ?? 0) > 0) return refuse("_form", "cohorts.schedule.alreadyThere");
    const [version] = await tx.select().from(trackVersions).where(eq(trackVersions.id, cohort.trackVersionId));
    if (!version) return refuse("_form", "cohorts.notFound");
    const modules = await tx
      .select({ id: trackModules.id, title: trackModules.title })
      .from(trackModules)
      .where(eq(trackModules.trackVersionId, version.id))
      .orderBy(asc(trackModules.position));
    const proposal = proposeSchedule(cohort.startsOn, version, modules, times);
    if (!proposal) return refuse("meetingStartTime", "cohorts.schedule.pastMidnight");
    const rows = proposal.map((session) => {
      const startsAt = zonedLocalToUtc(session.date, session.startTime)!;
      const endsAt = zonedLocalToUtc(session.date, session.endTime)!;
      return { cohortId, municipalityId, kind: session.kind, moduleId: session.moduleId, title: session.title, location: cohort.location, startsAt, endsAt };
    });
    if (rows.some((row) => row.endsAt <= row.startsAt)) return refuse("meetingStartTime", "cohorts.schedule.pastMidnight");
    if (rows.length > 0) await tx.insert(cohortSessions).values(rows);
    return { ok: true as const, count: rows.length };
  });
}

/**
 * The cohort's trainees for the CSV export, read and logged in one transaction: one audit row per
 * trainee (resource enrolment, action export), so the list never leaves without its log rows.
 */
export async function exportCohortTrainees(municipalityId: MunicipalityId, cohortId: string, actor: Actor) {
  return db().transaction(async (tx) => {
    const trainees = await listCohortTrainees(municipalityId, cohortId, tx);
    for (const trainee of trainees) {
      await logPersonalDataAccess(tx, { actor, municipalityId, subject: { userId: trainee.userId }, resource: "enrolment", action: "export" });
    }
    return trainees;
  });
}
