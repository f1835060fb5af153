/**
 * The working-time rules for young people, applied to practice hours and to a minor's practice
 * activity: a warning for trainee and supervisor, and the supervisor confirms before signing off.
 *
 * Source: Arbeidstijdenwet hoofdstuk 3 and Arbeidstijdenbesluit hoofdstuk 3 ("Jeugdigen"), as
 * summarised by the Rijksoverheid answers "Hoeveel mogen kinderen van 13 en 14 jaar werken?"
 * (rijksoverheid.nl/onderwerpen/jongeren-en-werk/vraag-en-antwoord/mogen-kinderen-van-13-en-14-jaar-werken),
 * "Hoeveel mogen kinderen van 15 jaar werken?" and "Hoeveel mogen jongeren van 16 en 17 jaar
 * werken?" (rijksoverheid.nl/onderwerpen/werktijden/vraag-en-antwoord/hoeveel-mogen-jongeren-van-16-en-17-jaar-werken),
 * checked 2026-12. Only the limits below are checked (not the weekly limits, the 15-year-olds'
 * 07:00–19:00 window or Sunday conditions, nor the 9-hour shift of 16–17). A weekday counts as a
 * school day unless the entry says it falls in a school holiday. Time worked is real elapsed
 * time: on the night the clocks change, 01:00–04:00 is two hours in March and four in October.
 */
import { ageOn, parseLocalDate } from "~/features/training/age";
import { MUNICIPAL_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";

export const HOURS_WARNINGS = [
  "outside_day_window",
  "sunday",
  "school_day_limit",
  "other_day_limit",
  "night",
] as const;
export type HoursWarning = (typeof HOURS_WARNINGS)[number];

interface AgeBandRule {
  /** Inclusive age range the rule applies to. */
  ages: readonly [number, number];
  /** Work only inside [from, until) local time, "HH:MM"; null when no day window applies. */
  dayWindow: readonly [string, string] | null;
  /** No work in [from, until) local time across midnight; null when no night rule applies. */
  night: readonly [string, string] | null;
  sundayAllowed: boolean;
  /** Maximum minutes per school day and per other day; null when the rules set none here. */
  schoolDayMinutes: number | null;
  otherDayMinutes: number | null;
}

/** The rules, one row per age band. */
export const YOUTH_WORKING_TIME_RULES: readonly AgeBandRule[] = [
  { ages: [13, 14], dayWindow: ["07:00", "19:00"], night: null, sundayAllowed: false, schoolDayMinutes: 120, otherDayMinutes: 420 },
  { ages: [15, 15], dayWindow: null, night: null, sundayAllowed: true, schoolDayMinutes: 120, otherDayMinutes: 480 },
  { ages: [16, 17], dayWindow: null, night: ["23:00", "06:00"], sundayAllowed: true, schoolDayMinutes: null, otherDayMinutes: null },
];

export interface HoursToCheck {
  /** The person's age on that day (whole years). */
  age: number;
  /** Local date in Europe/Amsterdam, "YYYY-MM-DD". */
  date: string;
  /** Local start and end, "HH:MM"; the end is on the same day ("24:00" for midnight at the end). */
  start: string;
  end: string;
  /** Minutes already logged or planned on the same day in other entries. */
  otherMinutesThatDay?: number;
  /** The day falls in a school holiday: a weekday then counts as "another day". */
  isSchoolHoliday?: boolean;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** Real minutes between two wall-clock times of one local day, across a change of the clocks. */
function elapsedMinutes(date: string, start: string, end: string): number {
  const from = zonedLocalToUtc(date, start, MUNICIPAL_TIME_ZONE);
  const next = parseLocalDate(date);
  const until =
    end === "24:00" && next
      ? zonedLocalToUtc(new Date(Date.UTC(next.year, next.month - 1, next.day + 1)).toISOString().slice(0, 10), "00:00", MUNICIPAL_TIME_ZONE)
      : zonedLocalToUtc(date, end, MUNICIPAL_TIME_ZONE);
  if (!from || !until) return minutesOf(end) - minutesOf(start);
  return Math.round((until.getTime() - from.getTime()) / 60_000);
}

/** The day of the week of a local date, 0 = Sunday … 6 = Saturday. */
function weekday(date: string): number {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
}

export function ruleForAge(age: number): AgeBandRule | null {
  return YOUTH_WORKING_TIME_RULES.find((rule) => age >= rule.ages[0] && age <= rule.ages[1]) ?? null;
}

/** The rules an entry breaks; empty when none applies (adults, or within every limit). */
export function checkYouthHours(entry: HoursToCheck): HoursWarning[] {
  const rule = ruleForAge(entry.age);
  if (!rule) return [];
  const start = minutesOf(entry.start);
  const end = minutesOf(entry.end);
  const day = weekday(entry.date);
  const warnings: HoursWarning[] = [];
  if (rule.dayWindow && (start < minutesOf(rule.dayWindow[0]) || end > minutesOf(rule.dayWindow[1]))) warnings.push("outside_day_window");
  if (!rule.sundayAllowed && day === 0) warnings.push("sunday");
  const isSchoolDay = day >= 1 && day <= 5 && !entry.isSchoolHoliday;
  const total = elapsedMinutes(entry.date, entry.start, entry.end) + (entry.otherMinutesThatDay ?? 0);
  if (isSchoolDay && rule.schoolDayMinutes !== null && total > rule.schoolDayMinutes) warnings.push("school_day_limit");
  if (!isSchoolDay && rule.otherDayMinutes !== null && total > rule.otherDayMinutes) warnings.push("other_day_limit");
  if (rule.night) {
    const [nightFrom, nightUntil] = [minutesOf(rule.night[0]), minutesOf(rule.night[1])];
    // The night spans midnight: an entry inside one day overlaps it before `nightUntil` or after `nightFrom`.
    if (start < nightUntil || end > nightFrom) warnings.push("night");
  }
  return warnings;
}

/**
 * The warnings for a stretch of time between two instants (a planned practice activity), by the
 * same rules: split into local days in Europe/Amsterdam, each day checked at the person's age on
 * that day, the warnings of all days together (each code once, in HOURS_WARNINGS order).
 */
export function checkYouthTimeSpan(input: { ageOn: (date: string) => number | null; startsAt: Date; endsAt: Date; otherMinutesOn?: (date: string) => number }): HoursWarning[] {
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) return [];
  const found = new Set<HoursWarning>();
  let cursor = input.startsAt;
  // A stretch longer than a couple of weeks is no planned activity; the bound keeps the loop finite.
  for (let day = 0; day < 31 && cursor.getTime() < input.endsAt.getTime(); day += 1) {
    const local = utcToZonedLocal(cursor, MUNICIPAL_TIME_ZONE);
    const parsed = parseLocalDate(local.date)!;
    const nextDate = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + 1)).toISOString().slice(0, 10);
    const midnight = zonedLocalToUtc(nextDate, "00:00", MUNICIPAL_TIME_ZONE)!;
    const segmentEnd = midnight.getTime() < input.endsAt.getTime() ? midnight : input.endsAt;
    const end = segmentEnd === midnight ? "24:00" : utcToZonedLocal(segmentEnd, MUNICIPAL_TIME_ZONE).time;
    const age = input.ageOn(local.date);
    if (age !== null && end !== local.time) {
      for (const warning of checkYouthHours({ age, date: local.date, start: local.time, end, otherMinutesThatDay: input.otherMinutesOn?.(local.date) ?? 0 })) found.add(warning);
    }
    cursor = segmentEnd;
  }
  return HOURS_WARNINGS.filter((warning) => found.has(warning));
}

/**
 * The warnings for a planned stretch of time of someone born on `dateOfBirth` (a practice
 * activity): none when the date of birth is unknown (the application was erased).
 */
export function plannedTimeWarnings(input: { dateOfBirth: string | null; startsAt: Date; endsAt: Date }): HoursWarning[] {
  const { dateOfBirth } = input;
  if (!dateOfBirth) return [];
  return checkYouthTimeSpan({ ageOn: (date) => ageOn(dateOfBirth, date), startsAt: input.startsAt, endsAt: input.endsAt });
}
