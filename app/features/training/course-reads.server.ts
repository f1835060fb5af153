/**
 * Reads for running a cohort (staff: the trainee's page, a session's attendance, the assessment
 * moments) and for the trainee's own course. Staff reads take the municipality scope from the
 * gate; the trainee's reads take their own account id.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import {
  assessmentMoments,
  assessments,
  certificates,
  cohortCourseLeaders,
  cohorts,
  cohortSessions,
  competenceLevels,
  developmentPlanChanges,
  developmentPlans,
  enrolments,
  learningGoals,
  municipalities,
  sessionAttendance,
  trackCompetences,
  trackVersions,
  users,
  type AttendanceStatus,
} from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { evaluateCompletion } from "./completion";

/** A cohort of this municipality with its course leaders, or null. */
export async function findCourseCohort(municipalityId: MunicipalityId, cohortId: string) {
  if (!isUuid(cohortId)) return null;
  const [row] = await db()
    .select({
      id: cohorts.id,
      name: cohorts.name,
      municipalityId: cohorts.municipalityId,
      trackVersionId: cohorts.trackVersionId,
      startsOn: cohorts.startsOn,
      trackName: trackVersions.name,
      completionMinMeetings: trackVersions.completionMinMeetings,
      completionRequiresAssessments: trackVersions.completionRequiresAssessments,
    })
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.municipalityId, municipalityId)));
  if (!row) return null;
  const leaders = await db().select({ userId: cohortCourseLeaders.userId }).from(cohortCourseLeaders).where(eq(cohortCourseLeaders.cohortId, row.id));
  return { ...row, courseLeaderIds: leaders.map((l) => l.userId) };
}
export type CourseCohort = NonNullable<Awaited<ReturnType<typeof findCourseCohort>>>;

/** The competences of a track version with their rubric levels, in order. */
export async function competencesOf(trackVersionId: string) {
  const rows = await db()
    .select({ id: trackCompetences.id, name: trackCompetences.name, description: trackCompetences.description, position: trackCompetences.position })
    .from(trackCompetences)
    .where(eq(trackCompetences.trackVersionId, trackVersionId))
    .orderBy(asc(trackCompetences.position));
  const levels =
    rows.length === 0
      ? []
      : await db()
          .select()
          .from(competenceLevels)
          .where(inArray(competenceLevels.competenceId, rows.map((r) => r.id)))
          .orderBy(asc(competenceLevels.level));
  return rows.map((row) => ({ ...row, levels: levels.filter((l) => l.competenceId === row.id).map((l) => ({ level: l.level, name: l.name, description: l.description })) }));
}
export type CompetenceWithLevels = Awaited<ReturnType<typeof competencesOf>>[number];

/**
 * The cohort's course assessment moments. The final moment (the final report's assessment) is
 * not part of the course: the certificate of participation's rule must not wait for it.
 */
export async function listMoments(cohortId: string) {
  return db()
    .select({ id: assessmentMoments.id, name: assessmentMoments.name, plannedOn: assessmentMoments.plannedOn, position: assessmentMoments.position })
    .from(assessmentMoments)
    .where(and(eq(assessmentMoments.cohortId, cohortId), eq(assessmentMoments.kind, "course")))
    .orderBy(asc(assessmentMoments.position));
}

async function sessionsOf(cohortId: string) {
  return db()
    .select({
      id: cohortSessions.id,
      kind: cohortSessions.kind,
      title: cohortSessions.title,
      startsAt: cohortSessions.startsAt,
      endsAt: cohortSessions.endsAt,
      location: cohortSessions.location,
      cancelledAt: cohortSessions.cancelledAt,
    })
    .from(cohortSessions)
    .where(eq(cohortSessions.cohortId, cohortId))
    .orderBy(asc(cohortSessions.startsAt));
}

/**
 * Everything about one enrolment's course: plan, goals, history, attendance per session,
 * assessments and whether the completion rule is met. Shared by the staff page and the trainee's
 * own page, after each has checked who may see it.
 */
async function courseOfEnrolment(enrolment: { id: string; cohortId: string }, cohort: { trackVersionId: string; completionMinMeetings: number; completionRequiresAssessments: boolean }) {
  const [plan] = await db().select().from(developmentPlans).where(eq(developmentPlans.enrolmentId, enrolment.id));
  const [goals, changes, sessions, attendance, moments, competences, given, certificate] = await Promise.all([
    db().select().from(learningGoals).where(eq(learningGoals.enrolmentId, enrolment.id)).orderBy(asc(learningGoals.position)),
    db()
      .select({
        id: developmentPlanChanges.id,
        part: developmentPlanChanges.part,
        newValue: developmentPlanChanges.newValue,
        changedAt: developmentPlanChanges.changedAt,
        changedById: developmentPlanChanges.changedBy,
        changedByName: users.name,
      })
      .from(developmentPlanChanges)
      .leftJoin(users, eq(users.id, developmentPlanChanges.changedBy))
      .where(eq(developmentPlanChanges.enrolmentId, enrolment.id))
      .orderBy(desc(developmentPlanChanges.changedAt), desc(developmentPlanChanges.id))
      .limit(100),
    sessionsOf(enrolment.cohortId),
    db().select().from(sessionAttendance).where(eq(sessionAttendance.enrolmentId, enrolment.id)),
    listMoments(enrolment.cohortId),
    competencesOf(cohort.trackVersionId),
    db()
      .select({ momentId: assessments.momentId, competenceId: assessments.competenceId, level: assessments.level, narrative: assessments.narrative })
      .from(assessments)
      .where(eq(assessments.enrolmentId, enrolment.id)),
    db().select().from(certificates).where(and(eq(certificates.enrolmentId, enrolment.id), eq(certificates.kind, "participation"))),
  ]);
  const attendanceBySession = new Map(attendance.map((a) => [a.sessionId, a]));
  const schedule = sessions.map((s) => {
    const record = attendanceBySession.get(s.id);
    return { ...s, attendance: (record?.status ?? null) as AttendanceStatus | null, isLate: record?.isLate ?? false };
  });
  const completion = evaluateCompletion({
    minMeetings: cohort.completionMinMeetings,
    requiresAssessments: cohort.completionRequiresAssessments,
    meetings: schedule.filter((s) => s.kind === "meeting" && s.cancelledAt === null),
    momentIds: moments.map((m) => m.id),
    competenceIds: competences.map((c) => c.id),
    assessments: given,
  });
  return {
    plan: plan ?? { ownTalent: "", ownStory: "", challenges: "", observations: "" },
    goals,
    changes,
    schedule,
    moments,
    competences,
    assessments: given,
    certificate: certificate[0] ?? null,
    completion,
  };
}

/** One trainee of a cohort for the staff page (the cohort already checked by the caller). */
export async function findStaffTrainee(municipalityId: MunicipalityId, cohort: CourseCohort, enrolmentId: string) {
  if (!isUuid(enrolmentId)) return null;
  const [row] = await db()
    .select({ id: enrolments.id, cohortId: enrolments.cohortId, status: enrolments.status, userId: enrolments.userId, name: users.name, email: users.email })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.cohortId, cohort.id), eq(enrolments.municipalityId, municipalityId)));
  if (!row) return null;
  return { enrolment: row, ...(await courseOfEnrolment(row, cohort)) };
}

/** A session of the cohort with one row per trainee (active, or completed with a certificate; not withdrawn) and what was recorded. */
export async function findSessionAttendance(municipalityId: MunicipalityId, cohort: CourseCohort, sessionId: string) {
  if (!isUuid(sessionId)) return null;
  const [session] = await db()
    .select()
    .from(cohortSessions)
    .where(and(eq(cohortSessions.id, sessionId), eq(cohortSessions.cohortId, cohort.id), eq(cohortSessions.municipalityId, municipalityId)));
  if (!session) return null;
  const trainees = await db()
    .select({ enrolmentId: enrolments.id, userId: enrolments.userId, name: users.name })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.cohortId, cohort.id), inArray(enrolments.status, ["active", "completed"])))
    .orderBy(asc(users.name), asc(enrolments.id));
  const recorded = await db().select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, session.id));
  const byEnrolment = new Map(recorded.map((r) => [r.enrolmentId, r]));
  return {
    session,
    trainees: trainees.map((t) => ({ ...t, status: byEnrolment.get(t.enrolmentId)?.status ?? null, isLate: byEnrolment.get(t.enrolmentId)?.isLate ?? false })),
  };
}

/** The course leaders of a cohort as the trainee sees them: name and email address. */
async function courseLeadersOf(cohortId: string) {
  return db()
    .select({ name: users.name, email: users.email })
    .from(cohortCourseLeaders)
    .innerJoin(users, eq(users.id, cohortCourseLeaders.userId))
    .where(eq(cohortCourseLeaders.cohortId, cohortId))
    .orderBy(asc(users.name));
}

/** Every active or completed enrolment of this person, with all of "my course". */
export async function listOwnCourses(userId: string) {
  const rows = await db()
    .select({
      id: enrolments.id,
      cohortId: enrolments.cohortId,
      status: enrolments.status,
      cohortName: cohorts.name,
      location: cohorts.location,
      startsOn: cohorts.startsOn,
      trackVersionId: cohorts.trackVersionId,
      trackName: trackVersions.name,
      completionMinMeetings: trackVersions.completionMinMeetings,
      completionRequiresAssessments: trackVersions.completionRequiresAssessments,
      municipalityName: municipalities.name,
    })
    .from(enrolments)
    .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .innerJoin(municipalities, eq(municipalities.id, enrolments.municipalityId))
    .where(and(eq(enrolments.userId, userId), inArray(enrolments.status, ["active", "completed"])))
    .orderBy(desc(cohorts.startsOn), asc(enrolments.id));
  return Promise.all(rows.map(async (row) => ({ ...row, leaders: await courseLeadersOf(row.cohortId), ...(await courseOfEnrolment(row, row)) })));
}
export type OwnCourse = Awaited<ReturnType<typeof listOwnCourses>>[number];

/** The trainee's own active enrolment, for their edits; null when it is not theirs or not active. */
export async function findOwnActiveEnrolment(userId: string, enrolmentId: string) {
  if (!isUuid(enrolmentId)) return null;
  const [row] = await db()
    .select({ id: enrolments.id, municipalityId: enrolments.municipalityId })
    .from(enrolments)
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.userId, userId), eq(enrolments.status, "active")));
  return row ?? null;
}

/** A certificate for its holder only. */
export async function findOwnCertificate(userId: string, certificateId: string) {
  if (!isUuid(certificateId)) return null;
  const [row] = await db()
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, certificateId), eq(certificates.userId, userId), isNull(certificates.revokedAt)));
  return row ?? null;
}

/** What the public verification page may say about a code: nothing beyond the certificate's own text. */
export async function findCertificateByCode(code: string) {
  const normalised = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/.test(normalised)) return null;
  const [row] = await db()
    .select({
      holderName: certificates.holderName,
      trackName: certificates.trackName,
      cohortName: certificates.cohortName,
      municipalityName: certificates.municipalityName,
      courseStartedOn: certificates.courseStartedOn,
      courseEndedOn: certificates.courseEndedOn,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      kind: certificates.kind,
    })
    .from(certificates)
    .where(eq(certificates.verificationCode, normalised));
  return row ?? null;
}

/** Whether this person is (or was) a trainee anywhere: then the header links to "Mijn cursus". */
export async function hasOwnCourse(userId: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), inArray(enrolments.status, ["active", "completed"])))
    .limit(1);
  return row !== undefined;
}
