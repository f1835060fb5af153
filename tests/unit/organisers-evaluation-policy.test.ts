/** The evaluation's rules as tables: when it opens (across the DST change in Europe/Amsterdam), how long it may be changed, the pre-fill and a photo's visibility. */
import { describe, expect, it } from "vitest";
import { canEditEvaluation, isEvaluationOpen, needsGuardianForPhotos, photoVisibility, prefillEvaluation } from "~/features/organisers/evaluation-policy";
import { zonedLocalToUtc } from "~/lib/time";

const at = (date: string, time: string) => zonedLocalToUtc(date, time)!;

describe("the evaluation opens at the activity's end", () => {
  // 25 October 2026: clocks go back at 03:00 CEST to 02:00 CET. An activity 00:30–02:30 local ends at 00:30 UTC.
  const endsAcrossDst = new Date(at("2026-10-25", "00:30").getTime() + 2 * 3_600_000);
  it.each([
    ["one minute before the end", new Date(endsAcrossDst.getTime() - 60_000), false],
    ["at the end", endsAcrossDst, true],
    ["the next day", at("2026-10-26", "09:00"), true],
  ])("%s", (_, now, open) => {
    expect(isEvaluationOpen(endsAcrossDst, now)).toBe(open);
  });
  it("uses the instant, not the local clock, in spring too (29 March 2026)", () => {
    const ends = at("2026-03-29", "03:30");
    expect(isEvaluationOpen(ends, new Date(ends.getTime() - 1))).toBe(false);
    expect(isEvaluationOpen(ends, ends)).toBe(true);
  });
});

describe("the evaluation may be changed through the 14th local day", () => {
  const saved = at("2026-10-20", "22:30");
  it.each([
    ["the same evening", at("2026-10-20", "23:59"), true],
    ["on the 14th day, late (after the DST change)", at("2026-11-03", "23:59"), true],
    ["on the 15th day", at("2026-11-04", "00:00"), false],
  ])("%s", (_, now, editable) => {
    expect(canEditEvaluation(saved, now)).toBe(editable);
  });
});

describe("pre-fill", () => {
  it.each([
    [[], 0, 0],
    [[{ attendance: "attended", isFirstTime: true }, { attendance: "attended", isFirstTime: false }, { attendance: "no_show", isFirstTime: true }, { attendance: null, isFirstTime: true }], 2, 1],
  ] as const)("%j → turnout %i, first-timers %i", (people, turnout, firstTimeCount) => {
    const result = prefillEvaluation(people);
    expect(result).toEqual({ turnout, firstTimeCount });
    expect(result.firstTimeCount).toBeLessThanOrEqual(result.turnout);
  });
});

describe("photo consent", () => {
  it.each([
    ["under_12", true],
    ["12_15", true],
    ["16_17", false],
    ["27_66", false],
  ] as const)("%s asks a guardian: %s", (group, guardian) => expect(needsGuardianForPhotos(group)).toBe(guardian));

  const given = (scope: "internal" | "public") => ({ status: "given" as const, photoScope: scope });
  it.each([
    ["nobody ticked", [], null],
    ["someone without a consent", [given("public"), undefined], null],
    ["a withdrawn consent", [{ status: "withdrawn" as const, photoScope: "public" as const }], null],
    ["a refused consent", [{ status: "refused" as const, photoScope: null }], null],
    ["everyone public", [given("public"), given("public")], "public"],
    ["one internal", [given("public"), given("internal")], "internal"],
  ] as const)("%s → %s", (_, consents, visibility) => expect(photoVisibility(consents)).toBe(visibility));
});
