/** The notices the final report and ceremony pages show after a change (POST → redirect → GET). */
import type { MessageKey } from "~/lib/i18n";

const NOTICES = {
  opgeslagen: "form.saved",
  ingediend: "finale.notice.submitted",
  teruggestuurd: "finale.notice.sentBack",
  beoordeeld: "finale.notice.assessed",
  "deels-beoordeeld": "finale.notice.partlyAssessed",
  aangemaakt: "finale.notice.ceremonyCreated",
  gepubliceerd: "finale.notice.published",
  toegewezen: "finale.notice.assigned",
  verwijderd: "finale.notice.removed",
  gegeven: "finale.notice.given",
  "niet-gegeven": "finale.notice.notGiven",
} as const satisfies Record<string, MessageKey>;
export type FinaleNotice = keyof typeof NOTICES;

export function withFinaleNotice(path: string, notice: FinaleNotice, anchor = ""): string {
  return `${path}?melding=${notice}${anchor ? `#${anchor}` : ""}`;
}

export function readFinaleNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as FinaleNotice] : null;
}
