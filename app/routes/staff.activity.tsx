import { EvaluationSummary } from "~/features/organisers/components/evaluation-summary";
import { staffEvaluationView } from "~/features/organisers/evaluation-staff.server";
import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { readActivityForm } from "~/features/activities/form.server";
import { activityFormOptions } from "~/features/activities/reads.server";
import { activityStatusAction, activityUpdateInput, coreActivityFormValues } from "~/features/activities/schema";
import { authorizeActivity, readActivityNotice, withActivityNotice, type ActivityNotice } from "~/features/activities/staff-access.server";
import { publicActivityPath } from "~/features/activities/urls";
import { canTakeStep, changeActivityStatus, publishSeries, updateActivity } from "~/features/activities/writes.server";
import { canSeeParticipants } from "~/features/authorization/policy";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { ActivityForm, type ActivityFormValues } from "~/components/activity-form";
import { CheckboxField, ErrorSummary, SubmitButton } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { ButtonLink } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { storedFileUrl } from "~/lib/storage.server";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.activity";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, partnerChoice, activity } = await authorizeActivity(request, params.slug, params.id);
  const { locale } = await getTranslator(request);
  const values: ActivityFormValues = {
    ...coreActivityFormValues(activity),
    waitlistEnabled: activity.waitlistEnabled,
    registration: activity.registrationRequired ? "required" : "walk_in",
    organiserName: activity.organiserName ?? "",
    partnerOrganisationId: activity.partnerOrganisationId ?? "",
  };
  return {
    ...staffPageData(user, municipality),
    notice: readActivityNotice(request),
    slug: municipality.slug,
    activity: {
      id: activity.id,
      title: activity.title,
      status: activity.status,
      when: `${formatInZone(activity.startsAt, locale)} – ${formatInZone(activity.endsAt, locale, { timeStyle: "short" })}`,
      capacity: activity.capacity,
      confirmedCount: activity.confirmedCount,
      waitlisted: activity.waitlisted,
      registrationRequired: activity.registrationRequired,
      seriesDrafts: activity.seriesId ? activity.seriesDrafts : 0,
      imageUrl: storedFileUrl(activity.imagePath),
      isEditable: activity.status !== "cancelled" && activity.status !== "completed",
      isPublic: activity.status === "published",
      canSeeParticipants: canSeeParticipants(user.actor, activity),
      canPublish: canTakeStep("publish", activity),
      canCancel: canTakeStep("cancel", activity),
      canComplete: canTakeStep("complete", activity),
    },
    values,
    options: await activityFormOptions(municipality.id, partnerChoice),
    evaluation: await staffEvaluationView(user, municipality.id, municipality.slug, activity.id),
    title: `${activity.title} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

async function intentOf(request: Request): Promise<string> {
  // Status buttons send a small form with `intent`; the edit form (multipart) sends none.
  if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) return "save";
  const form = await request.clone().formData().catch(() => null);
  const intent = form?.get("intent");
  return typeof intent === "string" ? intent : "save";
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, partnerChoice, activity } = await authorizeActivity(request, params.slug, params.id);
  const { locale, t } = await getTranslator(request);
  const path = `/beheer/${municipality.slug}/activiteiten/${activity.id}`;

  if ((await intentOf(request)) === "save") {
    const form = await readActivityForm(request, activityUpdateInput, locale, t);
    if (!form.ok) return form.response;
    const result = await updateActivity(municipality.id, activity.id, { userId: user.id, partnerChoice }, form.data, form.image);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, form.values);
    return redirect(withActivityNotice(path, "opgeslagen"));
  }

  const values = formToObject(await readForm(request));
  const parsed = parseInput(activityStatusAction, values, locale, t);
  // `intent` in the returned values tells the page that the status form, not the edit form, failed.
  if (!parsed.ok) return invalid(parsed.errors, { intent: "unknown" });
  const { intent } = parsed.data;
  if (intent === "cancel" && values.confirm !== "on") {
    return invalid({ confirm: t("staffActivities.cancelConfirmRequired") }, { intent });
  }
  const result =
    intent === "publishSeries"
      ? activity.seriesId
        ? await publishSeries(municipality.id, activity.seriesId)
        : ({ ok: false, field: "_form", message: "staffActivities.step.publish.refused" } as const)
      : await changeActivityStatus(municipality.id, activity.id, intent, user.id);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, { intent });
  const notices: Record<typeof intent, ActivityNotice> = {
    publish: "gepubliceerd",
    publishSeries: "reeks-gepubliceerd",
    cancel: "afgelast",
    complete: "afgerond",
  };
  return redirect(withActivityNotice(path, notices[intent]));
}

export default function StaffActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { activity, options, slug } = loaderData;
  const errors = actionData?.errors;
  const sent = actionData?.values as Record<string, string> | undefined;
  const fromStatusForm = sent?.intent !== undefined;
  const formValues: ActivityFormValues = sent && !fromStatusForm ? { ...sent, waitlistEnabled: sent.waitlistEnabled === "on" } : loaderData.values;
  const statusErrors = fromStatusForm ? errors : undefined;
  const editErrors = fromStatusForm ? undefined : errors;
  return (
    <>
      <StaffPageHeader title={activity.title} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={`/beheer/${slug}/activiteiten`}>
          {t("staffActivities.backToList")}
        </Link>
      </p>
      <section className="page-section" aria-labelledby="overview-heading">
        <h2 className="utrecht-heading-2" id="overview-heading">
          {t("staffActivities.overview")}
        </h2>
        <dl className="facts">
          <dt>{t("staffActivities.statusLine")}</dt>
          <dd>{t(`activityStatus.${activity.status}`)}</dd>
          <dt>{t("staffActivities.whenLine")}</dt>
          <dd>{activity.when}</dd>
          <dt>{t("staffActivities.placesLine")}</dt>
          <dd>
            {!activity.registrationRequired
              ? t("staffActivities.walkIn")
              : activity.capacity === null
                ? t("staffActivities.placesUnlimited", { confirmed: activity.confirmedCount })
                : t("staffActivities.places", { confirmed: activity.confirmedCount, capacity: activity.capacity })}
            {activity.waitlisted > 0 && <> · {t("staffActivities.waitlistCount", { count: activity.waitlisted })}</>}
          </dd>
        </dl>
        <p className="button-row">
          {activity.canSeeParticipants && (
            <ButtonLink to={`/beheer/${slug}/activiteiten/${activity.id}/deelnemers`} appearance="primary">
              {t("staffActivities.participantsLink")}
            </ButtonLink>
          )}
          {activity.isPublic && (
            <a className="utrecht-link" href={publicActivityPath(slug, activity.id)}>
              {t("staffActivities.publicLink")}
            </a>
          )}
        </p>
      </section>

      {(activity.canPublish || activity.canCancel || activity.canComplete || activity.seriesDrafts > 1) && (
        <section className="page-section" aria-labelledby="status-heading">
          <h2 className="utrecht-heading-2" id="status-heading">
            {t("staffActivities.actions")}
          </h2>
          <ErrorSummary errors={statusErrors} labels={{ confirm: t("staffActivities.cancelConfirm") }} />
          <div className="button-row">
            {activity.canPublish && (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="publish" />
                <SubmitButton>{t("staffActivities.publish")}</SubmitButton>
              </Form>
            )}
            {activity.seriesDrafts > 1 && (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="publishSeries" />
                <SubmitButton appearance="secondary">{t("staffActivities.publishSeries", { count: activity.seriesDrafts })}</SubmitButton>
              </Form>
            )}
            {activity.canComplete && (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="complete" />
                <SubmitButton appearance="secondary">{t("staffActivities.complete")}</SubmitButton>
              </Form>
            )}
          </div>
          {activity.canComplete && <p className="utrecht-paragraph form-hint">{t("staffActivities.completeHint")}</p>}
          {activity.canCancel && (
            <Form method="post" className="form-stack cancel-form" noValidate>
              <input type="hidden" name="intent" value="cancel" />
              <CheckboxField name="confirm" label={t("staffActivities.cancelConfirm")} errors={statusErrors} />
              <div className="button-row">
                <SubmitButton appearance="secondary">{t("staffActivities.cancel")}</SubmitButton>
              </div>
            </Form>
          )}
        </section>
      )}

      {loaderData.evaluation && <EvaluationSummary data={loaderData.evaluation} />}

      {activity.isEditable && (
        <section className="page-section" aria-labelledby="edit-heading">
          <h2 className="utrecht-heading-2" id="edit-heading">
            {t("staffActivities.edit")}
          </h2>
          <ActivityForm
            mode="edit"
            values={formValues}
            errors={editErrors}
            categories={options.categories}
        neighbourhoods={options.neighbourhoods}
            partners={options.partners}
            allowNoPartner={options.allowNoPartner}
            imageUrl={activity.imageUrl}
          />
        </section>
      )}
    </>
  );
}
