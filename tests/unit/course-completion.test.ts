/**
 * The completion rule of the certificate of participation and the at-risk flag, as a table; and
 * the verification code's format.
 */
import { describe, expect, it } from "vitest";
import { evaluateCompletion, type CompletionInput } from "~/features/training/completion";
import { CODE_ALPHABET, CODE_PATTERN, newVerificationCode } from "~/features/training/certificates.server";
import { parseAssessmentForm, parseAttendanceForm } from "~/features/training/course-schema";
import type { AttendanceStatus } from "~/lib/db/schema";

const P = "present" as const;
const N = "absent_with_notice" as const;
const A = "absent" as const;
const _ = null;

function meetings(...statuses: (AttendanceStatus | null)[]) {
  return statuses.map((attendance) => ({ attendance }));
}

const base: CompletionInput = { minMeetings: 6, requiresAssessments: false, meetings: [], momentIds: [], competenceIds: [], assessments: [] };

describe("the completion rule", () => {
  const table: [string, Partial<CompletionInput>, { met: boolean; attended: number; remaining: number; risk: string; missing?: number }][] = [
    ["6 of 7 present", { meetings: meetings(P, P, P, P, P, P, A) }, { met: true, attended: 6, remaining: 0, risk: "none" }],
    ["7 of 7 present", { meetings: meetings(P, P, P, P, P, P, P) }, { met: true, attended: 7, remaining: 0, risk: "none" }],
    ["5 of 7, all recorded", { meetings: meetings(P, P, P, P, P, N, A) }, { met: false, attended: 5, remaining: 0, risk: "cannot" }],
    ["absent with notice does not count", { meetings: meetings(P, P, P, P, P, N, N) }, { met: false, attended: 5, remaining: 0, risk: "cannot" }],
    ["nothing recorded yet, 7 planned", { meetings: meetings(_, _, _, _, _, _, _) }, { met: false, attended: 0, remaining: 7, risk: "none" }],
    ["one missed, six to come: only just", { meetings: meetings(A, _, _, _, _, _, _) }, { met: false, attended: 0, remaining: 6, risk: "only_just" }],
    ["two missed, five to come: cannot", { meetings: meetings(A, N, _, _, _, _, _) }, { met: false, attended: 0, remaining: 5, risk: "cannot" }],
    ["4 present, 1 missed, 2 to come: only just", { meetings: meetings(P, P, A, P, P, _, _) }, { met: false, attended: 4, remaining: 2, risk: "only_just" }],
    ["4 present, 3 to come: fine", { meetings: meetings(P, P, P, P, _, _, _) }, { met: false, attended: 4, remaining: 3, risk: "none" }],
    ["fewer meetings planned than the minimum: cannot", { meetings: meetings(_, _, _, _, _) }, { met: false, attended: 0, remaining: 5, risk: "cannot" }],
    ["minimum 0 is met at once", { minMeetings: 0, meetings: meetings(_, _) }, { met: true, attended: 0, remaining: 2, risk: "none" }],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => {
      const result = evaluateCompletion({ ...base, ...input });
      expect({ met: result.met, attended: result.attended, remaining: result.remaining, risk: result.risk }).toEqual({
        met: expected.met,
        attended: expected.attended,
        remaining: expected.remaining,
        risk: expected.risk,
      });
    });
  }

  it("asks for every competence at every moment when the version requires assessments", () => {
    const input: CompletionInput = {
      ...base,
      requiresAssessments: true,
      meetings: meetings(P, P, P, P, P, P, P),
      momentIds: ["m1", "m2"],
      competenceIds: ["c1", "c2"],
      assessments: [
        { momentId: "m1", competenceId: "c1" },
        { momentId: "m1", competenceId: "c2" },
        { momentId: "m2", competenceId: "c1" },
      ],
    };
    expect(evaluateCompletion(input)).toMatchObject({ meetingsMet: true, assessmentsMet: false, missingAssessments: 1, met: false });
    expect(evaluateCompletion({ ...input, assessments: [...input.assessments, { momentId: "m2", competenceId: "c2" }] })).toMatchObject({ met: true, missingAssessments: 0 });
    expect(evaluateCompletion({ ...input, requiresAssessments: false })).toMatchObject({ met: true, missingAssessments: 0 });
  });

  it("gives the attendance rate of the recorded meetings", () => {
    expect(evaluateCompletion({ ...base, meetings: meetings(P, P, A, _) }).ratePercent).toBe(67);
    expect(evaluateCompletion({ ...base, meetings: meetings(_, _) }).ratePercent).toBeNull();
  });
});

describe("verification codes", () => {
  it("have the schema's format and only unambiguous characters", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const code = newVerificationCode();
      expect(code).toMatch(CODE_PATTERN);
      expect(code).not.toMatch(/[01IO]/);
      for (const char of code.replaceAll("-", "")) expect(CODE_ALPHABET).toContain(char);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
    expect(CODE_ALPHABET).toHaveLength(32);
  });
});

describe("the attendance and assessment forms", () => {
  const ids = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
  it("takes one status per trainee, late only with present, and skips trainees left open", () => {
    expect(parseAttendanceForm({ [`status-${ids[0]}`]: "present", [`late-${ids[0]}`]: "on" }, ids)).toEqual({
      ok: true,
      entries: [{ enrolmentId: ids[0], status: "present", isLate: true }],
    });
    expect(parseAttendanceForm({ [`status-${ids[0]}`]: "absent", [`late-${ids[0]}`]: "on" }, ids).ok).toBe(false);
    expect(parseAttendanceForm({ [`status-${ids[0]}`]: "maybe" }, ids).ok).toBe(false);
    expect(parseAttendanceForm({ [`status-${ids[0]}`]: ["present", "absent"] }, ids).ok).toBe(false);
  });

  it("refuses a level outside the competence's rubric", () => {
    const competences = [{ id: ids[0]!, levels: [1, 2, 3, 4] }];
    const momentId = ids[1];
    expect(parseAssessmentForm({ momentId, [`level-${ids[0]}`]: "3", [`narrative-${ids[0]}`]: " Goed " }, competences)).toEqual({
      ok: true,
      momentId,
      entries: [{ competenceId: ids[0], level: 3, narrative: "Goed" }],
    });
    for (const level of ["0", "5", "-1", "2.5", "x", "99"]) {
      expect(parseAssessmentForm({ momentId, [`level-${ids[0]}`]: level }, competences).ok, level).toBe(false);
    }
    expect(parseAssessmentForm({ momentId, [`narrative-${ids[0]}`]: "zonder niveau" }, competences).ok).toBe(false);
  });
});
