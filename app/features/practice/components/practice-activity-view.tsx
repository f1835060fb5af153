import { Fragment } from "react";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, type FormErrors } from "~/components/form";
import { Alert } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";

/** A practice activity as both the trainee's and the reviewer's page show it (formatted by the loader). */
export interface PracticeActivityView {
  status: "draft" | "in_review" | "published" | "cancelled" | "completed";
  idea: string;
  goal: string;
  targetGroup: string;
  title: string;
  description: string;
  category: "sport" | "culture" | "welfare" | "other";
  neighbourhoodName: string | null;
  location: string;
  when: string;
  minAge: number | null;
  maxAge: number | null;
  capacity: number | null;
  organiserName: string | null;
  changesRequested: string | null;
  warnings: readonly ("outside_day_window" | "sunday" | "school_day_limit" | "other_day_limit" | "night")[];
  evaluation: { turnout: number; wentWell: string; doDifferently: string; on: string } | null;
}

function ages(t: ReturnType<typeof useTranslation>["t"], min: number | null, max: number | null): string {
  if (min === null && max === null) return t("practiceActivity.ages.all");
  if (max === null) return t("practiceActivity.ages.from", { min: min! });
  if (min === null) return t("practiceActivity.ages.upTo", { max });
  return t("practiceActivity.ages.range", { min, max });
}

/** The plan: idea, goal and target group, then the activity's fields. */
export function PracticeActivityFacts({ activity }: { activity: PracticeActivityView }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t("practiceActivity.field.idea"), activity.idea],
    [t("practiceActivity.field.goal"), activity.goal],
    [t("practiceActivity.field.targetGroup"), activity.targetGroup],
    [t("activityForm.titleLabel"), activity.title],
    [t("activityForm.description"), activity.description || "—"],
    [t("activityForm.category"), t(`activityCategory.${activity.category}`)],
    [t("activityForm.neighbourhood"), activity.neighbourhoodName ?? t("activityForm.noNeighbourhood")],
    [t("activityForm.location"), activity.location],
    [t("activityForm.when"), activity.when],
    [t("activityForm.ages"), ages(t, activity.minAge, activity.maxAge)],
    [t("activityForm.capacity"), activity.capacity === null ? t("practiceActivity.capacity.unlimited") : String(activity.capacity)],
    [t("practiceActivity.field.organiser"), activity.organiserName ?? "—"],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd className="plan-text">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The youth working-time rules the planned time breaks (trainees under 18), for trainee and reviewer. */
export function YouthTimeWarnings({ warnings, forReviewer = false }: { warnings: PracticeActivityView["warnings"]; forReviewer?: boolean }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert type="warning">
      <p className="utrecht-paragraph">{t(forReviewer ? "practiceActivity.warnings.introReviewer" : "practiceActivity.warnings.intro")}</p>
      <ul className="utrecht-unordered-list">
        {warnings.map((warning) => (
          <li className="utrecht-unordered-list__item" key={warning}>
            {t(`practiceActivity.warning.${warning}`)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** The trainee's evaluation afterwards. */
export function EvaluationFacts({ evaluation }: { evaluation: NonNullable<PracticeActivityView["evaluation"]> }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t("practiceActivity.evaluation.turnout")}</dt>
      <dd>{evaluation.turnout}</dd>
      <dt>{t("practiceActivity.evaluation.wentWell")}</dt>
      <dd className="plan-text">{evaluation.wentWell}</dd>
      <dt>{t("practiceActivity.evaluation.doDifferently")}</dt>
      <dd className="plan-text">{evaluation.doDifferently || "—"}</dd>
      <dt>{t("practiceActivity.evaluation.on")}</dt>
      <dd>{evaluation.on}</dd>
    </dl>
  );
}

/** Cancelling the practice activity, after a tick: everyone signed up gets a message. */
export function CancelPracticeActivityForm({ errors }: { errors: FormErrors }) {
  const { t } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="cancel-heading">
      <h2 className="utrecht-heading-2" id="cancel-heading">
        {t("practiceActivity.cancel.title")}
      </h2>
      <PostForm>
        <ErrorSummary errors={errors} labels={{ confirm: t("practiceActivity.cancel.confirm") }} />
        <input type="hidden" name="intent" value="cancel" />
        <CheckboxField name="confirm" label={t("practiceActivity.cancel.confirm")} errors={errors} />
        <div className="button-row">
          <SubmitButton appearance="secondary">{t("practiceActivity.cancel.button")}</SubmitButton>
        </div>
      </PostForm>
    </section>
  );
}
