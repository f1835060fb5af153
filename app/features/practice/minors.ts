/** Whether a trainee counts as a minor today (an unknown date of birth counts as one: log rather than miss). */
import { ageOn, todayInAmsterdam } from "~/features/training/age";

export function isMinorToday(dateOfBirth: string | null, now = new Date()): boolean {
  if (!dateOfBirth) return true;
  const age = ageOn(dateOfBirth, todayInAmsterdam(now));
  return age === null || age < 18;
}
