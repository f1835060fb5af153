/**
 * Input of the ceremony forms (project leader): the ceremony itself with its local date and times
 * in Europe/Amsterdam, publishing it as a public activity, and assigning, removing and marking
 * the final presentations. Messages are message keys (lib/forms.server.ts).
 */
import { localDate, localTime } from "~/features/activities/schema";
import { z } from "zod";
import { zonedLocalToUtc } from "~/lib/time";
import { optionalText, text, uuid } from "~/lib/validation";

export const CEREMONY_TITLE_MAX = 150;
export const CEREMONY_LOCATION_MAX = 200;
export const CEREMONY_PROGRAMME_MAX = 5000;
export const PRESENTATION_TITLE_MAX = 200;


/** A whole number typed into a form field; an empty field is null when `optional`. */
function wholeNumber(min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || /^\d{1,6}$/.test(value), { error: "activityForm.error.wholeNumber" })
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), { error: `activityForm.error.numberRange|{"min":${min},"max":${max}}` });
}

export const ceremonyInput = z
  .object({
    title: text(CEREMONY_TITLE_MAX),
    date: localDate,
    startTime: localTime,
    endTime: localTime,
    location: text(CEREMONY_LOCATION_MAX),
    programme: optionalText(CEREMONY_PROGRAMME_MAX),
  })
  .superRefine((value, ctx) => {
    const startsAt = zonedLocalToUtc(value.date, value.startTime);
    const endsAt = zonedLocalToUtc(value.date, value.endTime);
    if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endTime"], message: "activityForm.error.endBeforeStart" });
  })
  .transform(({ date, startTime, endTime, ...rest }) => ({ ...rest, startsAt: zonedLocalToUtc(date, startTime)!, endsAt: zonedLocalToUtc(date, endTime)! }));
export type CeremonyInput = z.infer<typeof ceremonyInput>;

/** Publishing as a public activity: family and friends register; places are optional. */
export const publishCeremonyInput = z.object({ capacity: wholeNumber(1, 10000) });

export const assignPresentationInput = z.object({
  placementId: uuid,
  title: text(PRESENTATION_TITLE_MAX),
  position: wholeNumber(1, 999).refine((value) => value !== null, { error: "validation.required" }),
});
export type AssignPresentationInput = { placementId: string; title: string; position: number };

export const presentationInput = z.object({ id: uuid });
