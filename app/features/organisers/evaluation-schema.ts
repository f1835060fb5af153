/** Form input of the evaluation page: the evaluation, photo consent requests, photos. */
import { z } from "zod";
import { optionalWholeNumber } from "~/features/activities/schema";
import { choice, optionalText, personName, text, uuid } from "~/lib/validation";

export const EVALUATION_TEXT_MAX = 2000;
export const PHOTO_CAPTION_MAX = 300;

/** The organiser's evaluation; turnout and first-timers are counts of people, first-timers at most the turnout. */
export const evaluationInput = z
  .object({
    turnout: optionalWholeNumber(0, 100000).refine((value) => value !== null, { error: "validation.required" }).transform((value) => value ?? 0),
    firstTimeCount: optionalWholeNumber(0, 100000).refine((value) => value !== null, { error: "validation.required" }).transform((value) => value ?? 0),
    wentWell: text(EVALUATION_TEXT_MAX),
    doDifferently: text(EVALUATION_TEXT_MAX),
  })
  .refine((value) => value.firstTimeCount <= value.turnout, { path: ["firstTimeCount"], error: "organisers.evaluation.error.firstTimeAboveTurnout" });
export type EvaluationInput = z.infer<typeof evaluationInput>;

/** Asking one participant for photo consent, or everyone not asked yet ("all"). */
export const photoConsentRequestInput = z.object({ registrationId: z.union([z.literal("all"), uuid]) });

/** Who is on an uploaded photo (at least one person), and its alt text. */
export const photoUploadInput = z.object({
  caption: text(PHOTO_CAPTION_MAX),
  subjects: z
    .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(uuid).max(50, { error: "validation.invalid" }))
    .refine((ids) => ids.length > 0, { error: "organisers.photos.error.nobodyTicked" })
    .transform((ids) => [...new Set(ids)]),
});
export type PhotoUploadInput = z.infer<typeof photoUploadInput>;

export const photoDeleteInput = z.object({ photoId: uuid });

/** The answer on the photo consent page: give (with a choice of where the photos may be shown), refuse, withdraw. */
export const photoConsentAnswerInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("give"), scope: choice(["internal", "public"] as const), giverName: optionalText(120) }),
  z.object({ intent: z.literal("refuse"), giverName: optionalText(120) }),
  z.object({ intent: z.literal("withdraw") }),
], { error: "validation.invalid" });
export type PhotoConsentAnswerInput = z.infer<typeof photoConsentAnswerInput>;

/** A guardian gives their own name; it must look like a name (it is shown to the organiser). */
export const guardianName = personName(120);
