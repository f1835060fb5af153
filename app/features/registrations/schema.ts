import { z } from "zod";
import { AGE_GROUPS } from "~/lib/db/schema";
import { email, text } from "~/lib/validation";

/** A sign-up for an activity: the public form and the public API share this schema. */
export const registrationInput = z.object({
  name: text(100),
  email,
  ageGroup: z.enum(AGE_GROUPS, { error: "validation.invalid" }),
});
export type RegistrationInput = z.infer<typeof registrationInput>;
