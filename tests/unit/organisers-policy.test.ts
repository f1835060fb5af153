/**
 * The organiser's rules as tables: the journey (role × state × event), who may organise and
 * co-organise, trust (setting and override), which coach reviews, the roles on an activity and
 * the groups of the organiser's own page.
 */
import { describe, expect, it } from "vitest";
import { mayOrganisedActivity, nextOrganisedActivityState, ORGANISED_ACTIVITY_MACHINE, ORGANISING_ROLES, type OrganisedActivityEvent } from "~/features/organisers/journey";
import { mayOrganiseAs, mayOrganiseIn, mayReviewPlan, organiserTrust, organisingRights as organisingRightsFor, organisingRoleOf, ownActivityGroup, publicOrganiserName, type OrganiserFacts } from "~/features/organisers/policy";
import { ACTIVITY_STATUSES, type ActivityStatus } from "~/lib/db/schema";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";
const TEAM = "33333333-3333-4333-8333-333333333333";

describe("the organised activity's journey", () => {
  // Every allowed (state, event, role) and where it leads; everything else is refused.
  const allowed: [ActivityStatus, OrganisedActivityEvent, (typeof ORGANISING_ROLES)[number], ActivityStatus][] = [
    ["draft", "submit", "organiser", "in_review"],
    ["draft", "publish_directly", "organiser", "published"],
    ["in_review", "approve", "coach", "published"],
    ["in_review", "request_changes", "coach", "draft"],
    ["in_review", "withdraw", "organiser", "draft"],
    ["published", "evaluate", "organiser", "completed"],
    ["published", "evaluate", "co_organiser", "completed"],
    ["draft", "cancel", "organiser", "cancelled"],
    ["in_review", "cancel", "organiser", "cancelled"],
    ["published", "cancel", "organiser", "cancelled"],
    ["draft", "cancel", "coach", "cancelled"],
    ["in_review", "cancel", "coach", "cancelled"],
    ["published", "cancel", "coach", "cancelled"],
  ];
  const events = Object.keys(ORGANISED_ACTIVITY_MACHINE) as OrganisedActivityEvent[];
  for (const state of ACTIVITY_STATUSES) {
    for (const event of events) {
      for (const role of ORGANISING_ROLES) {
        const row = allowed.find(([s, e, r]) => s === state && e === event && r === role);
        it(`${role} ${row ? "may" : "may not"} ${event} from ${state}`, () => {
          expect(mayOrganisedActivity(state, event, role)).toBe(row !== undefined);
          if (row) expect(nextOrganisedActivityState(state, event)).toBe(row[3]);
        });
      }
    }
  }
});

describe("who may organise", () => {
  const cases: [string, OrganiserFacts, string, string | null, { inMunicipality: boolean; asThis: boolean }][] = [
    ["a Citytrainer certified here, as themself", { userId: "u", certifiedIn: [A], teams: [] }, A, null, { inMunicipality: true, asThis: true }],
    ["a Citytrainer certified elsewhere", { userId: "u", certifiedIn: [B], teams: [] }, A, null, { inMunicipality: false, asThis: false }],
    ["a member of an active team, as the team", { userId: "u", certifiedIn: [], teams: [{ teamId: TEAM, municipalityId: A, status: "active" }] }, A, TEAM, { inMunicipality: true, asThis: true }],
    ["a member of an active team, as themself", { userId: "u", certifiedIn: [], teams: [{ teamId: TEAM, municipalityId: A, status: "active" }] }, A, null, { inMunicipality: true, asThis: false }],
    ["a member of a proposed team", { userId: "u", certifiedIn: [], teams: [{ teamId: TEAM, municipalityId: A, status: "proposed" }] }, A, TEAM, { inMunicipality: false, asThis: false }],
    ["a member of an archived team", { userId: "u", certifiedIn: [], teams: [{ teamId: TEAM, municipalityId: A, status: "archived" }] }, A, TEAM, { inMunicipality: false, asThis: false }],
    ["a Citytrainer, as a team they are not in", { userId: "u", certifiedIn: [A], teams: [] }, A, TEAM, { inMunicipality: true, asThis: false }],
    ["a resident without certificate or team", { userId: "u", certifiedIn: [], teams: [] }, A, null, { inMunicipality: false, asThis: false }],
  ];
  for (const [name, facts, municipalityId, teamId, expected] of cases) {
    it(name, () => {
      expect(mayOrganiseIn(facts, municipalityId)).toBe(expected.inMunicipality);
      expect(mayOrganiseAs(facts, municipalityId, teamId)).toBe(expected.asThis);
    });
  }
});

describe("trusted organisers", () => {
  const cases: [boolean, "trusted" | "not_trusted" | null, { trusted: boolean; source: "setting" | "override" }][] = [
    [false, null, { trusted: false, source: "setting" }],
    [true, null, { trusted: true, source: "setting" }],
    [false, "trusted", { trusted: true, source: "override" }],
    [true, "not_trusted", { trusted: false, source: "override" }],
    [true, "trusted", { trusted: true, source: "override" }],
    [false, "not_trusted", { trusted: false, source: "override" }],
  ];
  for (const [setting, override, expected] of cases) {
    it(`setting ${setting}, override ${override ?? "none"}`, () => expect(organiserTrust(setting, override)).toEqual(expected));
  }
});

describe("which coach reviews a plan", () => {
  const actor = (role: "project_leader" | "course_leader" | "practice_supervisor" | "partner_contact", municipalityId = A) => ({
    userId: "coach",
    memberships: [{ role, municipalityId, partnerOrganisationId: role === "practice_supervisor" || role === "partner_contact" ? "p" : null }],
  });
  const cases: [string, ReturnType<typeof actor>, string[], boolean][] = [
    ["the project leader", actor("project_leader"), [], true],
    ["a course leader", actor("course_leader"), [], true],
    ["the organiser's practice supervisor", actor("practice_supervisor"), ["coach"], true],
    ["another practice supervisor", actor("practice_supervisor"), ["someone-else"], false],
    ["a partner contact", actor("partner_contact"), ["coach"], false],
    ["another municipality's project leader", actor("project_leader", B), [], false],
  ];
  for (const [name, who, supervisorIds, expected] of cases) {
    it(name, () => expect(mayReviewPlan(who, A, { supervisorIds })).toBe(expected));
  }
});

describe("roles on an activity and what they allow", () => {
  const activity = { municipalityId: A, organiserUserId: "org", teamId: TEAM, coOrganiserIds: ["co"], teamMemberIds: ["org", "member"] };
  const cases: [string, "organiser" | "co_organiser" | null, boolean][] = [
    ["org", "organiser", true],
    ["co", "co_organiser", false],
    ["member", "co_organiser", false],
    ["stranger", null, false],
  ];
  for (const [userId, role, editPlan] of cases) {
    it(`${userId} is ${role ?? "nobody"}`, () => {
      expect(organisingRoleOf(userId, activity)).toBe(role);
      const rights = organisingRightsFor(role);
      expect(rights.editPlan).toBe(editPlan);
      expect(rights.checkIn && rights.message && rights.seeRegistrations).toBe(role !== null);
    });
  }
  it("co-organisers may not cancel or change the plan in the journey either", () => {
    expect(mayOrganisedActivity("published", "cancel", "co_organiser")).toBe(false);
    expect(mayOrganisedActivity("draft", "submit", "co_organiser")).toBe(false);
  });
});

describe("the organiser's own page and the public name", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const later = new Date("2026-12-02T12:00:00Z");
  const earlier = new Date("2026-11-30T12:00:00Z");
  const cases: [string, Date, string | null, string][] = [
    ["draft", later, null, "draft"],
    ["draft", later, "Kies een andere plek", "changes_asked"],
    ["in_review", later, null, "in_review"],
    ["published", later, null, "upcoming"],
    ["published", earlier, null, "past"],
    ["completed", earlier, null, "completed"],
    ["cancelled", later, null, "cancelled"],
  ];
  for (const [status, endsAt, changesRequested, group] of cases) {
    it(`${status}${changesRequested ? " with a comment" : ""} ending ${endsAt === later ? "later" : "earlier"} is ${group}`, () => {
      expect(ownActivityGroup({ status, endsAt, changesRequested }, now)).toBe(group);
    });
  }
  it("shows a Citytrainer by first name and a team by its name", () => {
    expect(publicOrganiserName({ personName: "  Chris   Citytrainer " })).toBe("Chris");
    expect(publicOrganiserName({ teamName: "Junior Team De Haven" })).toBe("Junior Team De Haven");
  });
});
