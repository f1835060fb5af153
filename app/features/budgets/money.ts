/**
 * Money as integer cents. Amounts are typed by people in Dutch ("1.250,50", "1250,50", "€ 12")
 * or English/computer notation ("1250.50", "1,250.50"); every form goes through parseEuros, and
 * every page and export shows cents through formatEuros. Floats never hold money.
 */

/** The largest amount any form accepts: a million euros (pots are far smaller; this refuses typos). */
export const MAX_AMOUNT_CENTS = 100_000_000;

export type EuroParse = { ok: true; cents: number } | { ok: false; problem: "invalid" | "negative" | "tooLarge" };

/**
 * Reads an amount in euros. The last "," or "." followed by one or two digits is the decimal
 * separator; other separators must group thousands in threes. "1.250" is twelve hundred and fifty
 * (a Dutch thousands point), "1.25" is one euro and a quarter.
 */
export function parseEuros(input: string): EuroParse {
  let text = input.replace(/[\s\u00a0\u202f]/g, "").replace(/^€/, "").replace(/^eur/i, "").replace(/,-$/, "");
  if (text.startsWith("-") || text.startsWith("−")) return { ok: false, problem: "negative" };
  if (text.startsWith("+")) text = text.slice(1);
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) return { ok: false, problem: "invalid" };
  let whole = text;
  let fraction = "";
  const decimal = /[.,]([0-9]{1,2})$/.exec(text);
  // A separator before exactly three digits always groups thousands ("1,250" and "1.250" are both 1250 euros).
  if (decimal) {
    whole = text.slice(0, decimal.index);
    fraction = decimal[1]!;
  }
  if (whole === "") whole = "0";
  const groups = whole.split(/[.,]/);
  if (groups.length > 1) {
    const separators = new Set(whole.replace(/[0-9]/g, ""));
    if (separators.size > 1) return { ok: false, problem: "invalid" };
    if (decimal && fraction && separators.has(text[decimal.index]!)) return { ok: false, problem: "invalid" };
    // A grouped number never starts with a zero group: "0,001" is a tenth of a cent mistyped, not one euro.
    if (!/^[1-9][0-9]{0,2}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g))) return { ok: false, problem: "invalid" };
  }
  const digits = groups.join("");
  if (digits.length > 12) return { ok: false, problem: "tooLarge" };
  const cents = Number(digits) * 100 + Number(fraction.padEnd(2, "0") || "0");
  if (!Number.isSafeInteger(cents)) return { ok: false, problem: "tooLarge" };
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, problem: "tooLarge" };
  return { ok: true, cents };
}

/** "€ 1.250,50" (Dutch) or "€1,250.50" (English). */
export function formatEuros(cents: number, locale: "nl" | "en" = "nl"): string {
  return new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** The plain number for a form field or a spreadsheet: "1250,50" (Dutch) or "1250.50". */
export function eurosForInput(cents: number, locale: "nl" | "en" = "nl"): string {
  const text = (cents / 100).toFixed(2);
  return locale === "nl" ? text.replace(".", ",") : text;
}
