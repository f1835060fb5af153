/**
 * The texts a person is shown when asked for a consent, by version. A published version is never
 * edited: a change gets a new key, and the consent record stores the key of the text the giver
 * saw (consent_records.text_version), so what someone agreed to can always be shown again
 * word for word. Placeholders in braces are filled in when the text is shown.
 */
import type { ConsentPurpose, LegalBasis } from "~/lib/db/schema";
import type { Locale } from "~/lib/i18n";

export interface ConsentText {
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  /** When this version was first shown; later versions get a later date. */
  publishedOn: string;
  /** One paragraph per entry. Placeholders: {applicant}, {municipality}, {track}, {cohort}, {retentionDays}. */
  paragraphs: Record<Locale, readonly string[]>;
}

export const CONSENT_TEXTS = {
  "guardian-course-application-2026-12": {
    purpose: "course_application",
    legalBasis: "consent",
    publishedOn: "2026-12-01",
    paragraphs: {
      nl: [
        "{applicant} heeft zich aangemeld voor de cursus {track} ({cohort}) van de gemeente {municipality}. Omdat {applicant} jonger is dan 16 jaar, vragen we eerst jouw toestemming als ouder of voogd.",
        "Wat we bewaren: naam, e-mailadres, geboortedatum, wijk, motivatie, talenten, interesses, beschikbaarheid en hoe {applicant} van de cursus hoorde. Ook jouw naam en e-mailadres, en je antwoord op deze vraag.",
        "Waarom: de cursusleiders gebruiken deze gegevens om een kennismakingsgesprek te plannen en te beslissen over toelating. Na toelating houden ze er het leerplan, de aanwezigheid en de beoordelingen van de cursus mee bij.",
        "Grondslag: jouw toestemming (artikel 6, lid 1a, en artikel 8 van de AVG). Alleen de cursusleiders van deze cursusgroep en de projectleider van de gemeente zien de gegevens.",
        "Bewaren: krijgen we binnen {retentionDays} dagen geen toestemming, dan verwijderen we de aanmelding met alle gegevens. Wordt {applicant} niet toegelaten, dan verwijderen we de gegevens na afloop van de cursus.",
        "Intrekken: je kunt je toestemming altijd intrekken via de link in de e-mail. We stoppen dan met het gebruik van de gegevens, beperken ze tot het minimum en laten de cursusleider weten dat {applicant} niet meer meedoet.",
      ],
      en: [
        "{applicant} has applied for the course {track} ({cohort}) of the municipality of {municipality}. Because {applicant} is younger than 16, we first ask for your consent as parent or guardian.",
        "What we keep: name, email address, date of birth, neighbourhood, motivation, talents, interests, availability and how {applicant} heard of the course. Also your name and email address, and your answer to this request.",
        "Why: the course leaders use this data to plan an intake conversation and to decide on admission. After admission they use it for the development plan, the attendance and the assessments of the course.",
        "Legal basis: your consent (article 6(1)(a) and article 8 of the GDPR). Only the course leaders of this course group and the municipality's project leader see the data.",
        "Retention: if we receive no consent within {retentionDays} days, we delete the application with all its data. If {applicant} is not admitted, we delete the data after the course has ended.",
        "Withdrawing: you can withdraw your consent at any time through the link in the email. We then stop using the data, reduce it to the minimum and tell the course leader that {applicant} no longer takes part.",
      ],
    },
  },
} as const satisfies Record<string, ConsentText>;

export type ConsentTextKey = keyof typeof CONSENT_TEXTS;

/** The version new guardian consents for a course application are asked with. */
export const CURRENT_GUARDIAN_CONSENT_TEXT: ConsentTextKey = "guardian-course-application-2026-12";

export function isConsentTextKey(key: string): key is ConsentTextKey {
  return Object.hasOwn(CONSENT_TEXTS, key);
}

/** The paragraphs of a text version in a language, with the placeholders filled in. */
export function renderConsentText(key: ConsentTextKey, locale: Locale, values: Record<string, string | number>): string[] {
  return CONSENT_TEXTS[key].paragraphs[locale].map((paragraph) =>
    paragraph.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match)),
  );
}
