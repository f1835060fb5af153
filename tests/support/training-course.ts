/**
 * Factories for the course tests: a published track version with competences and rubric levels,
 * a cohort of it with course leaders, its sessions, and trainees enrolled in it, all written
 * straight into the database.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { db } from "~/lib/db/client.server";
import {
  accounts,
  cohortCourseLeaders,
  cohorts,
  cohortSessions,
  competenceLevels,
  enrolments,
  memberships,
  trackCompetences,
  tracks,
  trackVersions,
  users,
} from "~/lib/db/schema";
import { municipalityIdOf } from "./activities";
import { DEMO_PASSWORD } from "./accounts";

let counter = 0;
let passwordHash: string | null = null;

export async function userIdOf(email: string): Promise<string> {
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** A person with an account (demo password), optionally with a role in a municipality. */
export async function createCourseUser(email: string, options: { name?: string; role?: "course_leader" | "project_leader"; municipalitySlug?: string } = {}): Promise<string> {
  const id = randomUUID();
  passwordHash ??= await hashPassword(DEMO_PASSWORD);
  await db().insert(users).values({ id, name: options.name ?? `Cursist ${++counter}`, email, emailVerified: true, twoFactorEnabled: options.role !== undefined });
  await db().insert(accounts).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
  if (options.role) await db().insert(memberships).values({ userId: id, role: options.role, municipalityId: await municipalityIdOf(options.municipalitySlug ?? "havenstad") });
  return id;
}

export interface CourseFixture {
  municipalityId: string;
  trackVersionId: string;
  cohortId: string;
  competences: { id: string; levels: number[] }[];
  /** Meetings first (oldest first), then follow-up days. */
  sessionIds: string[];
  meetingIds: string[];
  enrolments: { id: string; userId: string; email: string }[];
}

/**
 * A cohort of a published version ("Ik train mijn stad"-like): `meetings` course meetings (the
 * first `pastMeetings` already held), two competences with four levels each.
 */
export async function createCourseFixture(options: {
  municipalitySlug?: string;
  courseLeaderIds: string[];
  trainees: { email: string; name?: string }[];
  meetings?: number;
  pastMeetings?: number;
  minMeetings?: number;
  requiresAssessments?: boolean;
  name?: string;
}): Promise<CourseFixture> {
  const n = ++counter;
  const municipalityId = await municipalityIdOf(options.municipalitySlug ?? "havenstad");
  const meetingCount = options.meetings ?? 7;
  const [track] = await db().insert(tracks).values({ municipalityId }).returning({ id: tracks.id });
  const [version] = await db()
    .insert(trackVersions)
    .values({
      trackId: track!.id,
      municipalityId,
      version: 1,
      name: `Ik train mijn stad ${n}`,
      meetingCount,
      completionMinMeetings: options.minMeetings ?? Math.min(6, meetingCount),
      completionRequiresAssessments: options.requiresAssessments ?? true,
    })
    .returning({ id: trackVersions.id });
  const competences: CourseFixture["competences"] = [];
  for (const [index, name] of ["Samenwerken", "Een groep leiden"].entries()) {
    const [competence] = await db().insert(trackCompetences).values({ trackVersionId: version!.id, position: index + 1, name }).returning({ id: trackCompetences.id });
    await db()
      .insert(competenceLevels)
      .values([1, 2, 3, 4].map((level) => ({ competenceId: competence!.id, level, name: ["Begint", "Groeit", "Kan het", "Voorbeeld"][level - 1]!, description: `Beschrijving niveau ${level} van ${name}` })));
    competences.push({ id: competence!.id, levels: [1, 2, 3, 4] });
  }
  await db().update(trackVersions).set({ status: "published", publishedAt: new Date() }).where(eq(trackVersions.id, version!.id));

  const past = options.pastMeetings ?? 3;
  const day = 86_400_000;
  const firstStart = new Date(Date.now() - past * 7 * day);
  const [cohort] = await db()
    .insert(cohorts)
    .values({
      municipalityId,
      trackVersionId: version!.id,
      name: options.name ?? `Cursusgroep ${n}`,
      location: "Buurthuis De Haven",
      startsOn: firstStart.toISOString().slice(0, 10),
      applicationsOpenOn: new Date(firstStart.getTime() - 60 * day).toISOString().slice(0, 10),
      applicationsCloseOn: new Date(firstStart.getTime() - 7 * day).toISOString().slice(0, 10),
      publishedAt: new Date(),
      admittedCount: options.trainees.length,
    })
    .returning({ id: cohorts.id });
  if (options.courseLeaderIds.length > 0) {
    await db().insert(cohortCourseLeaders).values(options.courseLeaderIds.map((userId) => ({ cohortId: cohort!.id, userId, municipalityId })));
  }
  const meetingIds: string[] = [];
  for (let i = 0; i < meetingCount; i += 1) {
    const startsAt = new Date(firstStart.getTime() + i * 7 * day);
    const [session] = await db()
      .insert(cohortSessions)
      .values({ cohortId: cohort!.id, municipalityId, kind: "meeting", title: `Bijeenkomst ${i + 1}`, startsAt, endsAt: new Date(startsAt.getTime() + 150 * 60_000), location: "Buurthuis De Haven" })
      .returning({ id: cohortSessions.id });
    meetingIds.push(session!.id);
  }
  const followUpStart = new Date(firstStart.getTime() + meetingCount * 7 * day);
  const [followUp] = await db()
    .insert(cohortSessions)
    .values({ cohortId: cohort!.id, municipalityId, kind: "follow_up", title: "Terugkomdag", startsAt: followUpStart, endsAt: new Date(followUpStart.getTime() + 4 * 3_600_000), location: "Sporthal Noord" })
    .returning({ id: cohortSessions.id });

  const enrolled: CourseFixture["enrolments"] = [];
  for (const trainee of options.trainees) {
    const userId = await createCourseUser(trainee.email, { name: trainee.name });
    const [enrolment] = await db().insert(enrolments).values({ cohortId: cohort!.id, municipalityId, userId }).returning({ id: enrolments.id });
    enrolled.push({ id: enrolment!.id, userId, email: trainee.email });
  }
  return { municipalityId, trackVersionId: version!.id, cohortId: cohort!.id, competences, sessionIds: [...meetingIds, followUp!.id], meetingIds, enrolments: enrolled };
}
