import { data, Form, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { HoursEntryFacts, HoursProgress } from "~/features/practice/components/hours";
import { PlacementTabs } from "~/features/practice/components/practice-tabs";
import { hoursProgress, listPlacementHours } from "~/features/practice/hours-reads.server";
import { RETURN_COMMENT_MAX, returnHoursInput, signOffInput } from "~/features/practice/hours-schema";
import { formatHours, hoursEntryView } from "~/features/practice/hours-view";
import { returnHours, signOffHours, type HoursWriteResult } from "~/features/practice/hours-writes.server";
import { authorizePlacement } from "~/features/practice/placement-access.server";
import { placementPath } from "~/features/practice/urls";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { ageOn, todayInAmsterdam } from "~/features/training/age";
import { CheckboxField, ErrorSummary, SubmitButton } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm, redisplayableValues } from "~/lib/forms.server";
import type { MessageKey, Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-placement-hours";
import hoursCss from "~/styles/practice-hours.css?url";

/**
 * The hours of one placement for staff: newest first with the youth working-time warnings. The
 * placement's supervisor signs off several entries at once (an entry with warnings only with the
 * explicit confirmation) or returns one with a comment; the cohort's course leaders and the
 * project leader read along. Every view and change is in the personal-data access log.
 */
const NOTICES = { afgetekend: "hours.notice.signedOff", teruggestuurd: "hours.notice.returned" } as const satisfies Record<string, MessageKey>;
type Notice = keyof typeof NOTICES;

function refused(result: Extract<HoursWriteResult<unknown>, { ok: false }>, t: Translate, values: Record<string, unknown>) {
  const errors = { [result.field ?? "_form"]: t(result.error) };
  return data({ ok: false as const, errors, values: redisplayableValues(values) }, { status: result.status });
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { t, locale } = await getTranslator(request);
  const entries = await listPlacementHours(municipality.id, placement.id);
  await logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: placement.traineeUserId }, resource: "practice_hours" });
  const progress = hoursProgress(entries, placement.practiceHoursTarget);
  const notice = new URL(request.url).searchParams.get("melding");
  const age = placement.traineeDateOfBirth ? ageOn(placement.traineeDateOfBirth, todayInAmsterdam()) : null;
  return {
    ...staffPageData(user, municipality),
    title: `${t("hours.staff.title", { name: placement.traineeName })} — ${municipality.name}`,
    slug: municipality.slug,
    placementId: placement.id,
    traineeName: placement.traineeName,
    partnerName: placement.partnerName,
    canReview: roles.includes("practice_supervisor"),
    // What the sign-off form sends back: entries changed after this moment are not signed off unseen.
    seenAt: new Date().toISOString(),
    minorAge: age !== null && age < 18 ? age : null,
    entries: entries.map((entry) => hoursEntryView(entry, locale)),
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as Notice] : null,
    progress: {
      signedOff: formatHours(progress.signedOffMinutes, locale),
      target: formatHours(progress.targetMinutes, locale),
      submitted: progress.submittedMinutes > 0 ? formatHours(progress.submittedMinutes, locale) : null,
      signedOffValue: progress.signedOffMinutes / 60,
      targetValue: placement.practiceHoursTarget,
      met: progress.met,
    },
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: hoursCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, placement, roles } = await authorizePlacement(request, params.slug, params.placementId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const path = placementPath(municipality.slug, placement.id, "uren");
  // Course leaders and the project leader read this page; the journey table lets only the supervisor act.
  if ((values.intent === "signOff" || values.intent === "return") && !roles.includes("practice_supervisor")) {
    const errors: Record<string, string> = { _form: t("hours.error.notAllowed") };
    return data({ ok: false as const, errors, values: redisplayableValues(values) }, { status: 403 });
  }
  const reviewer = { userId: user.id, name: user.name, roles };
  const audit = () =>
    logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: placement.traineeUserId }, resource: "practice_hours", action: "change" });
  switch (values.intent) {
    case "signOff": {
      const parsed = parseInput(signOffInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await signOffHours(municipality.id, placement.id, reviewer, parsed.data.ids, parsed.data.confirmGuard, parsed.data.seenAt);
      if (!result.ok) return refused(result, t, values);
      await audit();
      return redirect(`${path}?melding=afgetekend`);
    }
    case "return": {
      const parsed = parseInput(returnHoursInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await returnHours(municipality.id, placement.id, reviewer, parsed.data.id, parsed.data.comment);
      if (!result.ok) return refused(result, t, values);
      await audit();
      return redirect(`${path}?melding=teruggestuurd#uren-${result.id}`);
    }
    default:
      return invalid({ _form: t("validation.invalid") }, values);
  }
}

export default function StaffPlacementHours({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { entries, canReview, slug, placementId } = loaderData;
  const errors: Record<string, string> | undefined = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const signOffErrors = sent.intent === "signOff" ? errors : undefined;
  const waiting = entries.filter((e) => e.status === "submitted" && e.worked);
  const sentIds = new Set([sent.ids].filter(Boolean));
  const firstPickable = waiting[0]?.id;
  return (
    <>
      <StaffPageHeader title={t("hours.staff.title", { name: loaderData.traineeName })} sections={loaderData.sections} notice={loaderData.notice} />
      <PlacementTabs slug={slug} placementId={placementId} />
      {errors && sent.intent !== "signOff" && sent.intent !== "return" && <ErrorSummary errors={errors} labels={{}} />}
      <p className="utrecht-paragraph">{t("hours.staff.intro", { name: loaderData.traineeName, partner: loaderData.partnerName })}</p>
      {loaderData.minorAge !== null && <p className="utrecht-paragraph">{t("hours.staff.minor", { name: loaderData.traineeName, age: loaderData.minorAge })}</p>}
      {!canReview && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t("hours.staff.readOnly")}</p>
        </Alert>
      )}

      <HoursProgress {...loaderData.progress} />

      <section className="page-section" aria-labelledby="uren-lijst">
        <h2 className="utrecht-heading-2" id="uren-lijst" tabIndex={-1}>
          {t("hours.list.title")}
        </h2>
        {entries.length === 0 ? (
          <p className="utrecht-paragraph">{t("hours.list.empty")}</p>
        ) : (
          <ul className="hours-list">
            {entries.map((entry) => {
              const returnErrors = sent.intent === "return" && sent.id === entry.id ? errors : undefined;
              const commentId = returnErrors ? "field-comment" : `comment-${entry.id}`;
              return (
                <li key={entry.id} id={`uren-${entry.id}`} className={`hours-entry${entry.warnings.length > 0 ? " hours-entry--warning" : ""}`} aria-labelledby={`uren-${entry.id}-titel`}>
                  {canReview && entry.status === "submitted" && entry.worked && (
                    <div className="hours-entry__pick">
                      <input
                        type="checkbox"
                        className="utrecht-checkbox utrecht-checkbox--html-input"
                        form="aftekenen"
                        name="ids"
                        value={entry.id}
                        id={entry.id === firstPickable ? "field-ids" : `pick-${entry.id}`}
                        defaultChecked={signOffErrors ? sentIds.has(entry.id) : false}
                      />
                      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={entry.id === firstPickable ? "field-ids" : `pick-${entry.id}`}>
                        {t("hours.staff.select", { when: entry.when })}
                      </label>
                    </div>
                  )}
                  <HoursEntryFacts entry={entry} audience="staff" />
                  {canReview && entry.status === "submitted" && (
                    <details open={returnErrors !== undefined}>
                      <summary>
                        {t("hours.staff.returnTitle")}
                        <span className="visually-hidden"> {entry.when}</span>
                      </summary>
                      <Form method="post" noValidate className="form-stack">
                        <ErrorSummary errors={returnErrors} labels={{ comment: t("hours.staff.returnComment") }} />
                        <input type="hidden" name="intent" value="return" />
                        <input type="hidden" name="id" value={entry.id} />
                        <div className={`utrecht-form-field utrecht-form-field--text${returnErrors?.comment ? " utrecht-form-field--invalid" : ""}`}>
                          <div className="utrecht-form-field__label">
                            <label className="utrecht-form-label" htmlFor={commentId}>
                              {t("hours.staff.returnComment")}
                            </label>
                          </div>
                          <div className="utrecht-form-field__description utrecht-form-field-description" id={`${commentId}-description`}>
                            {t("hours.staff.returnHint")}
                          </div>
                          {returnErrors?.comment && (
                            <div className="utrecht-form-field__description utrecht-form-field-error-message" id={`${commentId}-error`}>
                              {returnErrors.comment}
                            </div>
                          )}
                          <div className="utrecht-form-field__input">
                            <textarea
                              className="utrecht-textarea utrecht-textarea--html-textarea"
                              id={commentId}
                              name="comment"
                              rows={3}
                              required
                              maxLength={RETURN_COMMENT_MAX}
                              aria-invalid={returnErrors?.comment ? true : undefined}
                              aria-describedby={`${commentId}-description${returnErrors?.comment ? ` ${commentId}-error` : ""}`}
                              defaultValue={returnErrors ? sent.comment : undefined}
                            />
                          </div>
                        </div>
                        <div className="button-row">
                          <SubmitButton appearance="secondary">{t("hours.staff.return")}</SubmitButton>
                        </div>
                      </Form>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {canReview && (
        <section className="page-section" aria-labelledby="aftekenen-titel">
          <h2 className="utrecht-heading-2" id="aftekenen-titel" tabIndex={-1}>
            {t("hours.staff.signOffTitle")}
          </h2>
          {waiting.length === 0 ? (
            <p className="utrecht-paragraph">{t("hours.staff.nothingToSign")}</p>
          ) : (
            <Form method="post" noValidate className="form-stack" id="aftekenen">
              <ErrorSummary errors={signOffErrors} labels={{ ids: t("hours.staff.signOffTitle"), confirmGuard: t("hours.staff.confirmGuard") }} />
              <p className="utrecht-paragraph form-hint">{t("hours.staff.signOffHint")}</p>
              <input type="hidden" name="intent" value="signOff" />
              <input type="hidden" name="seenAt" value={loaderData.seenAt} />
              {waiting.some((e) => e.warnings.length > 0) && (
                <>
                  <p className="utrecht-paragraph form-hint">{t("hours.staff.confirmHint")}</p>
                  <CheckboxField name="confirmGuard" label={t("hours.staff.confirmGuard")} errors={signOffErrors} />
                </>
              )}
              <div className="button-row">
                <SubmitButton>{t("hours.staff.signOff")}</SubmitButton>
              </div>
            </Form>
          )}
        </section>
      )}
    </>
  );
}
