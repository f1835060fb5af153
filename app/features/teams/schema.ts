/**
 * Input of the team forms. Messages are message keys (lib/forms.server.ts). Dates are local dates
 * in Europe/Amsterdam; how far ahead they may lie is checked against today in writes.server.ts.
 */
import { z } from "zod";
import { email, optionalText, text, uuid } from "~/lib/validation";

export const TEAM_NAME_MAX = 120;
export const TEAM_DESCRIPTION_MAX = 2000;
export const ACTION_WHAT_MAX = 200;
export const ACTION_WHY_MAX = 1000;
export const VOTE_COMMENT_MAX = 500;
export const DECLINE_REASON_MAX = 1000;

const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on" || value === "true");

const dateField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "teams.error.date" });

export const teamInput = z.object({
  name: text(TEAM_NAME_MAX),
  neighbourhoodId: z.string({ error: "validation.choose" }).trim().pipe(z.uuid({ error: "validation.choose" })),
  description: optionalText(TEAM_DESCRIPTION_MAX),
  isJunior: checkbox,
  /** A Junior team's proposer confirms their own age when the platform does not know it. */
  confirmAge: checkbox,
});
export type TeamInput = z.infer<typeof teamInput>;

export const declineInput = z.object({ id: uuid, reason: text(DECLINE_REASON_MAX) });
export const teamIdInput = z.object({ id: uuid });

export const inviteByEmailInput = z.object({ email });
export const memberInput = z.object({ userId: z.string().trim().min(1, { error: "validation.invalid" }).max(200, { error: "validation.invalid" }) });
export const leaveInput = z.object({
  successorId: z.string().trim().max(200, { error: "validation.invalid" }).optional().default(""),
});
export const publicInput = z.object({ isPublic: checkbox });

export const actionPointInput = z.object({
  what: text(ACTION_WHAT_MAX),
  why: text(ACTION_WHY_MAX),
  dueOn: dateField,
  decideBy: dateField,
});
export type ActionPointInput = z.infer<typeof actionPointInput>;

export const voteInput = z.object({
  actionPointId: uuid,
  vote: z.enum(["agree", "object"], { error: "validation.invalid" }),
  comment: optionalText(VOTE_COMMENT_MAX),
});
export type VoteInput = z.infer<typeof voteInput>;

export const actionPointIdInput = z.object({ actionPointId: uuid });

export const acceptInvitationInput = z.object({ confirmAge: checkbox });

/** An invitation token as it appears in the link (base64url of 32 random bytes). */
export const teamInvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
