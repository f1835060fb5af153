/**
 * Test data for applying and admission: a published track version, a cohort open for
 * applications, course leaders, and applications written straight into the database, plus small
 * helpers to post the public form and read links from the outbox.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { applications, cohortCourseLeaders, cohorts, memberships, municipalities, trackVersions, tracks, users, type ApplicationStatus } from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { hashApplicationToken } from "~/features/training/application-tokens.server";

export function today(): string {
  return utcToZonedLocal(new Date()).date;
}

/** A date of birth that makes someone exactly `age` on `day` (their birthday is that day), or a day younger with `dayBefore`. */
export function bornForAge(age: number, day: string, options: { turnsTomorrow?: boolean } = {}): string {
  const birthday = `${Number(day.slice(0, 4)) - age}${day.slice(4)}`;
  return options.turnsTomorrow ? addDaysToLocalDate(birthday, 1) : birthday;
}

export async function municipalityId(slug: string): Promise<string> {
  const [row] = await db().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, slug));
  if (!row) throw new Error(`no municipality ${slug}`);
  return row.id;
}

export interface CohortFixture {
  municipalityId: string;
  minAge?: number;
  maxAge?: number | null;
  guardianConsentBelowAge?: number;
  startsInDays?: number;
  maxSize?: number;
  admittedCount?: number;
  courseLeaderIds?: string[];
  published?: boolean;
  /** Days from today the application period opens and closes (default: opened yesterday, closes in 20 days). */
  opensInDays?: number;
  closesInDays?: number;
  trackName?: string;
}

export interface TestCohort {
  id: string;
  startsOn: string;
  municipalityId: string;
  trackName: string;
  name: string;
}

export async function createTestCohort(fixture: CohortFixture): Promise<TestCohort> {
  const suffix = randomBytes(3).toString("hex");
  const trackName = fixture.trackName ?? `Ik train mijn stad ${suffix}`;
  const [track] = await db().insert(tracks).values({ municipalityId: fixture.municipalityId }).returning({ id: tracks.id });
  const [version] = await db()
    .insert(trackVersions)
    .values({
      trackId: track!.id,
      municipalityId: fixture.municipalityId,
      version: 1,
      status: "published",
      publishedAt: new Date(),
      name: trackName,
      description: "Leer sport- en spelactiviteiten organiseren in je eigen wijk.",
      minAge: fixture.minAge ?? 14,
      maxAge: fixture.maxAge === undefined ? 27 : fixture.maxAge,
      guardianConsentBelowAge: fixture.guardianConsentBelowAge ?? 16,
    })
    .returning({ id: trackVersions.id });
  const startsOn = addDaysToLocalDate(today(), fixture.startsInDays ?? 30);
  const name = `Voorjaar ${suffix}`;
  const [cohort] = await db()
    .insert(cohorts)
    .values({
      municipalityId: fixture.municipalityId,
      trackVersionId: version!.id,
      name,
      location: "Buurthuis De Kade",
      maxSize: fixture.maxSize ?? 15,
      admittedCount: fixture.admittedCount ?? 0,
      startsOn,
      applicationsOpenOn: addDaysToLocalDate(today(), fixture.opensInDays ?? -1),
      applicationsCloseOn: addDaysToLocalDate(today(), fixture.closesInDays ?? 20),
      publishedAt: fixture.published === false ? null : new Date(),
    })
    .returning({ id: cohorts.id });
  for (const userId of fixture.courseLeaderIds ?? []) {
    await db().insert(cohortCourseLeaders).values({ cohortId: cohort!.id, userId, municipalityId: fixture.municipalityId });
  }
  return { id: cohort!.id, startsOn, municipalityId: fixture.municipalityId, trackName, name };
}

/** A staff member with a role in a municipality (two-step verification on, so staff pages open). */
export async function createStaff(municipality: string, role: "course_leader" | "project_leader" | "partner_contact" | "practice_supervisor", email?: string): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const address = email ?? `${role}-${id.slice(0, 8)}@voorbeeld.nl`;
  await db().insert(users).values({ id, name: `Test ${role}`, email: address, emailVerified: true, twoFactorEnabled: true });
  await db().insert(memberships).values({ userId: id, role, municipalityId: municipality });
  return { id, email: address };
}

export interface ApplicationFixture {
  cohort: TestCohort;
  status?: ApplicationStatus;
  name?: string;
  email?: string;
  age?: number;
  guardian?: { name: string; email: string };
  locale?: "nl" | "en";
}

/** An application written straight into the database (for staff tests); returns its id and its link token. */
export async function insertApplication(fixture: ApplicationFixture): Promise<{ id: string; token: string; email: string }> {
  const token = randomBytes(32).toString("base64url");
  const email = fixture.email ?? `aanmelder-${randomBytes(4).toString("hex")}@example.org`;
  const age = fixture.age ?? 17;
  const status = fixture.status ?? "submitted";
  const [row] = await db()
    .insert(applications)
    .values({
      cohortId: fixture.cohort.id,
      municipalityId: fixture.cohort.municipalityId,
      status,
      name: fixture.name ?? "Aanmelder Test",
      email,
      dateOfBirth: bornForAge(age, fixture.cohort.startsOn),
      motivation: "Ik wil graag trainer worden in mijn wijk.",
      ageOnStart: age,
      needsGuardianConsent: Boolean(fixture.guardian),
      guardianName: fixture.guardian?.name ?? null,
      guardianEmail: fixture.guardian?.email ?? null,
      locale: fixture.locale ?? "nl",
      confirmTokenHash: hashApplicationToken(token),
      emailConfirmedAt: status === "pending" ? null : new Date(),
      expiresAt: status === "pending" ? new Date(Date.now() + 14 * 86_400_000) : null,
    })
    .returning({ id: applications.id });
  return { id: row!.id, token, email };
}

/** The path of the first link in a mail that starts with `prefix` ("/cursus-aanmelding/", "/toestemming/"). */
export function pathIn(text: string, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${prefix}[A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in: ${text}`);
  return match[1]!;
}
