/**
 * Who may join a Junior team (EigenWIJzebuurten Junior: young residents up to 25). The platform
 * knows a date of birth only from a course application; when it does, that decides. When it does
 * not, the person confirms with a tick that they are 25 or younger (docs/decisions/031-resident-teams.md).
 */
import { JUNIOR_TEAM_MAX_AGE } from "~/lib/db/schema";
import { ageOn } from "~/features/training/age";

export type JuniorEligibility = "eligible" | "too_old" | "unknown";

export function juniorEligibility(dateOfBirth: string | null, today: string): JuniorEligibility {
  if (!dateOfBirth) return "unknown";
  const age = ageOn(dateOfBirth, today);
  if (age === null) return "unknown";
  return age <= JUNIOR_TEAM_MAX_AGE ? "eligible" : "too_old";
}

/**
 * Whether someone may join: a regular team always; a Junior team when the known age allows it, or
 * when the age is unknown and they confirmed it themselves.
 */
export function mayJoinTeam(team: { isJunior: boolean }, dateOfBirth: string | null, today: string, confirmedAge: boolean): boolean {
  if (!team.isJunior) return true;
  const eligibility = juniorEligibility(dateOfBirth, today);
  return eligibility === "eligible" || (eligibility === "unknown" && confirmedAge);
}

/** Public pages name a member (by first name) only when the platform knows they are at least this old. */
export const PUBLIC_NAME_MIN_AGE = 16;

export function mayBeNamedPublicly(dateOfBirth: string | null, today: string): boolean {
  if (!dateOfBirth) return false;
  const age = ageOn(dateOfBirth, today);
  return age !== null && age >= PUBLIC_NAME_MIN_AGE;
}
