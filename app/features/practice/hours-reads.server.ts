/**
 * Reading practice hours: a placement's entries (newest first) with their learning goal and
 * reviewer, the progress toward the track's target (only signed-off hours count), the learning
 * goals an entry may name, and for colleagues a summary of many placements in one query and the
 * warnings for a planned stretch of time (the practice activity).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { learningGoals, practiceHours, users } from "~/lib/db/schema";
import { HOURS_WARNINGS, type HoursWarning } from "./hours-guard";

export { plannedTimeWarnings } from "./hours-guard";

const reviewers = alias(users, "reviewers");

/** The entries of one placement, newest first. */
export async function listPlacementHours(municipalityId: MunicipalityId, placementId: string) {
  const rows = await db()
    .select({
      id: practiceHours.id,
      kind: practiceHours.kind,
      startsAt: practiceHours.startsAt,
      endsAt: practiceHours.endsAt,
      description: practiceHours.description,
      learningGoalId: practiceHours.learningGoalId,
      learningGoal: learningGoals.description,
      status: practiceHours.status,
      guardWarnings: practiceHours.guardWarnings,
      guardConfirmedAt: practiceHours.guardConfirmedAt,
      schoolHoliday: practiceHours.schoolHoliday,
      returnComment: practiceHours.returnComment,
      reviewedAt: practiceHours.reviewedAt,
      reviewerName: reviewers.name,
      createdAt: practiceHours.createdAt,
    })
    .from(practiceHours)
    .leftJoin(learningGoals, eq(learningGoals.id, practiceHours.learningGoalId))
    .leftJoin(reviewers, eq(reviewers.id, practiceHours.reviewedBy))
    .where(and(eq(practiceHours.municipalityId, municipalityId), eq(practiceHours.placementId, placementId)))
    .orderBy(desc(practiceHours.startsAt), desc(practiceHours.createdAt));
  return rows.map((row) => ({ ...row, guardWarnings: knownWarnings(row.guardWarnings), minutes: minutesBetween(row.startsAt, row.endsAt) }));
}
export type HoursEntry = Awaited<ReturnType<typeof listPlacementHours>>[number];

function knownWarnings(codes: readonly string[]): HoursWarning[] {
  return HOURS_WARNINGS.filter((code) => codes.includes(code));
}

export function minutesBetween(startsAt: Date, endsAt: Date): number {
  return Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
}

/** Signed-off minutes against the target (whole hours), and the minutes still waiting for sign-off. */
export function hoursProgress(entries: readonly Pick<HoursEntry, "status" | "minutes">[], targetHours: number) {
  const signedOffMinutes = entries.filter((e) => e.status === "signed_off").reduce((sum, e) => sum + e.minutes, 0);
  const submittedMinutes = entries.filter((e) => e.status === "submitted").reduce((sum, e) => sum + e.minutes, 0);
  return { signedOffMinutes, submittedMinutes, targetMinutes: targetHours * 60, met: signedOffMinutes >= targetHours * 60 };
}

/** The learning goals of an enrolment, for the entry form's select. */
export async function learningGoalsOf(municipalityId: MunicipalityId, enrolmentId: string) {
  return db()
    .select({ id: learningGoals.id, description: learningGoals.description })
    .from(learningGoals)
    .where(and(eq(learningGoals.municipalityId, municipalityId), eq(learningGoals.enrolmentId, enrolmentId)))
    .orderBy(asc(learningGoals.position));
}

export interface HoursSummary {
  signedOffMinutes: number;
  submittedMinutes: number;
  /** When the trainee last logged (or changed) an entry; null without entries. */
  lastLoggedAt: Date | null;
  lastSignedOffAt: Date | null;
  /** Entries with a youth working-time warning that are not signed off yet. */
  entriesWithWarnings: number;
}

/** Per placement of this municipality, the hours at a glance; one query for all of them. Placements without entries get zeros. */
export async function hoursSummary(municipalityId: MunicipalityId, placementIds: readonly string[]): Promise<Map<string, HoursSummary>> {
  const summaries = new Map<string, HoursSummary>();
  const ids = [...new Set(placementIds)];
  for (const id of ids) summaries.set(id, { signedOffMinutes: 0, submittedMinutes: 0, lastLoggedAt: null, lastSignedOffAt: null, entriesWithWarnings: 0 });
  if (ids.length === 0) return summaries;
  const minutes = sql<number>`extract(epoch from ${practiceHours.endsAt} - ${practiceHours.startsAt}) / 60`;
  const rows = await db()
    .select({
      placementId: practiceHours.placementId,
      signedOffMinutes: sql<string>`coalesce(sum(${minutes}) filter (where ${practiceHours.status} = 'signed_off'), 0)`,
      submittedMinutes: sql<string>`coalesce(sum(${minutes}) filter (where ${practiceHours.status} = 'submitted'), 0)`,
      lastLoggedAt: sql<string | null>`max(greatest(${practiceHours.createdAt}, ${practiceHours.updatedAt}))`,
      lastSignedOffAt: sql<string | null>`max(${practiceHours.reviewedAt}) filter (where ${practiceHours.status} = 'signed_off')`,
      entriesWithWarnings: sql<string>`count(*) filter (where cardinality(${practiceHours.guardWarnings}) > 0 and ${practiceHours.status} <> 'signed_off')`,
    })
    .from(practiceHours)
    .where(and(eq(practiceHours.municipalityId, municipalityId), inArray(practiceHours.placementId, ids)))
    .groupBy(practiceHours.placementId);
  for (const row of rows) {
    summaries.set(row.placementId, {
      signedOffMinutes: Math.round(Number(row.signedOffMinutes)),
      submittedMinutes: Math.round(Number(row.submittedMinutes)),
      lastLoggedAt: row.lastLoggedAt ? new Date(row.lastLoggedAt) : null,
      lastSignedOffAt: row.lastSignedOffAt ? new Date(row.lastSignedOffAt) : null,
      entriesWithWarnings: Number(row.entriesWithWarnings),
    });
  }
  return summaries;
}
