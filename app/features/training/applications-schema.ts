/**
 * Input of the application form and of the course leader's intake and decision forms. Rules that
 * need the cohort (the age rule, the municipality's neighbourhoods) are checked by the write.
 */
import { z } from "zod";
import { HEARD_VIA } from "~/lib/db/schema";
import { choice, email, isUuid, optionalText, personName, text } from "~/lib/validation";
import { parseLocalDate } from "./age";

const localDate = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .refine((value) => parseLocalDate(value) !== null, { error: "applications.validation.date" });

const optionalChoice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.union([z.literal("").transform(() => null), choice(values)]).optional().transform((value) => value ?? null);

/** The public application form. The guardian fields are checked against the age by the write. */
export const applicationInput = z.object({
  name: personName(100),
  email,
  dateOfBirth: localDate.refine((value) => value >= "1900-01-01", { error: "applications.validation.date" }),
  neighbourhoodId: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || isUuid(value), { error: "validation.invalid" }),
  motivation: text(2000),
  talents: optionalText(1000),
  interests: optionalText(1000),
  availability: optionalText(500),
  heardVia: optionalChoice(HEARD_VIA),
  guardianName: z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.union([z.literal(""), personName(100)])),
  guardianEmail: z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.union([z.literal(""), email])),
});
export type ApplicationInput = z.infer<typeof applicationInput>;

/** Planning the intake conversation: local date and time in Europe/Amsterdam, and a place. */
export const intakeInput = z.object({
  intent: z.literal("plan_intake"),
  date: localDate,
  time: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "applications.validation.time" }),
  location: text(200),
});

export const notesInput = z.object({
  intent: z.literal("notes"),
  intakeNotes: optionalText(5000),
});

/** The staff buttons of the application page without further fields. */
export const decisionInput = z.object({
  intent: choice(["admit", "waitlist", "decline", "withdraw_trainee"] as const),
});

export const guardianAnswerInput = z.object({
  intent: choice(["give", "refuse", "withdraw"] as const),
});

export const applicantActionInput = z.object({
  intent: choice(["confirm", "withdraw"] as const),
});
