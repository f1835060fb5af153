/**
 * Writes of the final report: the trainee saves a draft (text and at most one file) and submits
 * it; the placement's supervisor or the cohort's course leader sends it back with a comment or
 * assesses it on the track's competences at the cohort's final assessment moment. Each state
 * change asks the journey table first (FINAL_REPORT_MACHINE) and is a conditional update on the
 * state it expects, so two people acting at once cannot both move it. Mails are queued in the
 * same transaction.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { AssessmentEntry } from "~/features/training/course-schema";
import { db, type Transaction } from "~/lib/db/client.server";
import { assessmentMoments, assessments, cohorts, finalReports, municipalities, placements, trackCompetences, users } from "~/lib/db/schema";
import { queueFinalReportMail, type FinalReportMailKind } from "./final-report-emails.server";
import type { StoredReportFile } from "./final-report-file.server";
import { findFinalMoment } from "./final-report-reads.server";
import { FINAL_REPORT_MACHINE, mayTransition, type JourneyRole } from "./journey";

/** What a refused write tells the page (each is a message key under finale.report.refused.*). */
export type ReportRefusal = "notActive" | "notEditable" | "empty" | "notSubmitted" | "notAllowed" | "resubmitted";
export type ReportWriteResult<T = object> = ({ ok: true } & T) | { ok: false; refusal: ReportRefusal };

/** The placement as the writes need it (from the gate). */
export interface ReportPlacement {
  id: string;
  enrolmentId: string;
  traineeUserId: string;
  supervisorUserId: string | null;
  cohortId: string;
  cohort: { courseLeaderIds: readonly string[] };
  trackVersionId: string;
  traineeName: string;
}

/** The name a cohort's final assessment moment gets when it is first used. */
const FINAL_MOMENT_NAME = "Eindverslag";

async function mailPeople(tx: Transaction, municipalityId: string, userIds: readonly string[], kind: FinalReportMailKind, placement: ReportPlacement, extra: { comment?: string } = {}) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const people = await tx.select({ id: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, ids));
  const [municipality] = await tx.select({ slug: municipalities.slug }).from(municipalities).where(eq(municipalities.id, municipalityId));
  for (const person of people) await queueFinalReportMail(tx, kind, { municipalityId, slug: municipality!.slug, placementId: placement.id, traineeName: placement.traineeName, ...extra }, person);
}

/** The report row of the placement, locked; with `create`, made as an empty draft the first time. */
async function lockReport(tx: Transaction, municipalityId: MunicipalityId, placementId: string, create: boolean) {
  if (create) await tx.insert(finalReports).values({ municipalityId, placementId }).onConflictDoNothing({ target: finalReports.placementId });
  // Locked so a save, a submit and a reviewer's step on the same report take turns.
  const [row] = await tx
    .select()
    .from(finalReports)
    .where(and(eq(finalReports.placementId, placementId), eq(finalReports.municipalityId, municipalityId)))
    .for("update");
  return row ?? null;
}

/**
 * Saves the trainee's text and file, and with `submit` hands the report in (supervisor and course
 * leaders are mailed). Only a draft of an active placement changes. Returns the key of a file
 * that no row points to any more, for the caller to remove after the commit.
 */
export async function saveFinalReport(
  municipalityId: MunicipalityId,
  placement: ReportPlacement,
  input: { body: string; removeFile: boolean; file: StoredReportFile | null; submit: boolean },
): Promise<ReportWriteResult<{ unusedFile: string | null }>> {
  return db().transaction(async (tx) => {
    const [live] = await tx
      .select({ status: placements.status })
      .from(placements)
      .where(and(eq(placements.id, placement.id), eq(placements.municipalityId, municipalityId)))
      .for("share");
    if (live?.status !== "active") return { ok: false as const, refusal: "notActive" as const };
    // Refused before the first row is made, so a refused post writes nothing.
    if (input.submit && input.body.trim() === "") return { ok: false as const, refusal: "empty" as const };
    const report = (await lockReport(tx, municipalityId, placement.id, true))!;
    if (report.status !== "draft") return { ok: false as const, refusal: "notEditable" as const };
    const file = input.file
      ? { filePath: input.file.storageKey, fileName: input.file.fileName, fileType: input.file.contentType, fileSize: input.file.byteSize }
      : input.removeFile
        ? { filePath: null, fileName: null, fileType: null, fileSize: null }
        : {};
    const unusedFile = (input.file || input.removeFile) && report.filePath ? report.filePath : null;
    const now = new Date();
    if (!input.submit) {
      await tx.update(finalReports).set({ body: input.body, ...file, updatedAt: now }).where(eq(finalReports.id, report.id));
      return { ok: true as const, unusedFile };
    }
    if (!mayTransition(FINAL_REPORT_MACHINE, report.status, "submit", "trainee")) return { ok: false as const, refusal: "notEditable" as const };
    await tx
      .update(finalReports)
      .set({ body: input.body, ...file, status: FINAL_REPORT_MACHINE.submit.to, submittedAt: now, returnComment: null, updatedAt: now })
      .where(and(eq(finalReports.id, report.id), eq(finalReports.status, "draft")));
    await mailPeople(tx, municipalityId, [...(placement.supervisorUserId ? [placement.supervisorUserId] : []), ...placement.cohort.courseLeaderIds], "submitted", placement);
    return { ok: true as const, unusedFile };
  });
}

/** The first of the actor's journey roles that may cause this event on a submitted report. */
function reviewerRole(roles: readonly JourneyRole[], event: "send_back" | "assess"): JourneyRole | null {
  return roles.find((role) => mayTransition(FINAL_REPORT_MACHINE, "submitted", event, role)) ?? null;
}

/** Whether these journey roles may review (send back, assess) a submitted report. */
export function mayReview(roles: readonly JourneyRole[]): boolean {
  return reviewerRole(roles, "assess") !== null;
}

/** Sends a submitted report back to the trainee with a comment; the trainee is mailed. */
export async function sendBackFinalReport(municipalityId: MunicipalityId, placement: ReportPlacement, roles: readonly JourneyRole[], comment: string): Promise<ReportWriteResult> {
  if (!reviewerRole(roles, "send_back")) return { ok: false, refusal: "notAllowed" };
  return db().transaction(async (tx) => {
    const moved = await tx
      .update(finalReports)
      .set({ status: FINAL_REPORT_MACHINE.send_back.to, submittedAt: null, returnComment: comment, updatedAt: new Date() })
      .where(and(eq(finalReports.placementId, placement.id), eq(finalReports.municipalityId, municipalityId), eq(finalReports.status, "submitted")))
      .returning({ id: finalReports.id });
    if (moved.length === 0) return { ok: false as const, refusal: "notSubmitted" as const };
    await mailPeople(tx, municipalityId, [placement.traineeUserId], "sentBack", placement, { comment });
    return { ok: true as const };
  });
}

/** The cohort's final assessment moment, made the first time a final report is assessed. */
async function finalMomentFor(tx: Transaction, municipalityId: MunicipalityId, cohortId: string): Promise<string> {
  const existing = await findFinalMoment(tx, cohortId);
  if (existing) return existing.id;
  // The cohort row lock lines this up with a course leader adding a moment (the same lock) and
  // with another reviewer making the final moment at the same time.
  await tx.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.id, cohortId), eq(cohorts.municipalityId, municipalityId))).for("update");
  const again = await findFinalMoment(tx, cohortId);
  if (again) return again.id;
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${assessmentMoments.position}), 0)::int + 1` })
    .from(assessmentMoments)
    .where(eq(assessmentMoments.cohortId, cohortId));
  const [row] = await tx.insert(assessmentMoments).values({ cohortId, municipalityId, position: next, name: FINAL_MOMENT_NAME, kind: "final" }).returning({ id: assessmentMoments.id });
  return row!.id;
}

/**
 * Saves levels and narratives on the final report at the cohort's final moment. When every
 * competence of the track has a level there, the report is assessed in the same transaction and
 * the trainee is mailed. The entries were checked against the track's own rubrics by the caller;
 * the foreign key to the levels holds in any case. With `seenAt` (when the reviewer's page was
 * shown) a report handed in again since is refused: the levels would judge a text nobody read.
 */
export async function assessFinalReport(
  municipalityId: MunicipalityId,
  placement: ReportPlacement,
  roles: readonly JourneyRole[],
  entries: readonly AssessmentEntry[],
  userId: string,
  seenAt: Date | null = null,
): Promise<ReportWriteResult<{ assessed: boolean }>> {
  if (!reviewerRole(roles, "assess")) return { ok: false, refusal: "notAllowed" };
  return db().transaction(async (tx) => {
    const report = await lockReport(tx, municipalityId, placement.id, false);
    if (report?.status !== "submitted") return { ok: false as const, refusal: "notSubmitted" as const };
    if (seenAt && report.submittedAt && report.submittedAt.getTime() > seenAt.getTime()) return { ok: false as const, refusal: "resubmitted" as const };
    const momentId = await finalMomentFor(tx, municipalityId, placement.cohortId);
    if (entries.length > 0) {
      await tx
        .insert(assessments)
        .values(entries.map((e) => ({ momentId, enrolmentId: placement.enrolmentId, municipalityId, competenceId: e.competenceId, level: e.level, narrative: e.narrative, assessedBy: userId })))
        .onConflictDoUpdate({
          target: [assessments.momentId, assessments.enrolmentId, assessments.competenceId],
          set: { level: sql`excluded.level`, narrative: sql`excluded.narrative`, assessedBy: sql`excluded.assessed_by`, assessedAt: sql`now()` },
        });
    }
    const competences = await tx.select({ id: trackCompetences.id }).from(trackCompetences).where(eq(trackCompetences.trackVersionId, placement.trackVersionId)).orderBy(asc(trackCompetences.position));
    const given = await tx
      .select({ competenceId: assessments.competenceId })
      .from(assessments)
      .where(and(eq(assessments.momentId, momentId), eq(assessments.enrolmentId, placement.enrolmentId)));
    const complete = competences.length > 0 && competences.every((c) => given.some((g) => g.competenceId === c.id));
    if (!complete) return { ok: true as const, assessed: false };
    await tx
      .update(finalReports)
      .set({ status: FINAL_REPORT_MACHINE.assess.to, assessedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(finalReports.id, report.id), eq(finalReports.status, "submitted")));
    await mailPeople(tx, municipalityId, [placement.traineeUserId], "assessed", placement);
    return { ok: true as const, assessed: true };
  });
}
