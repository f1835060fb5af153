import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { availabilityOf } from "~/features/calendar/availability";
import { decodeCursor, encodeCursor } from "~/features/calendar/cursor";
import { activityListQuery, readCalendarPageQuery } from "~/features/calendar/schema";
import { daysOfIsoWeek, isLocalDate, isoWeekOf, localMoment, mondayOfIsoWeek, shiftIsoWeek } from "~/features/calendar/time";
import { serialiseJsonLd } from "~/features/calendar/sharing.server";
import { addDaysToLocalDate } from "~/lib/time";

describe("ISO weeks", () => {
  it.each([
    ["2026-11-23", "2026-W48"],
    ["2026-01-01", "2026-W01"],
    ["2027-01-01", "2026-W53"],
    ["2024-12-30", "2025-W01"],
    ["2026-10-25", "2026-W43"],
  ])("%s lies in %s", (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it("finds the Monday of a week and refuses weeks that do not exist", () => {
    expect(mondayOfIsoWeek("2026-W48")).toBe("2026-11-23");
    expect(mondayOfIsoWeek("2026-W53")).toBe("2026-12-28");
    expect(mondayOfIsoWeek("2027-W53")).toBeNull();
    expect(mondayOfIsoWeek("2026-W00")).toBeNull();
    expect(mondayOfIsoWeek("2026-48")).toBeNull();
    expect(daysOfIsoWeek("2026-W43")).toEqual(["2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25"]);
    expect(shiftIsoWeek("2026-W53", 1)).toBe("2027-W01");
    expect(shiftIsoWeek("2027-W01", -1)).toBe("2026-W53");
  });

  it("walks from week to week without gaps for years", () => {
    let week = "2020-W01";
    for (let i = 0; i < 600; i++) {
      const next = shiftIsoWeek(week, 1);
      expect(mondayOfIsoWeek(next)).toBe(addDaysToLocalDate(mondayOfIsoWeek(week)!, 7));
      week = next;
    }
  });
});

describe("dates and moments", () => {
  it("accepts only real dates", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-2-1")).toBe(false);
  });

  it("writes the Amsterdam offset", () => {
    expect(localMoment("2026-10-25T14:00:00", 60)).toEqual({ iso: "2026-10-25T14:00:00+01:00", date: "2026-10-25", time: "14:00" });
    expect(localMoment("2026-03-29T03:30:00", 120).iso).toBe("2026-03-29T03:30:00+02:00");
  });
});

describe("cursors", () => {
  it("round-trips and refuses anything else, without throwing", () => {
    const cursor = { startsAt: "2026-11-23T05:19:19.118314Z", id: "7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const startsAt of ["2026-02-31T00:00:00.000000Z", "0000-01-01T00:00:00.000000Z", "2026-11-23T05:19:19.118Z"]) {
      expect(decodeCursor(encodeCursor({ ...cursor, startsAt }))).toBeNull();
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        const decoded = decodeCursor(value);
        if (decoded) expect(encodeCursor(decoded)).toBeTypeOf("string");
      }),
    );
  });
});

describe("query parameters", () => {
  it("validates the API's list parameters", () => {
    expect(activityListQuery.safeParse({}).data).toEqual({ limit: 20 });
    expect(activityListQuery.safeParse({ limit: "100", age: "12", from: "2026-10-01", to: "2026-10-31" }).success).toBe(true);
    for (const bad of [{ limit: "0" }, { limit: "101" }, { limit: "1e2" }, { age: "121" }, { from: "2026-10-32" }, { from: "2026-10-05", to: "2026-10-04" }, { cursor: "x" }]) {
      expect(activityListQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("drops what a calendar page cannot use", () => {
    const query = readCalendarPageQuery(new URLSearchParams("q=%20voetbal%20&leeftijd=abc&van=2026-12-10&tot=2026-12-01&categorie=sport&weergave=week&week=2026-W99&na=zz"));
    expect(query).toEqual({
      filters: { neighbourhoodId: undefined, category: "sport", from: "2026-12-01", to: "2026-12-10", age: undefined, q: "voetbal" },
      municipality: undefined,
      view: "week",
      week: undefined,
      after: undefined,
    });
  });
});

describe("places", () => {
  it("says how many are left, or that the waitlist is open, never more", () => {
    const base = { capacity: 10, confirmedCount: 3, waitlistEnabled: true, registrationRequired: true };
    expect(availabilityOf(base)).toEqual({ kind: "open", spotsLeft: 7 });
    expect(availabilityOf({ ...base, confirmedCount: 10 })).toEqual({ kind: "waitlist" });
    expect(availabilityOf({ ...base, confirmedCount: 12, waitlistEnabled: false })).toEqual({ kind: "full" });
    expect(availabilityOf({ ...base, capacity: null })).toEqual({ kind: "unlimited" });
    expect(availabilityOf({ ...base, registrationRequired: false })).toEqual({ kind: "no_registration" });
  });
});

describe("JSON-LD", () => {
  it("cannot end its script element", () => {
    const text = serialiseJsonLd({ name: "</script><script>alert(1)</script>", other: "a & b \u2028" });
    expect(text).not.toContain("<");
    expect(text).not.toContain(">");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>", other: "a & b \u2028" });
  });
});
