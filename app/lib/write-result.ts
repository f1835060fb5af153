import type { MessageKey } from "~/lib/i18n";

/** A write that was refused for a reason the person can fix; `field` names the form field ("_form" for the whole form). */
export interface Refusal {
  ok: false;
  field: string;
  message: MessageKey;
}

/** What a domain write answers: done (with any details), or refused with a message. */
export type WriteResult<T = object> = ({ ok: true } & T) | Refusal;

export function refuse(field: string, message: MessageKey): Refusal {
  return { ok: false, field, message };
}
