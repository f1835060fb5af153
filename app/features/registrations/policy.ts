/** Who may take a place at an activity: pure rules, shared by the sign-up form, the API and the write. */
import { AGE_GROUPS, type AgeGroup } from "~/lib/db/schema";

/** The ages each age group covers, both ends inclusive; `null` is open-ended. */
export const AGE_GROUP_RANGES: Record<AgeGroup, readonly [number, number | null]> = {
  under_12: [0, 11],
  "12_15": [12, 15],
  "16_17": [16, 17],
  "18_26": [18, 26],
  "27_66": [27, 66],
  "67_plus": [67, null],
};

export interface AgeLimits {
  minAge: number | null;
  maxAge: number | null;
}

/**
 * Whether someone in this age group may sign up. Groups are coarse, so a group that overlaps the
 * activity's range fits (an 8–14 activity takes "under 12"); only a group wholly outside it is refused.
 */
export function ageGroupFits(activity: AgeLimits, group: AgeGroup): boolean {
  const [youngest, oldest] = AGE_GROUP_RANGES[group];
  if (activity.maxAge !== null && youngest > activity.maxAge) return false;
  if (activity.minAge !== null && oldest !== null && oldest < activity.minAge) return false;
  return true;
}

/** The age groups the sign-up form offers for an activity. */
export function fittingAgeGroups(activity: AgeLimits): AgeGroup[] {
  return AGE_GROUPS.filter((group) => ageGroupFits(activity, group));
}
