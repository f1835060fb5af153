/**
 * Local Europe/Amsterdam times to instants and back, around the clock changes on the last
 * Sundays of March and October. The test run itself is in Europe/Amsterdam (vitest config), and
 * one block repeats the checks with a process zone far away, because the helpers must not
 * depend on the server's own zone.
 */
import { describe, expect, it } from "vitest";
import { addDaysToLocalDate, formatInZone, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";

const iso = (date: string, time: string) => zonedLocalToUtc(date, time)?.toISOString() ?? null;

describe("zonedLocalToUtc", () => {
  it("uses UTC+1 in winter and UTC+2 in summer", () => {
    expect(iso("2026-01-15", "14:00")).toBe("2026-01-15T13:00:00.000Z");
    expect(iso("2026-07-15", "14:00")).toBe("2026-07-15T12:00:00.000Z");
  });

  it("handles the last Sunday of March (02:00 becomes 03:00)", () => {
    expect(iso("2026-03-29", "01:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(iso("2026-03-29", "03:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(iso("2026-03-29", "14:00")).toBe("2026-03-29T12:00:00.000Z");
    // 02:30 does not exist that night: it moves forward by the hour that was skipped.
    expect(iso("2026-03-29", "02:30")).toBe("2026-03-29T01:30:00.000Z");
    expect(formatInZone(zonedLocalToUtc("2026-03-29", "02:30")!, "nl", { timeStyle: "short" })).toBe("03:30");
    expect(iso("2027-03-28", "14:00")).toBe("2027-03-28T12:00:00.000Z");
  });

  it("handles the last Sunday of October (03:00 becomes 02:00 again)", () => {
    expect(iso("2026-10-25", "01:30")).toBe("2026-10-24T23:30:00.000Z");
    // 02:30 happens twice that night; the first time (still summer time) is meant.
    expect(iso("2026-10-25", "02:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(iso("2026-10-25", "03:00")).toBe("2026-10-25T02:00:00.000Z");
    expect(iso("2026-10-25", "14:00")).toBe("2026-10-25T13:00:00.000Z");
    expect(iso("2027-10-31", "14:00")).toBe("2027-10-31T13:00:00.000Z");
  });

  it("refuses dates and times that are not real", () => {
    for (const [date, time] of [
      ["2026-02-29", "10:00"],
      ["2026-13-01", "10:00"],
      ["2026-04-31", "10:00"],
      ["26-04-01", "10:00"],
      ["2026-04-01", "24:00"],
      ["2026-04-01", "9:00"],
      ["2026-04-01", "10:60"],
      ["", ""],
    ]) {
      expect(zonedLocalToUtc(date!, time!)).toBeNull();
    }
    expect(iso("2028-02-29", "10:00")).toBe("2028-02-29T09:00:00.000Z");
  });
});

describe("utcToZonedLocal and formatInZone", () => {
  it("give back the local date and time on both sides of each change", () => {
    for (const [date, time] of [
      ["2026-03-28", "23:30"],
      ["2026-03-29", "01:30"],
      ["2026-03-29", "03:30"],
      ["2026-10-25", "01:30"],
      ["2026-10-25", "03:30"],
      ["2026-12-31", "23:59"],
    ] as const) {
      expect(utcToZonedLocal(zonedLocalToUtc(date, time)!)).toEqual({ date, time });
    }
  });

  it("shows the instant after the October change as 02:30 winter time", () => {
    const second = new Date("2026-10-25T01:30:00.000Z");
    expect(utcToZonedLocal(second)).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(formatInZone(second, "nl", { timeStyle: "short" })).toBe("02:30");
  });

  it("formats in Dutch and English", () => {
    const instant = zonedLocalToUtc("2026-10-25", "14:00")!;
    expect(formatInZone(instant, "nl")).toBe("zondag 25 oktober 2026 om 14:00");
    expect(formatInZone(instant, "en")).toContain("25 October 2026");
    expect(formatInZone(instant, "en")).toContain("14:00");
  });
});

describe("addDaysToLocalDate", () => {
  it("counts calendar days, not 24-hour periods", () => {
    expect(addDaysToLocalDate("2026-03-22", 7)).toBe("2026-03-29");
    expect(addDaysToLocalDate("2026-10-25", 7)).toBe("2026-11-01");
    expect(addDaysToLocalDate("2026-12-29", 7)).toBe("2027-01-05");
    expect(addDaysToLocalDate("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("independent of the process time zone", () => {
  it("gives the same answers when the process runs in another zone", () => {
    const original = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480);
      expect(iso("2026-10-25", "14:00")).toBe("2026-10-25T13:00:00.000Z");
      expect(iso("2026-03-29", "14:00")).toBe("2026-03-29T12:00:00.000Z");
      expect(formatInZone(new Date("2026-10-25T13:00:00Z"), "nl", { timeStyle: "short" })).toBe("14:00");
      expect(utcToZonedLocal(new Date("2026-03-29T12:00:00Z"))).toEqual({ date: "2026-03-29", time: "14:00" });
    } finally {
      process.env.TZ = original;
    }
  });
});
