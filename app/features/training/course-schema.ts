/**
 * Input of the forms for running a cohort and for the trainee's own course: the development plan
 * (the trainee's parts, the course leader's observations, learning goals), attendance of one
 * session, assessments of one trainee at one moment, and assessment moments. Messages are
 * message keys (lib/forms.server.ts).
 */
import { z } from "zod";
import { ATTENDANCE_STATUSES, LEARNING_GOAL_STATUSES, type AttendanceStatus } from "~/lib/db/schema";
import { choice, isUuid, optionalText, text, uuid } from "~/lib/validation";
import { parseLocalDate } from "./age";

export const PLAN_TEXT_MAX = 4000;
export const GOAL_TEXT_MAX = 500;
export const NARRATIVE_MAX = 2000;

/** The trainee's own parts of the plan. */
export const ownPlanInput = z.object({
  ownTalent: optionalText(PLAN_TEXT_MAX),
  ownStory: optionalText(PLAN_TEXT_MAX),
  challenges: optionalText(PLAN_TEXT_MAX),
});
export type OwnPlanInput = z.infer<typeof ownPlanInput>;

/** The course leader's part of the plan. */
export const observationsInput = z.object({ observations: optionalText(PLAN_TEXT_MAX) });

export const addGoalInput = z.object({ description: text(GOAL_TEXT_MAX) });

export const updateGoalInput = z.object({
  goalId: uuid,
  description: text(GOAL_TEXT_MAX),
  status: choice(LEARNING_GOAL_STATUSES),
});
export type UpdateGoalInput = z.infer<typeof updateGoalInput>;

export const momentInput = z.object({
  name: text(100),
  plannedOn: z
    .string()
    .trim()
    .optional()
    .default("")
    // A real calendar date in a year a course can be in: PostgreSQL has no year 0, and a typo such as 0202 helps nobody.
    .refine((value) => value === "" || (parseLocalDate(value) !== null && value >= "2000-01-01" && value <= "2100-12-31"), {
      error: "course.moment.dateInvalid",
    })
    .transform((value) => (value === "" ? null : value)),
});

/** The form field names of one trainee's row on the attendance page. */
export function attendanceFields(enrolmentId: string) {
  return { status: `status-${enrolmentId}`, late: `late-${enrolmentId}` };
}

export interface AttendanceEntry {
  enrolmentId: string;
  status: AttendanceStatus;
  isLate: boolean;
}

/**
 * The attendance form of a session: one row per active trainee (the caller's list). A row with
 * nothing chosen stays unrecorded; a status outside the list, "late" without "present", or a
 * repeated field refuses the whole form, which then writes nothing.
 */
export function parseAttendanceForm(
  values: Record<string, unknown>,
  enrolmentIds: readonly string[],
): { ok: true; entries: AttendanceEntry[] } | { ok: false; errors: Record<string, "validation.invalid" | "course.attendance.lateNeedsPresent"> } {
  const errors: Record<string, "validation.invalid" | "course.attendance.lateNeedsPresent"> = {};
  const entries: AttendanceEntry[] = [];
  for (const enrolmentId of enrolmentIds) {
    const fields = attendanceFields(enrolmentId);
    const status = values[fields.status];
    const late = values[fields.late];
    if (status !== undefined && typeof status !== "string") {
      errors[fields.status] = "validation.invalid";
      continue;
    }
    if (late !== undefined && late !== "on") {
      errors[fields.late] = "validation.invalid";
      continue;
    }
    if (status === undefined || status === "") {
      if (late === "on") errors[fields.late] = "course.attendance.lateNeedsPresent";
      continue;
    }
    if (!(ATTENDANCE_STATUSES as readonly string[]).includes(status)) {
      errors[fields.status] = "validation.invalid";
      continue;
    }
    if (late === "on" && status !== "present") {
      errors[fields.late] = "course.attendance.lateNeedsPresent";
      continue;
    }
    entries.push({ enrolmentId, status: status as AttendanceStatus, isLate: late === "on" });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, entries };
}

/** The form field names of one competence on the assessment form. */
export function assessmentFields(competenceId: string) {
  return { level: `level-${competenceId}`, narrative: `narrative-${competenceId}` };
}

export interface AssessmentEntry {
  competenceId: string;
  level: number;
  narrative: string;
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The assessment form of one trainee at one moment: per competence a level of its own rubric and
 * a narrative. A competence left without a level is not assessed (and may have no narrative); a
 * level outside the competence's rubric refuses the whole form.
 */
export function parseAssessmentForm(
  values: Record<string, unknown>,
  competences: readonly { id: string; levels: readonly number[] }[],
):
  | { ok: true; momentId: string; entries: AssessmentEntry[] }
  | { ok: false; errors: Record<string, "validation.invalid" | "validation.controlCharacters" | "course.assessment.levelOutsideRubric" | "course.assessment.narrativeNeedsLevel" | "course.assessment.nothingChosen" | "course.assessment.narrativeTooLong"> } {
  type Problem = "validation.invalid" | "validation.controlCharacters" | "course.assessment.levelOutsideRubric" | "course.assessment.narrativeNeedsLevel" | "course.assessment.nothingChosen" | "course.assessment.narrativeTooLong";
  const errors: Record<string, Problem> = {};
  const momentId = values.momentId;
  if (typeof momentId !== "string" || !isUuid(momentId)) errors.momentId = "validation.invalid";
  const entries: AssessmentEntry[] = [];
  for (const competence of competences) {
    const fields = assessmentFields(competence.id);
    const level = values[fields.level];
    const narrative = values[fields.narrative] ?? "";
    if (typeof narrative !== "string") {
      errors[fields.narrative] = "validation.invalid";
      continue;
    }
    const story = narrative.trim();
    if (story.length > NARRATIVE_MAX) {
      errors[fields.narrative] = "course.assessment.narrativeTooLong";
      continue;
    }
    if (CONTROL_CHARACTERS.test(story)) {
      errors[fields.narrative] = "validation.controlCharacters";
      continue;
    }
    if (level === undefined || level === "") {
      if (story !== "") errors[fields.level] = "course.assessment.narrativeNeedsLevel";
      continue;
    }
    if (typeof level !== "string" || !/^\d{1,2}$/.test(level) || !competence.levels.includes(Number(level))) {
      errors[fields.level] = "course.assessment.levelOutsideRubric";
      continue;
    }
    entries.push({ competenceId: competence.id, level: Number(level), narrative: story });
  }
  if (Object.keys(errors).length === 0 && entries.length === 0) errors._form = "course.assessment.nothingChosen";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, momentId: momentId as string, entries };
}
