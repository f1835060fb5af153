/**
 * The Citytrainer requirements and the pipeline step (app/features/practice/requirements.ts) as
 * tables: each step reached by the facts of a person standing there, the ways of leaving the
 * path, and the hours target at its boundary.
 */
import { describe, expect, it } from "vitest";
import { missingRequirements, pipelineStep, PIPELINE_STEPS, REQUIREMENTS, type PathFacts, type PipelineStep, type Requirement } from "~/features/practice/requirements";

const NOBODY: PathFacts = {
  applicationStatus: null,
  enrolmentStatus: null,
  courseStarted: false,
  hasParticipationCertificate: false,
  placementStatus: null,
  signedOffMinutes: 0,
  targetHours: 15,
  practiceActivityEvaluated: false,
  finalReportStatus: null,
  presentationGiven: false,
  hasCitytrainerCertificate: false,
};

const ENROLLED: PathFacts = { ...NOBODY, applicationStatus: "admitted", enrolmentStatus: "active" };
const CERTIFIED_COURSE: PathFacts = { ...ENROLLED, enrolmentStatus: "completed", courseStarted: true, hasParticipationCertificate: true };
const PRACTISING: PathFacts = { ...CERTIFIED_COURSE, placementStatus: "active" };
const ALL_BUT_PRESENTATION: PathFacts = { ...PRACTISING, signedOffMinutes: 15 * 60, practiceActivityEvaluated: true, finalReportStatus: "assessed" };

const STEPS: readonly [string, PathFacts, PipelineStep | null][] = [
  ["no application, no enrolment", NOBODY, null],
  ["application pending (guardian or email not confirmed yet)", { ...NOBODY, applicationStatus: "pending" }, "applied"],
  ["application submitted", { ...NOBODY, applicationStatus: "submitted" }, "applied"],
  ["intake planned", { ...NOBODY, applicationStatus: "intake_planned" }, "applied"],
  ["on the waiting list", { ...NOBODY, applicationStatus: "waitlisted" }, "applied"],
  ["application declined", { ...NOBODY, applicationStatus: "declined" }, null],
  ["application withdrawn", { ...NOBODY, applicationStatus: "withdrawn" }, null],
  ["admitted, no enrolment yet", { ...NOBODY, applicationStatus: "admitted" }, "admitted"],
  ["enrolled, course not started", ENROLLED, "admitted"],
  ["enrolled without an application (added by staff), course not started", { ...ENROLLED, applicationStatus: null }, "admitted"],
  ["course running", { ...ENROLLED, courseStarted: true }, "in_course"],
  ["course completed without certificate", { ...ENROLLED, enrolmentStatus: "completed", courseStarted: true }, "in_course"],
  ["enrolment withdrawn during the course", { ...ENROLLED, enrolmentStatus: "withdrawn", courseStarted: true }, null],
  ["certificate of participation", CERTIFIED_COURSE, "participation_certificate"],
  ["placement proposed", { ...CERTIFIED_COURSE, placementStatus: "proposed" }, "in_handover"],
  ["placement proposed during the course (municipality allows it)", { ...ENROLLED, courseStarted: true, placementStatus: "proposed" }, "in_handover"],
  ["proposal declined by the supervisor: waiting for a new one", { ...CERTIFIED_COURSE, placementStatus: "declined" }, "participation_certificate"],
  ["proposal withdrawn: waiting for a new one", { ...CERTIFIED_COURSE, placementStatus: "withdrawn" }, "participation_certificate"],
  ["placement active", PRACTISING, "in_placement"],
  ["placement active, hours one minute short", { ...ALL_BUT_PRESENTATION, signedOffMinutes: 15 * 60 - 1 }, "in_placement"],
  ["placement active, hours exactly at target, all else done", ALL_BUT_PRESENTATION, "ready_for_ceremony"],
  ["placement active, report only submitted", { ...ALL_BUT_PRESENTATION, finalReportStatus: "submitted" }, "in_placement"],
  ["placement active, activity not evaluated", { ...ALL_BUT_PRESENTATION, practiceActivityEvaluated: false }, "in_placement"],
  ["placement active during the course, all practice done, no certificate of participation", { ...ALL_BUT_PRESENTATION, hasParticipationCertificate: false }, "in_placement"],
  ["presentation given, certificate not yet issued", { ...ALL_BUT_PRESENTATION, presentationGiven: true }, "ready_for_ceremony"],
  ["Citytrainer certificate", { ...ALL_BUT_PRESENTATION, presentationGiven: true, placementStatus: "completed", hasCitytrainerCertificate: true }, "certified"],
  ["placement ended early, no new one", { ...PRACTISING, placementStatus: "ended", signedOffMinutes: 300 }, null],
  ["placement completed but the certificate revoked", { ...ALL_BUT_PRESENTATION, presentationGiven: true, placementStatus: "completed" }, null],
  ["enrolment withdrawn while in placement", { ...PRACTISING, enrolmentStatus: "withdrawn" }, null],
];

describe("pipelineStep", () => {
  for (const [situation, facts, step] of STEPS) {
    it(`${situation} → ${step ?? "left the path"}`, () => {
      expect(pipelineStep(facts)).toBe(step);
    });
  }

  it("reaches every step of the pipeline", () => {
    const reached = new Set(STEPS.map(([, , step]) => step).filter((step) => step !== null));
    expect([...PIPELINE_STEPS].filter((step) => !reached.has(step))).toEqual([]);
  });
});

const MISSING: readonly [string, PathFacts, readonly Requirement[]][] = [
  ["nothing done", NOBODY, REQUIREMENTS],
  ["only the certificate of participation", CERTIFIED_COURSE, ["practice_hours", "practice_activity", "final_report", "presentation"]],
  ["hours one minute short of 15", { ...CERTIFIED_COURSE, signedOffMinutes: 899 }, ["practice_hours", "practice_activity", "final_report", "presentation"]],
  ["hours exactly 15", { ...CERTIFIED_COURSE, signedOffMinutes: 900 }, ["practice_activity", "final_report", "presentation"]],
  ["a target of 20 hours is not met at 19:59", { ...CERTIFIED_COURSE, targetHours: 20, signedOffMinutes: 20 * 60 - 1 }, ["practice_hours", "practice_activity", "final_report", "presentation"]],
  ["a target of 0 is met without hours", { ...CERTIFIED_COURSE, targetHours: 0 }, ["practice_activity", "final_report", "presentation"]],
  ["report drafted", { ...ALL_BUT_PRESENTATION, finalReportStatus: "draft" }, ["final_report", "presentation"]],
  ["report submitted, not assessed", { ...ALL_BUT_PRESENTATION, finalReportStatus: "submitted" }, ["final_report", "presentation"]],
  ["all but the presentation", ALL_BUT_PRESENTATION, ["presentation"]],
  ["everything", { ...ALL_BUT_PRESENTATION, presentationGiven: true }, []],
  ["everything but the certificate of participation", { ...ALL_BUT_PRESENTATION, presentationGiven: true, hasParticipationCertificate: false }, ["participation_certificate"]],
];

describe("missingRequirements", () => {
  for (const [situation, facts, missing] of MISSING) {
    it(`${situation} → ${missing.join(", ") || "none"}`, () => {
      expect(missingRequirements(facts)).toEqual([...missing]);
    });
  }
});
