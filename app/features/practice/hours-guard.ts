/**
 * The working-time rules for young people, applied to practice hours and to a minor's practice
 * activity: a warning for trainee and supervisor, and the supervisor confirms before signing off.
 *
 * Source: Arbeidstijdenwet hoofdstuk 3 and Arbeidstijdenbesluit hoofdstuk 3 ("Jeugdigen"), as
 * summarised by the Rijksoverheid pages "Mag mijn kind van 13 of 14 jaar werken?", "… van 15
 * jaar …" and "… van 16 of 17 jaar …" (checked 2026-12). Only the limits below are checked; a
 * weekday counts as a school day unless the entry says it falls in a school holiday.
 */
import { parseLocalDate } from "~/features/training/age";

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
  /** Local start and end, "HH:MM"; the end is on the same day (end "24:00" not allowed: use 23:59). */
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
  const total = end - start + (entry.otherMinutesThatDay ?? 0);
  if (isSchoolDay && rule.schoolDayMinutes !== null && total > rule.schoolDayMinutes) warnings.push("school_day_limit");
  if (!isSchoolDay && rule.otherDayMinutes !== null && total > rule.otherDayMinutes) warnings.push("other_day_limit");
  if (rule.night) {
    const [nightFrom, nightUntil] = [minutesOf(rule.night[0]), minutesOf(rule.night[1])];
    // The night spans midnight: an entry inside one day overlaps it before `nightUntil` or after `nightFrom`.
    if (start < nightUntil || end > nightFrom) warnings.push("night");
  }
  return warnings;
}
