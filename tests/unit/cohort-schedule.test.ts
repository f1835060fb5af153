/**
 * The schedule proposal of "generate the schedule": weekly local dates from the first day, the
 * track's meeting and follow-up lengths, modules in order, and a refusal when a session would run
 * past midnight. Local times only; the conversion to instants is tested with the writes.
 */
import { describe, expect, it } from "vitest";
import { proposeSchedule } from "~/features/training/cohorts-writes.server";

const track = { meetingCount: 3, meetingMinutes: 150, followUpDays: 2, followUpMinutes: 240 };
const modules = [
  { id: "m1", title: "Kennismaken" },
  { id: "m2", title: "Je talent" },
];

describe("proposeSchedule", () => {
  it("plans the meetings a week apart from the first day, then the follow-up days, across the March clock change", () => {
    const sessions = proposeSchedule("2027-03-16", track, modules, { meetingStartTime: "19:00", followUpStartTime: "10:00" })!;
    expect(sessions).toEqual([
      { kind: "meeting", date: "2027-03-16", startTime: "19:00", endTime: "21:30", moduleId: "m1", title: "Kennismaken" },
      { kind: "meeting", date: "2027-03-23", startTime: "19:00", endTime: "21:30", moduleId: "m2", title: "Je talent" },
      { kind: "meeting", date: "2027-03-30", startTime: "19:00", endTime: "21:30", moduleId: null, title: "" },
      { kind: "follow_up", date: "2027-04-06", startTime: "10:00", endTime: "14:00", moduleId: null, title: "" },
      { kind: "follow_up", date: "2027-04-13", startTime: "10:00", endTime: "14:00", moduleId: null, title: "" },
    ]);
  });

  it("crosses the turn of the year and leaves out follow-up days the track does not have", () => {
    const sessions = proposeSchedule("2026-12-22", { ...track, followUpDays: 0 }, [], { meetingStartTime: "09:30", followUpStartTime: "10:00" })!;
    expect(sessions.map((s) => s.date)).toEqual(["2026-12-22", "2026-12-29", "2027-01-05"]);
  });

  it("refuses a start time that would end a session after midnight", () => {
    expect(proposeSchedule("2027-03-16", track, modules, { meetingStartTime: "22:00", followUpStartTime: "10:00" })).toBeNull();
    expect(proposeSchedule("2027-03-16", track, modules, { meetingStartTime: "19:00", followUpStartTime: "20:30" })).toBeNull();
    expect(proposeSchedule("2027-03-16", track, modules, { meetingStartTime: "21:30", followUpStartTime: "10:00" })).toBeNull();
    expect(proposeSchedule("2027-03-16", track, modules, { meetingStartTime: "21:29", followUpStartTime: "10:00" })?.[0]?.endTime).toBe("23:59");
  });
});
