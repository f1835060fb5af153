/**
 * The public sign-up's name field: whatever it accepts is mailed back as "Hallo <name>", so no
 * accepted name may contain anything a mail program turns into a link (a URL, a domain, an email
 * address, a phone number) or markup. Checked with generated input, including look-alike dots and
 * full-width letters, against a detector written independently of the validator.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { personName } from "~/lib/validation";

const schema = personName(100);
const accepts = (name: string) => schema.safeParse(name).success;

/** What an autolinker would pick up, after the compatibility folding mail clients and IDNA apply. */
function looksLinkable(name: string): boolean {
  const folded = name.normalize("NFKC").replace(/[\u3002\uFF61\u2024\uFE52]/g, ".").toLowerCase();
  return (
    /[a-z0-9-]\.[a-z0-9-]{2,}/u.test(folded) ||
    /[\p{L}\p{N}]\.[\p{L}\p{N}]{2,}/u.test(folded) ||
    folded.includes("@") ||
    folded.includes("://") ||
    /\b(?:https?|mailto|tel|ftp|file|sms|javascript|data)\s*:/.test(folded) ||
    folded.includes("www") ||
    /\d{4,}/.test(folded) ||
    /[<>[\]`]/.test(folded)
  );
}

const tlds = fc.constantFrom("nl", "com", "org", "io", "amsterdam", "xn--p1ai", "co");
const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);
const dot = fc.constantFrom(".", "\u3002", "\uFF0E", "\uFF61", "\u2024", "\uFE52");
const domain = fc.tuple(label, dot, tlds).map(([l, d, t]) => `${l}${d}${t}`);
const url = fc.tuple(fc.constantFrom("http://", "https://", "HTTPS://", "www.", "ftp://", ""), domain, fc.constantFrom("", "/", "/win?x=1")).map((p) => p.join(""));
const emailAddress = fc.tuple(label, fc.constantFrom("@", "\uFF20"), domain).map((p) => p.join(""));
const phone = fc.stringMatching(/^0[1-9][0-9]{8}$/);
const markup = fc.constantFrom("<b>", "</a>", "[klik](x)", "`code`", "&amp;", "&#60;", "{x}", "*vet*", "a=b");
const nameWords = fc.constantFrom("Jan", "de", "Vries", "Anne-Marie", "van 't", "Zoë", "O'Neill", "J.", "R.", "Fatima", "El", "Amrani", "محمد", "Ali");
const ordinaryName = fc.array(nameWords, { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));
const hostile = fc.oneof(url, emailAddress, phone, markup, domain);
const embedded = fc.tuple(ordinaryName, hostile, fc.constantFrom(" ", "", ", ", " - ")).map(([name, bad, glue]) => `${name}${glue}${bad}`);
const noise = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ABC.@:/-_<>[]()'&;#=0123456789\u3002\uFF0E\uFF20"), maxLength: 40 });

describe("personName", () => {
  it("never accepts a name an autolinker would turn into a link, or markup", () => {
    fc.assert(
      fc.property(fc.oneof(embedded, hostile, noise, fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 })), (name) => {
        if (accepts(name)) expect(looksLinkable(name), JSON.stringify(name)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses every URL, domain, email address, phone number and markup it is given, alone or inside a name", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, embedded), (name) => {
        expect(accepts(name), JSON.stringify(name)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts ordinary names", () => {
    fc.assert(
      fc.property(ordinaryName, (name) => {
        expect(accepts(name), name).toBe(true);
      }),
    );
    for (const name of ["J. de Vries", "J.R.R. Tolkien", "Anne-Marie van 't Hof", "Zoë O'Neill", "Ali (12)", "Lisa & Tom"]) expect(accepts(name), name).toBe(true);
  });
});
