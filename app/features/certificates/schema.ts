/**
 * Input of the Citytrainer certificate's forms: issuing for an enrolment, revoking with a reason,
 * rotating the signing key, and the public "check a credential file" form. Messages are message
 * keys (lib/forms.server.ts).
 */
import { z } from "zod";
import { text, uuid } from "~/lib/validation";

export const REASON_MAX = 500;
/** A credential is a few kilobytes; this leaves room for a long one and no more. */
export const CREDENTIAL_TEXT_MAX = 100_000;

export const issueInput = z.object({ intent: z.literal("issue"), id: uuid });
export const revokeInput = z.object({ intent: z.literal("revoke"), certificateId: uuid, reason: text(REASON_MAX) });
export const rotateInput = z.object({ intent: z.literal("rotate") });
export const staffCertificateInput = z.discriminatedUnion("intent", [issueInput, revokeInput, rotateInput], { error: "validation.invalid" });
export type StaffCertificateInput = z.infer<typeof staffCertificateInput>;

export const credentialFileInput = z.object({
  credential: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(CREDENTIAL_TEXT_MAX, { error: `validation.tooLong|{"max":${CREDENTIAL_TEXT_MAX}}` }),
});
