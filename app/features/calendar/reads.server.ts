/**
 * Reads of the public calendar: published activities only, and only what the public may see
 * (places left, never who registered). A calendar page or API page is one query that walks the
 * index (municipality_id, status, starts_at, id) or (status, starts_at, id) in order, with
 * keyset pagination, so its cost does not grow with the number of past activities.
 */
import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { publicOrganiserName } from "~/features/activities/organiser.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { shortLivedCache } from "~/lib/short-lived-cache";
import { activities, municipalities, neighbourhoods } from "~/lib/db/schema";
import { addDaysToLocalDate, zonedLocalToUtc } from "~/lib/time";
import type { CalendarCursor } from "./cursor";
import type { CalendarFilters, ListedStatus } from "./schema";
import { compoundSearchWords, containsPattern } from "./search";
import { localMoment, todayInAmsterdam } from "./time";
import { isUuid } from "~/lib/validation";


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
  organiserName: publicOrganiserName.as("public_organiser_name"),
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

// A municipality's activities are public only once the municipality itself is published.
const isPublicMunicipality = and(eq(municipalities.id, activities.municipalityId), isNotNull(municipalities.publishedAt));

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
function dutchSearchQuery(q: ReturnType<typeof sql.placeholder>): SQL {
  return sql`regexp_replace(websearch_to_tsquery('dutch'::regconfig, ${q})::text, '''([^'']*?)([bcdfgklmnprstvz])\\2?''', '( ''\\1\\2'' | ''\\1\\2\\2'' )', 'g')::tsquery`;
}

/** Which optional parts a calendar query has; each combination is its own prepared statement. */
interface Shape {
  status: ListedStatus;
  municipality: boolean;
  after: boolean;
  to: boolean;
  neighbourhoodId: boolean;
  category: boolean;
  age: boolean;
  q: boolean;
  /** How many words of q are also looked for inside the title's words (0 to MAX_COMPOUND_WORDS). */
  qWords: number;
}

/**
 * The conditions for one combination of filters, with placeholders instead of values, so the
 * statement can be prepared once per combination and connection. A lower bound on starts_at keeps
 * the scan on the index; ends_at drops what is over today.
 */
function upcomingConditions(shape: Shape): SQL[] {
  const conditions: SQL[] = [
    shape.status === "published" ? eq(activities.status, "published") : and(eq(activities.status, "cancelled"), isNotNull(activities.publishedAt))!,
    sql`${activities.startsAt} >= ${sql.placeholder("from")}::timestamptz`,
    sql`${activities.endsAt} > ${sql.placeholder("now")}::timestamptz`,
  ];
  if (shape.municipality) conditions.push(sql`${activities.municipalityId} = ${sql.placeholder("municipalityId")}::uuid`);
  if (shape.to) conditions.push(sql`${activities.startsAt} < ${sql.placeholder("to")}::timestamptz`);
  if (shape.neighbourhoodId) conditions.push(sql`${activities.neighbourhoodId} = ${sql.placeholder("neighbourhoodId")}::uuid`);
  if (shape.category) conditions.push(sql`${activities.category} = ${sql.placeholder("category")}`);
  if (shape.age) {
    conditions.push(
      sql`(${activities.minAge} is null or ${activities.minAge} <= ${sql.placeholder("age")}::int)`,
      sql`(${activities.maxAge} is null or ${activities.maxAge} >= ${sql.placeholder("age")}::int)`,
    );
  }
  if (shape.q) {
    const fullText = sql`${activities.searchVector} @@ ${dutchSearchQuery(sql.placeholder("q"))}`;
    if (shape.qWords === 0) conditions.push(fullText);
    else {
      // Full-text search, or every word inside the title ("koekjes" in "Kerstkoekjes"): two index
      // conditions (the search vector's and the title's trigram index) that PostgreSQL can combine.
      const inTitle = Array.from({ length: shape.qWords }, (_, i) => sql`${activities.title} ilike ${sql.placeholder(`qPattern${i}`)}`);
      conditions.push(sql`(${or(fullText, and(...inTitle))})`);
    }
  }
  if (shape.after) {
    conditions.push(
      sql`(${activities.startsAt}, ${activities.id}) > (${sql.placeholder("afterStartsAt")}::timestamptz, ${sql.placeholder("afterId")}::uuid)`,
    );
  }
  return conditions;
}

function buildUpcomingQuery(shape: Shape, name: string) {
  return db()
    .select(publicColumns)
    .from(activities)
    .innerJoin(municipalities, isPublicMunicipality)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(and(...upcomingConditions(shape)))
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(sql.placeholder("limit"))
    .prepare(name);
}

// The calendar is the busiest page: its statements are built once per combination of filters
// (not for every request) and prepared on each database connection, so PostgreSQL parses them once.
const preparedUpcoming = new WeakMap<object, Map<string, ReturnType<typeof buildUpcomingQuery>>>();

async function queryUpcomingRows(
  municipalityId: string | null,
  filters: CalendarFilters,
  page: { limit: number; after?: CalendarCursor | null },
  now: Date,
  status: ListedStatus,
) {
  const today = todayInAmsterdam(now);
  const from = filters.from && filters.from > today ? filters.from : today;
  const words = filters.q ? compoundSearchWords(filters.q) : [];
  const shape: Shape = {
    status,
    municipality: municipalityId !== null,
    after: Boolean(page.after),
    neighbourhoodId: Boolean(filters.neighbourhoodId),
    category: Boolean(filters.category),
    to: Boolean(filters.to),
    age: filters.age !== undefined,
    q: Boolean(filters.q),
    qWords: words.length,
  };
  const key = Object.entries(shape)
    .map(([name, present]) =>
      name === "status" ? (status === "published" ? "" : status) : present === true ? name : present ? `${name}${present}` : "",
    )
    .filter(Boolean)
    .join("_");
  const database = db();
  let statements = preparedUpcoming.get(database);
  if (!statements) preparedUpcoming.set(database, (statements = new Map()));
  let statement = statements.get(key);
  if (!statement) statements.set(key, (statement = buildUpcomingQuery(shape, `calendar_upcoming_${key || "all"}`)));
  return statement.execute({
    from: localMidnight(from).toISOString(),
    now: now.toISOString(),
    municipalityId,
    to: filters.to ? localMidnight(addDaysToLocalDate(filters.to, 1)).toISOString() : null,
    neighbourhoodId: filters.neighbourhoodId ?? null,
    category: filters.category ?? null,
    age: filters.age ?? null,
    q: filters.q ?? null,
    ...Object.fromEntries(words.map((word, i) => [`qPattern${i}`, containsPattern(word)])),
    afterStartsAt: page.after?.startsAt ?? null,
    afterId: page.after?.id ?? null,
    limit: page.limit + 1,
  });
}

/** The keyset order of the lists: start (to the microsecond), then id. */
function comparePosition(a: { position: string; id: string }, b: { position: string; id: string }): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One page over the statuses asked for. Each status is its own walk of the index in start order
 * (an `in` over two statuses would sort every upcoming row first); the first limit+1 rows of the
 * merged walks are the first limit+1 rows overall. Cancelled activities are few, so their walk is short.
 */
async function queryUpcoming(
  municipalityId: string | null,
  filters: CalendarFilters,
  page: { limit: number; after?: CalendarCursor | null },
  now: Date,
): Promise<CalendarPage> {
  const statuses = filters.statuses?.length ? [...new Set(filters.statuses)] : (["published"] as const);
  const walks = await Promise.all(statuses.map((status) => queryUpcomingRows(municipalityId, filters, page, now, status)));
  const rows = walks.length === 1 ? walks[0]! : walks.flat().sort(comparePosition).slice(0, page.limit + 1);
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

async function findPublished(id: string, municipalityId: string | null, withCancelled = false) {
  if (!isUuid(id)) return null;
  const published = eq(activities.status, "published");
  const listed = withCancelled ? or(published, and(eq(activities.status, "cancelled"), isNotNull(activities.publishedAt)))! : published;
  const conditions = [eq(activities.id, id), listed];
  if (municipalityId) conditions.push(eq(activities.municipalityId, municipalityId));
  const [row] = await db()
    .select(publicColumns)
    .from(activities)
    .innerJoin(municipalities, isPublicMunicipality)
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

/** The newest change among these activities (what a feed made of them last changed), or null for none. */
export function latestChange(items: { updatedAt: Date }[]): Date | null {
  let latest: Date | null = null;
  for (const item of items) if (!latest || item.updatedAt > latest) latest = item.updatedAt;
  return latest;
}

/** A published activity of any municipality, or a cancelled one that was published, for the API (which shows cancellations). */
export function findListedActivityInNetwork(id: string) {
  return findPublished(id, null, true);
}

/** A published activity of this municipality, or a cancelled one that was published (its .ics tells calendars of the cancellation). */
export function findListedActivity(municipalityId: MunicipalityId, id: string) {
  return findPublished(id, municipalityId, true);
}

/**
 * An activity of this municipality as its public page shows it: published, and also cancelled or
 * completed ones that were published (the cancellation mail links to the page), or null for
 * drafts and unknown ids.
 */
export async function findPublicActivityPage(municipalityId: MunicipalityId, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select(publicColumns)
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(
      and(
        eq(activities.id, id),
        eq(activities.municipalityId, municipalityId),
        // A cancelled or completed activity only if it was ever public: a cancelled draft stays hidden.
        or(eq(activities.status, "published"), and(inArray(activities.status, ["cancelled", "completed"]), isNotNull(activities.publishedAt))),
      ),
    );
  return row ? withLocalMoments(row) : null;
}

/**
 * The neighbourhoods of a municipality, for the calendar's filter. Kept for 30 seconds per
 * process: the calendar is the busiest page and neighbourhoods hardly ever change, so a renamed
 * one may show its old name in the filter for half a minute.
 */
const neighbourhoodOptions = shortLivedCache<{ id: string; name: string }[]>(30_000);

export function listNeighbourhoodOptions(municipalityId: MunicipalityId): Promise<{ id: string; name: string }[]> {
  return neighbourhoodOptions.get(municipalityId, () =>
    db()
      .select({ id: neighbourhoods.id, name: neighbourhoods.name })
      .from(neighbourhoods)
      .where(eq(neighbourhoods.municipalityId, municipalityId))
      .orderBy(asc(neighbourhoods.name)),
  );
}
