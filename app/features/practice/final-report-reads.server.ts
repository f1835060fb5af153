/**
 * Reads of the final report: the report of one placement, the cohort's final assessment moment
 * and the levels given there. Staff reads take the municipality scope from the placement gate;
 * the trainee's own page passes the scope of their own placement.
 */
import { and, eq } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import { assessmentMoments, assessments, finalReports, users } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";

/** The final report of a placement, or null when the trainee has not started one. */
export async function findFinalReport(municipalityId: MunicipalityId, placementId: string) {
  if (!isUuid(placementId)) return null;
  const [row] = await db()
    .select()
    .from(finalReports)
    .where(and(eq(finalReports.placementId, placementId), eq(finalReports.municipalityId, municipalityId)));
  return row ?? null;
}
export type FinalReport = NonNullable<Awaited<ReturnType<typeof findFinalReport>>>;

/** For other parts of the path (requirements, pipeline, timeline): where the final report stands. */
export async function findFinalReportSummary(municipalityId: MunicipalityId, placementId: string) {
  if (!isUuid(placementId)) return null;
  const [row] = await db()
    .select({ status: finalReports.status, submittedAt: finalReports.submittedAt, assessedAt: finalReports.assessedAt })
    .from(finalReports)
    .where(and(eq(finalReports.placementId, placementId), eq(finalReports.municipalityId, municipalityId)));
  return row ?? null;
}

/** The cohort's final assessment moment (at most one), or null before the first assessment. */
export async function findFinalMoment(executor: Executor, cohortId: string) {
  const [row] = await executor
    .select({ id: assessmentMoments.id, name: assessmentMoments.name })
    .from(assessmentMoments)
    .where(and(eq(assessmentMoments.cohortId, cohortId), eq(assessmentMoments.kind, "final")));
  return row ?? null;
}

/** The levels and narratives given at the final moment to one enrolment, with who gave them. */
export async function finalAssessmentsOf(cohortId: string, enrolmentId: string) {
  const moment = await findFinalMoment(db(), cohortId);
  if (!moment) return { moment: null, assessments: [] };
  const rows = await db()
    .select({
      competenceId: assessments.competenceId,
      level: assessments.level,
      narrative: assessments.narrative,
      assessedAt: assessments.assessedAt,
      assessedByName: users.name,
    })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.assessedBy))
    .where(and(eq(assessments.momentId, moment.id), eq(assessments.enrolmentId, enrolmentId)));
  return { moment, assessments: rows.map((r) => ({ ...r, momentId: moment.id })) };
}
