/**
 * The pure rules of resident teams, as tables: the agreement rule of an action point
 * (agreement.ts), the "rests on one person" flag (one-person.ts) and the Junior age rule (junior.ts).
 */
import { describe, expect, it } from "vitest";
import { decideActionPoint, decidingMembers, type AgreementInput } from "~/features/teams/agreement";
import { juniorEligibility, mayBeNamedPublicly, mayJoinTeam } from "~/features/teams/junior";
import { restsOnOnePerson, type TeamWorkItem } from "~/features/teams/one-person";

const proposedAt = new Date("2026-06-01T10:00:00Z");
const before = new Date("2026-05-01T10:00:00Z");
const after = new Date("2026-06-02T10:00:00Z");
const ann = { userId: "ann", joinedAt: before };
const bo = { userId: "bo", joinedAt: before };
const cem = { userId: "cem", joinedAt: before };
const late = { userId: "late", joinedAt: after };

const base: AgreementInput = { proposedAt, decideBy: "2026-06-08", today: "2026-06-03", members: [ann, bo, cem], votes: [] };

describe("the agreement rule", () => {
  const table: [string, Partial<AgreementInput>, ReturnType<typeof decideActionPoint>][] = [
    ["nobody answered yet, within the period", {}, "open"],
    ["some agreed, within the period", { votes: [{ userId: "ann", vote: "agree" }, { userId: "bo", vote: "agree" }] }, "open"],
    ["everyone agreed", { votes: [{ userId: "ann", vote: "agree" }, { userId: "bo", vote: "agree" }, { userId: "cem", vote: "agree" }] }, "agreed"],
    ["everyone agreed on the last day", { today: "2026-06-08", votes: [{ userId: "ann", vote: "agree" }, { userId: "bo", vote: "agree" }, { userId: "cem", vote: "agree" }] }, "agreed"],
    ["one objection among agreements", { votes: [{ userId: "ann", vote: "agree" }, { userId: "bo", vote: "object" }] }, "not_agreed"],
    ["one objection, nobody else answered", { votes: [{ userId: "cem", vote: "object" }] }, "not_agreed"],
    ["the period ended without everyone", { today: "2026-06-09", votes: [{ userId: "ann", vote: "agree" }, { userId: "bo", vote: "agree" }] }, "not_agreed"],
    ["the period ended without any answer", { today: "2026-06-09" }, "not_agreed"],
    ["a late joiner does not hold it up", { members: [ann, bo, late], votes: [{ userId: "ann", vote: "agree" }, { userId: "bo", vote: "agree" }] }, "agreed"],
    ["a late joiner's objection does not count", { members: [ann, bo, late], votes: [{ userId: "ann", vote: "agree" }, { userId: "late", vote: "object" }] }, "open"],
    ["a member who left no longer holds it up", { members: [ann, bo], votes: [{ userId: "ann", vote: "agree" }, { userId: "bo", vote: "agree" }] }, "agreed"],
    ["the objection of a member who left no longer counts", { members: [ann, bo], votes: [{ userId: "ann", vote: "agree" }, { userId: "cem", vote: "object" }] }, "open"],
    ["a one-person team agrees with itself", { members: [ann], votes: [{ userId: "ann", vote: "agree" }] }, "agreed"],
    ["nobody left who decides, within the period", { members: [late] }, "open"],
    ["nobody left who decides, after the period", { members: [late], today: "2026-06-10" }, "not_agreed"],
  ];
  it.each(table)("%s", (_name, change, expected) => {
    expect(decideActionPoint({ ...base, ...change })).toBe(expected);
  });

  it("counts members who joined at the very moment of the proposal", () => {
    expect(decidingMembers({ proposedAt, members: [{ userId: "x", joinedAt: proposedAt }, late] })).toEqual(["x"]);
  });
});

const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const items = (kind: TeamWorkItem["kind"], ...who: (string | null)[]) => who.map((userId, i) => ({ kind, userId, at: daysAgo(10 + i) }));

describe("rests on one person", () => {
  const table: [string, TeamWorkItem[], { kind: string; userId: string; count: number; total: number }[]][] = [
    ["no work yet", [], []],
    ["three activities by one person: too few to tell", items("activity", "ann", "ann", "ann"), []],
    ["four activities by one person", items("activity", "ann", "ann", "ann", "ann"), [{ kind: "activity", userId: "ann", count: 4, total: 4 }]],
    ["four of five by one person (80 %)", items("activity", "ann", "ann", "bo", "ann", "ann"), [{ kind: "activity", userId: "ann", count: 4, total: 5 }]],
    ["three of four by one person (75 %)", items("activity", "ann", "bo", "ann", "ann"), []],
    ["shared work", items("action_point", "ann", "bo", "cem", "ann", "bo"), []],
    ["action points by one person", items("action_point", "bo", "bo", "bo", "bo", "bo"), [{ kind: "action_point", userId: "bo", count: 5, total: 5 }]],
    ["both kinds", [...items("activity", "ann", "ann", "ann", "ann"), ...items("action_point", "ann", "ann", "ann", "ann")], [
      { kind: "activity", userId: "ann", count: 4, total: 4 },
      { kind: "action_point", userId: "ann", count: 4, total: 4 },
    ]],
    ["unknown organisers count in the total, not for anyone", items("activity", "ann", "ann", "ann", null, null), []],
    [
      "work older than six months does not count",
      [...items("activity", "ann", "ann"), { kind: "activity", userId: "ann", at: daysAgo(200) }, { kind: "activity", userId: "ann", at: daysAgo(190) }],
      [],
    ],
  ];
  it.each(table)("%s", (_name, work, expected) => {
    expect(restsOnOnePerson(work, now)).toEqual(expected);
  });
});

describe("the Junior age rule", () => {
  const today = "2026-12-01";
  const table: [string | null, boolean, boolean, string][] = [
    ["2001-12-01", false, true, "eligible"], // 25 today
    ["2001-12-02", false, true, "eligible"], // 24 today
    ["2000-12-01", false, false, "too_old"], // 26 today
    ["2000-12-01", true, false, "too_old"], // a tick does not overrule a known age
    [null, false, false, "unknown"],
    [null, true, true, "unknown"],
    ["2012-05-05", false, true, "eligible"],
  ];
  it.each(table)("born %s, confirmed %s: may join %s (%s)", (dateOfBirth, confirmed, mayJoin, eligibility) => {
    expect(juniorEligibility(dateOfBirth, today)).toBe(eligibility);
    expect(mayJoinTeam({ isJunior: true }, dateOfBirth, today, confirmed)).toBe(mayJoin);
  });

  it("lets anyone join a team that is not Junior", () => {
    expect(mayJoinTeam({ isJunior: false }, "1950-01-01", today, false)).toBe(true);
    expect(mayJoinTeam({ isJunior: false }, null, today, false)).toBe(true);
  });

  it("names publicly only people known to be 16 or older", () => {
    expect(mayBeNamedPublicly("2010-12-01", today)).toBe(true);
    expect(mayBeNamedPublicly("2010-12-02", today)).toBe(false);
    expect(mayBeNamedPublicly(null, today)).toBe(false);
  });
});
