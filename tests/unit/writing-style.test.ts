/**
 * The house style of docs/writing.md, as far as a machine can check it, over every Dutch message:
 * pages, mails and validation text all come from these catalogues.
 */
import { describe, expect, it } from "vitest";
import { catalogues } from "~/lib/i18n";

const dutch = Object.entries(catalogues.nl);
const english = Object.entries(catalogues.en);

/** The Dutch role and person names that are common nouns: lower case unless they open a sentence. */
const ROLE_NAMES = ["landelijk coördinator", "projectleider", "cursusleider", "praktijkbegeleider", "contactpersoon", "cursist", "bewoner", "deelnemer", "organisator"];

/** Phrases the review found awkward; each was replaced by plain Dutch. */
const AWKWARD = ["Deze aanmelding is afgemeld", "Vol, aanmelden voor de wachtlijst kan", "Nog niet gemeld", "Genoeg plaats"];

function offenders(entries: [string, string][], test: (message: string) => boolean): string[] {
  return entries.filter(([, message]) => test(message)).map(([key, message]) => `${key}: ${message}`);
}

/** True when `index` is where a sentence, a line, a label or a list item starts. */
function opensSentence(message: string, index: number): boolean {
  const before = message.slice(0, index).trimEnd();
  return before === "" || /[.!?:\n(]$/.test(before) || /\n\s*$/.test(message.slice(0, index));
}

describe("Dutch house style (docs/writing.md)", () => {
  it("addresses everyone with je, never with u or uw", () => {
    const formal = /(?<![\p{L}\p{N}'’-])(u|uw|uzelf)(?![\p{L}\p{N}'’-])/iu;
    expect(offenders(dutch, (message) => formal.test(message))).toEqual([]);
  });

  it("says aanmelden and aanmelding for activities, never inschrijven", () => {
    expect(offenders(dutch, (message) => /inschrijv|ingeschreven|schrijf (je|jij|zich) .*\bin\b/i.test(message))).toEqual([]);
    // A person afmelden themselves; "annuleren" is only for stopping what a form was about to do.
    expect(offenders(dutch, (message) => /annule\w* (je|jouw|de|een|deze) aanmelding/i.test(message))).toEqual([]);
  });

  it("writes role names in lower case mid-sentence, including the role labels put into sentences", () => {
    const capitalisedMidSentence = (message: string) =>
      ROLE_NAMES.some((name) => {
        const capital = name.charAt(0).toUpperCase() + name.slice(1);
        for (let index = message.indexOf(capital); index !== -1; index = message.indexOf(capital, index + 1)) {
          if (!opensSentence(message, index)) return true;
        }
        return false;
      });
    expect(offenders(dutch, capitalisedMidSentence)).toEqual([]);
    // {role} is filled in mid-sentence ("Je bent nu {role} bij {place}"), so the names themselves are lower case.
    const roles = [...dutch, ...english].filter(([key]) => key.startsWith("role."));
    expect(roles.length).toBeGreaterThan(0);
    expect(offenders(roles, (message) => message !== message.toLowerCase() && !message.startsWith("Citytrainer"))).toEqual([]);
  });

  it("has none of the awkward phrases the review found", () => {
    expect(offenders(dutch, (message) => AWKWARD.some((phrase) => message.includes(phrase)))).toEqual([]);
  });

  it("spells the words of the word list one way", () => {
    const variants = [/\bemail/i, /\bcity ?trainer/, /\bCityTrainer/, /\bwacht lijst/i, /\bwachtrij/i, /\bactiviteit(en)? ?agenda\b/i, /\bpartner organisatie/i];
    const withoutPlaceholders = (message: string) => message.replace(/\{\w+\}/g, "");
    expect(offenders(dutch, (message) => variants.some((variant) => variant.test(withoutPlaceholders(message))))).toEqual([]);
  });
});
