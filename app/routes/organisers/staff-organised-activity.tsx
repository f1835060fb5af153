import { data, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { publicActivityPath } from "~/features/activities/urls";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { PlanFacts } from "~/features/organisers/components/plan-facts";
import { canCancelYet } from "~/features/organisers/policy";
import { findOrganisedActivity, youngOrganisers, planFactsOf } from "~/features/organisers/reads.server";
import { organisedCancelInput, organisedReviewInput, PLAN_TEXT_MAX } from "~/features/organisers/schema";
import { cancelOrganisedPlan, coachMayReview, reviewOrganisedPlan } from "~/features/organisers/writes.server";
import { staffOrganisedActivityPath, staffOrganisersPath } from "~/features/organisers/urls";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-organised-activity";
import courseCss from "~/styles/course.css?url";

/**
 * A resident's plan for a coach who may review it (project leader, course leader, or the
 * organiser's own practice supervisor): the plan, approve (published), or ask for changes with a
 * comment (back to draft); the organiser and co-organisers are mailed. A coach who may not review
 * this organiser's plans gets 404, as for another municipality's activity.
 */
const NOTICES = { goedgekeurd: "organisers.notice.approved", aanpassingen: "organisers.notice.changesRequested", afgelast: "organisers.notice.cancelled" } as const;

async function authorize(request: Request, slug: string | undefined, activityId: string | undefined) {
  const { user, municipality } = await authorizeMunicipality(request, slug, "organisers.review");
  const detail = activityId ? await findOrganisedActivity(activityId) : null;
  if (!detail || detail.activity.municipalityId !== municipality.id) throw notFound();
  if (!(await coachMayReview(user.actor, municipality.id, detail.plan.organiserUserId))) throw notFound();
  return { user, municipality, detail };
}

async function logView(actor: Parameters<typeof logPersonalDataAccess>[1]["actor"], municipalityId: string, organiserUserId: string | null, action: "view" | "change") {
  if (!organiserUserId || (await youngOrganisers(municipalityId, [organiserUserId])).length === 0) return;
  await logPersonalDataAccess(db(), { actor, municipalityId, subject: { userId: organiserUserId }, resource: "organised_activity", action });
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, detail } = await authorize(request, params.slug, params.activityId);
  const { locale } = await getTranslator(request);
  await logView(user.actor, municipality.id, detail.plan.organiserUserId, "view");
  const { activity, plan } = detail;
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    ...staffPageData(user, municipality),
    title: `${activity.title} — ${municipality.name}`,
    slug: municipality.slug,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null,
    status: activity.status,
    lastComment: plan.changesRequested,
    plan: planFactsOf(detail, locale),
    canReview: activity.status === "in_review",
    canCancel: ["draft", "in_review", "published"].includes(activity.status) && canCancelYet(activity.startsAt),
    publicPath: activity.status === "published" || activity.status === "completed" ? publicActivityPath(municipality.slug, activity.id) : null,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, detail } = await authorize(request, params.slug, params.activityId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const back = (notice: keyof typeof NOTICES) => redirect(`${staffOrganisedActivityPath(municipality.slug, detail.activity.id)}?melding=${notice}`);
  if (values.intent === "cancel") {
    const confirmed = parseInput(organisedCancelInput, values, locale, t);
    if (!confirmed.ok) return invalid(confirmed.errors, values);
    const result = await cancelOrganisedPlan({ coach: user.actor }, detail.activity.id, municipality.id);
    if (!result.ok) return "forbidden" in result ? data({ ok: false as const, errors: { _form: t("validation.invalid") }, values: {} }, { status: 403 }) : invalid({ _form: t(result.message) }, values);
    await logView(user.actor, municipality.id, detail.plan.organiserUserId, "change");
    return back("afgelast");
  }
  const parsed = parseInput(organisedReviewInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await reviewOrganisedPlan(user.actor, municipality.id, detail.activity.id, parsed.data);
  if (!result.ok) return "forbidden" in result ? data({ ok: false as const, errors: { _form: t("validation.invalid") }, values: {} }, { status: 403 }) : invalid({ [result.field]: t(result.message) }, values);
  await logView(user.actor, municipality.id, detail.plan.organiserUserId, "change");
  return back(parsed.data.intent === "approve" ? "goedgekeurd" : "aanpassingen");
}

export default function StaffOrganisedActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <StaffPageHeader title={loaderData.plan.title} sections={loaderData.sections} notice={loaderData.notice} />
      {errors && sent.intent !== "request_changes" && sent.intent !== "cancel" && <ErrorSummary errors={errors} labels={{}} />}
      <p className="utrecht-paragraph">
        <strong>{t("organisers.statusLabel")}</strong> {t(`organisers.status.${loaderData.status}`)}
      </p>
      <section className="page-section" aria-labelledby="plan-heading">
        <h2 className="utrecht-heading-2" id="plan-heading">
          {t("organisers.review.planTitle")}
        </h2>
        <PlanFacts plan={loaderData.plan} />
        {loaderData.lastComment && loaderData.status === "draft" && (
          <>
            <h3 className="utrecht-heading-3">{t("organisers.review.lastComment")}</h3>
            <p className="utrecht-paragraph plan-text">{loaderData.lastComment}</p>
          </>
        )}
      </section>
      {loaderData.canReview && (
        <section className="page-section" aria-labelledby="review-heading">
          <h2 className="utrecht-heading-2" id="review-heading">
            {t("organisers.review.title")}
          </h2>
          <PostForm>
            <input type="hidden" name="intent" value="approve" />
            <div className="button-row">
              <SubmitButton>{t("organisers.review.approve")}</SubmitButton>
            </div>
          </PostForm>
          <PostForm>
            <ErrorSummary errors={sent.intent === "request_changes" ? errors : undefined} labels={{ comment: t("organisers.review.comment") }} />
            <input type="hidden" name="intent" value="request_changes" />
            <TextAreaField name="comment" label={t("organisers.review.comment")} description={t("organisers.review.commentHint")} required rows={4} maxLength={PLAN_TEXT_MAX} defaultValue={sent.comment} errors={sent.intent === "request_changes" ? errors : undefined} />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("organisers.review.requestChanges")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}
      {loaderData.publicPath && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={loaderData.publicPath}>
            {t("organisers.links.publicPage")}
          </Link>
        </p>
      )}
      {loaderData.canCancel && (
        <section className="page-section" aria-labelledby="cancel-heading">
          <h2 className="utrecht-heading-2" id="cancel-heading">
            {t("organisers.cancel.title")}
          </h2>
          <PostForm>
            <ErrorSummary errors={sent.intent === "cancel" ? errors : undefined} labels={{ confirm: t("organisers.cancel.confirm") }} />
            <input type="hidden" name="intent" value="cancel" />
            <CheckboxField name="confirm" label={t("organisers.cancel.confirm")} errors={sent.intent === "cancel" ? errors : undefined} />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("organisers.cancel.button")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}
      <p className="button-row">
        <Link className="utrecht-link" to={staffOrganisersPath(loaderData.slug, "beoordelen")}>
          {t("organisers.queue.back")}
        </Link>
      </p>
    </>
  );
}
