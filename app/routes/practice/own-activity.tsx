import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { activityFormOptions } from "~/features/activities/reads.server";
import { coreActivityFormValues } from "~/features/activities/schema";
import { publicActivityPath } from "~/features/activities/urls";
import { eventsFor, PRACTICE_ACTIVITY_MACHINE } from "~/features/practice/journey";
import { requireOwnPlacement } from "~/features/practice/placement-access.server";
import { canCancelYet, canEvaluateYet, isCheckInDay } from "~/features/practice/practice-activity-policy";
import { findPracticeActivityDetail, practiceActivityView } from "~/features/practice/practice-activity-reads.server";
import { PLAN_TEXT_MAX, practiceCancelInput, practiceEvaluationInput, practicePlanInput } from "~/features/practice/practice-activity-schema";
import { cancelPracticeActivity, evaluatePracticeActivity, savePracticePlan, submitPracticeActivity } from "~/features/practice/practice-activity-writes.server";
import { OWN_PRACTICE_PATHS } from "~/features/practice/urls";
import { OwnPracticeTabs } from "~/features/practice/components/practice-tabs";
import { CancelPracticeActivityForm, EvaluationFacts, PracticeActivityFacts, YouthTimeWarnings } from "~/features/practice/components/practice-activity-view";
import { ActivityAgesFieldset, ActivityCapacityField, ActivityWhatFields, ActivityWhenFieldset, activityFieldLabels, type ActivityFormValues } from "~/components/activity-form";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/own-activity";
import courseCss from "~/styles/course.css?url";

/**
 * "Mijn praktijkactiviteit": the trainee plans their own activity (idea, goal, target group and
 * the activity's fields), edits it while it is a draft, submits it for review, reads the
 * reviewer's comment, and after the activity writes the evaluation. Every form posts to this page
 * and works without JavaScript.
 */
const NOTICES = {
  opgeslagen: "practiceActivity.notice.saved",
  ingediend: "practiceActivity.notice.submitted",
  geevalueerd: "practiceActivity.notice.evaluated",
  afgelast: "practiceActivity.notice.cancelledOwn",
} as const;

export async function loader({ request }: Route.LoaderArgs) {
  const { placement, municipalityId } = await requireOwnPlacement(request);
  const { t, locale } = await getTranslator(request);
  const detail = await findPracticeActivityDetail(municipalityId, placement.id);
  const options = await activityFormOptions(municipalityId, []);
  const notice = new URL(request.url).searchParams.get("melding");
  const activity = detail?.activity;
  const isActive = placement.status === "active";
  const status = activity?.status ?? null;
  return {
    title: `${t("practiceActivity.mine.title")} — Buurtkracht`,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null,
    isActive,
    categories: options.categories,
    neighbourhoods: options.neighbourhoods,
    view: detail ? practiceActivityView(detail, placement.traineeDateOfBirth, locale) : null,
    values: detail ? { idea: detail.idea, goal: detail.goal, targetGroup: detail.targetGroup, ...coreActivityFormValues(detail.activity) } : {},
    canEdit: isActive && (status === null || status === "draft" || status === "cancelled"),
    canCancel: status !== null && activity !== undefined && canCancelYet(activity.startsAt) && eventsFor(PRACTICE_ACTIVITY_MACHINE, status, "trainee").includes("cancel"),
    canSubmit: isActive && status !== null && eventsFor(PRACTICE_ACTIVITY_MACHINE, status, "trainee").includes("submit"),
    canEvaluate: status === "published" && activity !== undefined && canEvaluateYet(activity.endsAt),
    checkInPath: status === "published" && activity && isCheckInDay(activity.startsAt) ? `${OWN_PRACTICE_PATHS.activity}/aanwezig` : null,
    publicPath: detail && (status === "published" || status === "completed") ? publicActivityPath(detail.municipalitySlug, detail.activityId) : null,
    checkedIn: detail?.checkedIn ?? 0,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const { user, placement, municipalityId } = await requireOwnPlacement(request);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const back = (notice: keyof typeof NOTICES) => redirect(`${OWN_PRACTICE_PATHS.activity}?melding=${notice}`);
  switch (values.intent) {
    case "save": {
      const parsed = parseInput(practicePlanInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await savePracticePlan(municipalityId, placement, parsed.data);
      if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
      return back("opgeslagen");
    }
    case "submit": {
      const result = await submitPracticeActivity(municipalityId, placement);
      if (!result.ok) return invalid({ _form: t(result.message) }, { intent: "submit" });
      return back("ingediend");
    }
    case "cancel": {
      const confirmed = parseInput(practiceCancelInput, values, locale, t);
      if (!confirmed.ok) return invalid(confirmed.errors, values);
      const result = await cancelPracticeActivity(municipalityId, placement, { userId: user.id, roles: ["trainee"] });
      if (!result.ok) return invalid({ _form: "forbidden" in result ? t("validation.invalid") : t(result.message) }, values);
      return back("afgelast");
    }
    case "evaluate": {
      const parsed = parseInput(practiceEvaluationInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await evaluatePracticeActivity(municipalityId, placement, parsed.data);
      if (!result.ok) return invalid({ _form: t(result.message) }, values);
      return back("geevalueerd");
    }
    default:
      return invalid({ _form: t("validation.invalid") });
  }
}

export default function OwnPracticeActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { view } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const planErrors = sent.intent === "save" ? errors : undefined;
  const values: ActivityFormValues & Record<string, string | undefined> = planErrors ? sent : loaderData.values;
  return (
    <div className="my-course">
      <OwnPracticeTabs />
      <PageTitle>{t("practiceActivity.mine.title")}</PageTitle>
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      {errors && !((sent.intent === "save" && loaderData.canEdit) || (sent.intent === "evaluate" && loaderData.canEvaluate) || (sent.intent === "cancel" && loaderData.canCancel)) && (
        <ErrorSummary errors={errors} labels={{}} />
      )}
      <p className="utrecht-paragraph">{t("practiceActivity.mine.intro")}</p>
      {view && (
        <p className="utrecht-paragraph">
          <strong>{t("practiceActivity.statusLabel")}</strong> {t(`practiceActivity.status.${view.status}`)}
        </p>
      )}
      {!loaderData.isActive && !view && <p className="utrecht-paragraph">{t("practiceActivity.mine.notActive")}</p>}
      {view?.changesRequested && view.status === "draft" && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t("practiceActivity.changesRequested.intro")}</p>
          <p className="utrecht-paragraph plan-text">{view.changesRequested}</p>
        </Alert>
      )}
      {view && <YouthTimeWarnings warnings={view.warnings} />}

      {loaderData.canEdit ? (
        <section className="page-section" aria-labelledby="plan-heading">
          <h2 className="utrecht-heading-2" id="plan-heading">
            {view && view.status !== "cancelled" ? t("practiceActivity.plan.editTitle") : t("practiceActivity.plan.newTitle")}
          </h2>
          <PostForm>
            <ErrorSummary
              errors={planErrors}
              labels={{ ...activityFieldLabels(t), idea: t("practiceActivity.field.idea"), goal: t("practiceActivity.field.goal"), targetGroup: t("practiceActivity.field.targetGroup") }}
            />
            <input type="hidden" name="intent" value="save" />
            <fieldset className="utrecht-form-fieldset form-stack">
              <legend className="utrecht-form-fieldset__legend">{t("practiceActivity.plan.ideaLegend")}</legend>
              <TextAreaField name="idea" label={t("practiceActivity.field.idea")} description={t("practiceActivity.field.ideaHint")} required rows={4} maxLength={PLAN_TEXT_MAX} defaultValue={values.idea} errors={planErrors} />
              <TextAreaField name="goal" label={t("practiceActivity.field.goal")} description={t("practiceActivity.field.goalHint")} required rows={3} maxLength={PLAN_TEXT_MAX} defaultValue={values.goal} errors={planErrors} />
              <TextField name="targetGroup" label={t("practiceActivity.field.targetGroup")} description={t("practiceActivity.field.targetGroupHint")} required maxLength={500} defaultValue={values.targetGroup} errors={planErrors} />
            </fieldset>
            <ActivityWhatFields values={values} errors={planErrors} categories={loaderData.categories} neighbourhoods={loaderData.neighbourhoods} />
            <ActivityWhenFieldset values={values} errors={planErrors} />
            <ActivityAgesFieldset values={values} errors={planErrors} />
            <ActivityCapacityField values={values} errors={planErrors} />
            <div className="button-row">
              <SubmitButton>{t("practiceActivity.plan.save")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      ) : (
        view && (
          <section className="page-section" aria-labelledby="plan-heading">
            <h2 className="utrecht-heading-2" id="plan-heading">
              {t("practiceActivity.plan.title")}
            </h2>
            <PracticeActivityFacts activity={view} />
            {view.status === "in_review" && <p className="utrecht-paragraph">{t("practiceActivity.mine.waiting")}</p>}
          </section>
        )
      )}

      {loaderData.canSubmit && (
        <section className="page-section" aria-labelledby="submit-heading">
          <h2 className="utrecht-heading-2" id="submit-heading">
            {t("practiceActivity.submit.title")}
          </h2>
          <p className="utrecht-paragraph">{t("practiceActivity.submit.hint")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="submit" />
            <div className="button-row">
              <SubmitButton>{t("practiceActivity.submit.button")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      {(loaderData.publicPath || loaderData.checkInPath) && (
        <section className="page-section" aria-labelledby="running-heading">
          <h2 className="utrecht-heading-2" id="running-heading">
            {t("practiceActivity.running.title")}
          </h2>
          <ul className="utrecht-unordered-list">
            {loaderData.publicPath && (
              <li className="utrecht-unordered-list__item">
                <Link className="utrecht-link" to={loaderData.publicPath}>
                  {t("practiceActivity.running.publicPage")}
                </Link>
              </li>
            )}
            {loaderData.checkInPath && (
              <li className="utrecht-unordered-list__item">
                <Link className="utrecht-link" to={loaderData.checkInPath}>
                  {t("practiceActivity.running.checkIn")}
                </Link>
              </li>
            )}
          </ul>
        </section>
      )}

      {loaderData.canEvaluate && (
        <section className="page-section" aria-labelledby="evaluation-heading">
          <h2 className="utrecht-heading-2" id="evaluation-heading">
            {t("practiceActivity.evaluation.title")}
          </h2>
          <PostForm>
            <ErrorSummary
              errors={sent.intent === "evaluate" ? errors : undefined}
              labels={{ turnout: t("practiceActivity.evaluation.turnout"), wentWell: t("practiceActivity.evaluation.wentWell"), doDifferently: t("practiceActivity.evaluation.doDifferently") }}
            />
            <input type="hidden" name="intent" value="evaluate" />
            <TextField
              name="turnout"
              type="number"
              inputMode="numeric"
              min={0}
              max={100000}
              label={t("practiceActivity.evaluation.turnout")}
              description={t("practiceActivity.evaluation.turnoutHint", { count: loaderData.checkedIn })}
              required
              defaultValue={sent.intent === "evaluate" ? sent.turnout : String(loaderData.checkedIn)}
              errors={sent.intent === "evaluate" ? errors : undefined}
            />
            <TextAreaField name="wentWell" label={t("practiceActivity.evaluation.wentWell")} required rows={4} maxLength={PLAN_TEXT_MAX} defaultValue={sent.intent === "evaluate" ? sent.wentWell : ""} errors={sent.intent === "evaluate" ? errors : undefined} />
            <TextAreaField name="doDifferently" label={t("practiceActivity.evaluation.doDifferently")} rows={4} maxLength={PLAN_TEXT_MAX} defaultValue={sent.intent === "evaluate" ? sent.doDifferently : ""} errors={sent.intent === "evaluate" ? errors : undefined} />
            <div className="button-row">
              <SubmitButton>{t("practiceActivity.evaluation.save")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      {loaderData.canCancel && <CancelPracticeActivityForm errors={sent.intent === "cancel" ? errors : undefined} />}

      {view?.evaluation && (
        <section className="page-section" aria-labelledby="evaluation-heading">
          <h2 className="utrecht-heading-2" id="evaluation-heading">
            {t("practiceActivity.evaluation.title")}
          </h2>
          <EvaluationFacts evaluation={view.evaluation} />
        </section>
      )}
    </div>
  );
}
