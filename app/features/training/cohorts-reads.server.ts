/**
 * Reads of cohorts (course groups) and their sessions. Every query of municipal data takes the
 * municipality scope from the gate.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import {
  APPLICATION_STATUSES,
  applications,
  assessmentMoments,
  assessments,
  certificates,
  cohortCourseLeaders,
  cohortSessions,
  cohorts,
  enrolments,
  memberships,
  sessionAttendance,
  trackModules,
  trackVersions,
  users,
  type ApplicationStatus,
} from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { MUNICIPAL_TIME_ZONE, utcToZonedLocal } from "~/lib/time";

/** Today's date in Europe/Amsterdam ("2026-12-01"). */
export function todayInAmsterdam(now: Date = new Date()): string {
  return utcToZonedLocal(now, MUNICIPAL_TIME_ZONE).date;
}

/**
 * The cohorts a resident can apply for now: published, and today (Europe/Amsterdam) within the
 * application period. For the municipality's public page.
 */
export async function listOpenCohorts(municipalityId: MunicipalityId, now: Date = new Date()) {
  const today = todayInAmsterdam(now);
  return db()
    .select({
      id: cohorts.id,
      name: cohorts.name,
      location: cohorts.location,
      startsOn: cohorts.startsOn,
      applicationsCloseOn: cohorts.applicationsCloseOn,
      maxSize: cohorts.maxSize,
      admittedCount: cohorts.admittedCount,
      placesLeft: sql<number>`greatest(${cohorts.maxSize} - ${cohorts.admittedCount}, 0)::int`,
      trackName: trackVersions.name,
      minAge: trackVersions.minAge,
      maxAge: trackVersions.maxAge,
    })
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(
      and(
        eq(cohorts.municipalityId, municipalityId),
        isNotNull(cohorts.publishedAt),
        sql`${cohorts.finishedAt} is null`,
        lte(cohorts.applicationsOpenOn, today),
        gte(cohorts.applicationsCloseOn, today),
      ),
    )
    .orderBy(asc(cohorts.startsOn), asc(cohorts.name), asc(cohorts.id));
}
export type OpenCohort = Awaited<ReturnType<typeof listOpenCohorts>>[number];

/** The cohorts a staff member sees: all of the municipality's, or (`taughtBy`) only those a course leader teaches. */
export async function listCohorts(municipalityId: MunicipalityId, options: { taughtBy: string | null }) {
  const teaches = options.taughtBy
    ? sql`exists (select 1 from ${cohortCourseLeaders} where ${cohortCourseLeaders.cohortId} = ${cohorts.id} and ${cohortCourseLeaders.userId} = ${options.taughtBy})`
    : undefined;
  return db()
    .select({
      id: cohorts.id,
      name: cohorts.name,
      location: cohorts.location,
      startsOn: cohorts.startsOn,
      maxSize: cohorts.maxSize,
      admittedCount: cohorts.admittedCount,
      publishedAt: cohorts.publishedAt,
      finishedAt: cohorts.finishedAt,
      trackName: trackVersions.name,
    })
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(and(eq(cohorts.municipalityId, municipalityId), teaches))
    .orderBy(desc(cohorts.startsOn), asc(cohorts.name), asc(cohorts.id));
}

/** One cohort of this municipality with its course leaders, or null. */
export async function findCohort(municipalityId: MunicipalityId, cohortId: string) {
  if (!isUuid(cohortId)) return null;
  const [row] = await db()
    .select({
      cohort: cohorts,
      trackName: trackVersions.name,
      trackVersion: trackVersions.version,
      meetingCount: trackVersions.meetingCount,
      meetingMinutes: trackVersions.meetingMinutes,
      followUpDays: trackVersions.followUpDays,
      followUpMinutes: trackVersions.followUpMinutes,
    })
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.municipalityId, municipalityId)));
  if (!row) return null;
  const leaders = await db()
    .select({ userId: cohortCourseLeaders.userId, name: users.name, email: users.email })
    .from(cohortCourseLeaders)
    .innerJoin(users, eq(users.id, cohortCourseLeaders.userId))
    .where(and(eq(cohortCourseLeaders.cohortId, cohortId), eq(cohortCourseLeaders.municipalityId, municipalityId)))
    .orderBy(asc(users.name));
  return {
    ...row.cohort,
    trackName: row.trackName,
    trackVersion: row.trackVersion,
    track: { meetingCount: row.meetingCount, meetingMinutes: row.meetingMinutes, followUpDays: row.followUpDays, followUpMinutes: row.followUpMinutes },
    courseLeaders: leaders,
    courseLeaderIds: leaders.map((l) => l.userId),
  };
}
export type StaffCohort = NonNullable<Awaited<ReturnType<typeof findCohort>>>;

/** The choices on the cohort form: the municipality's published track versions and its course leaders. */
export async function cohortFormOptions(municipalityId: MunicipalityId) {
  const [versions, leaders] = await Promise.all([
    db()
      .select({ id: trackVersions.id, name: trackVersions.name, version: trackVersions.version })
      .from(trackVersions)
      .where(and(eq(trackVersions.municipalityId, municipalityId), eq(trackVersions.status, "published")))
      .orderBy(asc(trackVersions.name), desc(trackVersions.version)),
    db()
      .selectDistinct({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.role, "course_leader")))
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  return { trackVersions: versions, courseLeaders: leaders };
}

/** The modules of a track version, for the session form. */
export async function listVersionModules(trackVersionId: string) {
  return db()
    .select({ id: trackModules.id, position: trackModules.position, title: trackModules.title })
    .from(trackModules)
    .where(eq(trackModules.trackVersionId, trackVersionId))
    .orderBy(asc(trackModules.position));
}

/** The cohort's sessions in time order, cancelled ones included. */
export async function listCohortSessions(municipalityId: MunicipalityId, cohortId: string) {
  return db()
    .select({
      id: cohortSessions.id,
      kind: cohortSessions.kind,
      title: cohortSessions.title,
      startsAt: cohortSessions.startsAt,
      endsAt: cohortSessions.endsAt,
      location: cohortSessions.location,
      moduleId: cohortSessions.moduleId,
      moduleTitle: trackModules.title,
      cancelledAt: cohortSessions.cancelledAt,
    })
    .from(cohortSessions)
    .leftJoin(trackModules, eq(trackModules.id, cohortSessions.moduleId))
    .where(and(eq(cohortSessions.cohortId, cohortId), eq(cohortSessions.municipalityId, municipalityId)))
    .orderBy(asc(cohortSessions.startsAt), asc(cohortSessions.id));
}
export type CohortSession = Awaited<ReturnType<typeof listCohortSessions>>[number];

export async function findCohortSession(municipalityId: MunicipalityId, cohortId: string, sessionId: string) {
  if (!isUuid(sessionId)) return null;
  const sessions = await db()
    .select()
    .from(cohortSessions)
    .where(and(eq(cohortSessions.id, sessionId), eq(cohortSessions.cohortId, cohortId), eq(cohortSessions.municipalityId, municipalityId)));
  return sessions[0] ?? null;
}

/**
 * The numbers of the project leader's overview: applications per status, attendance, assessments
 * and certificates. Counts only, so the page shows no one's personal data.
 */
export async function cohortNumbers(municipalityId: MunicipalityId, cohortId: string) {
  const [byStatus, [attendance], [assessed], [certified], [enrolled]] = await Promise.all([
    db()
      .select({ status: applications.status, n: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(eq(applications.cohortId, cohortId), eq(applications.municipalityId, municipalityId)))
      .groupBy(applications.status),
    db()
      .select({
        recorded: sql<number>`count(*)::int`,
        present: sql<number>`(count(*) filter (where ${sessionAttendance.status} = 'present'))::int`,
      })
      .from(sessionAttendance)
      .innerJoin(cohortSessions, eq(cohortSessions.id, sessionAttendance.sessionId))
      .where(and(eq(cohortSessions.cohortId, cohortId), eq(sessionAttendance.municipalityId, municipalityId))),
    db()
      .select({
        rows: sql<number>`count(*)::int`,
        moments: sql<number>`count(distinct ${assessments.momentId})::int`,
        trainees: sql<number>`count(distinct ${assessments.enrolmentId})::int`,
      })
      .from(assessments)
      .innerJoin(assessmentMoments, eq(assessmentMoments.id, assessments.momentId))
      .where(and(eq(assessmentMoments.cohortId, cohortId), eq(assessments.municipalityId, municipalityId))),
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .innerJoin(enrolments, eq(enrolments.id, certificates.enrolmentId))
      .where(
        and(eq(enrolments.cohortId, cohortId), eq(certificates.municipalityId, municipalityId), eq(certificates.kind, "participation"), isNull(certificates.revokedAt)),
      ),
    db()
      .select({ n: sql<number>`(count(*) filter (where ${enrolments.status} <> 'withdrawn'))::int` })
      .from(enrolments)
      .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.municipalityId, municipalityId))),
  ]);
  const applicationsByStatus = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
  for (const row of byStatus) applicationsByStatus[row.status] = row.n;
  return {
    applicationsByStatus,
    attendanceRecorded: attendance?.recorded ?? 0,
    attendancePresent: attendance?.present ?? 0,
    assessmentsRecorded: assessed?.rows ?? 0,
    assessmentMomentsUsed: assessed?.moments ?? 0,
    traineesAssessed: assessed?.trainees ?? 0,
    certificatesIssued: certified?.n ?? 0,
    enrolled: enrolled?.n ?? 0,
  };
}

/** The cohort's trainees (active and completed enrolments) with their attendance, for the overview and the export. */
export async function listCohortTrainees(municipalityId: MunicipalityId, cohortId: string, executor: Executor = db()) {
  return executor
    .select({
      enrolmentId: enrolments.id,
      userId: enrolments.userId,
      status: enrolments.status,
      enrolledAt: enrolments.createdAt,
      name: users.name,
      email: users.email,
      present: sql<number>`(select count(*)::int from ${sessionAttendance} where ${sessionAttendance.enrolmentId} = ${enrolments.id} and ${sessionAttendance.status} = 'present')`,
      recorded: sql<number>`(select count(*)::int from ${sessionAttendance} where ${sessionAttendance.enrolmentId} = ${enrolments.id})`,
      hasCertificate: sql<boolean>`exists (select 1 from ${certificates} where ${certificates.enrolmentId} = ${enrolments.id} and ${certificates.kind} = 'participation' and ${certificates.revokedAt} is null)`,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.municipalityId, municipalityId), inArray(enrolments.status, ["active", "completed"])))
    .orderBy(asc(users.name), asc(enrolments.id));
}
