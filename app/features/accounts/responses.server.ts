import { data } from "react-router";
import type { Translate } from "~/lib/i18n";
import { redisplayableValues } from "~/lib/forms.server";
import { minutesUntil } from "./sign-in-throttle.server";

/** The 429 answer of a form whose password or code checks are locked for now. */
export function lockedAnswer(t: Translate, lockedUntil: Date, values?: Record<string, unknown>) {
  return data(
    { ok: false as const, errors: { _form: t("accounts.locked", { minutes: minutesUntil(lockedUntil) }) }, values: redisplayableValues(values) },
    { status: 429 },
  );
}

/** The 429 answer of a form that sends mail, asked for too often from this address or client. */
export function mailLimitedAnswer(t: Translate, values?: Record<string, unknown>) {
  return data({ ok: false as const, errors: { _form: t("accounts.mailLimited") }, values: redisplayableValues(values) }, { status: 429 });
}

/** A 400 answer with one message for the whole form (for example a wrong password). */
export function formError(message: string, values?: Record<string, unknown>, extra?: Record<string, unknown>) {
  return data({ ok: false as const, errors: { _form: message }, values: redisplayableValues(values), ...extra }, { status: 400 });
}
