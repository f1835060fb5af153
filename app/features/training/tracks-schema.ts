/**
 * What the track forms accept (Zod). Messages are message keys (lib/forms.server.ts); numbers
 * arrive as text from the form and are whole numbers within the ranges the database checks.
 */
import { z } from "zod";
import { isUuid, optionalText, text } from "~/lib/validation";

/** The most rubric levels a competence may have (the database allows 10; the form offers 6). */
export const MAX_LEVELS = 6;

function wholeNumber(min: number, max: number) {
  return z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .refine((value) => /^\d{1,6}$/.test(value), { error: "tracks.error.wholeNumber" })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: `tracks.error.numberRange|{"min":${min},"max":${max}}` });
}

function optionalWholeNumber(min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || /^\d{1,6}$/.test(value), { error: "tracks.error.wholeNumber" })
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), { error: `tracks.error.numberRange|{"min":${min},"max":${max}}` });
}

const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on");

/** An id posted by a form (hidden field); anything else is refused before it reaches the database. */
export const formId = z
  .string({ error: "validation.invalid" })
  .refine((value) => isUuid(value), { error: "validation.invalid" });

/** A new track of the network: its name; everything else starts from the defaults. */
export const createTrackInput = z.object({ name: text(120) });

/** The settings of a draft version. */
export const trackFieldsInput = z
  .object({
    versionId: formId,
    name: text(120),
    description: optionalText(4000),
    minAge: wholeNumber(6, 120),
    maxAge: optionalWholeNumber(6, 120),
    guardianConsentBelowAge: wholeNumber(0, 18),
    meetingCount: wholeNumber(1, 50),
    meetingMinutes: wholeNumber(15, 600),
    followUpDays: wholeNumber(0, 20),
    followUpMinutes: wholeNumber(0, 720),
    practiceHoursTarget: wholeNumber(0, 500),
    completionMinMeetings: wholeNumber(0, 50),
    completionRequiresAssessments: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.maxAge !== null && value.maxAge < value.minAge) {
      ctx.addIssue({ code: "custom", path: ["maxAge"], message: "tracks.error.ageRange" });
    }
    if (value.completionMinMeetings > value.meetingCount) {
      ctx.addIssue({ code: "custom", path: ["completionMinMeetings"], message: "tracks.error.completionAboveMeetings" });
    }
  });
export type TrackFieldsInput = z.infer<typeof trackFieldsInput>;

const levelFields = Object.fromEntries(
  Array.from({ length: MAX_LEVELS }, (_, index) => [
    [`level${index + 1}Name`, optionalText(80)],
    [`level${index + 1}Description`, optionalText(1000)],
  ]).flat(),
) as Record<string, ReturnType<typeof optionalText>>;

/**
 * A competence with its rubric: the filled-in level rows, lowest first, become levels 1, 2, …;
 * at least two, and a description needs a name.
 */
export const competenceInput = z
  .object({
    versionId: formId,
    competenceId: z
      .string()
      .optional()
      .default("")
      .refine((value) => value === "" || isUuid(value), { error: "validation.invalid" }),
    competenceName: text(120),
    competenceDescription: optionalText(2000),
    ...levelFields,
  })
  .transform((value, ctx) => {
    const levels: { level: number; name: string; description: string }[] = [];
    const fields = value as Record<string, unknown>;
    for (let index = 1; index <= MAX_LEVELS; index++) {
      const name = String(fields[`level${index}Name`] ?? "");
      const description = String(fields[`level${index}Description`] ?? "");
      if (name === "" && description !== "") {
        ctx.addIssue({ code: "custom", path: [`level${index}Name`], message: "tracks.error.levelNameMissing" });
      }
      if (name !== "") levels.push({ level: levels.length + 1, name, description });
    }
    if (levels.length < 2) ctx.addIssue({ code: "custom", path: ["level1Name"], message: "tracks.error.levelsTooFew" });
    return {
      versionId: value.versionId,
      competenceId: value.competenceId === "" ? null : value.competenceId,
      name: value.competenceName,
      description: value.competenceDescription,
      levels,
    };
  });
export type CompetenceInput = z.infer<typeof competenceInput>;

/** A lesson module: title, goal, content. */
export const moduleInput = z
  .object({
    versionId: formId,
    moduleId: z
      .string()
      .optional()
      .default("")
      .refine((value) => value === "" || isUuid(value), { error: "validation.invalid" }),
    moduleTitle: text(150),
    moduleGoal: optionalText(2000),
    moduleContent: optionalText(10000),
  })
  .transform((value) => ({
    versionId: value.versionId,
    moduleId: value.moduleId === "" ? null : value.moduleId,
    title: value.moduleTitle,
    goal: value.moduleGoal,
    content: value.moduleContent,
  }));
export type ModuleInput = z.infer<typeof moduleInput>;

/** A part of the draft to move or remove (a competence, a module, a material). */
export const partInput = z.object({
  versionId: formId,
  id: formId,
  direction: z.enum(["up", "down"]).optional(),
});

export const versionInput = z.object({ versionId: formId });

/** Publishing a draft: what changed, for whoever uses the track. */
export const publishInput = z.object({ versionId: formId, changeNote: text(2000) });

/** Taking over a newer network version, or saying "not now" to it. */
export const networkVersionInput = z.object({ networkVersionId: formId });

/** The intents of the track page; an unknown one is refused with 400. */
export const TRACK_INTENTS = [
  "saveFields",
  "saveCompetence",
  "removeCompetence",
  "moveCompetence",
  "saveModule",
  "removeModule",
  "moveModule",
  "uploadMaterial",
  "removeMaterial",
  "publish",
  "newDraft",
  "discardDraft",
  "takeOver",
  "notNow",
] as const;
export type TrackIntent = (typeof TRACK_INTENTS)[number];
export const trackIntent = z.enum(TRACK_INTENTS, { error: "validation.invalid" });
