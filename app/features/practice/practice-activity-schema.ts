/** Form input of the practice activity: the trainee's plan, the review, check-in and the evaluation. */
import { z } from "zod";
import { activityCoreFields, checkActivity, checkNotInPast, optionalWholeNumber } from "~/features/activities/schema";
import { optionalText, text } from "~/lib/validation";

export const PLAN_TEXT_MAX = 2000;

/** The plan: the activity's own fields and what only a practice activity has (idea, goal, target group). */
export const practicePlanInput = activityCoreFields
  .extend({
    idea: text(PLAN_TEXT_MAX),
    goal: text(PLAN_TEXT_MAX),
    targetGroup: text(500),
  })
  .superRefine((value, ctx) => {
    checkActivity(value, ctx);
    checkNotInPast(value, ctx);
  });
export type PracticePlanInput = z.infer<typeof practicePlanInput>;

/**
 * When the reviewer's page was shown (the approve form sends it): a plan saved, resubmitted or
 * replaced after that is not the one the reviewer read, so it is not approved.
 */
const seenAt = z
  .string()
  .optional()
  .transform((value) => (value ? new Date(value) : null))
  .refine((value) => value === null || !Number.isNaN(value.getTime()), { error: "validation.invalid" });

/** The reviewer's answer: approve, or ask for changes with a comment the trainee reads. */
export const practiceReviewInput = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve"), seenAt }),
    z.object({ intent: z.literal("request_changes"), comment: text(PLAN_TEXT_MAX) }),
  ],
  { error: "validation.invalid" },
);
export type PracticeReviewInput = z.infer<typeof practiceReviewInput>;

/** The trainee's evaluation afterwards; turnout is a count of people, prefilled from check-in. */
export const practiceEvaluationInput = z.object({
  turnout: optionalWholeNumber(0, 100000).refine((value) => value !== null, { error: "validation.required" }).transform((value) => value ?? 0),
  wentWell: text(PLAN_TEXT_MAX),
  doDifferently: optionalText(PLAN_TEXT_MAX),
});
export type PracticeEvaluationInput = z.infer<typeof practiceEvaluationInput>;

/** Cancelling asks for a tick first: everyone signed up (waitlist too) gets a message. */
export const practiceCancelInput = z.object({
  confirm: z.literal("on", { error: "practiceActivity.cancel.confirmRequired" }),
});
