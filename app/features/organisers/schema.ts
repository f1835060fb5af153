/** Form input of a resident's own activity: the plan, the review, the announcement and the trust mark. */
import { z } from "zod";
import { activityCoreFields, checkActivity, checkNotInPast, optionalWholeNumber } from "~/features/activities/schema";
import { text } from "~/lib/validation";

export const PLAN_TEXT_MAX = 2000;
/** A weekly series has at most this many dates: a season, not a standing appointment. */
export const MAX_SERIES_WEEKS = 12;
export const MESSAGE_SUBJECT_MAX = 120;
export const MESSAGE_BODY_MAX = 2000;
/** Announcements per activity per day: enough for a change of place and a reminder. */
export const MESSAGES_PER_ACTIVITY_PER_DAY = 3;

const userId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "validation.invalid" });

/** Repeated checkboxes arrive as a string, an array, or not at all. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(userId).max(20, { error: "validation.invalid" }))
  .transform((ids) => [...new Set(ids)]);

/**
 * Who organises a new plan: "self:<municipality id>" (as a Citytrainer certified there) or
 * "team:<team id>"; fixed once the plan exists, so an edit leaves it out.
 */
const organiseAs = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((value) => value === "" || /^(self|team):[0-9a-f-]{36}$/i.test(value), { error: "validation.invalid" })
  .transform((value) => {
    if (value === "") return null;
    const [kind, id] = value.split(":") as ["self" | "team", string];
    return kind === "self" ? { municipalityId: id.toLowerCase(), teamId: null } : { municipalityId: null, teamId: id.toLowerCase() };
  });

export const organisedPlanInput = activityCoreFields
  .extend({
    idea: text(PLAN_TEXT_MAX),
    goal: text(PLAN_TEXT_MAX),
    targetGroup: text(500),
    organiseAs,
    schedule: z.enum(["once", "weekly"], { error: "validation.invalid" }).optional().default("once"),
    weeks: optionalWholeNumber(2, MAX_SERIES_WEEKS),
    coOrganisers: idList,
  })
  .superRefine((value, ctx) => {
    checkActivity(value, ctx);
    checkNotInPast(value, ctx);
    if (value.schedule === "weekly" && value.weeks === null) ctx.addIssue({ code: "custom", path: ["weeks"], message: "validation.required" });
  })
  .transform((value) => ({ ...value, weeks: value.schedule === "weekly" ? (value.weeks ?? 1) : 1 }));
export type OrganisedPlanInput = z.infer<typeof organisedPlanInput>;

export const organisedReviewInput = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("approve") }), z.object({ intent: z.literal("request_changes"), comment: text(PLAN_TEXT_MAX) })],
  { error: "validation.invalid" },
);
export type OrganisedReviewInput = z.infer<typeof organisedReviewInput>;

/** Cancelling asks for a tick first: everyone signed up gets a message. */
export const organisedCancelInput = z.object({ confirm: z.literal("on", { error: "organisers.cancel.confirmRequired" }) });

/** A short plain-text announcement to the activity's participants. */
export const activityMessageInput = z.object({
  // One line: a subject with a line break would be a header of its own.
  subject: text(MESSAGE_SUBJECT_MAX).refine((value) => !/[\r\n]/.test(value), { error: "validation.invalid" }),
  body: text(MESSAGE_BODY_MAX),
  includeWaitlist: z
    .unknown()
    .optional()
    .transform((value) => value === "on"),
});
export type ActivityMessageInput = z.infer<typeof activityMessageInput>;

/** The project leader's mark for one organiser: trusted, not trusted, or back to the setting. */
export const organiserTrustInput = z.object({
  userId,
  trust: z.enum(["trusted", "not_trusted", "setting"], { error: "validation.invalid" }),
});
