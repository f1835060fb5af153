/**
 * The whole permission table, written out by hand: every role × scope (own municipality, another
 * municipality, own partner, another partner) × action. A change to policy.ts that is not
 * reflected here fails, so permissions never change by accident.
 */
import { describe, expect, it } from "vitest";
import {
  can,
  canInMunicipality,
  canInvite,
  canManageActivity,
  canRemoveMembership,
  canSeeParticipants,
  isStaff,
  MUNICIPALITY_ACTIONS,
  NETWORK_ACTIONS,
  STAFF_ROLES,
  type ActivityRef,
  type Actor,
  type MunicipalityAction,
  type NetworkAction,
} from "~/features/authorization/policy";
import { ROLES, type Role } from "~/lib/db/schema";

const OWN = "municipality-a";
const OTHER = "municipality-b";
const OWN_PARTNER = "partner-a1";
const OTHER_PARTNER_SAME_MUNICIPALITY = "partner-a2";
const PARTNER_ELSEWHERE = "partner-b1";
const SELF = "user-self";

type Person = "coordinator" | "projectLeader" | "courseLeader" | "supervisor" | "partnerContact" | "resident";
const PEOPLE: readonly Person[] = ["coordinator", "projectLeader", "courseLeader", "supervisor", "partnerContact", "resident"];

/** Each person holds one role, in municipality A (and partner A1 for partner roles). */
const actors: Record<Person, Actor> = {
  coordinator: { userId: SELF, memberships: [{ role: "network_coordinator", municipalityId: null, partnerOrganisationId: null }] },
  projectLeader: { userId: SELF, memberships: [{ role: "project_leader", municipalityId: OWN, partnerOrganisationId: null }] },
  courseLeader: { userId: SELF, memberships: [{ role: "course_leader", municipalityId: OWN, partnerOrganisationId: null }] },
  supervisor: { userId: SELF, memberships: [{ role: "practice_supervisor", municipalityId: OWN, partnerOrganisationId: OWN_PARTNER }] },
  partnerContact: { userId: SELF, memberships: [{ role: "partner_contact", municipalityId: OWN, partnerOrganisationId: OWN_PARTNER }] },
  resident: { userId: SELF, memberships: [] },
};

// Who may do each municipality action in their OWN municipality. In another municipality only the
// network coordinator keeps these rights (the coordinator's rights do not depend on the municipality).
const MUNICIPALITY_TABLE: Record<MunicipalityAction, readonly Person[]> = {
  "municipality.view_staff_area": ["coordinator", "projectLeader", "courseLeader", "supervisor", "partnerContact"],
  "municipality.edit_settings": ["coordinator", "projectLeader"],
  "municipality.manage_neighbourhoods": ["coordinator", "projectLeader"],
  "municipality.manage_partners": ["coordinator", "projectLeader"],
  "municipality.invite_staff": ["coordinator", "projectLeader"],
  "municipality.view_mail": ["coordinator", "projectLeader"],
  "activity.create": ["projectLeader", "courseLeader", "partnerContact"],
  "activity.manage_any": ["projectLeader", "courseLeader"],
  "activity.view_any_participants": ["projectLeader"],
  // The coordinator works on the network's templates, never on a municipality's trainees.
  "training.manage_tracks": ["projectLeader"],
  "training.manage_cohorts": ["projectLeader"],
  "training.view_cohorts": ["projectLeader", "courseLeader"],
  "privacy.view_audit_log": ["projectLeader"],
  "privacy.handle_erasure": ["projectLeader"],
  "practice.supervise": ["supervisor"],
  "practice.view_pipeline": ["projectLeader", "courseLeader"],
  "practice.edit_settings": ["projectLeader"],
  "practice.manage_ceremonies": ["projectLeader"],
  "certificates.issue": ["projectLeader"],
  "certificates.rotate_key": ["coordinator", "projectLeader"],
  "organisers.review": ["projectLeader", "courseLeader", "supervisor"],
  "organisers.manage_trust": ["projectLeader"],
  "organisers.view_overview": ["projectLeader"],
  "budgets.manage": ["projectLeader"],
  "teams.register": ["projectLeader", "courseLeader"],
  "teams.confirm": ["projectLeader"],
};

const NETWORK_TABLE: Record<NetworkAction, readonly Person[]> = {
  "network.manage_municipalities": ["coordinator"],
  "network.appoint_project_leaders": ["coordinator"],
  "network.view_mail": ["coordinator"],
  "network.manage_tracks": ["coordinator"],
  "network.handle_erasure": ["coordinator"],
};

describe("municipality actions: role × own/other municipality × action", () => {
  it("covers every action the policy knows", () => {
    expect(Object.keys(MUNICIPALITY_TABLE).sort()).toEqual([...MUNICIPALITY_ACTIONS].sort());
    expect(Object.keys(NETWORK_TABLE).sort()).toEqual([...NETWORK_ACTIONS].sort());
  });

  for (const action of MUNICIPALITY_ACTIONS) {
    for (const person of PEOPLE) {
      const allowedInOwn = MUNICIPALITY_TABLE[action].includes(person);
      const allowedInOther = allowedInOwn && person === "coordinator";
      it(`${person} ${allowedInOwn ? "may" : "may not"} ${action} in their own municipality, ${allowedInOther ? "and may" : "and may not"} in another`, () => {
        expect(canInMunicipality(actors[person], action, OWN)).toBe(allowedInOwn);
        expect(canInMunicipality(actors[person], action, OTHER)).toBe(allowedInOther);
      });
    }
  }
});

describe("network actions", () => {
  for (const action of NETWORK_ACTIONS) {
    for (const person of PEOPLE) {
      const allowed = NETWORK_TABLE[action].includes(person);
      it(`${person} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(actors[person], action)).toBe(allowed);
      });
    }
  }
});

describe("canInvite: role to invite × own/other municipality", () => {
  // [person, role invited, municipality] → allowed. Everything not listed is refused.
  const allowed = new Set([
    ...["course_leader", "practice_supervisor", "partner_contact"].flatMap((role) => [
      `projectLeader ${role} ${OWN}`,
      `coordinator ${role} ${OWN}`,
      `coordinator ${role} ${OTHER}`,
    ]),
    `coordinator project_leader ${OWN}`,
    `coordinator project_leader ${OTHER}`,
    `coordinator project_leader null`,
  ]);
  for (const person of PEOPLE) {
    for (const role of ROLES) {
      for (const municipality of [OWN, OTHER, null]) {
        const key = `${person} ${role} ${municipality}`;
        const expected = allowed.has(key);
        it(`${person} ${expected ? "may" : "may not"} invite a ${role} into ${municipality ?? "no municipality"}`, () => {
          expect(canInvite(actors[person], role, municipality)).toBe(expected);
        });
      }
    }
  }
});

describe("canRemoveMembership follows canInvite", () => {
  const cases: [Person, Role, string, string | null, boolean][] = [
    ["projectLeader", "course_leader", OWN, null, true],
    ["projectLeader", "practice_supervisor", OWN, OWN_PARTNER, true],
    ["projectLeader", "partner_contact", OWN, OTHER_PARTNER_SAME_MUNICIPALITY, true],
    ["projectLeader", "course_leader", OTHER, null, false],
    ["projectLeader", "partner_contact", OTHER, PARTNER_ELSEWHERE, false],
    ["projectLeader", "project_leader", OWN, null, false],
    ["coordinator", "project_leader", OWN, null, true],
    ["coordinator", "course_leader", OTHER, null, true],
    ["courseLeader", "course_leader", OWN, null, false],
    ["partnerContact", "partner_contact", OWN, OWN_PARTNER, false],
    ["supervisor", "practice_supervisor", OWN, OWN_PARTNER, false],
    ["resident", "course_leader", OWN, null, false],
  ];
  for (const [person, role, municipalityId, partnerOrganisationId, expected] of cases) {
    it(`${person} ${expected ? "may" : "may not"} remove a ${role} in ${municipalityId}`, () => {
      expect(canRemoveMembership(actors[person], { role, municipalityId, partnerOrganisationId })).toBe(expected);
    });
  }
});

describe("canManageActivity: role × own/other municipality × own/other partner × creator", () => {
  const activities: Record<string, ActivityRef> = {
    "own municipality, own partner": { municipalityId: OWN, partnerOrganisationId: OWN_PARTNER, createdBy: "someone-else", organiserUserId: null },
    "own municipality, other partner": { municipalityId: OWN, partnerOrganisationId: OTHER_PARTNER_SAME_MUNICIPALITY, createdBy: "someone-else", organiserUserId: null },
    "own municipality, no partner, created by self": { municipalityId: OWN, partnerOrganisationId: null, createdBy: SELF, organiserUserId: null },
    "own municipality, no partner, created by someone else": { municipalityId: OWN, partnerOrganisationId: null, createdBy: "someone-else", organiserUserId: null },
    "other municipality, its partner": { municipalityId: OTHER, partnerOrganisationId: PARTNER_ELSEWHERE, createdBy: "someone-else", organiserUserId: null },
    "other municipality, created by self": { municipalityId: OTHER, partnerOrganisationId: null, createdBy: SELF, organiserUserId: null },
  };
  const table: Record<Person, readonly string[]> = {
    coordinator: [],
    projectLeader: [
      "own municipality, own partner",
      "own municipality, other partner",
      "own municipality, no partner, created by self",
      "own municipality, no partner, created by someone else",
    ],
    courseLeader: [
      "own municipality, own partner",
      "own municipality, other partner",
      "own municipality, no partner, created by self",
      "own municipality, no partner, created by someone else",
    ],
    supervisor: [],
    partnerContact: ["own municipality, own partner", "own municipality, no partner, created by self"],
    resident: [],
  };
  for (const person of PEOPLE) {
    for (const [name, activity] of Object.entries(activities)) {
      const expected = table[person].includes(name);
      it(`${person} ${expected ? "may" : "may not"} manage an activity (${name})`, () => {
        expect(canManageActivity(actors[person], activity)).toBe(expected);
      });
    }
  }
});

describe("canSeeParticipants: role × own/other municipality × own/other partner × organiser or maker", () => {
  const activities: Record<string, ActivityRef> = {
    "own municipality, organised by self": { municipalityId: OWN, partnerOrganisationId: null, createdBy: "someone-else", organiserUserId: SELF },
    "own municipality, made by self": { municipalityId: OWN, partnerOrganisationId: null, createdBy: SELF, organiserUserId: "someone-else" },
    "own municipality, someone else's": { municipalityId: OWN, partnerOrganisationId: null, createdBy: "someone-else", organiserUserId: "someone-else" },
    "own municipality, nobody's (made before accounts)": { municipalityId: OWN, partnerOrganisationId: null, createdBy: null, organiserUserId: null },
    "own municipality, own partner, someone else's": { municipalityId: OWN, partnerOrganisationId: OWN_PARTNER, createdBy: "someone-else", organiserUserId: "someone-else" },
    "own municipality, other partner, organised by self": { municipalityId: OWN, partnerOrganisationId: OTHER_PARTNER_SAME_MUNICIPALITY, createdBy: "someone-else", organiserUserId: SELF },
    "other municipality, organised and made by self": { municipalityId: OTHER, partnerOrganisationId: null, createdBy: SELF, organiserUserId: SELF },
    "other municipality, someone else's": { municipalityId: OTHER, partnerOrganisationId: PARTNER_ELSEWHERE, createdBy: "someone-else", organiserUserId: "someone-else" },
  };
  const table: Record<Person, readonly string[]> = {
    coordinator: [],
    projectLeader: [
      "own municipality, organised by self",
      "own municipality, made by self",
      "own municipality, someone else's",
      "own municipality, nobody's (made before accounts)",
      "own municipality, own partner, someone else's",
      "own municipality, other partner, organised by self",
    ],
    courseLeader: ["own municipality, organised by self", "own municipality, made by self", "own municipality, other partner, organised by self"],
    supervisor: [],
    partnerContact: ["own municipality, made by self", "own municipality, own partner, someone else's"],
    resident: [],
  };
  for (const person of PEOPLE) {
    for (const [name, activity] of Object.entries(activities)) {
      const expected = table[person].includes(name);
      it(`${person} ${expected ? "may" : "may not"} see the participants of an activity (${name})`, () => {
        expect(canSeeParticipants(actors[person], activity)).toBe(expected);
        // Seeing participants is never more than managing the activity.
        if (expected) expect(canManageActivity(actors[person], activity)).toBe(true);
      });
    }
  }
});

describe("several memberships", () => {
  const both: Actor = {
    userId: SELF,
    memberships: [
      { role: "project_leader", municipalityId: OWN, partnerOrganisationId: null },
      { role: "partner_contact", municipalityId: OTHER, partnerOrganisationId: PARTNER_ELSEWHERE },
    ],
  };

  it("gives each role its rights in its own scope only", () => {
    expect(canInMunicipality(both, "municipality.view_staff_area", OWN)).toBe(true);
    expect(canInMunicipality(both, "municipality.view_staff_area", OTHER)).toBe(true);
    expect(canInMunicipality(both, "municipality.edit_settings", OWN)).toBe(true);
    expect(canInMunicipality(both, "municipality.edit_settings", OTHER)).toBe(false);
    expect(canInvite(both, "course_leader", OWN)).toBe(true);
    expect(canInvite(both, "course_leader", OTHER)).toBe(false);
    expect(canManageActivity(both, { municipalityId: OTHER, partnerOrganisationId: PARTNER_ELSEWHERE, createdBy: null, organiserUserId: null })).toBe(true);
    expect(canManageActivity(both, { municipalityId: OTHER, partnerOrganisationId: null, createdBy: null, organiserUserId: null })).toBe(false);
  });
});

describe("staff status (two-factor sign-in)", () => {
  const expected: Record<Person, boolean> = {
    coordinator: true,
    projectLeader: true,
    courseLeader: true,
    supervisor: true,
    partnerContact: true,
    resident: false,
  };
  for (const person of PEOPLE) {
    it(`${person} ${expected[person] ? "is" : "is not"} staff`, () => {
      expect(isStaff(actors[person])).toBe(expected[person]);
    });
  }

  // Whoever can see an activity's participants (names, emails, age groups) signs in as staff.
  for (const role of ROLES) {
    it(`${role} counts as staff if it can see participants`, () => {
      const actor = { userId: "u", memberships: [{ role, municipalityId: role === "network_coordinator" ? null : OWN, partnerOrganisationId: "p1" }] };
      const seesParticipants = canSeeParticipants(actor, { municipalityId: OWN, partnerOrganisationId: "p1", createdBy: "u", organiserUserId: "u" });
      if (seesParticipants) expect(isStaff(actor)).toBe(true);
      expect(STAFF_ROLES.includes(role)).toBe(isStaff(actor));
    });
  }
});
