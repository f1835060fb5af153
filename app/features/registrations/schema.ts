import { z } from "zod";
import { AGE_GROUPS } from "~/lib/db/schema";
import { choice, email, personName } from "~/lib/validation";

/** A sign-up for an activity: the public form and the public API share this schema. */
export const registrationInput = z.object({
  name: personName(100),
  email,
  ageGroup: choice(AGE_GROUPS),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

/**
 * A sign-up by someone signed in: name and email come from the account (a verified address, so
 * the confirmation mail goes to its owner and the name is theirs to choose).
 */
export const signedInRegistrationInput = registrationInput.pick({ ageGroup: true });
