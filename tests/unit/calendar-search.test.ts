import { describe, expect, it } from "vitest";
import { compoundSearchWords, MAX_COMPOUND_WORDS } from "~/features/calendar/search";

describe("the words looked for inside titles", () => {
  it.each([
    ["koekjes", ["koekjes"]],
    ["Kerst  BAKKEN", ["kerst", "bakken"]],
    ["kerst, kerst!", ["kerst"]],
    ["café-avond", ["café", "avond"]],
    ["ik ga bakken", ["bakken"]],
    ["ke", []],
    ['"kerst markt"', []],
    ["kerst -markt", []],
    ["kerst or markt", []],
    ["een twee drie vier vijf", []],
    ["%_\\", []],
  ])("%s → %j", (q, words) => {
    expect(compoundSearchWords(q)).toEqual(words);
  });

  it("keeps at most MAX_COMPOUND_WORDS words", () => {
    expect(compoundSearchWords("een twee drie vier")).toHaveLength(MAX_COMPOUND_WORDS);
  });
});
