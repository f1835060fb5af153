import { data, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { authorizePlacement } from "~/features/practice/placement-access.server";
import { finalReportView } from "~/features/practice/final-report-view.server";
import { RETURN_COMMENT_MAX, seenAtInput, sendBackInput } from "~/features/practice/final-report-schema";
import { assessFinalReport, mayReview, sendBackFinalReport } from "~/features/practice/final-report-writes.server";
import { readFinaleNotice, withFinaleNotice } from "~/features/practice/finale-notices";
import { isMinorToday } from "~/features/practice/minors";
import { FinalLevels, PresentationSummary, ReportStatus } from "~/features/practice/components/finale";
import { PlacementTabs } from "~/features/practice/components/practice-tabs";
import { placementPath } from "~/features/practice/urls";
import { assessmentFields, parseAssessmentForm } from "~/features/training/course-schema";
import { RubricFieldsets } from "~/components/course";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-placement-report";
import courseCss from "~/styles/course.css?url";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { t, locale } = await getTranslator(request);
  const view = await finalReportView(municipality.id, placement, locale, "staff");
  if (isMinorToday(placement.traineeDateOfBirth)) {
    await logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: placement.traineeUserId }, resource: "final_report" });
  }
  return {
    ...staffPageData(user, municipality),
    notice: readFinaleNotice(request),
    slug: municipality.slug,
    placement: { id: placement.id, traineeName: placement.traineeName, partnerName: placement.partnerName, cohortName: placement.cohortName, trackName: placement.trackName },
    mayReview: mayReview(roles),
    // The assessment form sends this back: a report handed in again after this moment is not assessed unread.
    seenAt: new Date().toISOString(),
    fileHref: `${placementPath(municipality.slug, placement.id, "eindverslag")}/bestand`,
    title: `${t("finale.report.title")} — ${placement.traineeName} — ${municipality.name}`,
    ...view,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const path = placementPath(municipality.slug, placement.id, "eindverslag");
  const refused = (refusal: string) => invalid({ _form: t(`finale.report.refused.${refusal}` as "finale.report.refused.notAllowed") }, values);
  const audit = () =>
    isMinorToday(placement.traineeDateOfBirth)
      ? logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: placement.traineeUserId }, resource: "final_report", action: "change" })
      : Promise.resolve();
  switch (values.intent) {
    case "assess": {
      const view = await finalReportView(municipality.id, placement, locale, "staff");
      // The form names no moment: the final moment is the cohort's own, found or made by the write.
      const parsed = parseAssessmentForm({ ...values, momentId: placement.id }, view.competences.map((c) => ({ id: c.id, levels: c.levels.map((l) => l.level) })));
      if (!parsed.ok) return invalid(Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, t(key)])), values);
      const seen = parseInput(seenAtInput, values, locale, t);
      if (!seen.ok) return invalid(seen.errors, values);
      const result = await assessFinalReport(municipality.id, placement, roles, parsed.entries, user.id, seen.data.seenAt);
      if (!result.ok && result.refusal === "resubmitted") {
        return data({ ok: false as const, errors: { _form: t("finale.report.refused.resubmitted") }, values }, { status: 409 });
      }
      if (!result.ok) return refused(result.refusal);
      await audit();
      return redirect(withFinaleNotice(path, result.assessed ? "beoordeeld" : "deels-beoordeeld"));
    }
    case "sendBack": {
      const parsed = parseInput(sendBackInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await sendBackFinalReport(municipality.id, placement, roles, parsed.data.comment);
      if (!result.ok) return refused(result.refusal);
      await audit();
      return redirect(withFinaleNotice(path, "teruggestuurd"));
    }
    default:
      return invalid({ _form: t("validation.invalid") }, values);
  }
}

export default function StaffPlacementReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { report, placement, slug } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const errorsFor = (intent: string) => (sent.intent === intent ? errors : undefined);
  const reviewing = loaderData.mayReview && report.status === "submitted";
  return (
    <>
      <StaffPageHeader title={`${t("finale.report.title")}: ${placement.traineeName}`} sections={loaderData.sections} notice={loaderData.notice} />
      <PlacementTabs slug={slug} placementId={placement.id} />
      <p className="utrecht-paragraph">{t("finale.report.staffIntro", { partner: placement.partnerName, cohort: placement.cohortName, track: placement.trackName })}</p>
      {errors && !sent.intent && <ErrorSummary errors={errors} labels={{}} />}
      <section className="page-section" aria-labelledby="verslag">
        <h2 className="utrecht-heading-2" id="verslag">
          {t("finale.report.theReport")}
        </h2>
        <ReportStatus report={report} staff />
        {report.status === "draft" && report.returnComment && (
          <>
            <p className="utrecht-paragraph">{t("finale.report.sentBackWith")}</p>
            <p className="utrecht-paragraph plan-text">{report.returnComment}</p>
          </>
        )}
        {report.status !== "draft" && (
          <>
            <p className="utrecht-paragraph plan-text">{report.body}</p>
            {report.file && (
              <p className="utrecht-paragraph">
                {t("finale.report.file.attached")}{" "}
                <a className="utrecht-link" href={loaderData.fileHref} download>
                  {report.file.name}
                </a>
              </p>
            )}
          </>
        )}
      </section>
      {(report.status === "assessed" || loaderData.assessments.length > 0) && (
        <section className="page-section" aria-labelledby="beoordeling">
          <h2 className="utrecht-heading-2" id="beoordeling">
            {t("finale.assessment.title")}
          </h2>
          <FinalLevels view={loaderData} />
        </section>
      )}
      {reviewing && (
        <>
          <section className="page-section" aria-labelledby="beoordelen">
            <h2 className="utrecht-heading-2" id="beoordelen">
              {t("finale.assessment.formTitle")}
            </h2>
            {loaderData.competences.length === 0 ? (
              <p className="utrecht-paragraph">{t("course.assessment.noCompetences")}</p>
            ) : (
              <PostForm>
                <ErrorSummary
                  errors={errorsFor("assess")}
                  labels={Object.fromEntries(loaderData.competences.flatMap((c) => [[assessmentFields(c.id).level, c.name], [assessmentFields(c.id).narrative, `${c.name}: ${t("course.assessment.narrative")}`]]))}
                />
                <p className="utrecht-paragraph">{t("finale.assessment.intro")}</p>
                <input type="hidden" name="intent" value="assess" />
                <input type="hidden" name="seenAt" value={loaderData.seenAt} />
                <RubricFieldsets competences={loaderData.competences} given={loaderData.assessments} errors={errorsFor("assess")} sent={sent} idPrefix="final" fieldNames={assessmentFields} />
                <div className="button-row">
                  <SubmitButton>{t("finale.assessment.save")}</SubmitButton>
                </div>
              </PostForm>
            )}
          </section>
          <section className="page-section" aria-labelledby="terugsturen">
            <h2 className="utrecht-heading-2" id="terugsturen">
              {t("finale.sendBack.title")}
            </h2>
            <PostForm>
              <ErrorSummary errors={errorsFor("sendBack")} labels={{ comment: t("finale.sendBack.comment") }} />
              <input type="hidden" name="intent" value="sendBack" />
              <TextAreaField name="comment" label={t("finale.sendBack.comment")} description={t("finale.sendBack.hint")} required rows={4} maxLength={RETURN_COMMENT_MAX} defaultValue={errorsFor("sendBack") ? sent.comment : ""} errors={errorsFor("sendBack")} />
              <div className="button-row">
                <SubmitButton appearance="secondary">{t("finale.sendBack.button")}</SubmitButton>
              </div>
            </PostForm>
          </section>
        </>
      )}
      {!loaderData.mayReview && report.status === "submitted" && <p className="utrecht-paragraph">{t("finale.report.readOnly")}</p>}
      <section className="page-section" aria-labelledby="presentatie">
        <h2 className="utrecht-heading-2" id="presentatie">
          {t("finale.presentation.heading")}
        </h2>
        <PresentationSummary presentation={loaderData.presentation} />
      </section>
    </>
  );
}
