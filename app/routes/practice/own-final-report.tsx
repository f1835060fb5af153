import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireOwnPlacement } from "~/features/practice/placement-access.server";
import { finalReportView } from "~/features/practice/final-report-view.server";
import { FINAL_REPORT_BODY_MAX, finalReportDraftInput } from "~/features/practice/final-report-schema";
import { forgetReportFile, hasUpload, ReportFileRejectedError, storeReportFile, type StoredReportFile } from "~/features/practice/final-report-file.server";
import { saveFinalReport } from "~/features/practice/final-report-writes.server";
import { readFinaleNotice, withFinaleNotice } from "~/features/practice/finale-notices";
import { FinalLevels, PresentationSummary, ReportStatus } from "~/features/practice/components/finale";
import { OwnPracticeTabs } from "~/features/practice/components/practice-tabs";
import { OWN_PRACTICE_PATHS } from "~/features/practice/urls";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/own-final-report";
import courseCss from "~/styles/course.css?url";

export async function loader({ request }: Route.LoaderArgs) {
  const { placement, municipalityId } = await requireOwnPlacement(request);
  const { t, locale } = await getTranslator(request);
  const view = await finalReportView(municipalityId, placement, locale, "trainee");
  return {
    title: `${t("finale.report.title")} — Buurtkracht`,
    notice: readFinaleNotice(request),
    active: placement.status === "active",
    ...view,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

const FILE_MESSAGES = { empty: "finale.report.file.empty", tooLarge: "finale.report.file.tooLarge", wrongType: "finale.report.file.wrongType" } as const;

export async function action({ request }: Route.ActionArgs) {
  const { placement, municipalityId } = await requireOwnPlacement(request);
  const { locale, t } = await getTranslator(request);
  const form = await readForm(request);
  const values = formToObject(form);
  const { file: upload, ...shown } = values;
  if (values.intent !== "save" && values.intent !== "submit") return invalid({ _form: t("validation.invalid") }, shown);
  const parsed = parseInput(finalReportDraftInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, shown);
  let stored: StoredReportFile | null = null;
  if (hasUpload(upload)) {
    try {
      stored = await storeReportFile(upload);
    } catch (error) {
      if (error instanceof ReportFileRejectedError) return invalid({ file: t(FILE_MESSAGES[error.problem]) }, shown);
      throw error;
    }
  } else if (upload !== undefined && !(upload instanceof File)) {
    return invalid({ file: t("finale.report.file.wrongType") }, shown);
  }
  const saved = await saveFinalReport(municipalityId, placement, { ...parsed.data, file: stored, submit: values.intent === "submit" });
  if (!saved.ok) {
    await forgetReportFile(stored?.storageKey);
    return invalid({ [saved.refusal === "empty" ? "body" : "_form"]: t(`finale.report.refused.${saved.refusal}`) }, shown);
  }
  await forgetReportFile(saved.unusedFile);
  return redirect(withFinaleNotice(OWN_PRACTICE_PATHS.report, values.intent === "submit" ? "ingediend" : "opgeslagen"));
}

export default function OwnFinalReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { report, active } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const editable = active && report.status === "draft";
  return (
    <>
      <PageTitle>{t("finale.report.title")}</PageTitle>
      <OwnPracticeTabs />
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      <section className="page-section" aria-labelledby="verslag">
        <h2 className="utrecht-heading-2" id="verslag">
          {t("finale.report.yours")}
        </h2>
        <ReportStatus report={report} />
        {report.returnComment && report.status === "draft" && (
          <Alert type="warning">
            <p className="utrecht-paragraph">{t("finale.report.sentBackIntro")}</p>
            <p className="utrecht-paragraph plan-text">{report.returnComment}</p>
          </Alert>
        )}
        {!active && report.status === "draft" && <p className="utrecht-paragraph">{t("finale.report.onlyActive")}</p>}
        {editable ? (
          <PostForm encType="multipart/form-data">
            <ErrorSummary errors={errors} labels={{ body: t("finale.report.body"), file: t("finale.report.file.label") }} />
            <p className="utrecht-paragraph">{t("finale.report.intro")}</p>
            <TextAreaField name="body" label={t("finale.report.body")} description={t("finale.report.bodyHint")} rows={14} maxLength={FINAL_REPORT_BODY_MAX} defaultValue={errors ? sent.body : report.body} errors={errors} />
            {report.file && (
              <>
                <p className="utrecht-paragraph">
                  {t("finale.report.file.current")}{" "}
                  <a className="utrecht-link" href={`${OWN_PRACTICE_PATHS.report}/bestand`} download>
                    {report.file.name}
                  </a>
                </p>
                <CheckboxField name="removeFile" label={t("finale.report.file.remove")} errors={errors} />
              </>
            )}
            <TextField name="file" type="file" label={report.file ? t("finale.report.file.replace") : t("finale.report.file.label")} description={t("finale.report.file.hint")} accept=".pdf,.docx,.odt,.pptx,.jpg,.jpeg,.png" errors={errors} />
            <div className="button-row">
              <SubmitButton appearance="secondary" name="intent" value="save">
                {t("finale.report.save")}
              </SubmitButton>
              <SubmitButton name="intent" value="submit">
                {t("finale.report.submit")}
              </SubmitButton>
            </div>
          </PostForm>
        ) : (
          report.started && (
            <>
              <p className="utrecht-paragraph plan-text">{report.body}</p>
              {report.file && (
                <p className="utrecht-paragraph">
                  <a className="utrecht-link" href={`${OWN_PRACTICE_PATHS.report}/bestand`} download>
                    {report.file.name}
                  </a>
                </p>
              )}
            </>
          )
        )}
      </section>
      {report.status === "assessed" && (
        <section className="page-section" aria-labelledby="beoordeling">
          <h2 className="utrecht-heading-2" id="beoordeling">
            {t("finale.assessment.title")}
          </h2>
          <FinalLevels view={loaderData} />
        </section>
      )}
      <section className="page-section" aria-labelledby="presentatie">
        <h2 className="utrecht-heading-2" id="presentatie">
          {t("finale.presentation.heading")}
        </h2>
        <PresentationSummary presentation={loaderData.presentation} />
      </section>
      <p>
        <Link className="utrecht-link" to={OWN_PRACTICE_PATHS.overview}>
          {t("finale.backToPractice")}
        </Link>
      </p>
    </>
  );
}
