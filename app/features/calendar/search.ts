/**
 * Dutch writes compounds as one word ("kerstkoekjes"), and PostgreSQL's Dutch stemmer keeps them
 * whole, so full-text search alone does not find "Kerstkoekjes bakken" for "koekjes" or "kerst".
 * The calendar therefore also finds an activity whose title contains every searched word, inside
 * its words or not (a trigram index keeps that fast). This is the word list for that second match.
 */

/** At most this many words take part; a longer query is matched by full-text search alone. */
export const MAX_COMPOUND_WORDS = 4;

/** Shorter words match inside too many titles ("bal" in "balans") and a trigram index cannot narrow them. */
const MIN_WORD_LENGTH = 3;

/**
 * The words of a plain query, lower case, all to be found inside the title. A query with search
 * syntax ("a phrase", -exclusion, `or`) keeps its exact full-text meaning: an empty list.
 */
export function compoundSearchWords(q: string): string[] {
  if (/["]/.test(q) || /(^|\s)-/.test(q) || /(^|\s)or(\s|$)/i.test(q)) return [];
  const words = [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((word) => word.length >= MIN_WORD_LENGTH);
  return words.length <= MAX_COMPOUND_WORDS ? words : [];
}

/** An ILIKE pattern for a word anywhere in the text; the words hold letters and digits only, so nothing needs escaping. */
export function containsPattern(word: string): string {
  return `%${word}%`;
}
