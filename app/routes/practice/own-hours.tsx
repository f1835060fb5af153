import { data, Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { OwnPracticeTabs } from "~/features/practice/components/practice-tabs";
import { HoursEntryFacts, HoursProgress } from "~/features/practice/components/hours";
import { HOURS_WARNINGS, type HoursWarning } from "~/features/practice/hours-guard";
import { hoursProgress, learningGoalsOf, listPlacementHours } from "~/features/practice/hours-reads.server";
import { dateProblems, editHoursInput, HOURS_DESCRIPTION_MAX, hoursEntryInput, hoursIdInput, PLAN_AHEAD_DAYS } from "~/features/practice/hours-schema";
import { formatHours, hoursEntryView, type HoursEntryView } from "~/features/practice/hours-view";
import { deleteHours, logHours, updateHours, type HoursWriteResult } from "~/features/practice/hours-writes.server";
import { requireOwnPlacement } from "~/features/practice/placement-access.server";
import { OWN_PRACTICE_PATHS } from "~/features/practice/urls";
import { todayInAmsterdam } from "~/features/training/age";
import { CheckboxField, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm, redisplayableValues } from "~/lib/forms.server";
import { HOUR_KINDS } from "~/lib/db/schema";
import type { MessageKey, Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { addDaysToLocalDate, MUNICIPAL_TIME_ZONE, utcToZonedLocal } from "~/lib/time";
import type { Route } from "./+types/own-hours";
import hoursCss from "~/styles/practice-hours.css?url";

/**
 * "Mijn praktijk — uren": the trainee logs practice hours on their active placement, sees each
 * entry's status and the youth working-time warnings, corrects a returned entry and submits it
 * again, changes or deletes what is not signed off yet, and follows the signed-off hours toward
 * the track's target.
 */
const NOTICES = {
  opgeslagen: "hours.notice.saved",
  "let-op": "hours.warning.saved",
  "opnieuw-ingestuurd": "hours.notice.resubmitted",
  verwijderd: "hours.notice.deleted",
} as const satisfies Record<string, MessageKey>;
type Notice = keyof typeof NOTICES;

const back = (notice: Notice, entryId?: string) => redirect(`${OWN_PRACTICE_PATHS.hours}?melding=${notice}${entryId ? `&uren=${entryId}#uren-${entryId}` : ""}`);

/** A refused write as the page's 4xx answer, the message on its field or above the form. */
function refused(result: Extract<HoursWriteResult<unknown>, { ok: false }>, t: Translate, values: Record<string, unknown>) {
  const errors = { [result.field ?? "_form"]: t(result.error) };
  return data({ ok: false as const, errors, values: redisplayableValues(values) }, { status: result.status });
}

export async function loader({ request }: Route.LoaderArgs) {
  const { placement, municipalityId } = await requireOwnPlacement(request);
  const { t, locale } = await getTranslator(request);
  const [entries, goals] = await Promise.all([listPlacementHours(municipalityId, placement.id), learningGoalsOf(municipalityId, placement.enrolmentId)]);
  const url = new URL(request.url);
  const notice = url.searchParams.get("melding");
  const views = entries.map((entry) => hoursEntryView(entry, locale));
  const editable = (id: string | null) => views.find((v) => v.id === id && v.status !== "signed_off") ?? null;
  const progress = hoursProgress(entries, placement.practiceHoursTarget);
  const today = todayInAmsterdam();
  const savedWithWarning = notice === "let-op" ? (views.find((v) => v.id === url.searchParams.get("uren")) ?? null) : null;
  return {
    title: `${t("hours.title")} — Buurtkracht`,
    active: placement.status === "active",
    partnerName: placement.partnerName,
    entries: views,
    goals,
    editing: placement.status === "active" ? editable(url.searchParams.get("bewerk")) : null,
    deleting: placement.status === "active" ? editable(url.searchParams.get("verwijder")) : null,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as Notice] : null,
    savedWarnings: (savedWithWarning?.warnings ?? []) as HoursWarning[],
    progress: {
      signedOff: formatHours(progress.signedOffMinutes, locale),
      target: formatHours(progress.targetMinutes, locale),
      submitted: progress.submittedMinutes > 0 ? formatHours(progress.submittedMinutes, locale) : null,
      signedOffValue: progress.signedOffMinutes / 60,
      targetValue: placement.practiceHoursTarget,
      met: progress.met,
    },
    today,
    maxDate: addDaysToLocalDate(today, PLAN_AHEAD_DAYS),
    minDate: placement.startedAt ? utcToZonedLocal(placement.startedAt, MUNICIPAL_TIME_ZONE).date : null,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: hoursCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const { placement, municipalityId } = await requireOwnPlacement(request);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const startedOn = placement.startedAt ? utcToZonedLocal(placement.startedAt, MUNICIPAL_TIME_ZONE).date : null;
  const dateErrors = (date: string) => Object.fromEntries(Object.entries(dateProblems(date, todayInAmsterdam(), startedOn)).map(([field, key]) => [field, t(key)]));

  switch (values.intent) {
    case "log": {
      const parsed = parseInput(hoursEntryInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const problems = dateErrors(parsed.data.date);
      if (Object.keys(problems).length > 0) return invalid(problems, values);
      const result = await logHours(municipalityId, placement, parsed.data);
      if (!result.ok) return refused(result, t, values);
      return result.warnings.length > 0 ? back("let-op", result.id) : back("opgeslagen");
    }
    case "edit": {
      const parsed = parseInput(editHoursInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const problems = dateErrors(parsed.data.date);
      if (Object.keys(problems).length > 0) return invalid(problems, values);
      const result = await updateHours(municipalityId, placement, parsed.data);
      if (!result.ok) return refused(result, t, values);
      if (result.warnings.length > 0) return back("let-op", result.id);
      return result.resubmitted ? back("opnieuw-ingestuurd") : back("opgeslagen");
    }
    case "delete": {
      const parsed = parseInput(hoursIdInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("hours.error.notFound") }, values);
      const result = await deleteHours(municipalityId, placement, parsed.data.id);
      if (!result.ok) return refused(result, t, values);
      return back("verwijderd");
    }
    default:
      return invalid({ _form: t("validation.invalid") }, values);
  }
}

function EntryForm({ entry, goals, errors, sent, minDate, maxDate, today }: { entry: HoursEntryView | null; goals: readonly { id: string; description: string }[]; errors?: Record<string, string>; sent: Record<string, string>; minDate: string | null; maxDate: string; today: string }) {
  const { t } = useTranslation();
  const resent = errors !== undefined;
  const value = (field: "date" | "start" | "end" | "description" | "learningGoalId" | "kind") => (resent ? sent[field] : entry ? (entry[field] ?? "") : undefined);
  const labels = {
    date: t("hours.field.date"),
    start: t("hours.field.start"),
    end: t("hours.field.end"),
    description: t("hours.field.description"),
    learningGoalId: t("hours.field.learningGoal"),
    kind: t("hours.field.kind"),
    schoolHoliday: t("hours.field.schoolHoliday"),
  };
  return (
    <PostForm className="form-stack hours-form">
      <ErrorSummary errors={errors} labels={labels} />
      <input type="hidden" name="intent" value={entry ? "edit" : "log"} />
      {entry && <input type="hidden" name="id" value={entry.id} />}
      <TextField type="date" name="date" label={labels.date} description={t("hours.field.dateHint")} required min={minDate ?? undefined} max={maxDate} defaultValue={value("date") ?? today} errors={errors} />
      <div className="hours-form__times">
        <TextField type="time" name="start" label={labels.start} description={t("hours.field.timeHint")} required defaultValue={value("start")} errors={errors} />
        <TextField type="time" name="end" label={labels.end} description={t("hours.field.timeHint")} required defaultValue={value("end")} errors={errors} />
      </div>
      <TextAreaField name="description" label={labels.description} required rows={3} maxLength={HOURS_DESCRIPTION_MAX} defaultValue={value("description")} errors={errors} />
      <SelectField name="kind" label={labels.kind} required options={HOUR_KINDS.map((kind) => ({ value: kind, label: t(`hours.kind.${kind}`) }))} defaultValue={value("kind") ?? "placement"} errors={errors} />
      {goals.length > 0 && (
        <SelectField name="learningGoalId" label={labels.learningGoalId} includeEmpty={t("hours.field.noGoal")} options={goals.map((goal) => ({ value: goal.id, label: goal.description }))} defaultValue={value("learningGoalId")} errors={errors} />
      )}
      <CheckboxField name="schoolHoliday" label={labels.schoolHoliday} defaultChecked={resent ? sent.schoolHoliday === "on" : (entry?.schoolHoliday ?? false)} errors={errors} />
      <div className="button-row">
        <SubmitButton>{entry ? (entry.status === "returned" ? t("hours.form.resubmit") : t("hours.form.saveChanges")) : t("hours.form.save")}</SubmitButton>
        {entry && (
          <Link className="utrecht-link" to={OWN_PRACTICE_PATHS.hours}>
            {t("hours.form.cancelEdit")}
          </Link>
        )}
      </div>
    </PostForm>
  );
}

export default function OwnHours({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { entries, editing, deleting, active } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const formErrors = sent.intent === "log" || sent.intent === "edit" ? errors : undefined;
  // After a refused correction the form shows the entry that was being corrected.
  const editingEntry = sent.intent === "edit" ? (entries.find((e) => e.id === sent.id && e.status !== "signed_off") ?? editing) : editing;
  return (
    <div className="own-hours">
      <OwnPracticeTabs />
      <PageTitle>{t("hours.title")}</PageTitle>
      {loaderData.notice && !errors && (
        <Alert type={loaderData.savedWarnings.length > 0 ? "warning" : "ok"}>
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
          {loaderData.savedWarnings.length > 0 && (
            <>
              <ul className="hours-warning-list">
                {HOURS_WARNINGS.filter((w) => loaderData.savedWarnings.includes(w)).map((warning) => (
                  <li key={warning}>{t(`hours.warning.${warning}`)}</li>
                ))}
              </ul>
              <p className="utrecht-paragraph">{t("hours.warning.intro")}</p>
            </>
          )}
        </Alert>
      )}
      {errors && sent.intent === "delete" && <ErrorSummary errors={errors} labels={{}} />}
      {errors && sent.intent !== "delete" && sent.intent !== "log" && sent.intent !== "edit" && <ErrorSummary errors={errors} labels={{}} />}
      <p className="utrecht-paragraph">{t("hours.own.intro")}</p>

      <HoursProgress {...loaderData.progress} />

      {deleting && (
        <div className="utrecht-alert utrecht-alert--warning">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">{t("hours.delete.question", { when: deleting.when })}</p>
            <Form method="post" noValidate className="hours-actions">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="id" value={deleting.id} />
              <SubmitButton appearance="secondary">{t("hours.delete.confirm")}</SubmitButton>
              <Link className="utrecht-link" to={OWN_PRACTICE_PATHS.hours}>
                {t("hours.delete.cancel")}
              </Link>
            </Form>
          </div>
        </div>
      )}

      <section className="page-section" aria-labelledby="uren-formulier">
        <h2 className="utrecht-heading-2" id="uren-formulier" tabIndex={-1}>
          {editingEntry ? t("hours.form.editTitle") : t("hours.form.title")}
        </h2>
        {active ? (
          <>
            {editingEntry?.status === "returned" && editingEntry.returnComment && (
              <Alert type="error">
                <p className="utrecht-paragraph hours-entry__text">{t("hours.list.returnComment", { comment: editingEntry.returnComment })}</p>
              </Alert>
            )}
            <EntryForm key={editingEntry?.id ?? "new"} entry={editingEntry} goals={loaderData.goals} errors={formErrors} sent={sent} minDate={loaderData.minDate} maxDate={loaderData.maxDate} today={loaderData.today} />
          </>
        ) : (
          <p className="utrecht-paragraph">{t("hours.own.notActive")}</p>
        )}
      </section>

      <section className="page-section" aria-labelledby="uren-lijst">
        <h2 className="utrecht-heading-2" id="uren-lijst">
          {t("hours.list.title")}
        </h2>
        {entries.length === 0 ? (
          <p className="utrecht-paragraph">{t("hours.list.empty")}</p>
        ) : (
          <ul className="hours-list">
            {entries.map((entry) => (
              <li key={entry.id} id={`uren-${entry.id}`} className={`hours-entry${entry.warnings.length > 0 ? " hours-entry--warning" : ""}`} aria-labelledby={`uren-${entry.id}-titel`}>
                <HoursEntryFacts entry={entry} audience="trainee" />
                {active && entry.status !== "signed_off" && (
                  <p className="hours-actions">
                    <Link className="utrecht-link" to={`${OWN_PRACTICE_PATHS.hours}?bewerk=${entry.id}#uren-formulier`}>
                      {entry.status === "returned" ? t("hours.list.correct") : t("hours.list.edit")}
                      <span className="visually-hidden"> {entry.when}</span>
                    </Link>
                    <Link className="utrecht-link" to={`${OWN_PRACTICE_PATHS.hours}?verwijder=${entry.id}`}>
                      {t("hours.list.delete")}
                      <span className="visually-hidden"> {entry.when}</span>
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

