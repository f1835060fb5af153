/**
 * What both final report pages show, made on the server: the report with its file, the track's
 * competences with their rubrics, the levels and narratives at the final moment, and the
 * presentation at a ceremony. The callers have checked who may see it.
 */
import { competencesOf } from "~/features/training/course-reads.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { Locale } from "~/lib/i18n";
import { formatInZone } from "~/lib/time";
import { findPresentation } from "./ceremonies-reads.server";
import { finalAssessmentsOf, findFinalReport } from "./final-report-reads.server";

export async function finalReportView(
  municipalityId: MunicipalityId,
  placement: { id: string; cohortId: string; enrolmentId: string; trackVersionId: string },
  locale: Locale,
  audience: "trainee" | "staff",
) {
  const [report, competences, final, presentation] = await Promise.all([
    findFinalReport(municipalityId, placement.id),
    competencesOf(placement.trackVersionId),
    finalAssessmentsOf(placement.cohortId, placement.enrolmentId),
    findPresentation(municipalityId, placement.id),
  ]);
  // A draft is the trainee's own until they hand it in: staff get neither its text nor its file,
  // also not in the page's data (the page hiding them is not enough).
  const shown = audience === "trainee" || (report !== null && report.status !== "draft");
  const when = (date: Date | null) => (date ? formatInZone(date, locale, { dateStyle: "long", timeStyle: "short" }) : null);
  return {
    report: {
      status: report?.status ?? ("draft" as const),
      started: report !== null,
      body: shown ? (report?.body ?? "") : "",
      returnComment: report?.returnComment ?? null,
      file: shown && report?.fileName ? { name: report.fileName, size: report.fileSize ?? 0 } : null,
      submittedAt: when(report?.submittedAt ?? null),
      assessedAt: when(report?.assessedAt ?? null),
    },
    competences: competences.map((c) => ({ id: c.id, name: c.name, description: c.description, levels: c.levels })),
    moment: final.moment,
    assessments: final.assessments.map((a) => ({ momentId: a.momentId, competenceId: a.competenceId, level: a.level, narrative: a.narrative, by: a.assessedByName ?? "" })),
    presentation: presentation
      ? {
          title: presentation.title,
          position: presentation.position,
          given: presentation.givenAt !== null,
          ceremony: {
            title: presentation.ceremony.title,
            when: formatInZone(presentation.ceremony.startsAt, locale),
            until: formatInZone(presentation.ceremony.endsAt, locale, { timeStyle: "short" }),
            location: presentation.ceremony.location,
            programme: presentation.ceremony.programme,
          },
        }
      : null,
  };
}
export type FinalReportView = Awaited<ReturnType<typeof finalReportView>>;
