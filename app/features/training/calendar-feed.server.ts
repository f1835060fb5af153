/**
 * A person's course calendar feed: the sessions of every cohort they follow (an active enrolment)
 * or teach, as an iCalendar subscription at /agenda/<token>/cursus.ics. Only the token's hash is
 * stored; making a new token replaces the old one, which then stops working. The feed names the
 * sessions, cohorts, tracks and places only: nothing about the other people in the cohort.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gte, isNull, or, sql } from "drizzle-orm";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { AMSTERDAM_VTIMEZONE } from "~/features/activities/ics.server";
import { db } from "~/lib/db/client.server";
import { calendarFeeds, cohortCourseLeaders, cohortSessions, cohorts, enrolments, municipalities, trackModules, trackVersions } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import type { Translate } from "~/lib/i18n";
import { MUNICIPAL_TIME_ZONE } from "~/lib/time";
import { courseFeedPath } from "./cohorts-urls";

function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Makes (or replaces) the person's feed token and returns the full feed URL; shown once. */
export async function renewCalendarFeed(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashFeedToken(token);
  await db()
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } });
  return baseUrl + courseFeedPath(token);
}

export async function hasCalendarFeed(userId: string): Promise<boolean> {
  const [row] = await db().select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row !== undefined;
}

/** The person a feed token belongs to, or null. */
export async function findFeedOwner(token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db().select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, hashFeedToken(token)));
  return row?.userId ?? null;
}

/**
 * The non-cancelled sessions of the cohorts this person follows (active enrolment) or teaches,
 * from `since` on. Cohort membership is the only way in: a person sees no other cohort's sessions.
 */
export async function listCourseSessionsFor(userId: string, since: Date) {
  const follows = sql`exists (select 1 from ${enrolments} where ${enrolments.cohortId} = ${cohorts.id} and ${enrolments.userId} = ${userId} and ${enrolments.status} = 'active')`;
  const teaches = sql`exists (select 1 from ${cohortCourseLeaders} where ${cohortCourseLeaders.cohortId} = ${cohorts.id} and ${cohortCourseLeaders.userId} = ${userId})`;
  return db()
    .select({
      id: cohortSessions.id,
      kind: cohortSessions.kind,
      title: cohortSessions.title,
      moduleTitle: trackModules.title,
      startsAt: cohortSessions.startsAt,
      endsAt: cohortSessions.endsAt,
      location: cohortSessions.location,
      updatedAt: cohortSessions.updatedAt,
      createdAt: cohortSessions.createdAt,
      cohortName: cohorts.name,
      trackName: trackVersions.name,
      municipalityName: municipalities.name,
    })
    .from(cohortSessions)
    .innerJoin(cohorts, eq(cohorts.id, cohortSessions.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .innerJoin(municipalities, eq(municipalities.id, cohorts.municipalityId))
    .leftJoin(trackModules, eq(trackModules.id, cohortSessions.moduleId))
    .where(and(isNull(cohortSessions.cancelledAt), gte(cohortSessions.endsAt, since), or(follows, teaches)))
    .orderBy(asc(cohortSessions.startsAt), asc(cohortSessions.id));
}
export type CourseSession = Awaited<ReturnType<typeof listCourseSessionsFor>>[number];

/** The name a session carries in a calendar: its module or title, else its kind, with the cohort. */
export function sessionSummary(session: Pick<CourseSession, "kind" | "title" | "moduleTitle" | "cohortName">, t: Translate): string {
  const what = session.moduleTitle ?? (session.title || t(`cohorts.sessionKind.${session.kind}`));
  return `${what} — ${session.cohortName}`;
}

/** The feed as iCalendar: local Amsterdam times with a TZID, so 19:00 stays 19:00 across the clock change. */
export function courseSessionsToIcs(sessions: readonly CourseSession[], t: Translate): string {
  const calendar = ical({
    name: t("courseCalendar.feedName"),
    prodId: { company: "Buurtkracht", product: "course", language: "NL" },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (zone) => (zone === MUNICIPAL_TIME_ZONE ? AMSTERDAM_VTIMEZONE : null) },
    x: { "X-WR-TIMEZONE": MUNICIPAL_TIME_ZONE },
    ttl: 3600,
  });
  for (const session of sessions) {
    calendar.createEvent({
      id: `course-session-${session.id}@buurtkracht`,
      summary: sessionSummary(session, t),
      description: t("courseCalendar.eventDescription", { cohort: session.cohortName, track: session.trackName, municipality: session.municipalityName }),
      location: session.location,
      start: DateTime.fromJSDate(session.startsAt, { zone: MUNICIPAL_TIME_ZONE }),
      end: DateTime.fromJSDate(session.endsAt, { zone: MUNICIPAL_TIME_ZONE }),
      timezone: MUNICIPAL_TIME_ZONE,
      stamp: session.updatedAt,
      lastModified: session.updatedAt,
      created: session.createdAt,
      sequence: Math.max(0, Math.floor((session.updatedAt.getTime() - 1_577_836_800_000) / 1000)),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
