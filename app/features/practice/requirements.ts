/**
 * What a trainee needs before the project leader may issue the Citytrainer certificate, and which
 * step of the path a trainee is at. Pure functions over facts the reads collect
 * (path-facts.server.ts), so the certificate page, the pipeline view and the trainee's own
 * timeline agree on one answer.
 */
import type { ApplicationStatus, EnrolmentStatus, FinalReportStatus, PlacementStatus } from "~/lib/db/schema";

export interface PathFacts {
  applicationStatus: ApplicationStatus | null;
  enrolmentStatus: EnrolmentStatus | null;
  /** The cohort's first session has begun. */
  courseStarted: boolean;
  hasParticipationCertificate: boolean;
  placementStatus: PlacementStatus | null;
  signedOffMinutes: number;
  targetHours: number;
  /** The practice activity took place and the trainee evaluated it. */
  practiceActivityEvaluated: boolean;
  finalReportStatus: FinalReportStatus | null;
  presentationGiven: boolean;
  hasCitytrainerCertificate: boolean;
}

export const REQUIREMENTS = ["participation_certificate", "practice_hours", "practice_activity", "final_report", "presentation"] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export function isRequirementMet(requirement: Requirement, facts: PathFacts): boolean {
  switch (requirement) {
    case "participation_certificate":
      return facts.hasParticipationCertificate;
    case "practice_hours":
      return facts.signedOffMinutes >= facts.targetHours * 60;
    case "practice_activity":
      return facts.practiceActivityEvaluated;
    case "final_report":
      return facts.finalReportStatus === "assessed";
    case "presentation":
      return facts.presentationGiven;
  }
}

/** The requirements still open; an empty list means the certificate may be issued. */
export function missingRequirements(facts: PathFacts): Requirement[] {
  return REQUIREMENTS.filter((requirement) => !isRequirementMet(requirement, facts));
}

/** The steps of the pipeline, in order. */
export const PIPELINE_STEPS = [
  "applied",
  "admitted",
  "in_course",
  "participation_certificate",
  "in_handover",
  "in_placement",
  "ready_for_ceremony",
  "certified",
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/**
 * The furthest step a person has reached, or null when they left the path: an application
 * declined or withdrawn, an enrolment withdrawn, a placement ended early without a new one, or a
 * completed placement whose certificate was revoked. A declined or withdrawn proposal is no
 * leaving: the trainee waits for a new proposal at the certificate of participation.
 */
export function pipelineStep(facts: PathFacts): PipelineStep | null {
  if (facts.hasCitytrainerCertificate) return "certified";
  if (facts.enrolmentStatus === "withdrawn") return null;
  if (facts.placementStatus === "ended" || facts.placementStatus === "completed") return null;
  if (facts.placementStatus === "active") {
    const beforeCeremony = REQUIREMENTS.filter((r) => r !== "presentation");
    return beforeCeremony.every((r) => isRequirementMet(r, facts)) ? "ready_for_ceremony" : "in_placement";
  }
  if (facts.placementStatus === "proposed") return "in_handover";
  if (facts.hasParticipationCertificate) return "participation_certificate";
  if (facts.enrolmentStatus === "active" || facts.enrolmentStatus === "completed") return facts.courseStarted ? "in_course" : "admitted";
  if (facts.applicationStatus === "admitted") return "admitted";
  if (facts.applicationStatus && ["pending", "submitted", "intake_planned", "waitlisted"].includes(facts.applicationStatus)) return "applied";
  return null;
}
