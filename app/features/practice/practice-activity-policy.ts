/**
 * The practice activity's rules that need no database: who the public sees as organiser, which
 * youth working-time rules the planned time breaks, and when the trainee may check people in or
 * write the evaluation. What may follow what, and by whom, is PRACTICE_ACTIVITY_MACHINE (journey.ts).
 */
import { ageOn, todayInAmsterdam } from "~/features/training/age";
import { utcToZonedLocal } from "~/lib/time";
import { checkYouthHours, type HoursWarning } from "./hours-guard";

/**
 * The organiser name for the public calendar: a trainee under 16 on the activity's day is shown by
 * first name only (a child's full name does not belong on a public page); anyone else by full
 * name. Without a date of birth (the application was erased) we cannot know, so first name only.
 */
export function practiceOrganiserName(fullName: string, dateOfBirth: string | null, startsAt: Date): string {
  const age = dateOfBirth ? ageOn(dateOfBirth, utcToZonedLocal(startsAt).date) : null;
  const trimmed = fullName.trim().replace(/\s+/g, " ");
  if (age !== null && age >= 16) return trimmed;
  return trimmed.split(/\s+/)[0] ?? trimmed;
}

/** The trainee's age on the activity's day, or null without a date of birth. */
export function traineeAgeOn(dateOfBirth: string | null, startsAt: Date): number | null {
  return dateOfBirth ? ageOn(dateOfBirth, utcToZonedLocal(startsAt).date) : null;
}

/**
 * The youth working-time rules the planned activity breaks for this trainee (empty for adults).
 * Preparation on other days is logged as hours and checked there; this is the activity itself.
 */
export function plannedActivityWarnings(dateOfBirth: string | null, startsAt: Date, endsAt: Date): HoursWarning[] {
  const age = traineeAgeOn(dateOfBirth, startsAt);
  if (age === null || age >= 18) return [];
  const start = utcToZonedLocal(startsAt);
  const end = utcToZonedLocal(endsAt);
  // An activity that runs past midnight is checked up to 23:59 of its first day, the guard's limit.
  const endTime = end.date === start.date ? end.time : "23:59";
  return checkYouthHours({ age, date: start.date, start: start.time, end: endTime });
}

/**
 * The trainee's check-in page opens on the activity's day (Europe/Amsterdam) and stays open
 * afterwards; the buttons themselves follow isAttendanceOpen (from the start), as for staff.
 */
export function isCheckInDay(startsAt: Date, now: Date = new Date()): boolean {
  return todayInAmsterdam(now) >= utcToZonedLocal(startsAt).date;
}

/** An evaluation is about what happened: only once the activity has ended. */
export function canEvaluateYet(endsAt: Date, now: Date = new Date()): boolean {
  return endsAt.getTime() <= now.getTime();
}

/** Cancelling is for plans that did not happen: once the activity has begun, the evaluation tells how it went. */
export function canCancelYet(startsAt: Date, now: Date = new Date()): boolean {
  return startsAt.getTime() > now.getTime();
}
