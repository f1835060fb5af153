import { data, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { coreActivityFormValues } from "~/features/activities/schema";
import { publicActivityPath } from "~/features/activities/urls";
import { requireOrganiser, requireOwnOrganisedActivity } from "~/features/organisers/access.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { organisedActivityEventsFor } from "~/features/organisers/journey";
import { canCancelYet } from "~/features/organisers/policy";
import { currentTrust, listCoOrganiserCandidates, municipalitiesByIds, planFactsOf } from "~/features/organisers/reads.server";
import { MAX_SERIES_WEEKS, organisedCancelInput, organisedPlanInput, PLAN_TEXT_MAX } from "~/features/organisers/schema";
import { cancelOrganisedPlan, planFormOptions, saveOrganisedPlan, submitOrganisedPlan, withdrawOrganisedPlan } from "~/features/organisers/writes.server";
import { OWN_ORGANISING_PATHS, ownActivityPath } from "~/features/organisers/urls";
import { listParticipants } from "~/features/registrations/reads.server";
import { ActivityAgesFieldset, ActivityCapacityField, ActivityWhatFields, ActivityWhenFieldset, activityFieldLabels, type ActivityFormValues } from "~/components/activity-form";
import { CheckboxField, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/own-activity";
import courseCss from "~/styles/course.css?url";
import { PlanFacts } from "~/features/organisers/components/plan-facts";

/**
 * A resident's own activity plan (/mijn-activiteiten/nieuw and /mijn-activiteiten/:activityId):
 * idea, goal, target group and the activity's fields, as oneself or as a team, once or weekly,
 * with co-organisers. Saved as a draft, submitted (in review, or published at once for a trusted
 * organiser), withdrawn from review, or cancelled. The organiser edits only a draft; co-organisers
 * read the plan and the sign-ups. Every form posts here with an `intent` and works without JavaScript.
 */
const NOTICES = {
  opgeslagen: "organisers.notice.saved",
  ingediend: "organisers.notice.submitted",
  gepubliceerd: "organisers.notice.publishedDirectly",
  teruggetrokken: "organisers.notice.withdrawn",
  afgelast: "organisers.notice.cancelled",
} as const;

async function newPlanData(request: Request) {
  const { user, facts, municipalityIds, mayOrganise } = await requireOrganiser(request);
  const places = await municipalitiesByIds(municipalityIds);
  const organiseAsOptions = [
    ...places.filter((m) => facts.certifiedIn.includes(m.id)).map((m) => ({ value: `self:${m.id}`, label: places.length > 1 ? `${user.name} (${m.name})` : user.name })),
    ...facts.teams.filter((team) => team.status === "active").map((team) => ({ value: `team:${team.teamId}`, label: facts.teamNames[team.teamId] ?? "" })),
  ];
  const candidates = (await Promise.all(municipalityIds.map((id) => listCoOrganiserCandidates(id, user.id)))).flat();
  return { user, mayOrganise, municipalityIds, organiseAsOptions, candidates };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { t, locale } = await getTranslator(request);
  const notice = new URL(request.url).searchParams.get("melding");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null;
  if (!params.activityId) {
    const created = await newPlanData(request);
    const options = await planFormOptions(created.municipalityIds);
    return {
      title: `${t("organisers.plan.newTitle")} — Buurtkracht`,
      notice: null,
      mayOrganise: created.mayOrganise,
      isNew: true,
      organiseAsOptions: created.organiseAsOptions,
      candidates: created.candidates.map((c) => ({ userId: c.userId, name: c.name })),
      chosenCoOrganisers: [] as string[],
      ...options,
      values: {} as Record<string, string>,
      plan: null,
      canEdit: created.mayOrganise,
      canSubmit: false,
      canWithdraw: false,
      canCancel: false,
      trusted: false,
      registrations: null,
      links: null,
    };
  }
  const { user, detail, role, rights, municipalityId } = await requireOwnOrganisedActivity(request, params.activityId);
  const { activity, plan } = detail;
  const events = organisedActivityEventsFor(activity.status, role);
  const canEdit = rights.editPlan && activity.status === "draft";
  const options = canEdit ? await planFormOptions([municipalityId]) : { categories: [], neighbourhoods: [] };
  const candidates = canEdit ? await listCoOrganiserCandidates(municipalityId, plan.organiserUserId ?? user.id) : [];
  const participants = await listParticipants(municipalityId, activity.id);
  const isLive = activity.status === "published" || activity.status === "completed";
  return {
    title: `${activity.title} — Buurtkracht`,
    notice: noticeKey,
    mayOrganise: true,
    isNew: false,
    organiseAsOptions: [],
    candidates: candidates.map((c) => ({ userId: c.userId, name: c.name })),
    chosenCoOrganisers: detail.coOrganisers.map((c) => c.userId),
    ...options,
    values: { idea: plan.idea, goal: plan.goal, targetGroup: plan.targetGroup, ...coreActivityFormValues(activity) } as Record<string, string>,
    plan: {
      ...planFactsOf(detail, locale),
      status: activity.status,
      changesRequested: activity.status === "draft" ? plan.changesRequested : null,
      publishedWithoutReview: plan.publishedWithoutReviewAt !== null,
      role,
    },
    canEdit,
    canSubmit: events.includes("submit"),
    canWithdraw: events.includes("withdraw"),
    canCancel: events.includes("cancel") && canCancelYet(activity.startsAt),
    trusted: events.includes("submit") ? (await currentTrust(municipalityId, user.id)).trusted : false,
    registrations: {
      confirmed: participants.confirmed.map((p) => ({ id: p.id, name: p.name, ageGroup: p.ageGroup, attendance: p.attendance })),
      waitlist: participants.waitlist.map((p) => ({ id: p.id, name: p.name, ageGroup: p.ageGroup, position: p.position })),
    },
    links: {
      publicPage: isLive ? publicActivityPath(detail.municipalitySlug, activity.id) : null,
      checkIn: activity.status === "published" ? ownActivityPath(activity.id, "aanwezig") : null,
      message: activity.status === "published" ? ownActivityPath(activity.id, "bericht") : null,
      evaluation: isLive && activity.endsAt.getTime() <= Date.now() ? ownActivityPath(activity.id, "evaluatie") : null,
      budget: rights.editPlan && activity.status !== "cancelled" ? ownActivityPath(activity.id, "budget") : null,
      flyer: activity.status === "published" ? ownActivityPath(activity.id, "flyer.pdf") : null,
    },
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  if (!params.activityId) {
    const { user, mayOrganise } = await requireOrganiser(request);
    if (!mayOrganise) return data({ ok: false as const, errors: { _form: t("organisers.error.mayNotOrganise") }, values: {} }, { status: 403 });
    if (values.intent !== "save") return invalid({ _form: t("validation.invalid") });
    const parsed = parseInput(organisedPlanInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await saveOrganisedPlan(user.id, null, parsed.data);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
    return redirect(`${ownActivityPath(result.activityId)}?melding=opgeslagen`);
  }
  const { user, detail } = await requireOwnOrganisedActivity(request, params.activityId);
  const back = (notice: keyof typeof NOTICES) => redirect(`${ownActivityPath(detail.activity.id)}?melding=${notice}`);
  switch (values.intent) {
    case "save": {
      const parsed = parseInput(organisedPlanInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await saveOrganisedPlan(user.id, detail.activity.id, parsed.data);
      if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
      return back("opgeslagen");
    }
    case "submit": {
      const result = await submitOrganisedPlan(user.id, detail.activity.id);
      if (!result.ok) return invalid({ _form: t(result.message) }, { intent: "submit" });
      return back(result.published ? "gepubliceerd" : "ingediend");
    }
    case "withdraw": {
      const result = await withdrawOrganisedPlan(user.id, detail.activity.id);
      if (!result.ok) return invalid({ _form: t(result.message) }, { intent: "withdraw" });
      return back("teruggetrokken");
    }
    case "cancel": {
      const confirmed = parseInput(organisedCancelInput, values, locale, t);
      if (!confirmed.ok) return invalid(confirmed.errors, values);
      const result = await cancelOrganisedPlan({ userId: user.id }, detail.activity.id);
      if (!result.ok) return invalid({ _form: "forbidden" in result ? t("validation.invalid") : t(result.message) }, values);
      return back("afgelast");
    }
    default:
      return invalid({ _form: t("validation.invalid") });
  }
}

export default function OwnOrganisedActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plan, registrations, links } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const planErrors = sent.intent === "save" || loaderData.isNew ? errors : undefined;
  const values: ActivityFormValues & Record<string, string | undefined> = planErrors ? sent : loaderData.values;
  if (!loaderData.mayOrganise) {
    return (
      <div className="my-course">
        <PageTitle>{t("organisers.plan.newTitle")}</PageTitle>
        <ErrorSummary errors={errors} labels={{}} />
        <p className="utrecht-paragraph">{t("organisers.notYet.intro")}</p>
        <p className="utrecht-paragraph">{t("organisers.notYet.how")}</p>
      </div>
    );
  }
  const chosen = new Set(planErrors ? ([] as string[]).concat((actionData?.values as Record<string, string> | undefined)?.coOrganisers ?? []) : loaderData.chosenCoOrganisers);
  return (
    <div className="my-course">
      <OrganiserTabs />
      <PageTitle>{plan ? plan.title : t("organisers.plan.newTitle")}</PageTitle>
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      {errors && !planErrors && <ErrorSummary errors={errors} labels={{}} />}
      {plan && (
        <p className="utrecht-paragraph">
          <strong>{t("organisers.statusLabel")}</strong> {t(`organisers.status.${plan.status}`)}
          {plan.publishedWithoutReview && plan.status === "published" && <> · {t("organisers.plan.publishedWithoutReview")}</>}
        </p>
      )}
      {plan?.changesRequested && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t("organisers.plan.changesIntro")}</p>
          <p className="utrecht-paragraph plan-text">{plan.changesRequested}</p>
        </Alert>
      )}

      {loaderData.canEdit ? (
        <section className="page-section" aria-labelledby="plan-heading">
          <h2 className="utrecht-heading-2" id="plan-heading">
            {loaderData.isNew ? t("organisers.plan.planTitle") : t("organisers.plan.editTitle")}
          </h2>
          <PostForm>
            <ErrorSummary
              errors={planErrors}
              labels={{ ...activityFieldLabels(t), idea: t("organisers.field.idea"), goal: t("organisers.field.goal"), targetGroup: t("organisers.field.targetGroup"), organiseAs: t("organisers.field.organiseAs"), weeks: t("organisers.field.weeks"), coOrganisers: t("organisers.field.coOrganisers") }}
            />
            <input type="hidden" name="intent" value="save" />
            {loaderData.isNew && (
              <SelectField name="organiseAs" label={t("organisers.field.organiseAs")} options={loaderData.organiseAsOptions} defaultValue={values.organiseAs ?? loaderData.organiseAsOptions[0]?.value} errors={planErrors} required />
            )}
            <fieldset className="utrecht-form-fieldset form-stack">
              <legend className="utrecht-form-fieldset__legend">{t("organisers.plan.ideaLegend")}</legend>
              <TextAreaField name="idea" label={t("organisers.field.idea")} description={t("organisers.field.ideaHint")} required rows={4} maxLength={PLAN_TEXT_MAX} defaultValue={values.idea} errors={planErrors} />
              <TextAreaField name="goal" label={t("organisers.field.goal")} required rows={3} maxLength={PLAN_TEXT_MAX} defaultValue={values.goal} errors={planErrors} />
              <TextField name="targetGroup" label={t("organisers.field.targetGroup")} description={t("organisers.field.targetGroupHint")} required maxLength={500} defaultValue={values.targetGroup} errors={planErrors} />
            </fieldset>
            <ActivityWhatFields values={values} errors={planErrors} categories={loaderData.categories} neighbourhoods={loaderData.neighbourhoods} />
            <ActivityWhenFieldset values={values} errors={planErrors}>
              {loaderData.isNew && (
                <>
                  <SelectField
                    name="schedule"
                    label={t("organisers.field.schedule")}
                    options={[
                      { value: "once", label: t("organisers.field.scheduleOnce") },
                      { value: "weekly", label: t("organisers.field.scheduleWeekly") },
                    ]}
                    defaultValue={values.schedule ?? "once"}
                    errors={planErrors}
                  />
                  <TextField name="weeks" type="number" inputMode="numeric" min={2} max={MAX_SERIES_WEEKS} label={t("organisers.field.weeks")} description={t("organisers.field.weeksHint", { max: MAX_SERIES_WEEKS })} defaultValue={values.weeks} errors={planErrors} />
                </>
              )}
              {plan && plan.seriesCount > 1 && <p className="utrecht-paragraph form-hint">{t("organisers.plan.seriesNote", { count: plan.seriesCount })}</p>}
            </ActivityWhenFieldset>
            <ActivityAgesFieldset values={values} errors={planErrors} />
            <ActivityCapacityField values={values} errors={planErrors} />
            {loaderData.candidates.length > 0 && (
              <fieldset className="utrecht-form-fieldset form-stack">
                <legend className="utrecht-form-fieldset__legend">{t("organisers.field.coOrganisers")}</legend>
                <p className="utrecht-paragraph form-hint">{t("organisers.field.coOrganisersHint")}</p>
                {(planErrors as Record<string, string> | undefined)?.coOrganisers && <p className="utrecht-form-field-error-message">{(planErrors as Record<string, string>).coOrganisers}</p>}
                {loaderData.candidates.map((candidate) => (
                  <div key={candidate.userId} className="utrecht-form-field utrecht-form-field--checkbox">
                    <input className="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`co-${candidate.userId}`} name="coOrganisers" value={candidate.userId} defaultChecked={chosen.has(candidate.userId)} />
                    <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`co-${candidate.userId}`}>
                      {candidate.name}
                    </label>
                  </div>
                ))}
              </fieldset>
            )}
            <div className="button-row">
              <SubmitButton>{t("organisers.plan.save")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      ) : (
        plan && (
          <section className="page-section" aria-labelledby="plan-heading">
            <h2 className="utrecht-heading-2" id="plan-heading">
              {t("organisers.plan.planTitle")}
            </h2>
            <PlanFacts plan={plan} />
          </section>
        )
      )}

      {loaderData.canSubmit && (
        <section className="page-section" aria-labelledby="submit-heading">
          <h2 className="utrecht-heading-2" id="submit-heading">
            {t("organisers.submit.title")}
          </h2>
          <p className="utrecht-paragraph">{loaderData.trusted ? t("organisers.submit.trustedHint") : t("organisers.submit.reviewHint")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="submit" />
            <div className="button-row">
              <SubmitButton>{loaderData.trusted ? t("organisers.submit.publish") : t("organisers.submit.button")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}
      {loaderData.canWithdraw && (
        <section className="page-section" aria-labelledby="withdraw-heading">
          <h2 className="utrecht-heading-2" id="withdraw-heading">
            {t("organisers.withdraw.title")}
          </h2>
          <p className="utrecht-paragraph">{t("organisers.withdraw.hint")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="withdraw" />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("organisers.withdraw.button")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      {links && Object.values(links).some(Boolean) && (
        <section className="page-section" aria-labelledby="links-heading">
          <h2 className="utrecht-heading-2" id="links-heading">
            {t("organisers.links.title")}
          </h2>
          <ul className="utrecht-unordered-list">
            {(Object.entries(links) as [keyof typeof links, string | null][]).map(([key, href]) =>
              href ? (
                <li key={key} className="utrecht-unordered-list__item">
                  {key === "flyer" ? (
                    <a className="utrecht-link" href={href}>
                      {t(`organisers.links.${key}`)}
                    </a>
                  ) : (
                    <Link className="utrecht-link" to={href}>
                      {t(`organisers.links.${key}`)}
                    </Link>
                  )}
                </li>
              ) : null,
            )}
          </ul>
        </section>
      )}

      {registrations && (
        <section className="page-section" aria-labelledby="registrations-heading">
          <h2 className="utrecht-heading-2" id="registrations-heading">
            {t("organisers.registrations.title")} ({registrations.confirmed.length})
          </h2>
          {registrations.confirmed.length === 0 && registrations.waitlist.length === 0 ? (
            <p className="utrecht-paragraph">{t("organisers.registrations.none")}</p>
          ) : (
            <ul className="utrecht-unordered-list">
              {registrations.confirmed.map((person) => (
                <li key={person.id} className="utrecht-unordered-list__item">
                  {person.name} · {t(`ageGroup.${person.ageGroup}`)}
                  {person.attendance && <> · {t(`participants.state.${person.attendance}`)}</>}
                </li>
              ))}
              {registrations.waitlist.map((person) => (
                <li key={person.id} className="utrecht-unordered-list__item">
                  {person.name} · {t(`ageGroup.${person.ageGroup}`)} · {t("organisers.registrations.waitlist", { position: person.position })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {loaderData.canCancel && (
        <section className="page-section" aria-labelledby="cancel-heading">
          <h2 className="utrecht-heading-2" id="cancel-heading">
            {t("organisers.cancel.title")}
          </h2>
          <p className="utrecht-paragraph">{t("organisers.cancel.hint")}</p>
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
        <Link className="utrecht-link" to={OWN_ORGANISING_PATHS.activities}>
          {t("organisers.back")}
        </Link>
      </p>
    </div>
  );
}
