import { data } from "react-router";
import type { z } from "zod";
import zodEnglish from "zod/v4/locales/en.js";
import zodDutch from "zod/v4/locales/nl.js";
import { isMessageKey, type Locale, type Translate } from "~/lib/i18n";

const zodLocales = { nl: zodDutch().localeError, en: zodEnglish().localeError } as const;

export type FieldErrors = Record<string, string>;

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates input against a schema and returns messages in the user's language. Schemas name
 * their own messages by message key (for example `{ error: "validation.email" }`); anything else
 * gets Zod's built-in Dutch or English message.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  locale: Locale,
  t: Translate,
): ParseResult<z.infer<Schema>> {
  const result = schema.safeParse(input, { error: zodLocales[locale] });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "_form";
    if (errors[field]) continue;
    const [key, param] = issue.message.split("|");
    errors[field] = key && isMessageKey(key) ? t(key, param ? JSON.parse(param) : undefined) : issue.message;
  }
  return { ok: false, errors };
}

/** Form fields as a plain object; repeated names become arrays, files are kept as File. */
export function formToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    const current = out[key];
    if (current === undefined) out[key] = value;
    else if (Array.isArray(current)) current.push(value);
    else out[key] = [current, value];
  }
  return out;
}

/** Reads a submitted form; a body that is not a form gets an empty form (and so validation errors). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/** Submitted values to show again in a form: text only, never passwords, tokens or codes. */
export function redisplayableValues(values?: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (typeof value === "string" && !/password|token|code/i.test(key)) out[key] = value.slice(0, 2000);
  }
  return out;
}

/** The 400 answer of an action whose input did not validate; the page shows the messages. */
export function invalid(errors: FieldErrors, values?: Record<string, unknown>) {
  return data({ ok: false as const, errors, values: redisplayableValues(values) }, { status: 400 });
}
