/**
 * Reads of the public calendar: published activities only, and only what the public may see
 * (places left, never who registered). A calendar page or API page is one query that walks the
 * index (municipality_id, status, starts_at, id) or (status, starts_at, id) in order, with
 * keyset pagination, so its cost does not grow with the number of past activities.
 */
import { and, asc, eq, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { activities, municipalities, neighbourhoods } from "~/lib/db/schema";
import { addDaysToLocalDate, zonedLocalToUtc } from "~/lib/time";
import type { CalendarCursor } from "./cursor";
import type { CalendarFilters } from "./schema";
import { localMoment, todayInAmsterdam } from "./time";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const publicColumns = {
  id: activities.id,
  municipalitySlug: municipalities.slug,
  municipalityName: municipalities.name,
  neighbourhoodName: neighbourhoods.name,
  title: activities.title,
  description: activities.description,
  category: activities.category,
  location: activities.location,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  minAge: activities.minAge,
  maxAge: activities.maxAge,
  capacity: activities.capacity,
  confirmedCount: activities.confirmedCount,
  waitlistEnabled: activities.waitlistEnabled,
  registrationRequired: activities.registrationRequired,
  imagePath: activities.imagePath,
  organiserName: activities.organiserName,
  status: activities.status,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
  // Local times and offsets from PostgreSQL's time zone database (cheaper than Intl for every row).
  startsLocal: sql<string>`to_char(${activities.startsAt} at time zone 'Europe/Amsterdam', 'YYYY-MM-DD"T"HH24:MI:SS')`.as("starts_local"),
  startsOffset: sql<number>`(extract(epoch from (${activities.startsAt} at time zone 'Europe/Amsterdam') - (${activities.startsAt} at time zone 'UTC')) / 60)::int`.as("starts_offset"),
  endsLocal: sql<string>`to_char(${activities.endsAt} at time zone 'Europe/Amsterdam', 'YYYY-MM-DD"T"HH24:MI:SS')`.as("ends_local"),
  endsOffset: sql<number>`(extract(epoch from (${activities.endsAt} at time zone 'Europe/Amsterdam') - (${activities.endsAt} at time zone 'UTC')) / 60)::int`.as("ends_offset"),
  // The exact start (microseconds) for the keyset cursor; a JavaScript Date keeps milliseconds only.
  position: sql<string>`to_char(${activities.startsAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("position"),
};

function withLocalMoments<Row extends { startsLocal: string; startsOffset: number; endsLocal: string; endsOffset: number }>(row: Row) {
  return { ...row, starts: localMoment(row.startsLocal, row.startsOffset), ends: localMoment(row.endsLocal, row.endsOffset) };
}

export type PublicActivity = NonNullable<Awaited<ReturnType<typeof findPublished>>>;

export interface CalendarPage {
  items: PublicActivity[];
  /** Where the next page starts, or null on the last page. */
  next: CalendarCursor | null;
}

function localMidnight(date: string): Date {
  const instant = zonedLocalToUtc(date, "00:00");
  if (!instant) throw new Error(`Not a date: ${date}`);
  return instant;
}

/**
 * Free text as a tsquery with Dutch stemming (websearch syntax: "phrases", `or`, `-word`). The
 * Snowball stemmer keeps a doubled final consonant ("voetballen" → voetball) where the singular
 * has one ("voetbal" → voetbal), so every lexeme ending in a consonant also matches its
 * single-or-doubled twin. Lexemes never contain a quote (the parser splits on it), so the rewrite
 * always yields a valid tsquery.
 */
function dutchSearchQuery(q: string): SQL {
  return sql`regexp_replace(websearch_to_tsquery('dutch'::regconfig, ${q})::text, '''([^'']*?)([bcdfgklmnprstvz])\\2?''', '( ''\\1\\2'' | ''\\1\\2\\2'' )', 'g')::tsquery`;
}

/** Published activities that have not ended yet, narrowed by the filters. */
function upcomingConditions(filters: CalendarFilters, now: Date): SQL[] {
  const today = todayInAmsterdam(now);
  const from = filters.from && filters.from > today ? filters.from : today;
  const conditions: SQL[] = [
    eq(activities.status, "published"),
    // A lower bound on starts_at keeps the scan on the index; ends_at drops what is over today.
    gte(activities.startsAt, localMidnight(from)),
    gt(activities.endsAt, now),
  ];
  if (filters.to) conditions.push(lt(activities.startsAt, localMidnight(addDaysToLocalDate(filters.to, 1))));
  if (filters.neighbourhoodId) conditions.push(eq(activities.neighbourhoodId, filters.neighbourhoodId));
  if (filters.category) conditions.push(eq(activities.category, filters.category));
  if (filters.age !== undefined) {
    conditions.push(
      sql`(${activities.minAge} is null or ${activities.minAge} <= ${filters.age})`,
      sql`(${activities.maxAge} is null or ${activities.maxAge} >= ${filters.age})`,
    );
  }
  if (filters.q) conditions.push(sql`${activities.searchVector} @@ ${dutchSearchQuery(filters.q)}`);
  return conditions;
}

async function queryUpcoming(
  municipalityId: string | null,
  filters: CalendarFilters,
  page: { limit: number; after?: CalendarCursor | null },
  now: Date,
): Promise<CalendarPage> {
  const conditions = upcomingConditions(filters, now);
  if (municipalityId) conditions.push(eq(activities.municipalityId, municipalityId));
  if (page.after) {
    conditions.push(sql`(${activities.startsAt}, ${activities.id}) > (${page.after.startsAt}::timestamptz, ${page.after.id}::uuid)`);
  }
  const rows = await db()
    .select(publicColumns)
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(and(...conditions))
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map(withLocalMoments);
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? { startsAt: last.position, id: last.id } : null };
}

/** Upcoming published activities of one municipality, in start order, one page at a time. */
export function listUpcomingActivities(
  municipalityId: MunicipalityId,
  filters: CalendarFilters,
  page: { limit: number; after?: CalendarCursor | null },
  now: Date = new Date(),
): Promise<CalendarPage> {
  return queryUpcoming(municipalityId, filters, page, now);
}

/** Upcoming published activities of every municipality in the network (public data only). */
export function listUpcomingActivitiesInNetwork(
  filters: CalendarFilters,
  page: { limit: number; after?: CalendarCursor | null },
  now: Date = new Date(),
): Promise<CalendarPage> {
  return queryUpcoming(null, filters, page, now);
}

async function findPublished(id: string, municipalityId: string | null) {
  if (!UUID.test(id)) return null;
  const conditions = [eq(activities.id, id), eq(activities.status, "published")];
  if (municipalityId) conditions.push(eq(activities.municipalityId, municipalityId));
  const [row] = await db()
    .select(publicColumns)
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(and(...conditions));
  return row ? withLocalMoments(row) : null;
}

/** A published activity of this municipality (past ones too), or null. */
export function findPublishedActivity(municipalityId: MunicipalityId, id: string) {
  return findPublished(id, municipalityId);
}

/** A published activity of any municipality, for the public API (which addresses activities by id). */
export function findPublishedActivityInNetwork(id: string) {
  return findPublished(id, null);
}

const NEIGHBOURHOOD_CACHE_MS = 30_000;
const neighbourhoodCache = new Map<string, { until: number; rows: Promise<{ id: string; name: string }[]> }>();

/**
 * The neighbourhoods of a municipality, for the calendar's filter. Kept for 30 seconds per
 * process: the calendar is the busiest page and neighbourhoods hardly ever change, so a renamed
 * one may show its old name in the filter for half a minute.
 */
export function listNeighbourhoodOptions(municipalityId: MunicipalityId): Promise<{ id: string; name: string }[]> {
  const now = Date.now();
  const cached = neighbourhoodCache.get(municipalityId);
  if (cached && cached.until > now) return cached.rows;
  const rows = db()
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.municipalityId, municipalityId))
    .orderBy(asc(neighbourhoods.name))
    .then((result) => result, (error: unknown) => {
      neighbourhoodCache.delete(municipalityId);
      throw error;
    });
  if (neighbourhoodCache.size > 1000) neighbourhoodCache.clear();
  neighbourhoodCache.set(municipalityId, { until: now + NEIGHBOURHOOD_CACHE_MS, rows });
  return rows;
}
