import { notFound } from "~/features/authorization/gate.server";
import { authorizePlacement } from "~/features/practice/placement-access.server";
import { findFinalReport } from "~/features/practice/final-report-reads.server";
import { readReportFile } from "~/features/practice/final-report-file.server";
import { isMinorToday } from "~/features/practice/minors";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { materialResponse } from "~/features/training/materials.server";
import { db } from "~/lib/db/client.server";
import type { Route } from "./+types/staff-placement-report-file";

/** The final report's file, for the placement's reviewers and the project leader: an attachment, never sniffed. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, placement } = await authorizePlacement(request, params.slug, params.placementId);
  const report = await findFinalReport(municipality.id, placement.id);
  // A draft is the trainee's own until they hand it in.
  if (!report?.filePath || !report.fileName || !report.fileType || report.status === "draft") throw notFound();
  const bytes = await readReportFile(report.filePath);
  if (!bytes) throw notFound();
  if (isMinorToday(placement.traineeDateOfBirth)) {
    await logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: placement.traineeUserId }, resource: "final_report" });
  }
  return materialResponse({ fileName: report.fileName, contentType: report.fileType }, bytes);
}
