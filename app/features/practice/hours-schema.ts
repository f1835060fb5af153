/**
 * Input of the practice-hours forms: the trainee logs (or corrects) an entry with a local date and
 * start and end time in Europe/Amsterdam; the supervisor signs off one or several entries, or
 * returns one with a comment. Messages are message keys (lib/forms.server.ts).
 */
import { z } from "zod";
import { HOUR_KINDS } from "~/lib/db/schema";
import { addDaysToLocalDate, MUNICIPAL_TIME_ZONE, zonedLocalToUtc } from "~/lib/time";
import { choice, isUuid, text } from "~/lib/validation";

export const HOURS_DESCRIPTION_MAX = 1000;
export const RETURN_COMMENT_MAX = 1000;
/** An entry lies within one day and lasts at most this long (the database checks it too). */
export const MAX_ENTRY_MINUTES = 12 * 60;
/** Hours can be planned ahead this many days; they stay submitted like any other entry. */
export const PLAN_AHEAD_DAYS = 60;
/** How many entries one sign-off may cover (a page shows fewer). */
export const MAX_SIGN_OFF = 200;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on");

const formId = z.string({ error: "validation.invalid" }).refine((value) => isUuid(value), { error: "validation.invalid" });

const localDate = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine((value) => DATE.test(value) && zonedLocalToUtc(value, "12:00", MUNICIPAL_TIME_ZONE) !== null, { error: "hours.error.date" });

const localTime = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine((value) => TIME.test(value), { error: "hours.error.time" });

/** An optional learning goal: empty means none; anything else must look like an id (the write checks it is the enrolment's). */
const optionalGoal = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((value) => value === "" || isUuid(value), { error: "validation.invalid" })
  .transform((value) => (value === "" ? null : value));

export const hoursEntryInput = z
  .object({
    date: localDate,
    start: localTime,
    end: localTime,
    description: text(HOURS_DESCRIPTION_MAX),
    learningGoalId: optionalGoal,
    kind: choice(HOUR_KINDS),
    schoolHoliday: checkbox,
  })
  .superRefine((value, context) => {
    const startsAt = zonedLocalToUtc(value.date, value.start, MUNICIPAL_TIME_ZONE);
    const endsAt = zonedLocalToUtc(value.date, value.end, MUNICIPAL_TIME_ZONE);
    if (!startsAt || !endsAt) return;
    if (endsAt.getTime() <= startsAt.getTime()) context.addIssue({ code: "custom", path: ["end"], message: "hours.error.endBeforeStart" });
    else if (endsAt.getTime() - startsAt.getTime() > MAX_ENTRY_MINUTES * 60_000) context.addIssue({ code: "custom", path: ["end"], message: "hours.error.tooLong" });
  })
  .transform((value) => ({
    ...value,
    startsAt: zonedLocalToUtc(value.date, value.start, MUNICIPAL_TIME_ZONE)!,
    endsAt: zonedLocalToUtc(value.date, value.end, MUNICIPAL_TIME_ZONE)!,
  }));
export type HoursEntryInput = z.infer<typeof hoursEntryInput>;

export const editHoursInput = z.intersection(hoursEntryInput, z.object({ id: formId }));
export type EditHoursInput = z.infer<typeof editHoursInput>;

export const hoursIdInput = z.object({ id: formId });

export const signOffInput = z.object({
  ids: z
    .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(formId).max(MAX_SIGN_OFF, { error: "validation.invalid" }))
    .refine((ids) => ids.length > 0, { error: "hours.error.noneChosen" })
    .transform((ids) => [...new Set(ids)]),
  confirmGuard: checkbox,
  /**
   * When the supervisor's page was shown (the page sends it): an entry the trainee changed after
   * that is not what the supervisor looked at, so it is not signed off.
   */
  seenAt: z
    .string()
    .optional()
    .transform((value) => (value ? new Date(value) : null))
    .refine((value) => value === null || !Number.isNaN(value.getTime()), { error: "validation.invalid" }),
});
export type SignOffInput = z.infer<typeof signOffInput>;

export const returnHoursInput = z.object({ id: formId, comment: text(RETURN_COMMENT_MAX) });

/**
 * The date rules that need today and the placement: not before the placement started, not more
 * than PLAN_AHEAD_DAYS after today. A message key per field, empty when the date is fine.
 */
export function dateProblems(date: string, today: string, placementStartedOn: string | null): Record<string, "hours.error.beforePlacement" | "hours.error.tooFarAhead"> {
  if (placementStartedOn && date < placementStartedOn) return { date: "hours.error.beforePlacement" };
  if (date > addDaysToLocalDate(today, PLAN_AHEAD_DAYS)) return { date: "hours.error.tooFarAhead" };
  return {};
}
