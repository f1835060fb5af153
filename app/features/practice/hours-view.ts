/**
 * Practice-hours entries as the pages show them: local date and times in Europe/Amsterdam (for
 * the list and to fill the edit form), the duration as h:mm, and the progress in whole hours.
 */
import type { Locale } from "~/lib/i18n";
import { formatInZone, MUNICIPAL_TIME_ZONE, utcToZonedLocal } from "~/lib/time";
import type { HoursEntry } from "./hours-reads.server";

export function hoursEntryView(entry: HoursEntry, locale: Locale, now: Date = new Date()) {
  const start = utcToZonedLocal(entry.startsAt, MUNICIPAL_TIME_ZONE);
  const end = utcToZonedLocal(entry.endsAt, MUNICIPAL_TIME_ZONE);
  return {
    id: entry.id,
    when: `${formatInZone(entry.startsAt, locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" })}, ${start.time}–${end.time}`,
    date: start.date,
    start: start.time,
    end: end.time,
    hours: Math.floor(entry.minutes / 60),
    minutes: String(entry.minutes % 60).padStart(2, "0"),
    kind: entry.kind,
    description: entry.description,
    learningGoalId: entry.learningGoalId,
    learningGoal: entry.learningGoal,
    schoolHoliday: entry.schoolHoliday,
    status: entry.status,
    /** Over: planned hours are signed off once they have been worked. */
    worked: entry.endsAt.getTime() <= now.getTime(),
    warnings: entry.guardWarnings,
    guardConfirmed: entry.guardConfirmedAt !== null,
    returnComment: entry.returnComment,
    reviewerName: entry.reviewerName,
    reviewedOn: entry.reviewedAt ? formatInZone(entry.reviewedAt, locale, { dateStyle: "long" }) : null,
  };
}
export type HoursEntryView = ReturnType<typeof hoursEntryView>;

/** Hours with at most one decimal ("7,5" in Dutch), for the progress text. */
export function formatHours(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 }).format(Math.floor(minutes / 6) / 10);
}
