import { data, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { publicActivityPath } from "~/features/activities/urls";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { eventsFor, PRACTICE_ACTIVITY_MACHINE } from "~/features/practice/journey";
import { authorizePlacement } from "~/features/practice/placement-access.server";
import { canCancelYet } from "~/features/practice/practice-activity-policy";
import { findPracticeActivityDetail, practiceActivityView } from "~/features/practice/practice-activity-reads.server";
import { PLAN_TEXT_MAX, practiceCancelInput, practiceReviewInput } from "~/features/practice/practice-activity-schema";
import { cancelPracticeActivity, logPracticeActivityView, reviewPracticeActivity } from "~/features/practice/practice-activity-writes.server";
import { placementPath } from "~/features/practice/urls";
import { PlacementTabs } from "~/features/practice/components/practice-tabs";
import { EvaluationFacts, PracticeActivityFacts, YouthTimeWarnings } from "~/features/practice/components/practice-activity-view";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { CancelPracticeActivityForm } from "~/features/practice/components/practice-activity-view";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-placement-activity";
import courseCss from "~/styles/course.css?url";

/**
 * The practice activity of one placement for staff: the trainee's plan (idea, goal, target group
 * and every activity field), the youth working-time warnings, and — for the placement's supervisor
 * or the cohort's course leader while it is in review — approve, or ask for changes with a
 * comment. The project leader reads along. Each view of a minor's plan is in the access log.
 */
const NOTICES = {
  goedgekeurd: "practiceActivity.notice.approved",
  aanpassingen: "practiceActivity.notice.changesRequested",
  afgelast: "practiceActivity.notice.cancelled",
} as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { t, locale } = await getTranslator(request);
  const detail = await findPracticeActivityDetail(municipality.id, placement.id);
  if (detail) await logPracticeActivityView(user.actor, municipality.id, placement);
  const status = detail?.activity.status ?? null;
  const reviewEvents = status ? roles.flatMap((role) => eventsFor(PRACTICE_ACTIVITY_MACHINE, status, role)) : [];
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    ...staffPageData(user, municipality),
    title: `${t("practiceActivity.title")}: ${placement.traineeName} — ${municipality.name}`,
    slug: municipality.slug,
    placementId: placement.id,
    traineeName: placement.traineeName,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null,
    view: detail ? practiceActivityView(detail, placement.traineeDateOfBirth, locale) : null,
    canReview: reviewEvents.includes("approve"),
    // The approve form sends this back: a plan changed after this moment is not approved unread.
    seenAt: new Date().toISOString(),
    canCancel: reviewEvents.includes("cancel") && detail !== null && canCancelYet(detail.activity.startsAt),
    checkedIn: detail?.checkedIn ?? 0,
    publicPath: detail && (status === "published" || status === "completed") ? publicActivityPath(municipality.slug, detail.activityId) : null,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const back = (notice: keyof typeof NOTICES) => redirect(`${placementPath(municipality.slug, placement.id, "activiteit")}?melding=${notice}`);
  if (values.intent === "cancel") {
    const confirmed = parseInput(practiceCancelInput, values, locale, t);
    if (!confirmed.ok) return invalid(confirmed.errors, values);
    const cancelled = await cancelPracticeActivity(municipality.id, placement, { userId: user.id, roles });
    if (!cancelled.ok) return "forbidden" in cancelled ? readOnly(t) : invalid({ _form: t(cancelled.message) }, values);
    await logPracticeActivityView(user.actor, municipality.id, placement, "change");
    return back("afgelast");
  }
  const parsed = parseInput(practiceReviewInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await reviewPracticeActivity(municipality.id, placement, municipality.slug, { userId: user.id, roles }, parsed.data);
  if (!result.ok) {
    if ("forbidden" in result) return readOnly(t);
    if ("conflict" in result) return data({ ok: false as const, errors: { _form: t(result.message) }, values: values as Record<string, string> }, { status: 409 });
    return invalid({ [result.field]: t(result.message) }, values);
  }
  await logPracticeActivityView(user.actor, municipality.id, placement, "change");
  return back(parsed.data.intent === "approve" ? "goedgekeurd" : "aanpassingen");
}

/** The project leader reads along: a review or cancel post from them is refused as forbidden. */
function readOnly(t: Translate) {
  return data({ ok: false as const, errors: { _form: t("practiceActivity.error.readOnly") }, values: {} as Record<string, string> }, { status: 403 });
}

export default function StaffPlacementActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { view } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <StaffPageHeader title={`${t("practiceActivity.title")}: ${loaderData.traineeName}`} sections={loaderData.sections} notice={loaderData.notice} />
      <PlacementTabs slug={loaderData.slug} placementId={loaderData.placementId} />
      {errors && !loaderData.canReview && sent.intent !== "cancel" && <ErrorSummary errors={errors} labels={{}} />}
      {!view ? (
        <p className="utrecht-paragraph">{t("practiceActivity.staff.none")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            <strong>{t("practiceActivity.statusLabel")}</strong> {t(`practiceActivity.status.${view.status}`)}
          </p>
          <YouthTimeWarnings warnings={view.warnings} forReviewer />
          <section className="page-section" aria-labelledby="plan-heading">
            <h2 className="utrecht-heading-2" id="plan-heading">
              {t("practiceActivity.plan.title")}
            </h2>
            <PracticeActivityFacts activity={view} />
            {view.changesRequested && view.status === "draft" && (
              <>
                <h3 className="utrecht-heading-3">{t("practiceActivity.staff.lastComment")}</h3>
                <p className="utrecht-paragraph plan-text">{view.changesRequested}</p>
              </>
            )}
            {loaderData.publicPath && (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={loaderData.publicPath}>
                  {t("practiceActivity.running.publicPage")}
                </Link>
              </p>
            )}
          </section>

          {loaderData.canReview && (
            <section className="page-section" aria-labelledby="review-heading">
              <h2 className="utrecht-heading-2" id="review-heading">
                {t("practiceActivity.review.title")}
              </h2>
              <ErrorSummary errors={sent.intent === "cancel" ? undefined : errors} labels={{ comment: t("practiceActivity.review.comment") }} />
              <PostForm>
                <input type="hidden" name="intent" value="approve" />
                <input type="hidden" name="seenAt" value={loaderData.seenAt} />
                <p className="utrecht-paragraph">{t("practiceActivity.review.approveHint")}</p>
                <div className="button-row">
                  <SubmitButton>{t("practiceActivity.review.approve")}</SubmitButton>
                </div>
              </PostForm>
              <h3 className="utrecht-heading-3">{t("practiceActivity.review.requestChanges")}</h3>
              <PostForm>
                <input type="hidden" name="intent" value="request_changes" />
                <TextAreaField
                  name="comment"
                  label={t("practiceActivity.review.comment")}
                  description={t("practiceActivity.review.commentHint")}
                  required
                  rows={4}
                  maxLength={PLAN_TEXT_MAX}
                  defaultValue={sent.intent === "request_changes" ? sent.comment : ""}
                  errors={sent.intent === "request_changes" ? errors : undefined}
                />
                <div className="button-row">
                  <SubmitButton appearance="secondary">{t("practiceActivity.review.requestChanges")}</SubmitButton>
                </div>
              </PostForm>
            </section>
          )}

          {loaderData.canCancel && <CancelPracticeActivityForm errors={sent.intent === "cancel" ? errors : undefined} />}

          {(view.status === "published" || view.status === "completed") && (
            <section className="page-section" aria-labelledby="evaluation-heading">
              <h2 className="utrecht-heading-2" id="evaluation-heading">
                {t("practiceActivity.evaluation.title")}
              </h2>
              {view.evaluation ? <EvaluationFacts evaluation={view.evaluation} /> : <p className="utrecht-paragraph">{t("practiceActivity.staff.noEvaluation", { count: loaderData.checkedIn })}</p>}
            </section>
          )}
        </>
      )}
    </>
  );
}
