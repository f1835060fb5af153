import { CheckboxField, ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FormErrors } from "~/components/form";
import { useTranslation } from "~/lib/i18n/use-translation";

export interface CohortFormValues {
  trackVersionId?: string;
  name?: string;
  location?: string;
  courseLeaderIds?: readonly string[];
  maxSize?: string;
  applicationsOpenOn?: string;
  applicationsCloseOn?: string;
  startsOn?: string;
  publish?: boolean;
}

export interface CohortFormOptions {
  trackVersions: readonly { id: string; name: string; version: number }[];
  courseLeaders: readonly { id: string; name: string }[];
}

const FIELDS = ["trackVersionId", "name", "location", "courseLeaderIds", "maxSize", "applicationsOpenOn", "applicationsCloseOn", "startsOn", "publish"] as const;

/** The form to open or edit a cohort; it works without JavaScript (a plain POST). */
export function CohortForm({ mode, values, errors, options }: { mode: "create" | "edit"; values: CohortFormValues; errors?: FormErrors; options: CohortFormOptions }) {
  const { t } = useTranslation();
  const labels = Object.fromEntries(FIELDS.map((field) => [field, t(`cohorts.field.${field}`)]));
  const chosen = new Set(values.courseLeaderIds ?? []);
  const leaderError = errors?.courseLeaderIds;
  return (
    <PostForm>
      <ErrorSummary errors={errors} labels={labels} />
      {options.trackVersions.length === 0 && <p className="utrecht-paragraph">{t("cohorts.noTracks")}</p>}
      <SelectField
        name="trackVersionId"
        label={t("cohorts.field.trackVersionId")}
        description={t("cohorts.field.trackVersionIdHint")}
        required
        errors={errors}
        defaultValue={values.trackVersionId ?? ""}
        includeEmpty=""
        options={options.trackVersions.map((v) => ({ value: v.id, label: t("cohorts.field.trackVersionLabel", { name: v.name, version: v.version }) }))}
      />
      <TextField name="name" label={t("cohorts.field.name")} description={t("cohorts.field.nameHint")} required errors={errors} defaultValue={values.name} maxLength={120} />
      <TextField name="location" label={t("cohorts.field.location")} description={t("cohorts.field.locationHint")} required errors={errors} defaultValue={values.location} maxLength={200} />
      <fieldset className={`utrecht-form-fieldset${leaderError ? " utrecht-form-fieldset--invalid" : ""}`} aria-describedby={leaderError ? "field-courseLeaderIds-error" : "field-courseLeaderIds-description"}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t("cohorts.field.courseLeaderIds")}</legend>
        <p className="utrecht-form-field-description" id="field-courseLeaderIds-description">
          {options.courseLeaders.length === 0 ? t("cohorts.noCourseLeaders") : t("cohorts.field.courseLeaderIdsHint")}
        </p>
        {leaderError && (
          <p className="utrecht-form-field-error-message" id="field-courseLeaderIds-error">
            {leaderError}
          </p>
        )}
        {options.courseLeaders.map((leader, index) => (
          <div className="utrecht-form-field utrecht-form-field--checkbox" key={leader.id}>
            <div className="utrecht-form-field__input">
              <input
                className="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id={index === 0 ? "field-courseLeaderIds" : `field-courseLeaderIds-${index}`}
                name="courseLeaderIds"
                value={leader.id}
                defaultChecked={chosen.has(leader.id)}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={index === 0 ? "field-courseLeaderIds" : `field-courseLeaderIds-${index}`}>
                {leader.name}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <TextField name="maxSize" type="number" inputMode="numeric" min={1} max={100} label={t("cohorts.field.maxSize")} required errors={errors} defaultValue={values.maxSize ?? "15"} />
      <TextField name="applicationsOpenOn" type="date" label={t("cohorts.field.applicationsOpenOn")} required errors={errors} defaultValue={values.applicationsOpenOn} />
      <TextField name="applicationsCloseOn" type="date" label={t("cohorts.field.applicationsCloseOn")} required errors={errors} defaultValue={values.applicationsCloseOn} />
      <TextField name="startsOn" type="date" label={t("cohorts.field.startsOn")} description={t("cohorts.field.startsOnHint")} required errors={errors} defaultValue={values.startsOn} />
      <CheckboxField name="publish" label={t("cohorts.field.publish")} defaultChecked={values.publish ?? false} errors={errors} />
      <p className="button-row">
        <SubmitButton>{mode === "create" ? t("cohorts.create") : t("cohorts.save")}</SubmitButton>
      </p>
    </PostForm>
  );
}

export interface SessionFormValues {
  kind?: string;
  title?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  location?: string;
  moduleId?: string;
}

const SESSION_FIELDS = ["kind", "title", "date", "startTime", "endTime", "location", "moduleId"] as const;

/** A session of the schedule: add (with `intent=add`) or change one. */
export function SessionForm({
  values,
  errors,
  modules,
  intent,
  submitLabel,
}: {
  values: SessionFormValues;
  errors?: FormErrors;
  modules: readonly { id: string; position: number; title: string }[];
  intent?: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const labels = Object.fromEntries(SESSION_FIELDS.map((field) => [field, t(`cohorts.session.${field}`)]));
  return (
    <PostForm>
      {intent && <input type="hidden" name="intent" value={intent} />}
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField
        name="kind"
        label={t("cohorts.session.kind")}
        required
        errors={errors}
        defaultValue={values.kind ?? "meeting"}
        options={[
          { value: "meeting", label: t("cohorts.sessionKind.meeting") },
          { value: "follow_up", label: t("cohorts.sessionKind.follow_up") },
        ]}
      />
      <SelectField
        name="moduleId"
        label={t("cohorts.session.moduleId")}
        errors={errors}
        defaultValue={values.moduleId ?? ""}
        includeEmpty={t("cohorts.session.noModule")}
        options={modules.map((m) => ({ value: m.id, label: `${m.position}. ${m.title}` }))}
      />
      <TextField name="title" label={t("cohorts.session.title")} errors={errors} defaultValue={values.title} maxLength={120} />
      <TextField name="date" type="date" label={t("cohorts.session.date")} required errors={errors} defaultValue={values.date} />
      <TextField name="startTime" type="time" label={t("cohorts.session.startTime")} required errors={errors} defaultValue={values.startTime} />
      <TextField name="endTime" type="time" label={t("cohorts.session.endTime")} required errors={errors} defaultValue={values.endTime} />
      <TextField name="location" label={t("cohorts.session.location")} required errors={errors} defaultValue={values.location} maxLength={200} />
      <p className="button-row">
        <SubmitButton>{submitLabel}</SubmitButton>
      </p>
    </PostForm>
  );
}
