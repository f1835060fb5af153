/**
 * Ages for the course's age rules, on local dates in Europe/Amsterdam: a resident's age on the
 * cohort's first day decides whether they may apply and whether a guardian must consent first.
 * Someone born on 29 February turns a year older on 1 March in a year without that day (the
 * comparison below reads 28 February as "not yet").
 */
import { utcToZonedLocal } from "~/lib/time";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A real calendar date "YYYY-MM-DD", or null (2026-02-30 and 2026-13-01 are not dates). */
export function parseLocalDate(value: string): LocalDate | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Whole years between a date of birth and a day, both local dates; null when either is no date. */
export function ageOn(dateOfBirth: string, day: string): number | null {
  const born = parseLocalDate(dateOfBirth);
  const on = parseLocalDate(day);
  if (!born || !on) return null;
  let age = on.year - born.year;
  if (on.month < born.month || (on.month === born.month && on.day < born.day)) age -= 1;
  return age;
}

/** Today's date in Europe/Amsterdam ("YYYY-MM-DD"): just after midnight there it is already tomorrow in UTC terms. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return utcToZonedLocal(now).date;
}

export interface AgeRule {
  minAge: number;
  maxAge: number | null;
  guardianConsentBelowAge: number;
}

export type AgeVerdict =
  | { ok: true; age: number; needsGuardianConsent: boolean }
  | { ok: false; reason: "too_young" | "too_old"; age: number };

/** Whether someone born on `dateOfBirth` may follow a course that starts on `startsOn`. */
export function checkAgeRule(rule: AgeRule, dateOfBirth: string, startsOn: string): AgeVerdict | null {
  const age = ageOn(dateOfBirth, startsOn);
  if (age === null) return null;
  if (age < rule.minAge) return { ok: false, reason: "too_young", age };
  if (rule.maxAge !== null && age > rule.maxAge) return { ok: false, reason: "too_old", age };
  return { ok: true, age, needsGuardianConsent: age < rule.guardianConsentBelowAge };
}
