/**
 * The cohort rules of app/features/training/policy.ts as one table: every role × whether the
 * person is one of the cohort's course leaders × whether the cohort is in their own municipality
 * or another one. Written out by hand, so a change to the rules that is not made here fails.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "~/features/authorization/policy";
import { canEditCohort, canRunCohort, canSeeCohortPeople, leadsProgramme, teachesCohort, type CohortRef } from "~/features/training/policy";
import type { Role } from "~/lib/db/schema";

const OWN = "municipality-a";
const OTHER = "municipality-b";
const SELF = "user-self";

type Person = "coordinator" | "projectLeader" | "courseLeader" | "supervisor" | "partnerContact" | "resident";
const PEOPLE: readonly Person[] = ["coordinator", "projectLeader", "courseLeader", "supervisor", "partnerContact", "resident"];

const ROLE_OF: Record<Person, Role | null> = {
  coordinator: "network_coordinator",
  projectLeader: "project_leader",
  courseLeader: "course_leader",
  supervisor: "practice_supervisor",
  partnerContact: "partner_contact",
  resident: null,
};

function actor(person: Person): Actor {
  const role = ROLE_OF[person];
  if (role === null) return { userId: SELF, memberships: [] };
  if (role === "network_coordinator") return { userId: SELF, memberships: [{ role, municipalityId: null, partnerOrganisationId: null }] };
  const partner = role === "practice_supervisor" || role === "partner_contact" ? "partner-a1" : null;
  return { userId: SELF, memberships: [{ role, municipalityId: OWN, partnerOrganisationId: partner }] };
}

type Where = "own" | "other";
type Teaching = "teaches" | "not";
type Rule = "teachesCohort" | "leadsProgramme" | "canSeeCohortPeople" | "canRunCohort" | "canEditCohort";

/**
 * Who is allowed, per rule, as "<person>/<teaching>/<where>". Everyone not listed is refused.
 * "teaches" means the person's id is on the cohort's course-leader list; that alone gives nothing
 * without a course-leader membership in the cohort's municipality.
 */
const ALLOWED: Record<Rule, readonly string[]> = {
  teachesCohort: ["courseLeader/teaches/own"],
  leadsProgramme: ["projectLeader/teaches/own", "projectLeader/not/own"],
  canSeeCohortPeople: ["courseLeader/teaches/own", "projectLeader/teaches/own", "projectLeader/not/own"],
  canRunCohort: ["courseLeader/teaches/own", "projectLeader/teaches/own", "projectLeader/not/own"],
  canEditCohort: ["projectLeader/teaches/own", "projectLeader/not/own"],
};

const RULES: Record<Rule, (a: Actor, c: CohortRef) => boolean> = { teachesCohort, leadsProgramme, canSeeCohortPeople, canRunCohort, canEditCohort };

describe("cohort policy table (role × teaches × municipality)", () => {
  for (const rule of Object.keys(RULES) as Rule[]) {
    for (const person of PEOPLE) {
      for (const teaching of ["teaches", "not"] as const satisfies readonly Teaching[]) {
        for (const where of ["own", "other"] as const satisfies readonly Where[]) {
          const key = `${person}/${teaching}/${where}`;
          const expected = ALLOWED[rule].includes(key);
          it(`${rule}: ${key} → ${expected ? "allowed" : "refused"}`, () => {
            const cohort: CohortRef = { municipalityId: where === "own" ? OWN : OTHER, courseLeaderIds: teaching === "teaches" ? [SELF, "someone-else"] : ["someone-else"] };
            expect(RULES[rule](actor(person), cohort)).toBe(expected);
          });
        }
      }
    }
  }

  it("does not let a course leader in one municipality teach a cohort of another, even when listed on it", () => {
    const both: Actor = {
      userId: SELF,
      memberships: [
        { role: "course_leader", municipalityId: OTHER, partnerOrganisationId: null },
        { role: "project_leader", municipalityId: OWN, partnerOrganisationId: null },
      ],
    };
    expect(teachesCohort(both, { municipalityId: OWN, courseLeaderIds: [SELF] })).toBe(false);
    expect(canEditCohort(both, { municipalityId: OTHER })).toBe(false);
    expect(canSeeCohortPeople(both, { municipalityId: OTHER, courseLeaderIds: [SELF] })).toBe(true);
    expect(canSeeCohortPeople(both, { municipalityId: OTHER, courseLeaderIds: [] })).toBe(false);
  });
});
