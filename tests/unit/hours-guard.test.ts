/**
 * The youth working-time rules (app/features/practice/hours-guard.ts) at their boundaries, as a
 * table: each row is one entry and the warnings it must give. Tuesday 1 December 2026 is a school
 * day, Saturday 5 and Sunday 6 December are not; the clocks change on Sunday 29 March 2026 (one
 * hour less) and Sunday 25 October 2026 (one hour more).
 */
import { describe, expect, it } from "vitest";
import { checkYouthHours, checkYouthTimeSpan, HOURS_WARNINGS, plannedTimeWarnings, ruleForAge, YOUTH_WORKING_TIME_RULES, type HoursToCheck, type HoursWarning } from "~/features/practice/hours-guard";
import { ageOn } from "~/features/training/age";

const SCHOOL_DAY = "2026-12-01";
const SATURDAY = "2026-12-05";
const SUNDAY = "2026-12-06";

type Row = [label: string, entry: HoursToCheck, expected: HoursWarning[]];

const ROWS: Row[] = [
  // 13–14: the day window 07:00–19:00.
  ["14: starts 06:59", { age: 14, date: SATURDAY, start: "06:59", end: "08:00" }, ["outside_day_window"]],
  ["14: starts 07:00", { age: 14, date: SATURDAY, start: "07:00", end: "08:00" }, []],
  ["14: ends 19:00", { age: 14, date: SATURDAY, start: "18:00", end: "19:00" }, []],
  ["14: ends 19:01", { age: 14, date: SATURDAY, start: "18:00", end: "19:01" }, ["outside_day_window"]],
  ["13: starts 06:59", { age: 13, date: SCHOOL_DAY, start: "06:59", end: "07:30" }, ["outside_day_window"]],
  ["13: ends 19:01", { age: 13, date: SCHOOL_DAY, start: "18:30", end: "19:01" }, ["outside_day_window"]],
  // 13–14: a school day at most 120 minutes, another day at most 420.
  ["14: 120 minutes on a school day", { age: 14, date: SCHOOL_DAY, start: "15:00", end: "17:00" }, []],
  ["14: 121 minutes on a school day", { age: 14, date: SCHOOL_DAY, start: "15:00", end: "17:01" }, ["school_day_limit"]],
  ["14: 420 minutes on Saturday", { age: 14, date: SATURDAY, start: "09:00", end: "16:00" }, []],
  ["14: 421 minutes on Saturday", { age: 14, date: SATURDAY, start: "09:00", end: "16:01" }, ["other_day_limit"]],
  ["14: 121 minutes on a weekday in a school holiday", { age: 14, date: SCHOOL_DAY, start: "15:00", end: "17:01", isSchoolHoliday: true }, []],
  ["14: 421 minutes on a weekday in a school holiday", { age: 14, date: SCHOOL_DAY, start: "09:00", end: "16:01", isSchoolHoliday: true }, ["other_day_limit"]],
  // 13–14: no Sunday; Saturday is fine.
  ["14: Sunday", { age: 14, date: SUNDAY, start: "10:00", end: "11:00" }, ["sunday"]],
  ["14: Saturday", { age: 14, date: SATURDAY, start: "10:00", end: "11:00" }, []],
  ["13: Sunday in a school holiday", { age: 13, date: SUNDAY, start: "10:00", end: "11:00", isSchoolHoliday: true }, ["sunday"]],
  ["14: Sunday, early and long", { age: 14, date: SUNDAY, start: "06:00", end: "14:00" }, ["outside_day_window", "sunday", "other_day_limit"]],
  // 13–14: minutes of other entries that day count toward the limit.
  ["14: 60 + 60 other minutes on a school day", { age: 14, date: SCHOOL_DAY, start: "15:00", end: "16:00", otherMinutesThatDay: 60 }, []],
  ["14: 60 + 61 other minutes on a school day", { age: 14, date: SCHOOL_DAY, start: "15:00", end: "16:00", otherMinutesThatDay: 61 }, ["school_day_limit"]],
  ["14: 60 + 360 other minutes on Saturday", { age: 14, date: SATURDAY, start: "15:00", end: "16:00", otherMinutesThatDay: 360 }, []],
  ["14: 60 + 361 other minutes on Saturday", { age: 14, date: SATURDAY, start: "15:00", end: "16:00", otherMinutesThatDay: 361 }, ["other_day_limit"]],
  // 15: a school day at most 120 minutes, another day at most 480; no day window, Sunday allowed.
  ["15: 120 minutes on a school day", { age: 15, date: SCHOOL_DAY, start: "15:00", end: "17:00" }, []],
  ["15: 121 minutes on a school day", { age: 15, date: SCHOOL_DAY, start: "15:00", end: "17:01" }, ["school_day_limit"]],
  ["15: 480 minutes on Saturday", { age: 15, date: SATURDAY, start: "09:00", end: "17:00" }, []],
  ["15: 481 minutes on Saturday", { age: 15, date: SATURDAY, start: "09:00", end: "17:01" }, ["other_day_limit"]],
  ["15: 421 minutes on Saturday (the 13–14 limit does not apply)", { age: 15, date: SATURDAY, start: "09:00", end: "16:01" }, []],
  ["15: Sunday", { age: 15, date: SUNDAY, start: "10:00", end: "11:00" }, []],
  ["15: 07:00–19:00 on Sunday, 720 minutes", { age: 15, date: SUNDAY, start: "07:00", end: "19:00" }, ["other_day_limit"]],
  ["15: 240 + 241 other minutes on a holiday weekday", { age: 15, date: SCHOOL_DAY, start: "09:00", end: "13:00", otherMinutesThatDay: 241, isSchoolHoliday: true }, ["other_day_limit"]],
  // 16–17: not between 23:00 and 06:00; no day limits here.
  ["16: ends 23:00", { age: 16, date: SCHOOL_DAY, start: "20:00", end: "23:00" }, []],
  ["16: ends 23:01", { age: 16, date: SCHOOL_DAY, start: "20:00", end: "23:01" }, ["night"]],
  ["17: starts 22:59, ends 23:30", { age: 17, date: SATURDAY, start: "22:59", end: "23:30" }, ["night"]],
  ["17: starts 23:00", { age: 17, date: SATURDAY, start: "23:00", end: "23:59" }, ["night"]],
  ["17: ends 22:59", { age: 17, date: SATURDAY, start: "20:00", end: "22:59" }, []],
  ["16: starts 05:59", { age: 16, date: SATURDAY, start: "05:59", end: "08:00" }, ["night"]],
  ["16: starts 06:00", { age: 16, date: SATURDAY, start: "06:00", end: "08:00" }, []],
  ["17: ten hours on Sunday", { age: 17, date: SUNDAY, start: "08:00", end: "18:00" }, []],
  // Outside the bands: 12 and 18 get no warnings whatever the hours.
  ["12: Sunday night", { age: 12, date: SUNDAY, start: "05:00", end: "23:30" }, []],
  ["18: Sunday night", { age: 18, date: SUNDAY, start: "05:00", end: "23:30" }, []],
  // Across a change of the clocks the real time counts, not the difference of the wall clocks.
  ["15: 00:00–09:00 on 29 March 2026 is 480 real minutes", { age: 15, date: "2026-03-29", start: "00:00", end: "09:00" }, []],
  ["15: 00:00–09:01 on 29 March 2026 is 481 real minutes", { age: 15, date: "2026-03-29", start: "00:00", end: "09:01" }, ["other_day_limit"]],
  ["15: 01:00–08:00 on 25 October 2026 is 480 real minutes", { age: 15, date: "2026-10-25", start: "01:00", end: "08:00" }, []],
  ["15: 01:00–08:01 on 25 October 2026 is 481 real minutes", { age: 15, date: "2026-10-25", start: "01:00", end: "08:01" }, ["other_day_limit"]],
  ["16: 05:59 on 25 October 2026 is still night", { age: 16, date: "2026-10-25", start: "05:59", end: "07:00" }, ["night"]],
  ["14: Sunday 29 March 2026", { age: 14, date: "2026-03-29", start: "10:00", end: "11:00" }, ["sunday"]],
];

describe("checkYouthHours at its boundaries", () => {
  it.each(ROWS)("%s", (_label, entry, expected) => {
    expect(checkYouthHours(entry)).toEqual(expected);
  });

  it("answers in the order of HOURS_WARNINGS", () => {
    for (const [, entry] of ROWS) {
      const warnings = checkYouthHours(entry);
      expect(warnings).toEqual(HOURS_WARNINGS.filter((w) => warnings.includes(w)));
    }
  });
});

describe("the table of rules", () => {
  it.each([
    [12, null],
    [13, [13, 14]],
    [14, [13, 14]],
    [15, [15, 15]],
    [16, [16, 17]],
    [17, [16, 17]],
    [18, null],
  ] as const)("age %i falls under band %j", (age, band) => {
    expect(ruleForAge(age)?.ages ?? null).toEqual(band);
  });

  it("has bands that do not overlap", () => {
    const ages = YOUTH_WORKING_TIME_RULES.flatMap((rule) => Array.from({ length: rule.ages[1] - rule.ages[0] + 1 }, (_, i) => rule.ages[0] + i));
    expect(new Set(ages).size).toBe(ages.length);
  });
});

describe("a stretch between two instants (a planned activity)", () => {
  const born2012 = (date: string) => ageOn("2012-06-15", date);

  it("warns a 14-year-old about a Sunday afternoon", () => {
    expect(checkYouthTimeSpan({ ageOn: born2012, startsAt: new Date("2026-12-06T13:00:00Z"), endsAt: new Date("2026-12-06T15:00:00Z") })).toEqual(["sunday"]);
  });

  it("splits an evening that runs past midnight into two days", () => {
    // Saturday 18:00 until Sunday 01:00 Amsterdam time (UTC+1 in December).
    expect(checkYouthTimeSpan({ ageOn: born2012, startsAt: new Date("2026-12-05T17:00:00Z"), endsAt: new Date("2026-12-06T00:00:00Z") })).toEqual(["outside_day_window", "sunday"]);
  });

  it("uses the age on each day: a 16th birthday moves the rules", () => {
    const turnsSixteen = (date: string) => ageOn("2010-12-06", date);
    // On Saturday 5 December they are 15 (no night rule); from Sunday 6 December 16 (night rule).
    expect(checkYouthTimeSpan({ ageOn: turnsSixteen, startsAt: new Date("2026-12-05T21:00:00Z"), endsAt: new Date("2026-12-05T22:30:00Z") })).toEqual([]);
    expect(checkYouthTimeSpan({ ageOn: turnsSixteen, startsAt: new Date("2026-12-05T22:30:00Z"), endsAt: new Date("2026-12-05T23:30:00Z") })).toEqual(["night"]);
  });

  it("gives nothing for an empty or reversed stretch", () => {
    expect(checkYouthTimeSpan({ ageOn: born2012, startsAt: new Date("2026-12-06T13:00:00Z"), endsAt: new Date("2026-12-06T13:00:00Z") })).toEqual([]);
  });

  it("is what plannedTimeWarnings answers for a date of birth", () => {
    expect(plannedTimeWarnings({ dateOfBirth: "2012-06-15", startsAt: new Date("2026-12-06T13:00:00Z"), endsAt: new Date("2026-12-06T15:00:00Z") })).toEqual(["sunday"]);
    expect(plannedTimeWarnings({ dateOfBirth: "2000-01-01", startsAt: new Date("2026-12-06T13:00:00Z"), endsAt: new Date("2026-12-06T15:00:00Z") })).toEqual([]);
    expect(plannedTimeWarnings({ dateOfBirth: null, startsAt: new Date("2026-12-06T13:00:00Z"), endsAt: new Date("2026-12-06T15:00:00Z") })).toEqual([]);
  });
});
