/**
 * Test data for the public calendar: a municipality of its own (so counts do not depend on the
 * demo data) and activities written straight into the database, with local Amsterdam times.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { activities, municipalities, neighbourhoods, type ActivityCategory, type ActivityStatus } from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";

export interface TestMunicipality {
  id: string;
  slug: string;
  name: string;
  neighbourhoods: Record<string, string>;
}

export async function createTestMunicipality(name: string, neighbourhoodNames: string[] = ["Oost", "West"]): Promise<TestMunicipality> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`;
  const [row] = await db().insert(municipalities).values({ slug, name, themeColour: "#0b6e4f", publishedAt: new Date() }).returning({ id: municipalities.id });
  const rows = await db()
    .insert(neighbourhoods)
    .values(neighbourhoodNames.map((n) => ({ municipalityId: row!.id, name: n })))
    .returning({ id: neighbourhoods.id, name: neighbourhoods.name });
  return { id: row!.id, slug, name, neighbourhoods: Object.fromEntries(rows.map((r) => [r.name, r.id])) };
}

export async function havenstad(): Promise<{ id: string; neighbourhoods: Record<string, string> }> {
  const [row] = await db().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  const rows = await db().select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, row!.id));
  return { id: row!.id, neighbourhoods: Object.fromEntries(rows.map((r) => [r.name, r.id])) };
}

export interface ActivityFixture {
  municipalityId: string;
  title: string;
  /** Local date and time in Europe/Amsterdam (or an exact `startsAt`). */
  date?: string;
  time?: string;
  startsAt?: Date;
  durationMinutes?: number;
  neighbourhoodId?: string | null;
  category?: ActivityCategory;
  description?: string;
  location?: string;
  minAge?: number | null;
  maxAge?: number | null;
  capacity?: number | null;
  confirmedCount?: number;
  waitlistEnabled?: boolean;
  registrationRequired?: boolean;
  status?: ActivityStatus;
  organiserName?: string;
}

export async function insertActivity(fixture: ActivityFixture): Promise<string> {
  const startsAt = fixture.startsAt ?? zonedLocalToUtc(fixture.date ?? "", fixture.time ?? "14:00");
  if (!startsAt) throw new Error(`bad date ${fixture.date} ${fixture.time}`);
  const [row] = await db()
    .insert(activities)
    .values({
      municipalityId: fixture.municipalityId,
      neighbourhoodId: fixture.neighbourhoodId ?? null,
      title: fixture.title,
      description: fixture.description ?? "",
      category: fixture.category ?? "sport",
      location: fixture.location ?? "Buurthuis De Kade",
      startsAt,
      endsAt: new Date(startsAt.getTime() + (fixture.durationMinutes ?? 120) * 60_000),
      minAge: fixture.minAge ?? null,
      maxAge: fixture.maxAge ?? null,
      capacity: fixture.capacity === undefined ? 20 : fixture.capacity,
      confirmedCount: fixture.confirmedCount ?? 0,
      waitlistEnabled: fixture.waitlistEnabled ?? true,
      registrationRequired: fixture.registrationRequired ?? true,
      organiserName: fixture.organiserName ?? "Buurtteam Oost",
      status: fixture.status ?? "published",
      publishedAt: new Date(),
    })
    .returning({ id: activities.id });
  return row!.id;
}

/** A local date `days` from today in Amsterdam. */
export function daysFromToday(days: number): string {
  return addDaysToLocalDate(utcToZonedLocal(new Date()).date, days);
}

/** The next last Sunday of `month` (3 = March, 10 = October) that is at least two days away. */
export function nextLastSunday(month: number): string {
  const today = utcToZonedLocal(new Date()).date;
  for (let year = Number(today.slice(0, 4)); ; year++) {
    const lastDay = new Date(Date.UTC(year, month, 0));
    const sunday = new Date(lastDay.getTime() - lastDay.getUTCDay() * 86_400_000).toISOString().slice(0, 10);
    if (sunday > addDaysToLocalDate(today, 1)) return sunday;
  }
}

/** Waits until a fixed rate-limit window has at least `seconds` left, so a burst of requests stays inside one window. */
export async function awayFromWindowEnd(windowSeconds: number, seconds = 10): Promise<void> {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < seconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
}

/** An instant that has started already but lies today in Amsterdam (up to an hour ago). */
export function startedToday(): Date {
  const now = Date.now();
  const midnight = zonedLocalToUtc(utcToZonedLocal(new Date()).date, "00:00")!.getTime();
  return new Date(Math.max(now - 3_600_000, midnight + 1000));
}
