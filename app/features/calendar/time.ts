/**
 * Calendar dates: local moments (ISO 8601 with the Amsterdam offset, local day and time), and ISO
 * weeks ("2026-W48") for the week view. Weeks and days are local calendar dates, so they are
 * computed on plain dates (UTC arithmetic on a date has no clock changes).
 */
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether a string is a real calendar date written as YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today's date in Amsterdam. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return utcToZonedLocal(now).date;
}

/** The ISO week ("2026-W48") that a local date falls in. */
export function isoWeekOf(localDate: string): string {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new Error(`Not a date: ${localDate}`);
  const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const weekday = (new Date(date).getUTCDay() + 6) % 7;
  // The week belongs to the year of its Thursday.
  const thursday = new Date(date + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday (a local date) of an ISO week such as "2026-W48", or null for a week that does not exist. */
export function mondayOfIsoWeek(week: string): string | null {
  const match = ISO_WEEK.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (year < 1970 || year > 9998 || number < 1 || number > 53) return null;
  const january4 = Date.UTC(year, 0, 4);
  const firstMonday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = new Date(firstMonday + (number - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  return isoWeekOf(monday) === week ? monday : null;
}

/** The ISO week a number of weeks before or after another. */
export function shiftIsoWeek(week: string, weeks: number): string {
  const monday = mondayOfIsoWeek(week);
  if (!monday) throw new Error(`Not a week: ${week}`);
  return isoWeekOf(addDaysToLocalDate(monday, weeks * 7));
}

/** The seven local dates of an ISO week, Monday first. */
export function daysOfIsoWeek(week: string): string[] {
  const monday = mondayOfIsoWeek(week);
  if (!monday) throw new Error(`Not a week: ${week}`);
  return Array.from({ length: 7 }, (_, i) => addDaysToLocalDate(monday, i));
}

/** A moment as the calendar shows it: Amsterdam local date and time, and ISO 8601 with the offset. */
export interface LocalMoment {
  /** "2026-10-25T14:00:00+01:00" */
  iso: string;
  /** "2026-10-25" */
  date: string;
  /** "14:00" */
  time: string;
}

/**
 * Builds a LocalMoment from the local wall-clock text ("2026-10-25T14:00:00") and the offset in
 * minutes that PostgreSQL computed with its time zone database (no Intl work per row: the
 * calendar page shows many rows).
 */
export function localMoment(local: string, offsetMinutes: number): LocalMoment {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const minutes = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return { iso: `${local}${offset}`, date: local.slice(0, 10), time: local.slice(11, 16) };
}
