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

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL or form can be an id at all; PostgreSQL refuses anything else with an error. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

// What mail programs and chat apps turn into links or markup. A name is mailed back as
// "Hallo <name>" to whatever address was typed in, so a name that carries a link would let anyone
// send a link in our name. Full stops in other scripts count too: some clients and IDNA read them
// as dots. A dot followed by a space ("J. de Vries") or a single letter ("J.R.R. Tolkien") is fine.
const DOTS = "[.\u2024\u3002\uFF0E\uFF61\uFE52]";
const LINK_LIKE = [
  new RegExp(`[\\p{L}\\p{N}_-]${DOTS}[\\p{L}\\p{N}-]{2,}`, "u"),
  /[@\uFF20\uFE6B]/,
  /[:\uFF1A]/,
  /\/\//,
  /www/i, // also "wwwexample.nl"-like run-ons; no real name holds three w's in a row
  /\d{4,}/,
];
const MARKUP = /[<>[\]{}`\\|*_~^=\uFF1C\uFF1E]|&[#\w]+;?/;

/**
 * A person's name as typed into a public form: free text without web addresses, domain names,
 * email addresses, long numbers or markup characters.
 */
export function personName(max: number) {
  return text(max)
    .refine((value) => !LINK_LIKE.some((pattern) => pattern.test(value.normalize("NFKC"))), { error: "validation.nameLink" })
    .refine((value) => !MARKUP.test(value.normalize("NFKC")), { error: "validation.nameCharacters" });
}

/**
 * One of a fixed list, as a select or radio buttons offer it: nothing chosen asks to choose, a value
 * from outside the list is invalid.
 */
export function choice<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === "" ? "validation.choose" : "validation.invalid") });
}
