import { describe, expect, it } from "vitest";
import { catalogues, translator } from "~/lib/i18n";

describe("message catalogues", () => {
  it("have the same keys in Dutch and English", () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.nl).sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const [key, dutch] of Object.entries(catalogues.nl)) {
      const english = catalogues.en[key as keyof typeof catalogues.en];
      expect(dutch.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(english), key).toEqual(placeholders(dutch));
    }
  });

  it("fills placeholders", () => {
    expect(translator("en")("validation.tooLong", { max: 80 })).toBe("This is too long (at most 80 characters).");
    expect(translator("nl")("validation.tooLong", { max: 80 })).toBe("Dit is te lang (maximaal 80 tekens).");
  });
});
