/**
 * Whether an enrolment meets its track version's completion rule for the certificate of
 * participation, and whether it is at risk of missing it. Pure: the caller reads the rows.
 *
 * The rule: meetings attended (present, late included) ≥ the version's minimum and, when the
 * version requires it, an assessment for every competence at every assessment moment of the
 * cohort. Only course meetings count (not follow-up days), and cancelled meetings do not exist
 * for the rule.
 *
 * At risk: the meetings not yet recorded can no longer bring the trainee to the minimum
 * ("cannot"), or only when they attend every one of them ("only_just").
 */
import type { AttendanceStatus } from "~/lib/db/schema";

export interface CompletionInput {
  minMeetings: number;
  requiresAssessments: boolean;
  /** Every scheduled, not cancelled course meeting of the cohort, with this trainee's attendance (null: not recorded yet). */
  meetings: readonly { attendance: AttendanceStatus | null }[];
  momentIds: readonly string[];
  competenceIds: readonly string[];
  /** This trainee's assessments. */
  assessments: readonly { momentId: string; competenceId: string }[];
}

export type CompletionRisk = "none" | "only_just" | "cannot";

export interface Completion {
  attended: number;
  recorded: number;
  /** Meetings without a record yet: they may still be attended. */
  remaining: number;
  minMeetings: number;
  meetingsMet: boolean;
  /** Moment × competence pairs still without an assessment (0 when the rule does not ask for them). */
  missingAssessments: number;
  assessmentsMet: boolean;
  met: boolean;
  risk: CompletionRisk;
  /** Attended share of the recorded meetings, 0–100, or null before any is recorded. */
  ratePercent: number | null;
}

export function evaluateCompletion(input: CompletionInput): Completion {
  const recorded = input.meetings.filter((m) => m.attendance !== null).length;
  const attended = input.meetings.filter((m) => m.attendance === "present").length;
  const remaining = input.meetings.length - recorded;
  const meetingsMet = attended >= input.minMeetings;

  const done = new Set(input.assessments.map((a) => `${a.momentId}|${a.competenceId}`));
  let missing = 0;
  if (input.requiresAssessments) {
    for (const moment of input.momentIds) for (const competence of input.competenceIds) if (!done.has(`${moment}|${competence}`)) missing += 1;
  }
  const assessmentsMet = missing === 0;

  let risk: CompletionRisk = "none";
  if (!meetingsMet) {
    const reachable = attended + remaining;
    risk = reachable < input.minMeetings ? "cannot" : reachable === input.minMeetings ? "only_just" : "none";
  }

  return {
    attended,
    recorded,
    remaining,
    minMeetings: input.minMeetings,
    meetingsMet,
    missingAssessments: missing,
    assessmentsMet,
    met: meetingsMet && assessmentsMet,
    risk,
    ratePercent: recorded === 0 ? null : Math.round((attended / recorded) * 100),
  };
}
