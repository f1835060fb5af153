/**
 * The practice activity's pure rules at their boundaries: first name only until the 16th
 * birthday (on the activity's local day), the youth working-time warnings of the planned time,
 * check-in from the activity's local day, evaluation from its end.
 */
import { describe, expect, it } from "vitest";
import { canCancelYet, canEvaluateYet, isCheckInDay, plannedActivityWarnings, practiceOrganiserName } from "~/features/practice/practice-activity-policy";
import { zonedLocalToUtc } from "~/lib/time";

const at = (date: string, time: string) => zonedLocalToUtc(date, time)!;

describe("practiceOrganiserName", () => {
  it.each([
    ["2011-03-15", "2027-03-14", "Fenna"], // the day before the 16th birthday
    ["2011-03-15", "2027-03-15", "Fenna Vissermans"], // the birthday itself
    [null, "2027-03-15", "Fenna"], // unknown age: first name only
  ])("born %s, activity on %s → %s", (born, day, expected) => {
    expect(practiceOrganiserName("  Fenna   Vissermans ", born, at(day, "10:00"))).toBe(expected);
  });

  it("reads the activity's day in Amsterdam: 00:30 local is still the birthday although UTC says the day before", () => {
    expect(practiceOrganiserName("Fenna Vissermans", "2011-03-15", at("2027-03-15", "00:30"))).toBe("Fenna Vissermans");
  });
});

describe("plannedActivityWarnings", () => {
  it.each([
    ["13-14 on a Wednesday, 17:00-19:00", "2013-01-01", "2027-03-10", "17:00", "19:00", []],
    ["13-14 on a Wednesday, 17:00-19:01", "2013-01-01", "2027-03-10", "17:00", "19:01", ["outside_day_window", "school_day_limit"]],
    ["13-14 on a Sunday", "2013-01-01", "2027-03-14", "10:00", "12:00", ["sunday"]],
    ["15 on a Saturday, 8 hours", "2012-01-01", "2027-03-13", "09:00", "17:00", []],
    ["16 until 23:00", "2011-01-01", "2027-03-13", "21:00", "23:00", []],
    ["17 until 23:30", "2010-01-01", "2027-03-13", "21:00", "23:30", ["night"]],
    ["18: no rules", "2009-01-01", "2027-03-14", "21:00", "23:30", []],
  ])("%s", (_name, born, day, start, end, expected) => {
    expect(plannedActivityWarnings(born, at(day, start), at(day, end))).toEqual(expected);
  });

  it("checks an activity past midnight up to 23:59 of its first day", () => {
    expect(plannedActivityWarnings("2010-01-01", at("2027-03-13", "22:00"), at("2027-03-14", "01:00"))).toEqual(["night"]);
  });
});

describe("check-in day and evaluation", () => {
  const startsAt = at("2027-03-13", "14:00");
  it("opens check-in at local midnight of the activity's day", () => {
    expect(isCheckInDay(startsAt, at("2027-03-12", "23:59"))).toBe(false);
    expect(isCheckInDay(startsAt, at("2027-03-13", "00:00"))).toBe(true);
    expect(isCheckInDay(startsAt, at("2027-03-20", "12:00"))).toBe(true);
  });
  it("allows cancelling only before the start", () => {
    expect(canCancelYet(startsAt, new Date(startsAt.getTime() - 1))).toBe(true);
    expect(canCancelYet(startsAt, startsAt)).toBe(false);
  });
  it("allows the evaluation from the end on", () => {
    const endsAt = at("2027-03-13", "16:00");
    expect(canEvaluateYet(endsAt, new Date(endsAt.getTime() - 1))).toBe(false);
    expect(canEvaluateYet(endsAt, endsAt)).toBe(true);
  });
});
