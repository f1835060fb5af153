/**
 * Input of the final report's forms: the trainee's text (saved as a draft or submitted), and the
 * reviewer's comment when they send it back. The assessment itself is the course's rubric form
 * (parseAssessmentForm in app/features/training/course-schema.ts). Messages are message keys.
 */
import { z } from "zod";
import { optionalText, text } from "~/lib/validation";

export const FINAL_REPORT_BODY_MAX = 20_000;
export const RETURN_COMMENT_MAX = 2000;

const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The trainee's form: the text, and whether to remove the attached file. */
export const finalReportDraftInput = z.object({
  body: optionalText(FINAL_REPORT_BODY_MAX),
  removeFile: checkbox,
});
export type FinalReportDraftInput = z.infer<typeof finalReportDraftInput>;

/** Sending the report back always says why. */
export const sendBackInput = z.object({ comment: text(RETURN_COMMENT_MAX) });

/**
 * When the reviewer's page was shown (the assessment form sends it): a report handed in again
 * after that is not the one they read. Absent, nothing is compared.
 */
export const seenAtInput = z.object({
  seenAt: z
    .string()
    .optional()
    .transform((value) => (value ? new Date(value) : null))
    .refine((value) => value === null || !Number.isNaN(value.getTime()), { error: "validation.invalid" }),
});
