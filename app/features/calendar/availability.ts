/**
 * What the public may know about the places of an activity: how many are left, or that it is
 * full and new sign-ups go on the waitlist. Never who registered or how long the waitlist is.
 */
export type Availability =
  | { kind: "no_registration" }
  | { kind: "unlimited" }
  | { kind: "open"; spotsLeft: number }
  | { kind: "waitlist" }
  | { kind: "full" };

export interface PlacesOf {
  capacity: number | null;
  confirmedCount: number;
  waitlistEnabled: boolean;
  registrationRequired: boolean;
}

export function spotsLeft(activity: PlacesOf): number | null {
  return activity.capacity === null ? null : Math.max(0, activity.capacity - activity.confirmedCount);
}

export function availabilityOf(activity: PlacesOf): Availability {
  if (!activity.registrationRequired) return { kind: "no_registration" };
  const left = spotsLeft(activity);
  if (left === null) return { kind: "unlimited" };
  if (left > 0) return { kind: "open", spotsLeft: left };
  return activity.waitlistEnabled ? { kind: "waitlist" } : { kind: "full" };
}
