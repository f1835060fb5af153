import { notFound } from "~/features/authorization/gate.server";
import { requireOwnPlacement } from "~/features/practice/placement-access.server";
import { findFinalReport } from "~/features/practice/final-report-reads.server";
import { readReportFile } from "~/features/practice/final-report-file.server";
import { materialResponse } from "~/features/training/materials.server";
import type { Route } from "./+types/own-final-report-file";

/** The file the trainee attached to their own final report. */
export async function loader({ request }: Route.LoaderArgs) {
  const { placement, municipalityId } = await requireOwnPlacement(request);
  const report = await findFinalReport(municipalityId, placement.id);
  if (!report?.filePath || !report.fileName || !report.fileType) throw notFound();
  const bytes = await readReportFile(report.filePath);
  if (!bytes) throw notFound();
  return materialResponse({ fileName: report.fileName, contentType: report.fileType }, bytes);
}
