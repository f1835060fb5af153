import { data } from "react-router";
import type { Translate } from "~/lib/i18n";
import { minutesUntil } from "./sign-in-throttle.server";

function safeValues(values?: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (typeof value === "string" && !/password|token|code/i.test(key)) out[key] = value.slice(0, 2000);
  }
  return out;
}

/** The 429 answer of a form whose password or code checks are locked for now. */
export function lockedAnswer(t: Translate, lockedUntil: Date, values?: Record<string, unknown>) {
  return data(
    { ok: false as const, errors: { _form: t("accounts.locked", { minutes: minutesUntil(lockedUntil) }) }, values: safeValues(values) },
    { status: 429 },
  );
}

/** The 429 answer of a form that sends mail, asked for too often from this address or client. */
export function mailLimitedAnswer(t: Translate, values?: Record<string, unknown>) {
  return data({ ok: false as const, errors: { _form: t("accounts.mailLimited") }, values: safeValues(values) }, { status: 429 });
}

/** A 400 answer with one message for the whole form (for example a wrong password). */
export function formError(message: string, values?: Record<string, unknown>, extra?: Record<string, unknown>) {
  return data({ ok: false as const, errors: { _form: message }, values: safeValues(values), ...extra }, { status: 400 });
}
