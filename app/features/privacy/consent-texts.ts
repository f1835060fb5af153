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
  /**
   * Whether agreeing to this text also agrees to passing the learning goals and the course
   * leader's observations on to a practice supervisor at the warm handover. A guardian's consent
   * on the application covers the handover only when its text said so.
   */
  coversHandoverSharing: boolean;
  /**
   * One paragraph per entry. Placeholders: {applicant}, {municipality}, {track}, {cohort},
   * {retentionDays}; for the handover texts {trainee}, {partner}, {supervisor}; for the photo texts
   * {participant}, {activity}, {date}.
   */
  paragraphs: Record<Locale, readonly string[]>;
}

export const CONSENT_TEXTS = {
  "guardian-course-application-2026-12": {
    purpose: "course_application",
    legalBasis: "consent",
    publishedOn: "2026-12-01",
    coversHandoverSharing: false,
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
  "trainee-handover-sharing-2026-12": {
    purpose: "handover_sharing",
    legalBasis: "consent",
    publishedOn: "2026-12-01",
    coversHandoverSharing: true,
    paragraphs: {
      nl: [
        "Je cursusleider stelt voor dat je je praktijk doet bij {partner}, met {supervisor} als praktijkbegeleider.",
        "Wat we doorgeven: je leerdoelen en wat je cursusleider over je heeft opgeschreven (de observaties). Je ziet hieronder precies welke tekst dat is. Andere gegevens uit je aanmelding en je cursus geven we niet door.",
        "Waarom: zo weet je praktijkbegeleider waar je aan werkt en kan die je goed begeleiden.",
        "Grondslag: jouw toestemming (artikel 6, lid 1a, van de AVG). Alleen je praktijkbegeleider, je cursusleiders en de projectleider van de gemeente {municipality} zien het.",
        "Zeg je nee, dan geven we niets door. Je cursusleider hoort dat en zoekt met je naar een andere oplossing.",
      ],
      en: [
        "Your course leader proposes that you do your practice at {partner}, with {supervisor} as your practice supervisor.",
        "What we pass on: your learning goals and what your course leader wrote about you (the observations). You see below exactly which text that is. We pass on nothing else from your application or your course.",
        "Why: so your practice supervisor knows what you are working on and can coach you well.",
        "Legal basis: your consent (article 6(1)(a) of the GDPR). Only your practice supervisor, your course leaders and the project leader of the municipality of {municipality} see it.",
        "If you say no, we pass on nothing. Your course leader hears about it and looks for another way with you.",
      ],
    },
  },
  "guardian-handover-sharing-2026-12": {
    purpose: "handover_sharing",
    legalBasis: "consent",
    publishedOn: "2026-12-01",
    coversHandoverSharing: true,
    paragraphs: {
      nl: [
        "{trainee} heeft de cursus {track} van de gemeente {municipality} gevolgd. De cursusleider stelt voor dat {trainee} de praktijk doet bij {partner}, met {supervisor} als praktijkbegeleider. Omdat {trainee} jonger is dan 16 jaar, vragen we eerst jouw toestemming als ouder of voogd.",
        "Wat we doorgeven: de leerdoelen van {trainee} en wat de cursusleider over {trainee} heeft opgeschreven (de observaties). Andere gegevens uit de aanmelding en de cursus geven we niet door.",
        "Waarom: zo weet de praktijkbegeleider waar {trainee} aan werkt en kan die {trainee} goed begeleiden.",
        "Grondslag: jouw toestemming (artikel 6, lid 1a, en artikel 8 van de AVG). Alleen de praktijkbegeleider, de cursusleiders en de projectleider van de gemeente zien het.",
        "Zeg je nee, dan geven we niets door. De cursusleider hoort dat en zoekt een andere oplossing. Je kunt je toestemming later intrekken via de link in de e-mail.",
      ],
      en: [
        "{trainee} has followed the course {track} of the municipality of {municipality}. The course leader proposes that {trainee} does their practice at {partner}, with {supervisor} as practice supervisor. Because {trainee} is younger than 16, we first ask for your consent as parent or guardian.",
        "What we pass on: the learning goals of {trainee} and what the course leader wrote about {trainee} (the observations). We pass on nothing else from the application or the course.",
        "Why: so the practice supervisor knows what {trainee} is working on and can coach {trainee} well.",
        "Legal basis: your consent (article 6(1)(a) and article 8 of the GDPR). Only the practice supervisor, the course leaders and the municipality's project leader see it.",
        "If you say no, we pass on nothing. The course leader hears about it and looks for another way. You can withdraw your consent later through the link in the email.",
      ],
    },
  },
  "photos-self-2026-12": {
    purpose: "photos",
    legalBasis: "consent",
    publishedOn: "2026-12-15",
    coversHandoverSharing: false,
    paragraphs: {
      nl: [
        "Je deed mee aan {activity} op {date} in de gemeente {municipality}. De organisator wil foto's van de activiteit bewaren waar jij op staat, en vraagt daarvoor jouw toestemming.",
        "Je kiest zelf: de foto's zijn alleen te zien voor de organisatoren en de medewerkers van de gemeente (om te laten zien wat er in de wijk gebeurt), of ook openbaar op de pagina van de activiteit.",
        "Wat we bewaren: de foto zonder de gegevens die de camera erin zet (zoals plaats en tijd), wie erop staat, je naam en e-mailadres en je antwoord op deze vraag.",
        "Grondslag: jouw toestemming (artikel 6, lid 1a, van de AVG). Zeg je nee, dan kan de organisator geen foto bewaren waar jij op staat.",
        "Intrekken: je kunt je toestemming altijd intrekken via de link in de e-mail. We verwijderen dan meteen elke foto waar jij op staat.",
      ],
      en: [
        "You took part in {activity} on {date} in the municipality of {municipality}. The organiser would like to keep photos of the activity that show you, and asks for your consent.",
        "You choose: the photos are seen only by the organisers and the municipality's staff (to show what happens in the neighbourhood), or also publicly on the activity's page.",
        "What we keep: the photo without the data a camera puts in it (such as place and time), who is on it, your name and email address and your answer to this request.",
        "Legal basis: your consent (article 6(1)(a) of the GDPR). If you say no, the organiser cannot keep any photo that shows you.",
        "Withdrawing: you can withdraw your consent at any time through the link in the email. We then delete every photo that shows you at once.",
      ],
    },
  },
  "photos-guardian-2026-12": {
    purpose: "photos",
    legalBasis: "consent",
    publishedOn: "2026-12-15",
    coversHandoverSharing: false,
    paragraphs: {
      nl: [
        "{participant} deed mee aan {activity} op {date} in de gemeente {municipality}. De organisator wil foto's van de activiteit bewaren waar {participant} op staat. Omdat {participant} jonger is dan 16 jaar, vragen we jouw toestemming als ouder of voogd.",
        "Je kiest zelf: de foto's zijn alleen te zien voor de organisatoren en de medewerkers van de gemeente, of ook openbaar op de pagina van de activiteit.",
        "Wat we bewaren: de foto zonder de gegevens die de camera erin zet (zoals plaats en tijd), wie erop staat, jouw naam en e-mailadres en je antwoord op deze vraag. Medewerkers van de gemeente die de foto's bekijken, worden vastgelegd.",
        "Grondslag: jouw toestemming (artikel 6, lid 1a, en artikel 8 van de AVG). Zeg je nee, dan kan de organisator geen foto bewaren waar {participant} op staat.",
        "Intrekken: je kunt je toestemming altijd intrekken via de link in de e-mail. We verwijderen dan meteen elke foto waar {participant} op staat.",
      ],
      en: [
        "{participant} took part in {activity} on {date} in the municipality of {municipality}. The organiser would like to keep photos of the activity that show {participant}. Because {participant} is younger than 16, we ask for your consent as parent or guardian.",
        "You choose: the photos are seen only by the organisers and the municipality's staff, or also publicly on the activity's page.",
        "What we keep: the photo without the data a camera puts in it (such as place and time), who is on it, your name and email address and your answer to this request. Municipal staff who look at the photos are logged.",
        "Legal basis: your consent (article 6(1)(a) and article 8 of the GDPR). If you say no, the organiser cannot keep any photo that shows {participant}.",
        "Withdrawing: you can withdraw your consent at any time through the link in the email. We then delete every photo that shows {participant} at once.",
      ],
    },
  },
} as const satisfies Record<string, ConsentText>;

export type ConsentTextKey = keyof typeof CONSENT_TEXTS;

/** The version new guardian consents for a course application are asked with. */
export const CURRENT_GUARDIAN_CONSENT_TEXT: ConsentTextKey = "guardian-course-application-2026-12";

/** The versions a handover-sharing consent is asked with: the trainee's own, and a guardian's for an under-16. */
export const CURRENT_HANDOVER_SHARING_TEXT = { self: "trainee-handover-sharing-2026-12", guardian: "guardian-handover-sharing-2026-12" } as const satisfies Record<string, ConsentTextKey>;

/** The versions a photo consent is asked with: the participant's own, and a parent's or guardian's for an under-16. */
export const CURRENT_PHOTO_CONSENT_TEXT = { self: "photos-self-2026-12", guardian: "photos-guardian-2026-12" } as const satisfies Record<string, ConsentTextKey>;

export function isConsentTextKey(key: string): key is ConsentTextKey {
  return Object.hasOwn(CONSENT_TEXTS, key);
}

/** The paragraphs of a text version in a language, with the placeholders filled in. */
export function renderConsentText(key: ConsentTextKey, locale: Locale, values: Record<string, string | number>): string[] {
  return CONSENT_TEXTS[key].paragraphs[locale].map((paragraph) =>
    paragraph.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match)),
  );
}
