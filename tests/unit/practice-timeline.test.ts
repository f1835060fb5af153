/**
 * The trainee's timeline (app/features/practice/timeline.ts): which moment is done, which is now
 * and which is still to come, for people at different places on the path.
 */
import { describe, expect, it } from "vitest";
import type { OwnPath } from "~/features/practice/pipeline-timeline.server";
import { buildTimeline, TIMELINE_ITEMS } from "~/features/practice/timeline";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const APPLIED: OwnPath = {
  key: "a", municipalityId: "m", enrolmentId: null, cohortName: "Groep", trackName: "Traject", municipalityName: "Havenstad",
  applicationStatus: "submitted", appliedAt: at(1), admittedAt: null, enrolmentStatus: null, firstSessionAt: at(20), lastSessionAt: at(60),
  sessionsHeld: 0, sessionsAttended: 0, participationIssuedAt: null, placementId: null, placementStatus: null, partnerName: null,
  proposedAt: null, sharedAt: null, startedAt: null, signedOffMinutes: 0, targetHours: 15, activityStatus: null, activityEvaluatedAt: null,
  finalReportStatus: null, ceremonyAt: null, presentationGivenAt: null, citytrainerIssuedAt: null,
};
const PRACTISING: OwnPath = {
  ...APPLIED, enrolmentId: "e", applicationStatus: "admitted", admittedAt: at(5), enrolmentStatus: "completed", participationIssuedAt: at(61),
  placementId: "p", placementStatus: "active", proposedAt: at(62), sharedAt: at(63), startedAt: at(64), signedOffMinutes: 15 * 60,
};

const states = (path: OwnPath) => Object.fromEntries(buildTimeline(path).map((item) => [item.key, item.state]));
const current = (path: OwnPath) => buildTimeline(path).filter((item) => item.state === "current").map((item) => item.key);

describe("the timeline", () => {
  it("lists every moment in the path's order", () => {
    expect(buildTimeline(APPLIED).map((item) => item.key)).toEqual([...TIMELINE_ITEMS]);
  });

  it.each([
    ["applied, waiting for admission", APPLIED, ["admitted"]],
    ["in the course", { ...APPLIED, enrolmentId: "e", applicationStatus: "admitted" as const, enrolmentStatus: "active" as const }, ["course"]],
    ["certificate of participation", { ...PRACTISING, placementId: null, placementStatus: null, proposedAt: null, sharedAt: null, startedAt: null, signedOffMinutes: 0 }, ["handover_proposed"]],
    ["proposal waiting for consent", { ...PRACTISING, sharedAt: null, startedAt: null, placementStatus: "proposed" as const, signedOffMinutes: 0 }, ["consent"]],
    ["practising with the hours exactly at target", PRACTISING, ["practice_activity"]],
    ["hours one minute short", { ...PRACTISING, signedOffMinutes: 899 }, ["hours"]],
    ["certified", { ...PRACTISING, activityEvaluatedAt: at(70), finalReportStatus: "assessed" as const, presentationGivenAt: at(80), citytrainerIssuedAt: at(81) }, []],
    ["application withdrawn", { ...APPLIED, applicationStatus: "withdrawn" as const }, []],
  ])("%s: now is %j", (_situation, path, now) => {
    expect(current(path)).toEqual(now);
  });

  it("marks what happened as done and the rest as to come, with their dates", () => {
    const items = buildTimeline({ ...PRACTISING, ceremonyAt: at(80) });
    expect(states({ ...PRACTISING, ceremonyAt: at(80) })).toMatchObject({ applied: "done", admitted: "done", course: "done", consent: "done", hours: "done", final_report: "upcoming", certificate: "upcoming" });
    expect(items.find((item) => item.key === "applied")!.at).toEqual(at(1));
    expect(items.find((item) => item.key === "presentation")!.at).toEqual(at(80));
  });
});
