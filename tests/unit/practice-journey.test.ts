/**
 * The journey's state machines (app/features/practice/journey.ts), written out by hand as
 * state × role → the events allowed, and state × event → the next state. The test walks every
 * machine as role × state × event against these tables, so a change to a machine that is not
 * reflected here fails: who may move the path never changes by accident.
 */
import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_MACHINE,
  eventsFor,
  FINAL_REPORT_MACHINE,
  HOURS_MACHINE,
  JOURNEY_ROLES,
  mayTransition,
  nextState,
  PLACEMENT_MACHINE,
  PRACTICE_ACTIVITY_MACHINE,
  PRESENTATION_MACHINE,
  PROPOSE_PLACEMENT_BY,
  type JourneyRole,
  type Machine,
} from "~/features/practice/journey";
import { ACTIVITY_STATUSES, FINAL_REPORT_STATUSES, HOUR_STATUSES, PLACEMENT_STATUSES } from "~/lib/db/schema";

interface Expected<State extends string, Event extends string> {
  states: readonly State[];
  events: readonly Event[];
  /** Per state, per role: the events that role may cause there, in the machine's order. Missing = none. */
  allowed: Record<State, Partial<Record<JourneyRole, readonly Event[]>>>;
  /** Per state: where each possible event leads. Missing = the event cannot happen in that state. */
  next: Record<State, Partial<Record<Event, State>>>;
}

const LEADERS = { course_leader: ["end"], project_leader: ["end"], system: ["complete"] } as const;

const PLACEMENT: Expected<(typeof PLACEMENT_STATUSES)[number], keyof typeof PLACEMENT_MACHINE> = {
  states: PLACEMENT_STATUSES,
  events: ["accept", "decline", "withdraw", "end", "complete"],
  allowed: {
    proposed: { practice_supervisor: ["accept", "decline"], course_leader: ["withdraw"], project_leader: ["withdraw"] },
    active: LEADERS,
    declined: {},
    withdrawn: {},
    completed: {},
    ended: {},
  },
  next: {
    proposed: { accept: "active", decline: "declined", withdraw: "withdrawn" },
    active: { end: "ended", complete: "completed" },
    declined: {},
    withdrawn: {},
    completed: {},
    ended: {},
  },
};

const HOURS: Expected<(typeof HOUR_STATUSES)[number], keyof typeof HOURS_MACHINE> = {
  states: HOUR_STATUSES,
  events: ["sign_off", "return", "resubmit"],
  allowed: {
    submitted: { practice_supervisor: ["sign_off", "return"] },
    signed_off: {},
    returned: { trainee: ["resubmit"] },
  },
  next: {
    submitted: { sign_off: "signed_off", return: "returned" },
    signed_off: {},
    returned: { resubmit: "submitted" },
  },
};

const REVIEWERS = ["approve", "request_changes", "cancel"] as const;
const PRACTICE_ACTIVITY: Expected<(typeof ACTIVITY_STATUSES)[number], keyof typeof PRACTICE_ACTIVITY_MACHINE> = {
  states: ACTIVITY_STATUSES,
  events: ["submit", "approve", "request_changes", "evaluate", "cancel"],
  allowed: {
    draft: { trainee: ["submit", "cancel"], practice_supervisor: ["cancel"], course_leader: ["cancel"] },
    in_review: { trainee: ["cancel"], practice_supervisor: REVIEWERS, course_leader: REVIEWERS },
    published: { trainee: ["evaluate", "cancel"], practice_supervisor: ["cancel"], course_leader: ["cancel"] },
    cancelled: {},
    completed: {},
  },
  next: {
    draft: { submit: "in_review", cancel: "cancelled" },
    in_review: { approve: "published", request_changes: "draft", cancel: "cancelled" },
    published: { evaluate: "completed", cancel: "cancelled" },
    cancelled: {},
    completed: {},
  },
};

const FINAL_REPORT: Expected<(typeof FINAL_REPORT_STATUSES)[number], keyof typeof FINAL_REPORT_MACHINE> = {
  states: FINAL_REPORT_STATUSES,
  events: ["submit", "send_back", "assess"],
  allowed: {
    draft: { trainee: ["submit"] },
    submitted: { practice_supervisor: ["send_back", "assess"], course_leader: ["send_back", "assess"] },
    assessed: {},
  },
  next: {
    draft: { submit: "submitted" },
    submitted: { send_back: "draft", assess: "assessed" },
    assessed: {},
  },
};

const PRESENTATION: Expected<"assigned" | "given", keyof typeof PRESENTATION_MACHINE> = {
  states: ["assigned", "given"],
  events: ["mark_given", "unmark_given"],
  allowed: { assigned: { project_leader: ["mark_given"] }, given: { project_leader: ["unmark_given"] } },
  next: { assigned: { mark_given: "given" }, given: { unmark_given: "assigned" } },
};

const CERTIFICATE: Expected<"none" | "valid" | "revoked", keyof typeof CERTIFICATE_MACHINE> = {
  states: ["none", "valid", "revoked"],
  events: ["issue", "revoke"],
  allowed: { none: { project_leader: ["issue"] }, valid: { project_leader: ["revoke"] }, revoked: {} },
  next: { none: { issue: "valid" }, valid: { revoke: "revoked" }, revoked: {} },
};

function walk<State extends string, Event extends string>(name: string, machine: Machine<State, Event>, expected: Expected<State, Event>) {
  describe(`${name}: role × state × event`, () => {
    it("knows exactly the events of the table", () => {
      expect(Object.keys(machine)).toEqual([...expected.events]);
    });

    it("leads only to states the table knows, from states the table knows", () => {
      for (const event of expected.events) {
        expect(expected.states).toContain(machine[event].to);
        for (const from of machine[event].from) expect(expected.states).toContain(from);
      }
    });

    for (const state of expected.states) {
      for (const role of JOURNEY_ROLES) {
        it(`${role} in ${state}`, () => {
          const allowed = expected.allowed[state][role] ?? [];
          for (const event of expected.events) {
            expect(mayTransition(machine, state, event, role), `${role} ${event} in ${state}`).toBe(allowed.includes(event));
          }
          expect(eventsFor(machine, state, role)).toEqual([...allowed]);
        });
      }
      it(`next states from ${state}`, () => {
        for (const event of expected.events) {
          expect(nextState(machine, state, event), `${event} in ${state}`).toBe(expected.next[state][event] ?? null);
        }
      });
    }

    it("allows an event exactly where it has a next state", () => {
      for (const state of expected.states) {
        for (const event of expected.events) {
          const anyone = JOURNEY_ROLES.some((role) => mayTransition(machine, state, event, role));
          expect(anyone, `${event} in ${state}`).toBe(expected.next[state][event] !== undefined);
        }
      }
    });
  });
}

walk("placement", PLACEMENT_MACHINE, PLACEMENT);
walk("hours", HOURS_MACHINE, HOURS);
walk("practice activity", PRACTICE_ACTIVITY_MACHINE, PRACTICE_ACTIVITY);
walk("final report", FINAL_REPORT_MACHINE, FINAL_REPORT);
walk("presentation", PRESENTATION_MACHINE, PRESENTATION);
walk("certificate", CERTIFICATE_MACHINE, CERTIFICATE);

describe("proposing a placement", () => {
  it("is for the course leader and the project leader only", () => {
    expect([...PROPOSE_PLACEMENT_BY].sort()).toEqual(["course_leader", "project_leader"]);
  });
});

describe("terminal states", () => {
  it("let nobody move a placement that is declined, withdrawn, completed or ended", () => {
    for (const state of ["declined", "withdrawn", "completed", "ended"] as const) {
      for (const role of JOURNEY_ROLES) expect(eventsFor(PLACEMENT_MACHINE, state, role)).toEqual([]);
    }
  });

  it("keep signed-off hours and a revoked certificate where they are", () => {
    for (const role of JOURNEY_ROLES) {
      expect(eventsFor(HOURS_MACHINE, "signed_off", role)).toEqual([]);
      expect(eventsFor(CERTIFICATE_MACHINE, "revoked", role)).toEqual([]);
    }
  });
});
