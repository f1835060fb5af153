/**
 * Input of the cohort (course group) and schedule forms. Dates are local Europe/Amsterdam dates,
 * times local wall-clock times; the writes turn them into instants (app/lib/time.ts).
 */
import { z } from "zod";
import { SESSION_KINDS } from "~/lib/db/schema";
import { choice, isUuid, optionalText, text, uuid } from "~/lib/validation";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar date as a date field sends it ("2026-10-25"), within years people plan for. */
export const localDate = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine((value) => DATE.test(value) && isRealDate(value), { error: "cohorts.validation.date" });

export const localTime = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .regex(TIME, { error: "cohorts.validation.time" });

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A required choice of a row by id: nothing chosen asks to choose, anything but an id is invalid. */
const requiredId = z
  .string({ error: "validation.choose" })
  .trim()
  .refine((value) => value !== "", { error: "validation.choose" })
  .refine((value) => value === "" || isUuid(value), { error: "validation.invalid" });

/** An optional choice of a row by id: empty means none. */
const optionalId = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((value) => value === "" || isUuid(value), { error: "validation.invalid" })
  .transform((value) => (value === "" ? null : value));

/** better-auth user ids: letters, digits, dashes and underscores. */
const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "validation.invalid" });

/** One value or several (a form sends a repeated field as several values). */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item).max(20, { error: "validation.invalid" }));

export const cohortInput = z
  .object({
    trackVersionId: requiredId,
    name: text(120),
    location: text(200),
    courseLeaderIds: oneOrMany(userId).refine((ids) => ids.length > 0, { error: "cohorts.validation.courseLeaders" }),
    maxSize: z.coerce
      .number({ error: "validation.invalid" })
      .int({ error: "cohorts.validation.maxSize" })
      .min(1, { error: "cohorts.validation.maxSize" })
      .max(100, { error: "cohorts.validation.maxSize" }),
    applicationsOpenOn: localDate,
    applicationsCloseOn: localDate,
    startsOn: localDate,
    publish: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
  })
  .superRefine((value, ctx) => {
    if (value.applicationsCloseOn < value.applicationsOpenOn) {
      ctx.addIssue({ code: "custom", path: ["applicationsCloseOn"], message: "cohorts.validation.closeBeforeOpen" });
    }
    if (value.startsOn < value.applicationsCloseOn) {
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "cohorts.validation.startsBeforeClose" });
    }
  });
export type CohortInput = z.infer<typeof cohortInput>;

export const sessionInput = z
  .object({
    kind: choice(SESSION_KINDS),
    title: optionalText(120),
    date: localDate,
    startTime: localTime,
    endTime: localTime,
    location: text(200),
    moduleId: optionalId,
  })
  .superRefine((value, ctx) => {
    if (value.endTime <= value.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "cohorts.validation.endBeforeStart" });
  });
export type SessionInput = z.infer<typeof sessionInput>;

/** "Generate the schedule": weekly from the first day, at these local times. */
export const generateInput = z.object({
  meetingStartTime: localTime,
  followUpStartTime: localTime,
});
export type GenerateInput = z.infer<typeof generateInput>;

export const SCHEDULE_INTENTS = ["generate", "add", "cancel"] as const;
export const scheduleIntent = z.object({ intent: choice(SCHEDULE_INTENTS) });
export const sessionIdInput = z.object({ id: uuid });

/** The chosen course leaders of a submitted form as one text value, so a refused form shows them again. */
export function chosenCourseLeaders(values: Record<string, unknown>): string {
  const ids = values.courseLeaderIds;
  return (Array.isArray(ids) ? ids : [ids]).filter((id): id is string => typeof id === "string").join(" ");
}
