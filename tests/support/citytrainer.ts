/**
 * Trainees who have done (nearly) everything the Citytrainer certificate asks, written straight
 * into the database: a cohort with two competences, then per trainee a certificate of
 * participation, an active placement at a partner, 16 signed-off practice hours, a practice
 * activity that took place and was evaluated, an assessed final report, a final presentation
 * given at a ceremony, and the final assessment moment's levels. `skip` leaves one requirement
 * open.
 */
import { eq } from "drizzle-orm";
import type { Requirement } from "~/features/practice/requirements";
import { newVerificationCode } from "~/features/training/certificates.server";
import { db } from "~/lib/db/client.server";
import {
  assessmentMoments,
  assessments,
  ceremonies,
  certificates,
  finalPresentations,
  finalReports,
  partnerOrganisations,
  placements,
  practiceActivities,
  practiceHours,
} from "~/lib/db/schema";
import { daysFromToday, insertActivity } from "./calendar-fixtures";
import { createCourseFixture, type CourseFixture } from "./training-course";

export interface ReadyTrainee {
  enrolmentId: string;
  userId: string;
  email: string;
  placementId: string;
}

export async function createCitytrainerCandidates(options: {
  courseLeaderIds: string[];
  trainees: { email: string; name?: string; skip?: Requirement }[];
  name?: string;
}): Promise<{ course: CourseFixture; trainees: ReadyTrainee[] }> {
  const course = await createCourseFixture({ courseLeaderIds: options.courseLeaderIds, trainees: options.trainees, meetings: 3, pastMeetings: 3, minMeetings: 1, name: options.name });
  const { municipalityId, cohortId } = course;
  const [partner] = await db().select({ id: partnerOrganisations.id }).from(partnerOrganisations).where(eq(partnerOrganisations.municipalityId, municipalityId));
  if (!partner) throw new Error("the municipality has no partner organisation");
  const [moment] = await db().insert(assessmentMoments).values({ cohortId, municipalityId, position: 90, name: "Eindbeoordeling", kind: "final" }).returning({ id: assessmentMoments.id });
  const [ceremony] = await db()
    .insert(ceremonies)
    .values({ municipalityId, title: "Uitreiking", startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 82_800_000), location: "Stadhuis" })
    .returning({ id: ceremonies.id });
  const now = new Date();
  const ready: ReadyTrainee[] = [];
  for (const [index, trainee] of options.trainees.entries()) {
    const enrolment = course.enrolments[index]!;
    if (trainee.skip !== "participation_certificate") {
      await db().insert(certificates).values({
        enrolmentId: enrolment.id,
        municipalityId,
        userId: enrolment.userId,
        kind: "participation",
        verificationCode: newVerificationCode(),
        holderName: trainee.name ?? trainee.email,
        trackName: "Ik train mijn stad",
        cohortName: options.name ?? "Testgroep",
        municipalityName: "Havenstad",
        courseStartedOn: "2026-09-01",
        courseEndedOn: "2026-10-20",
      });
    }
    const [placement] = await db()
      .insert(placements)
      .values({ municipalityId, enrolmentId: enrolment.id, traineeUserId: enrolment.userId, partnerOrganisationId: partner.id, status: "active", handoverAt: now, handoverPlace: "Clubhuis", sharedAt: now, answeredAt: now, startedAt: now })
      .returning({ id: placements.id });
    const placementId = placement!.id;
    // Two days of 8 hours (an entry is at most 12 hours): 16 against the target of 15.
    const days = trainee.skip === "practice_hours" ? ["2026-11-02"] : ["2026-11-02", "2026-11-03"];
    await db()
      .insert(practiceHours)
      .values(
        days.map((day) => ({
          municipalityId,
          placementId,
          traineeUserId: enrolment.userId,
          startsAt: new Date(`${day}T08:00:00Z`),
          endsAt: new Date(`${day}T16:00:00Z`),
          description: "Trainingen gegeven",
          status: "signed_off" as const,
          reviewedAt: now,
        })),
      );
    const activityId = await insertActivity({ municipalityId, title: `Voetbalmiddag ${index + 1}`, date: daysFromToday(-3) });
    const evaluated = trainee.skip !== "practice_activity";
    await db()
      .insert(practiceActivities)
      .values({
        municipalityId,
        placementId,
        activityId,
        idea: "Voetbal",
        goal: "Bewegen",
        targetGroup: "Kinderen",
        submittedAt: now,
        approvedAt: now,
        ...(evaluated ? { evaluatedAt: now, evaluationTurnout: 12, evaluationWentWell: "Veel kinderen", evaluationDoDifferently: "Meer ballen" } : {}),
      });
    const assessed = trainee.skip !== "final_report";
    await db().insert(finalReports).values({ municipalityId, placementId, body: "Mijn verslag", status: assessed ? "assessed" : "submitted", submittedAt: now, ...(assessed ? { assessedAt: now } : {}) });
    await db().insert(finalPresentations).values({ municipalityId, ceremonyId: ceremony!.id, placementId, givenAt: trainee.skip === "presentation" ? null : now });
    await db()
      .insert(assessments)
      .values(course.competences.map((competence, position) => ({ momentId: moment!.id, enrolmentId: enrolment.id, municipalityId, competenceId: competence.id, level: position === 0 ? 3 : 4 })));
    ready.push({ enrolmentId: enrolment.id, userId: enrolment.userId, email: trainee.email, placementId });
  }
  return { course, trainees: ready };
}
