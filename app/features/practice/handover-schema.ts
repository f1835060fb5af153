/**
 * Input of the warm handover and the supervisor's forms: the programme settings, the proposal,
 * the consent answer, the supervisor's answer, withdrawing and ending a placement, coaching notes
 * and a shared learning goal's status. Messages are message keys (lib/forms.server.ts).
 */
import { z } from "zod";
import { LEARNING_GOAL_STATUSES } from "~/lib/db/schema";
import { choice, optionalText, text, uuid } from "~/lib/validation";

export const HANDOVER_NOTE_MAX = 2000;
export const HANDOVER_PLACE_MAX = 200;
export const REASON_MAX = 2000;
export const COACHING_NOTE_MAX = 4000;

/** A whole number from a form field within a range; anything else names the range. */
function wholeNumber(min: number, max: number) {
  const message = `handover.validation.range|{"min":${min},"max":${max}}`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,3}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }));
}

export const programmeSettingsInput = z.object({
  // A checkbox: present ("on") when ticked, absent otherwise.
  handoverDuringCourse: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((value) => value === "on"),
  handoverAnswerDays: wholeNumber(1, 60),
  placementQuietDays: wholeNumber(7, 180),
  // Whether certified Citytrainers publish their own plans without a coach's review (trusted organisers).
  certifiedPublishDirectly: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((value) => value === "on"),
});
export type ProgrammeSettingsInput = z.infer<typeof programmeSettingsInput>;

const localDate = z
  .string({ error: "handover.validation.date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "handover.validation.date" });
const localTime = z
  .string({ error: "handover.validation.time" })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "handover.validation.time" });

export const proposeInput = z.object({
  /** The practice_supervisor membership: it names both the supervisor and their partner organisation. */
  supervisor: z.string({ error: "validation.choose" }).trim().min(1, { error: "validation.choose" }).pipe(uuid),
  date: localDate,
  time: localTime,
  place: text(HANDOVER_PLACE_MAX),
  note: optionalText(HANDOVER_NOTE_MAX),
});
export type ProposeInput = z.infer<typeof proposeInput>;

export const sharingAnswerInput = z.object({ answer: choice(["give", "refuse"]) });

export const declineInput = z.object({ reason: text(REASON_MAX) });
export const endInput = z.object({ reason: text(REASON_MAX) });
export const coachingNoteInput = z.object({ body: text(COACHING_NOTE_MAX) });
export const goalStatusInput = z.object({ goalId: uuid, status: choice(LEARNING_GOAL_STATUSES) });
export type GoalStatusInput = z.infer<typeof goalStatusInput>;
