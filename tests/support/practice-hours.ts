/**
 * Fixtures for the practice-hours tests: a trainee in a cohort with an application (their date of
 * birth), a partner organisation with practice supervisors, and an active placement written
 * straight into the database (as the warm handover would leave it: shared, answered, started).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { applications, enrolments, learningGoals, memberships, partnerOrganisations, placements, users } from "~/lib/db/schema";
import { addDaysToLocalDate } from "~/lib/time";
import { todayInAmsterdam } from "~/features/training/age";
import { municipalityIdOf } from "./activities";
import { createCourseFixture, createCourseUser, type CourseFixture } from "./training-course";

let counter = 0;

/** A date of birth that makes someone `age` years old (and about half a year) today. */
export function dateOfBirthForAge(age: number, today = todayInAmsterdam()): string {
  const halfYearAgo = addDaysToLocalDate(today, -182);
  return `${String(Number(halfYearAgo.slice(0, 4)) - age).padStart(4, "0")}${halfYearAgo.slice(4)}`;
}

/** The most recent local date (today or earlier) that falls on `weekday` (0 = Sunday … 6 = Saturday). */
export function lastWeekday(weekday: number, today = todayInAmsterdam()): string {
  for (let back = 0; back < 7; back += 1) {
    const date = addDaysToLocalDate(today, -back);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === weekday) return date;
  }
  throw new Error("unreachable");
}

export async function createPartner(municipalitySlug = "havenstad", name?: string): Promise<string> {
  const [row] = await db()
    .insert(partnerOrganisations)
    .values({ municipalityId: await municipalityIdOf(municipalitySlug), name: name ?? `Buurthuis Praktijk ${++counter}-${randomUUID().slice(0, 4)}`, kind: "welfare" })
    .returning({ id: partnerOrganisations.id });
  return row!.id;
}

/** A practice supervisor account at a partner organisation (two-step verification on, as staff). */
export async function createSupervisor(email: string, partnerId: string, municipalitySlug = "havenstad", name?: string): Promise<string> {
  const userId = await createCourseUser(email, { name: name ?? `Begeleider ${++counter}` });
  await db().update(users).set({ twoFactorEnabled: true }).where(eq(users.id, userId));
  await db().insert(memberships).values({ userId, role: "practice_supervisor", municipalityId: await municipalityIdOf(municipalitySlug), partnerOrganisationId: partnerId });
  return userId;
}

export interface PlacementFixture {
  course: CourseFixture;
  placementId: string;
  enrolmentId: string;
  traineeUserId: string;
  traineeEmail: string;
  goalIds: string[];
  municipalityId: string;
}

/** An active placement of a new trainee (of `age`) with `supervisorId` at `partnerId`. */
export async function createPlacementFixture(options: {
  traineeEmail: string;
  traineeName?: string;
  age: number;
  partnerId: string;
  supervisorId: string;
  courseLeaderIds?: string[];
  municipalitySlug?: string;
}): Promise<PlacementFixture> {
  const course = await createCourseFixture({ municipalitySlug: options.municipalitySlug, courseLeaderIds: options.courseLeaderIds ?? [], trainees: [{ email: options.traineeEmail, name: options.traineeName }] });
  const enrolment = course.enrolments[0]!;
  const [application] = await db()
    .insert(applications)
    .values({
      cohortId: course.cohortId,
      municipalityId: course.municipalityId,
      status: "admitted",
      name: options.traineeName ?? "Cursist",
      email: options.traineeEmail,
      dateOfBirth: dateOfBirthForAge(options.age),
      motivation: "Ik wil iets doen voor mijn buurt.",
      ageOnStart: options.age,
      needsGuardianConsent: options.age < 16,
      guardianName: options.age < 16 ? "Ouder Test" : null,
      guardianEmail: options.age < 16 ? `ouder-${randomUUID().slice(0, 8)}@example.org` : null,
      confirmTokenHash: randomUUID(),
      userId: enrolment.userId,
    })
    .returning({ id: applications.id });
  await db().update(enrolments).set({ applicationId: application!.id }).where(eq(enrolments.id, enrolment.id));
  const goals = await db()
    .insert(learningGoals)
    .values([
      { enrolmentId: enrolment.id, municipalityId: course.municipalityId, position: 1, description: "Een groep kinderen begeleiden" },
      { enrolmentId: enrolment.id, municipalityId: course.municipalityId, position: 2, description: "Zelf een activiteit plannen" },
    ])
    .returning({ id: learningGoals.id });
  const now = Date.now();
  const [placement] = await db()
    .insert(placements)
    .values({
      municipalityId: course.municipalityId,
      enrolmentId: enrolment.id,
      traineeUserId: enrolment.userId,
      partnerOrganisationId: options.partnerId,
      supervisorUserId: options.supervisorId,
      status: "active",
      handoverAt: new Date(now - 35 * 86_400_000),
      handoverPlace: "Buurthuis De Haven",
      sharedAt: new Date(now - 40 * 86_400_000),
      answeredAt: new Date(now - 36 * 86_400_000),
      answeredBy: options.supervisorId,
      startedAt: new Date(now - 30 * 86_400_000),
    })
    .returning({ id: placements.id });
  return { course, placementId: placement!.id, enrolmentId: enrolment.id, traineeUserId: enrolment.userId, traineeEmail: options.traineeEmail, goalIds: goals.map((g) => g.id), municipalityId: course.municipalityId };
}
