import { z } from "zod";

/**
 * Building blocks shared by form and API schemas. Messages are message keys (see
 * lib/forms.server.ts); a parameter follows a `|` as JSON.
 */
// Control characters other than tab and newline never belong in user text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function text(max: number) {
  return z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: `validation.tooLong|{"max":${max}}` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: "validation.controlCharacters" });
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `validation.tooLong|{"max":${max}}` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: "validation.controlCharacters" })
    .optional()
    .default("");
}

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(254, { error: `validation.tooLong|{"max":254}` })
  .pipe(z.email({ error: "validation.email" }))
  .transform((value) => value.toLowerCase());

export const slug = z
  .string({ error: "validation.required" })
  .trim()
  .min(2, { error: `validation.tooShort|{"min":2}` })
  .max(60, { error: `validation.tooLong|{"max":60}` })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "validation.slug" });

export const colour = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { error: "validation.colour" });

export const optionalUrl = z
  .string()
  .trim()
  .max(500, { error: `validation.tooLong|{"max":500}` })
  .refine((value) => value === "" || /^https?:\/\/[^\s]+\.[^\s]+$/.test(value), { error: "validation.url" })
  .optional()
  .default("");

export const uuid = z.uuid({ error: "validation.invalid" });
