/**
 * Translations: typed message keys, Dutch by default, English complete. Add an area file under
 * messages/ with defineMessages() and list it here.
 */
import { accounts } from "./messages/accounts";
import { admin } from "./messages/admin";
import { applicationMessages } from "./messages/applications";
import { activityMessages } from "./messages/activities";
import { calendar } from "./messages/calendar";
import { cohortMessages } from "./messages/cohorts";
import { common } from "./messages/common";
import { courseMessages } from "./messages/course";
import { httpMessages } from "./messages/http";
import { privacyMessages } from "./messages/privacy";
import { publicPages } from "./messages/public";
import { registrationMessages } from "./messages/registrations";
import { staffMessages } from "./messages/staff";
import { trackMessages } from "./messages/tracks";
import { citytrainerMessages } from "./messages/citytrainer";
import { finaleMessages } from "./messages/finale";
import { handoverMessages } from "./messages/handover";
import { hoursMessages } from "./messages/hours";
import { pipelineMessages } from "./messages/pipeline";
import { practiceActivityMessages } from "./messages/practice-activity";
import { organiserMessages } from "./messages/organisers";
import { recruitmentMessages } from "./messages/recruitment";
import { budgetMessages } from "./messages/budgets";
import { teamMessages } from "./messages/teams";

const areas = [common, accounts, publicPages, activityMessages, calendar, registrationMessages, admin, staffMessages, httpMessages, courseMessages, applicationMessages, cohortMessages, privacyMessages, trackMessages,
  handoverMessages, hoursMessages, practiceActivityMessages, finaleMessages, citytrainerMessages, pipelineMessages,
  organiserMessages, recruitmentMessages, budgetMessages, teamMessages] as const;

type Merge<T extends readonly { nl: Record<string, string> }[]> = T extends readonly [
  infer Head extends { nl: Record<string, string> },
  ...infer Tail extends readonly { nl: Record<string, string> }[],
]
  ? Head["nl"] & Merge<Tail>
  : unknown;

export type MessageKey = keyof Merge<typeof areas> & string;
export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

export const catalogues: Record<Locale, Record<MessageKey, string>> = {
  nl: Object.assign({}, ...areas.map((a) => a.nl)),
  en: Object.assign({}, ...areas.map((a) => a.en)),
};

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(catalogues.nl, value);
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translate function for one locale; `{name}` placeholders are filled from `values`. */
export function translator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, values) => {
    const template = messages[key] ?? key;
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : match,
    );
  };
}

/**
 * Role names and other common nouns are lower case in the catalogues because they are filled in
 * mid-sentence ("Je bent nu {role} bij {place}"); a label that stands alone starts with a capital.
 */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
