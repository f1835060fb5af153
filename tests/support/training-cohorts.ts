/**
 * Factories for the cohort tests: a municipality's published track version (with modules), a
 * cohort with its course leaders, trainees enrolled in it, and sessions on its schedule. Written
 * straight to the database; the pages under test are the ones that read them.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import {
  applications,
  competenceLevels,
  cohortCourseLeaders,
  cohortSessions,
  cohorts,
  enrolments,
  trackCompetences,
  trackModules,
  trackVersions,
  tracks,
  users,
  type ApplicationStatus,
  type SessionKind,
} from "~/lib/db/schema";
import { municipalityIdOf } from "./activities";

let counter = 0;

/** A published version of a municipality's own track, with `modules` lesson modules. */
export async function createPublishedTrackVersion(
  options: { municipalitySlug?: string; name?: string; modules?: number; competences?: number; meetingCount?: number; followUpDays?: number; published?: boolean } = {},
): Promise<{ trackId: string; versionId: string; moduleIds: string[]; competenceIds: string[] }> {
  const municipalityId = await municipalityIdOf(options.municipalitySlug ?? "havenstad");
  const [track] = await db().insert(tracks).values({ municipalityId }).returning({ id: tracks.id });
  const [version] = await db()
    .insert(trackVersions)
    .values({
      trackId: track!.id,
      municipalityId,
      version: 1,
      name: options.name ?? `Ik train mijn stad ${++counter}`,
      meetingCount: options.meetingCount ?? 7,
      followUpDays: options.followUpDays ?? 2,
      completionMinMeetings: Math.min(6, options.meetingCount ?? 7),
    })
    .returning({ id: trackVersions.id });
  const moduleIds: string[] = [];
  for (let position = 1; position <= (options.modules ?? 3); position++) {
    const [module] = await db()
      .insert(trackModules)
      .values({ trackVersionId: version!.id, position, title: `Module ${position}: kennismaken` })
      .returning({ id: trackModules.id });
    moduleIds.push(module!.id);
  }
  const competenceIds: string[] = [];
  for (let position = 1; position <= (options.competences ?? 0); position++) {
    const [competence] = await db()
      .insert(trackCompetences)
      .values({ trackVersionId: version!.id, position, name: `Competentie ${position}` })
      .returning({ id: trackCompetences.id });
    await db()
      .insert(competenceLevels)
      .values([1, 2, 3, 4].map((level) => ({ competenceId: competence!.id, level, name: `Niveau ${level}` })));
    competenceIds.push(competence!.id);
  }
  // Parts first, then publish: a published version and its parts are frozen (migration 0007).
  if (options.published !== false) {
    await db().update(trackVersions).set({ status: "published", publishedAt: new Date() }).where(eq(trackVersions.id, version!.id));
  }
  return { trackId: track!.id, versionId: version!.id, moduleIds, competenceIds };
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** A cohort taught by the given course leaders (by email). */
export async function createTestCohort(options: {
  versionId: string;
  municipalitySlug?: string;
  courseLeaders?: readonly string[];
  name?: string;
  startsOn?: string;
  applicationsOpenOn?: string;
  applicationsCloseOn?: string;
  maxSize?: number;
  published?: boolean;
}): Promise<string> {
  const municipalityId = await municipalityIdOf(options.municipalitySlug ?? "havenstad");
  const [row] = await db()
    .insert(cohorts)
    .values({
      municipalityId,
      trackVersionId: options.versionId,
      name: options.name ?? `Cursusgroep ${++counter}`,
      location: "Buurthuis De Haven",
      maxSize: options.maxSize ?? 15,
      startsOn: options.startsOn ?? "2099-03-01",
      applicationsOpenOn: options.applicationsOpenOn ?? "2026-01-01",
      applicationsCloseOn: options.applicationsCloseOn ?? "2099-02-01",
      publishedAt: options.published === false ? null : new Date(),
    })
    .returning({ id: cohorts.id });
  const leaderEmails = options.courseLeaders ?? ["cursusleider@havenstad.example"];
  if (leaderEmails.length > 0) {
    const leaders = await db().select({ id: users.id }).from(users).where(inArray(users.email, [...leaderEmails]));
    await db()
      .insert(cohortCourseLeaders)
      .values(leaders.map((l) => ({ cohortId: row!.id, userId: l.id, municipalityId })));
  }
  return row!.id;
}

/** A person (new account) enrolled in the cohort as a trainee. */
export async function enrolTrainee(
  cohortId: string,
  options: { name?: string; email?: string; locale?: "nl" | "en"; status?: "active" | "withdrawn" | "completed" } = {},
): Promise<{ userId: string; enrolmentId: string; email: string }> {
  const [cohort] = await db().select({ municipalityId: cohorts.municipalityId }).from(cohorts).where(eq(cohorts.id, cohortId));
  const userId = randomUUID();
  const email = options.email ?? `cursist-${randomUUID().slice(0, 8)}@example.org`;
  await db().insert(users).values({ id: userId, name: options.name ?? "Cursist Test", email, emailVerified: true, locale: options.locale ?? "nl" });
  const [enrolment] = await db()
    .insert(enrolments)
    .values({ cohortId, municipalityId: cohort!.municipalityId, userId, status: options.status ?? "active" })
    .returning({ id: enrolments.id });
  return { userId, enrolmentId: enrolment!.id, email };
}

export async function addTestSession(
  cohortId: string,
  startsAt: Date,
  options: { minutes?: number; kind?: SessionKind; cancelled?: boolean; location?: string; title?: string } = {},
): Promise<string> {
  const [cohort] = await db().select({ municipalityId: cohorts.municipalityId }).from(cohorts).where(eq(cohorts.id, cohortId));
  const [row] = await db()
    .insert(cohortSessions)
    .values({
      cohortId,
      municipalityId: cohort!.municipalityId,
      kind: options.kind ?? "meeting",
      title: options.title ?? "",
      startsAt,
      endsAt: new Date(startsAt.getTime() + (options.minutes ?? 150) * 60_000),
      location: options.location ?? "Buurthuis De Haven",
      cancelledAt: options.cancelled ? new Date() : null,
    })
    .returning({ id: cohortSessions.id });
  return row!.id;
}

/** An application to the cohort in a given state (for counts; the application pages are tested elsewhere). */
export async function createTestApplication(cohortId: string, status: ApplicationStatus, name = "Aanvrager Test"): Promise<string> {
  const [cohort] = await db().select({ municipalityId: cohorts.municipalityId }).from(cohorts).where(eq(cohorts.id, cohortId));
  const [row] = await db()
    .insert(applications)
    .values({
      cohortId,
      municipalityId: cohort!.municipalityId,
      status,
      name,
      email: `aanvrager-${randomUUID().slice(0, 8)}@example.org`,
      dateOfBirth: "2008-05-01",
      motivation: "Ik wil iets doen voor mijn buurt.",
      ageOnStart: 18,
      needsGuardianConsent: false,
      confirmTokenHash: randomUUID(),
    })
    .returning({ id: applications.id });
  return row!.id;
}
