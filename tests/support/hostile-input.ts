/**
 * Hostile form values for the property-based tests of staff forms: random and binary strings, and
 * the values that break parsers (empty, signs, exponents, impossible dates, ids that are no ids,
 * markup, NUL, a lone surrogate, a very long value). Each form adds its own (enum values, intents).
 */
import fc from "fast-check";

const COMMON = [
  "",
  " ",
  "-1",
  "0",
  "1e9",
  "99999999999999999999",
  "12.5",
  "NaN",
  "2026-02-30",
  "9999-12-31",
  "0000-01-01",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "<script>alert(1)</script>",
  "\u0000",
  "\ud800",
  "x".repeat(6000),
  "on",
] as const;

export function hostileFormValue(formValues: readonly string[] = [], more: readonly fc.Arbitrary<string>[] = []): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 40 }), ...more, fc.constantFrom(...COMMON, ...formValues));
}
