/**
 * The evaluation's rules as pure functions: when it opens, how long it may be changed, and what
 * the form is pre-filled with. Tested as tables in tests/unit/organisers-evaluation-policy.test.ts.
 */
import type { AgeGroup } from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";

/**
 * Days (local calendar days in Europe/Amsterdam) after the first save during which the organiser
 * may still correct the evaluation: long enough to add a late count or photo, short enough that the
 * organised-activities record and the municipality's figures settle.
 */
export const EVALUATION_EDIT_DAYS = 14;

/** At most this many photos per activity: an evaluation shows the activity, it is no photo album. */
export const MAX_PHOTOS_PER_ACTIVITY = 12;

/** The evaluation opens when the activity has ended (its end instant, so a DST change cannot shift it). */
export function isEvaluationOpen(endsAt: Date, now: Date = new Date()): boolean {
  return endsAt.getTime() <= now.getTime();
}

/** Whether a saved evaluation may still be changed: through the 14th local day after it was first saved. */
export function canEditEvaluation(evaluatedAt: Date, now: Date = new Date()): boolean {
  const lastDay = addDaysToLocalDate(utcToZonedLocal(evaluatedAt).date, EVALUATION_EDIT_DAYS);
  return utcToZonedLocal(now).date <= lastDay && now.getTime() >= evaluatedAt.getTime() - 60_000;
}

export interface PrefillParticipant {
  attendance: "attended" | "no_show" | null;
  /** No registration with the same address anywhere on the platform before this one. */
  isFirstTime: boolean;
}

/**
 * What the form starts with: turnout = everyone checked in (walk-ins are checked in when added),
 * reached for the first time = those among them whose address had never signed up before. A walk-in
 * without an address is unknown and not counted as new; the organiser can correct both numbers.
 */
export function prefillEvaluation(participants: readonly PrefillParticipant[]): { turnout: number; firstTimeCount: number } {
  const attended = participants.filter((p) => p.attendance === "attended");
  return { turnout: attended.length, firstTimeCount: attended.filter((p) => p.isFirstTime).length };
}

/** Under 16: the photo consent is asked of a parent or guardian (AVG article 8, UAVG article 5). */
export function needsGuardianForPhotos(ageGroup: AgeGroup): boolean {
  return ageGroup === "under_12" || ageGroup === "12_15";
}

export interface PhotoSubjectConsent {
  status: "requested" | "given" | "refused" | "withdrawn";
  photoScope: "internal" | "public" | null;
}

/**
 * Whether a photo with these people on it may be kept, and where it may be shown: refused when
 * nobody is ticked or anyone lacks a given consent; public only when every consent allows it.
 */
export function photoVisibility(consents: readonly (PhotoSubjectConsent | undefined)[]): "internal" | "public" | null {
  if (consents.length === 0) return null;
  if (consents.some((c) => c?.status !== "given" || c.photoScope === null)) return null;
  return consents.every((c) => c!.photoScope === "public") ? "public" : "internal";
}
