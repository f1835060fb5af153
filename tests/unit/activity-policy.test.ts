/** Which partner a person may put an activity under, and which status steps are allowed when. */
import { describe, expect, it } from "vitest";
import { activityPartnerChoice, isPartnerAllowed } from "~/features/activities/policy";
import { canTakeStep, type ActivityStep } from "~/features/activities/writes.server";
import type { Actor } from "~/features/authorization/policy";
import { ACTIVITY_STATUSES, type ActivityStatus } from "~/lib/db/schema";

const OWN = "municipality-a";
const OTHER = "municipality-b";
const actor = (memberships: Actor["memberships"]): Actor => ({ userId: "u", memberships });

describe("activityPartnerChoice", () => {
  it("lets project and course leaders pick any partner or none, in their own municipality only", () => {
    for (const role of ["project_leader", "course_leader"] as const) {
      const leader = actor([{ role, municipalityId: OWN, partnerOrganisationId: null }]);
      expect(activityPartnerChoice(leader, OWN)).toBe("any");
      expect(activityPartnerChoice(leader, OTHER)).toEqual([]);
    }
  });

  it("limits a partner contact to their own organisations in that municipality", () => {
    const contact = actor([
      { role: "partner_contact", municipalityId: OWN, partnerOrganisationId: "p1" },
      { role: "partner_contact", municipalityId: OTHER, partnerOrganisationId: "p9" },
      { role: "practice_supervisor", municipalityId: OWN, partnerOrganisationId: "p2" },
    ]);
    const choice = activityPartnerChoice(contact, OWN);
    expect(choice).toEqual(["p1"]);
    expect(isPartnerAllowed(choice, "p1")).toBe(true);
    expect(isPartnerAllowed(choice, "p2")).toBe(false);
    expect(isPartnerAllowed(choice, "p9")).toBe(false);
    expect(isPartnerAllowed(choice, null)).toBe(false);
    expect(isPartnerAllowed("any", null)).toBe(true);
  });
});

describe("status steps", () => {
  const future = new Date(Date.now() + 86_400_000);
  const past = new Date(Date.now() - 86_400_000);
  // For each step: the statuses it may start from, before the activity begins and after.
  const TABLE: Record<ActivityStep, { beforeStart: ActivityStatus[]; afterStart: ActivityStatus[] }> = {
    publish: { beforeStart: ["draft", "in_review"], afterStart: [] },
    cancel: { beforeStart: ["draft", "in_review", "published"], afterStart: ["draft", "in_review", "published"] },
    complete: { beforeStart: [], afterStart: ["published"] },
  };
  for (const [step, expected] of Object.entries(TABLE) as [ActivityStep, (typeof TABLE)[ActivityStep]][]) {
    it(`allows "${step}" exactly from ${expected.beforeStart.join(", ") || "nothing"} before the start and ${expected.afterStart.join(", ") || "nothing"} after`, () => {
      for (const status of ACTIVITY_STATUSES) {
        expect(canTakeStep(step, { status, startsAt: future })).toBe(expected.beforeStart.includes(status));
        expect(canTakeStep(step, { status, startsAt: past })).toBe(expected.afterStart.includes(status));
      }
    });
  }
});
