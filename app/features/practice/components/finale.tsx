/** Parts shared by the final report pages: the report as handed in, the final levels, the presentation. */
import { ProgressTable } from "~/components/course";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { FinalReportView } from "~/features/practice/final-report-view.server";

/** The report's status and dates in one sentence. */
export function ReportStatus({ report, staff = false }: { report: FinalReportView["report"]; staff?: boolean }) {
  const { t } = useTranslation();
  const key =
    report.status === "assessed"
      ? "finale.report.status.assessed"
      : report.status === "submitted"
        ? "finale.report.status.submitted"
        : staff
          ? "finale.report.status.notHandedIn"
          : report.started
            ? "finale.report.status.draft"
            : "finale.report.status.none";
  return <p className="utrecht-paragraph">{t(key, { submitted: report.submittedAt ?? "", assessed: report.assessedAt ?? "" })}</p>;
}

/** The levels and narratives given at the final moment (shown once there are any). */
export function FinalLevels({ view }: { view: Pick<FinalReportView, "competences" | "moment" | "assessments"> }) {
  if (!view.moment || view.assessments.length === 0) return null;
  return <ProgressTable competences={view.competences} moments={[view.moment]} assessments={view.assessments} showNarratives />;
}

/** The ceremony and presentation of a trainee. */
export function PresentationSummary({ presentation }: { presentation: FinalReportView["presentation"] }) {
  const { t } = useTranslation();
  if (!presentation) return <p className="utrecht-paragraph">{t("finale.presentation.none")}</p>;
  const { ceremony } = presentation;
  return (
    <dl className="facts">
      <dt>{t("finale.presentation.ceremony")}</dt>
      <dd>{ceremony.title}</dd>
      <dt>{t("finale.presentation.when")}</dt>
      <dd>{t("finale.presentation.whenValue", { when: ceremony.when, until: ceremony.until })}</dd>
      <dt>{t("finale.presentation.where")}</dt>
      <dd>{ceremony.location}</dd>
      <dt>{t("finale.presentation.title")}</dt>
      <dd>{t("finale.presentation.titleValue", { title: presentation.title, position: presentation.position })}</dd>
      <dt>{t("finale.presentation.programme")}</dt>
      <dd className="plan-text">{ceremony.programme || t("finale.ceremony.noProgramme")}</dd>
      <dt>{t("finale.presentation.status")}</dt>
      <dd>{t(presentation.given ? "finale.presentation.given" : "finale.presentation.notYetGiven")}</dd>
    </dl>
  );
}
