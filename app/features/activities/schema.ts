import { z } from "zod";
import { ACTIVITY_CATEGORIES, AGE_GROUPS } from "~/lib/db/schema";
import { utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";
import { choice, email, optionalText, text } from "~/lib/validation";

/** The tabs of the staff list of activities. */
export const STAFF_LIST_VIEWS = ["upcoming", "past", "drafts"] as const;
export type StaffListView = (typeof STAFF_LIST_VIEWS)[number];

/** A whole number typed into a form field; an empty field means "not set" (null). */
export function optionalWholeNumber(min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || /^\d{1,6}$/.test(value), { error: "activityForm.error.wholeNumber" })
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), {
      error: `activityForm.error.numberRange|{"min":${min},"max":${max}}`,
    });
}

/** An optional id from a select; the empty option means none. */
const optionalId = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((value) => value === "" || z.uuid().safeParse(value).success, { error: "validation.invalid" })
  .transform((value) => (value === "" ? null : value));

const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A local date and time in Europe/Amsterdam as typed into a form (shared by every form that plans something on the calendar). */
export const localDate = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine((value) => zonedLocalToUtc(value, "12:00") !== null, { error: "activityForm.error.date" });
export const localTime = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "activityForm.error.time" });

/**
 * What every activity form asks, whoever plans it: what, where, when, for which ages and how many.
 * The staff form adds registration, organiser, partner and image; a trainee's practice activity
 * adds its idea, goal and target group (app/features/practice/practice-activity-schema.ts).
 */
export const activityCoreFields = z.object({
  title: text(150),
  description: optionalText(5000),
  category: z.enum(ACTIVITY_CATEGORIES, { error: "validation.invalid" }),
  neighbourhoodId: optionalId,
  location: text(200),
  date: localDate,
  startTime: localTime,
  endTime: localTime,
  minAge: optionalWholeNumber(0, 120),
  maxAge: optionalWholeNumber(0, 120),
  capacity: optionalWholeNumber(1, 10000),
});

const activityFields = activityCoreFields.extend({
  waitlistEnabled: checkbox,
  registration: z.enum(["required", "walk_in"], { error: "validation.invalid" }),
  organiserName: optionalText(150).transform((value) => (value === "" ? null : value)),
  partnerOrganisationId: optionalId,
  removeImage: checkbox,
});

export type ActivityCoreInput = z.infer<typeof activityCoreFields>;

/** An activity's activityCoreFields as the form shows them again: text, with the local date and times. */
export function coreActivityFormValues(activity: {
  title: string;
  description: string;
  category: string;
  neighbourhoodId: string | null;
  location: string;
  startsAt: Date;
  endsAt: Date;
  minAge: number | null;
  maxAge: number | null;
  capacity: number | null;
}) {
  const start = utcToZonedLocal(activity.startsAt);
  const end = utcToZonedLocal(activity.endsAt);
  return {
    title: activity.title,
    description: activity.description,
    category: activity.category,
    neighbourhoodId: activity.neighbourhoodId ?? "",
    location: activity.location,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    minAge: activity.minAge?.toString() ?? "",
    maxAge: activity.maxAge?.toString() ?? "",
    capacity: activity.capacity?.toString() ?? "",
  };
}

/** End after start and a sensible age range: the checks across fields of activityCoreFields. */
export function checkActivity(value: z.infer<typeof activityCoreFields>, ctx: z.RefinementCtx) {
  const startsAt = zonedLocalToUtc(value.date, value.startTime);
  const endsAt = zonedLocalToUtc(value.date, value.endTime);
  if (startsAt && endsAt && endsAt <= startsAt) {
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "activityForm.error.endBeforeStart" });
  }
  if (value.minAge !== null && value.maxAge !== null && value.minAge > value.maxAge) {
    ctx.addIssue({ code: "custom", path: ["maxAge"], message: "activityForm.error.ageRange" });
  }
}

/** A new activity cannot start in the past: nobody could sign up for it. */
export function checkNotInPast(value: { date: string; startTime: string }, ctx: z.RefinementCtx) {
  const startsAt = zonedLocalToUtc(value.date, value.startTime);
  if (startsAt && startsAt <= new Date()) {
    ctx.addIssue({ code: "custom", path: ["date"], message: "activityForm.error.inPast" });
  }
}

/** The staff form for an existing activity. */
export const activityUpdateInput = activityFields.superRefine(checkActivity);
export type ActivityUpdateInput = z.infer<typeof activityUpdateInput>;

/** The staff form for a new activity, optionally a weekly series of up to 26 dates. */
export const activityCreateInput = activityFields
  .extend({
    repeatWeeks: optionalWholeNumber(1, 26).transform((value) => value ?? 1),
  })
  .superRefine((value, ctx) => {
    checkActivity(value, ctx);
    checkNotInPast(value, ctx);
  });
export type ActivityCreateInput = z.infer<typeof activityCreateInput>;

export const activityStatusAction = z.object({
  intent: z.enum(["publish", "publishSeries", "cancel", "complete"], { error: "validation.invalid" }),
});

/** Someone who turns up at the door; an email address is optional. */
export const walkInInput = z.object({
  name: text(100),
  ageGroup: choice(AGE_GROUPS),
  email: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || email.safeParse(value).success, { error: "validation.email" })
    .transform((value) => (value === "" ? null : value.toLowerCase())),
});

export const attendanceInput = z.object({
  registrationId: z.uuid({ error: "validation.invalid" }),
  attendance: z.enum(["attended", "no_show", "clear"], { error: "validation.invalid" }),
});
