/**
 * Which partner organisations a person may put an activity under. Project and course leaders may
 * choose any partner of the municipality (or none); a partner contact only their own
 * organisation(s), so every activity they make stays one they can manage (canManageActivity).
 */
import { canInMunicipality, type Actor } from "~/features/authorization/policy";

export type PartnerChoice = "any" | readonly string[];

export function activityPartnerChoice(actor: Actor, municipalityId: string): PartnerChoice {
  if (canInMunicipality(actor, "activity.manage_any", municipalityId)) return "any";
  return actor.memberships
    .filter((m) => m.role === "partner_contact" && m.municipalityId === municipalityId && m.partnerOrganisationId !== null)
    .map((m) => m.partnerOrganisationId!);
}

/** Whether `partnerOrganisationId` (null: none) is allowed under a partner choice. */
export function isPartnerAllowed(choice: PartnerChoice, partnerOrganisationId: string | null): boolean {
  if (choice === "any") return true;
  return partnerOrganisationId !== null && choice.includes(partnerOrganisationId);
}

/**
 * Attendance says who came, so it can only be recorded once the activity has begun: before that
 * "present" or "did not come" would be a guess (and a walk-in at the door counts as present).
 */
export function isAttendanceOpen(activity: { startsAt: Date }, now: Date = new Date()): boolean {
  return activity.startsAt.getTime() <= now.getTime();
}
