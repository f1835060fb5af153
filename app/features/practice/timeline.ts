/**
 * The trainee's timeline as a list of moments, in the path's order: each done, current (the first
 * one not done yet) or still to come. Pure, over one OwnPath (pipeline-timeline.server.ts).
 */
import type { OwnPath } from "./pipeline-timeline.server";

export const TIMELINE_ITEMS = [
  "applied",
  "admitted",
  "course",
  "participation_certificate",
  "handover_proposed",
  "consent",
  "accepted",
  "hours",
  "practice_activity",
  "final_report",
  "presentation",
  "certificate",
] as const;
export type TimelineItemKey = (typeof TIMELINE_ITEMS)[number];
export type TimelineState = "done" | "current" | "upcoming";

export interface TimelineItem {
  key: TimelineItemKey;
  state: TimelineState;
  /** When it happened (or, for the presentation, is planned). */
  at: Date | null;
}

function isDone(key: TimelineItemKey, path: OwnPath): boolean {
  switch (key) {
    case "applied":
      return path.appliedAt !== null || path.enrolmentId !== null;
    case "admitted":
      return path.enrolmentId !== null;
    case "course":
      return path.participationIssuedAt !== null || path.enrolmentStatus === "completed";
    case "participation_certificate":
      return path.participationIssuedAt !== null;
    case "handover_proposed":
      return path.proposedAt !== null;
    case "consent":
      return path.sharedAt !== null;
    case "accepted":
      return path.startedAt !== null;
    case "hours":
      return path.startedAt !== null && path.signedOffMinutes >= path.targetHours * 60;
    case "practice_activity":
      return path.activityEvaluatedAt !== null;
    case "final_report":
      return path.finalReportStatus === "assessed";
    case "presentation":
      return path.presentationGivenAt !== null;
    case "certificate":
      return path.citytrainerIssuedAt !== null;
  }
}

function momentOf(key: TimelineItemKey, path: OwnPath): Date | null {
  switch (key) {
    case "applied":
      return path.appliedAt;
    case "admitted":
      return path.admittedAt;
    case "course":
      return path.firstSessionAt;
    case "participation_certificate":
      return path.participationIssuedAt;
    case "handover_proposed":
      return path.proposedAt;
    case "consent":
      return path.sharedAt;
    case "accepted":
      return path.startedAt;
    case "presentation":
      return path.presentationGivenAt ?? path.ceremonyAt;
    case "certificate":
      return path.citytrainerIssuedAt;
    default:
      return null;
  }
}

/** Whether the person left this path (application declined or withdrawn, enrolment withdrawn): nothing is current then. */
export function hasLeftPath(path: OwnPath): boolean {
  if (path.citytrainerIssuedAt) return false;
  return path.enrolmentStatus === "withdrawn" || (path.enrolmentId === null && (path.applicationStatus === "declined" || path.applicationStatus === "withdrawn"));
}

export function buildTimeline(path: OwnPath): TimelineItem[] {
  const left = hasLeftPath(path);
  let currentGiven = left;
  return TIMELINE_ITEMS.map((key) => {
    const done = isDone(key, path);
    let state: TimelineState = done ? "done" : "upcoming";
    if (!done && !currentGiven) {
      state = "current";
      currentGiven = true;
    }
    return { key, state, at: momentOf(key, path) };
  });
}
