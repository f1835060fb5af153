import { z } from "zod";
import { email, uuid } from "~/lib/validation";

/** Roles someone can be invited to from a municipality's team page. */
export const MUNICIPAL_INVITE_ROLES = ["project_leader", "course_leader", "practice_supervisor", "partner_contact"] as const;
export type MunicipalInviteRole = (typeof MUNICIPAL_INVITE_ROLES)[number];

/** Roles that belong to a partner organisation: the invitation must name one. */
export const PARTNER_ROLES: ReadonlySet<string> = new Set(["practice_supervisor", "partner_contact"]);

export const inviteSchema = z
  .object({
    email,
    role: z.enum(MUNICIPAL_INVITE_ROLES, { error: "admin.validation.role" }),
    partnerOrganisationId: z.union([z.literal(""), uuid]).optional().default(""),
  })
  .superRefine((value, context) => {
    if (PARTNER_ROLES.has(value.role) && value.partnerOrganisationId === "") {
      context.addIssue({ code: "custom", path: ["partnerOrganisationId"], message: "admin.invite.partnerRequired" });
    }
  })
  .transform((value) => ({
    email: value.email,
    role: value.role,
    partnerOrganisationId: PARTNER_ROLES.has(value.role) ? value.partnerOrganisationId : null,
  }));
export type InviteInput = z.infer<typeof inviteSchema>;

export const appointProjectLeaderSchema = z.object({
  municipalityId: uuid,
  email,
});

export const membershipIdSchema = z.object({ id: uuid });

/** Invitation tokens are 32 random bytes in base64url: anything else is not looked up. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
