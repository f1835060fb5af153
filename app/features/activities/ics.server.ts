/**
 * Activities as iCalendar (RFC 5545): feeds, "add to my calendar" and mail attachments share this.
 * Times are written as local Europe/Amsterdam times with a TZID and a VTIMEZONE definition, so a
 * calendar shows 14:00 for an activity at 14:00 on either side of a clock change, whatever the
 * server's own zone is.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import type { ActivityStatus } from "~/lib/db/schema";
import { MUNICIPAL_TIME_ZONE } from "~/lib/time";

export interface IcsActivity {
  id: string;
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  status: ActivityStatus;
  organiserName?: string | null;
  neighbourhoodName?: string | null;
  /** Last change; calendar apps use it to replace an earlier copy of the event. */
  updatedAt?: Date | null;
  createdAt?: Date | null;
}

/**
 * The Netherlands' rules since 1996 (EU summer time): CEST from the last Sunday of March 02:00
 * until the last Sunday of October 03:00 local time. Written out here because ical-generator has
 * no zone database of its own.
 */
export const AMSTERDAM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Amsterdam",
  "X-LIC-LOCATION:Europe/Amsterdam",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

function vtimezone(zone: string): string | null {
  return zone === MUNICIPAL_TIME_ZONE ? AMSTERDAM_VTIMEZONE : null;
}

/** Stable across feeds and mails so that a calendar app updates the event instead of duplicating it. */
export function activityUid(id: string): string {
  return `activity-${id}@buurtkracht`;
}

function inZone(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: MUNICIPAL_TIME_ZONE });
}

/** How often a subscribed calendar app should fetch a feed again (REFRESH-INTERVAL, RFC 7986). */
export const FEED_REFRESH_SECONDS = 3600;

/**
 * An iCalendar document with one VEVENT per activity; cancelled activities get STATUS:CANCELLED.
 * `refreshSeconds` is for subscribable feeds only: it tells calendar apps how often to poll.
 */
export function activityToIcs(
  activities: IcsActivity[],
  options: { calendarName: string; url: (activity: IcsActivity) => string; refreshSeconds?: number },
): string {
  const calendar = ical({
    name: options.calendarName,
    prodId: { company: "Buurtkracht", product: "activities", language: "NL" },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP, CREATED and
    // LAST-MODIFIED as local times, while RFC 5545 wants them in UTC. Each event names its zone
    // instead, and the generator still adds the VTIMEZONE for it.
    timezone: { name: null, generator: vtimezone },
    x: { "X-WR-TIMEZONE": MUNICIPAL_TIME_ZONE },
    ttl: options.refreshSeconds ?? null,
  });
  for (const activity of activities) {
    const url = options.url(activity);
    const location = activity.neighbourhoodName
      ? `${activity.location} (${activity.neighbourhoodName})`
      : activity.location;
    const details = [activity.description, activity.organiserName ?? "", url].filter(Boolean).join("\n\n");
    calendar.createEvent({
      id: activityUid(activity.id),
      summary: activity.title,
      description: details,
      location,
      url,
      start: inZone(activity.startsAt),
      end: inZone(activity.endsAt),
      timezone: MUNICIPAL_TIME_ZONE,
      stamp: activity.updatedAt ?? new Date(),
      lastModified: activity.updatedAt ?? null,
      created: activity.createdAt ?? null,
      // Seconds since 2020 grow with every change, which is what SEQUENCE must do.
      sequence: activity.updatedAt ? Math.max(0, Math.floor((activity.updatedAt.getTime() - 1_577_836_800_000) / 1000)) : 0,
      status: activity.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves it off.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
