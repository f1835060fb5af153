import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxField, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FormErrors } from "./form";

export interface ActivityFormValues {
  title?: string;
  description?: string;
  category?: string;
  neighbourhoodId?: string;
  location?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  repeatWeeks?: string;
  minAge?: string;
  maxAge?: string;
  capacity?: string;
  waitlistEnabled?: boolean;
  registration?: string;
  organiserName?: string;
  partnerOrganisationId?: string;
}

interface Option {
  id: string;
  name: string;
}

type Translate = ReturnType<typeof useTranslation>["t"];
type Category = "sport" | "culture" | "welfare" | "other";

/** The visible label of each shared activity field, for the ErrorSummary of any activity form. */
export function activityFieldLabels(t: Translate): Record<string, string> {
  return {
    title: t("activityForm.titleLabel"),
    description: t("activityForm.description"),
    category: t("activityForm.category"),
    neighbourhoodId: t("activityForm.neighbourhood"),
    location: t("activityForm.location"),
    date: t("activityForm.dateLabel"),
    startTime: t("activityForm.startTime"),
    endTime: t("activityForm.endTime"),
    minAge: t("activityForm.minAge"),
    maxAge: t("activityForm.maxAge"),
    capacity: t("activityForm.capacity"),
  };
}

/** What and where: title, description, category, neighbourhood, location. */
export function ActivityWhatFields({
  values,
  errors,
  categories,
  neighbourhoods,
}: {
  values: ActivityFormValues;
  errors: FormErrors;
  categories: readonly Category[];
  neighbourhoods: readonly Option[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="title" label={t("activityForm.titleLabel")} required maxLength={150} defaultValue={values.title} errors={errors} />
      <TextAreaField
        name="description"
        label={t("activityForm.description")}
        description={t("activityForm.descriptionHint")}
        maxLength={5000}
        defaultValue={values.description}
        errors={errors}
      />
      <SelectField
        name="category"
        label={t("activityForm.category")}
        required
        options={categories.map((c) => ({ value: c, label: t(`activityCategory.${c}`) }))}
        defaultValue={values.category ?? "sport"}
        errors={errors}
      />
      <SelectField
        name="neighbourhoodId"
        label={t("activityForm.neighbourhood")}
        includeEmpty={t("activityForm.noNeighbourhood")}
        options={neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
        defaultValue={values.neighbourhoodId}
        errors={errors}
      />
      <TextField
        name="location"
        label={t("activityForm.location")}
        description={t("activityForm.locationHint")}
        required
        maxLength={200}
        defaultValue={values.location}
        errors={errors}
      />
    </>
  );
}

/** When: date, start and end time (Europe/Amsterdam); `children` adds fields to the same group. */
export function ActivityWhenFieldset({ values, errors, children }: { values: ActivityFormValues; errors: FormErrors; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset className="utrecht-form-fieldset form-stack">
      <legend className="utrecht-form-fieldset__legend">{t("activityForm.when")}</legend>
      <p className="utrecht-paragraph form-hint">{t("activityForm.timeHint")}</p>
      <TextField name="date" type="date" label={t("activityForm.dateLabel")} required defaultValue={values.date} errors={errors} />
      <div className="field-pair">
        <TextField name="startTime" type="time" label={t("activityForm.startTime")} required defaultValue={values.startTime} errors={errors} />
        <TextField name="endTime" type="time" label={t("activityForm.endTime")} required defaultValue={values.endTime} errors={errors} />
      </div>
      {children}
    </fieldset>
  );
}

/** For which ages: minimum and maximum age. */
export function ActivityAgesFieldset({ values, errors }: { values: ActivityFormValues; errors: FormErrors }) {
  const { t } = useTranslation();
  return (
    <fieldset className="utrecht-form-fieldset form-stack">
      <legend className="utrecht-form-fieldset__legend">{t("activityForm.ages")}</legend>
      <div className="field-pair">
        <TextField name="minAge" type="number" inputMode="numeric" min={0} max={120} label={t("activityForm.minAge")} defaultValue={values.minAge} errors={errors} />
        <TextField name="maxAge" type="number" inputMode="numeric" min={0} max={120} label={t("activityForm.maxAge")} defaultValue={values.maxAge} errors={errors} />
      </div>
    </fieldset>
  );
}

/** How many places; empty means no limit. */
export function ActivityCapacityField({ values, errors }: { values: ActivityFormValues; errors: FormErrors }) {
  const { t } = useTranslation();
  return (
    <TextField
      name="capacity"
      type="number"
      inputMode="numeric"
      min={1}
      max={10000}
      label={t("activityForm.capacity")}
      description={t("activityForm.capacityHint")}
      defaultValue={values.capacity}
      errors={errors}
    />
  );
}

/**
 * The staff form for an activity (new or existing). Works without JavaScript: the server checks
 * everything and sends the form back with messages.
 */
export function ActivityForm({
  mode,
  values,
  errors,
  categories,
  neighbourhoods,
  partners,
  allowNoPartner,
  imageUrl,
}: {
  /** Passed in rather than imported, so the database schema stays out of the browser bundle. */
  categories: readonly Category[];
  mode: "create" | "edit";
  values: ActivityFormValues;
  errors: FormErrors;
  neighbourhoods: readonly Option[];
  partners: readonly Option[];
  allowNoPartner: boolean;
  imageUrl: string | null;
}) {
  const { t } = useTranslation();
  const registration = values.registration ?? "required";
  return (
    <PostForm encType="multipart/form-data">
      <ErrorSummary
        errors={errors}
        labels={{
          ...activityFieldLabels(t),
          repeatWeeks: t("activityForm.repeatWeeks"),
          registration: t("activityForm.registration"),
          waitlistEnabled: t("activityForm.waitlist"),
          organiserName: t("activityForm.organiserName"),
          partnerOrganisationId: t("activityForm.partner"),
          image: t("activityForm.image"),
        }}
      />
      <ActivityWhatFields values={values} errors={errors} categories={categories} neighbourhoods={neighbourhoods} />
      <ActivityWhenFieldset values={values} errors={errors}>
        {mode === "create" && (
          <TextField
            name="repeatWeeks"
            type="number"
            inputMode="numeric"
            min={1}
            max={26}
            label={t("activityForm.repeatWeeks")}
            description={t("activityForm.repeatWeeksHint")}
            defaultValue={values.repeatWeeks ?? "1"}
            errors={errors}
          />
        )}
      </ActivityWhenFieldset>
      <ActivityAgesFieldset values={values} errors={errors} />

      <fieldset className="utrecht-form-fieldset form-stack">
        <legend className="utrecht-form-fieldset__legend">{t("activityForm.places")}</legend>
        <fieldset className="utrecht-form-fieldset" aria-describedby={errors?.registration ? "field-registration-error" : undefined}>
          <legend className="utrecht-form-label">{t("activityForm.registration")}</legend>
          {errors?.registration && (
            <p className="utrecht-form-field-error-message" id="field-registration-error">
              {errors.registration}
            </p>
          )}
          {(["required", "walk_in"] as const).map((option, index) => (
            <div className="utrecht-form-field utrecht-form-field--radio" key={option}>
              <input
                className="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                name="registration"
                value={option}
                id={index === 0 ? "field-registration" : `field-registration-${option}`}
                defaultChecked={registration === option}
              />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={index === 0 ? "field-registration" : `field-registration-${option}`}>
                {t(`activityForm.registration.${option}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <ActivityCapacityField values={values} errors={errors} />
        <CheckboxField name="waitlistEnabled" label={t("activityForm.waitlist")} defaultChecked={values.waitlistEnabled ?? true} errors={errors} />
      </fieldset>

      <fieldset className="utrecht-form-fieldset form-stack">
        <legend className="utrecht-form-fieldset__legend">{t("activityForm.organiser")}</legend>
        <SelectField
          name="partnerOrganisationId"
          label={t("activityForm.partner")}
          required={!allowNoPartner}
          includeEmpty={allowNoPartner ? t("activityForm.noPartner") : undefined}
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={values.partnerOrganisationId}
          errors={errors}
        />
        <TextField
          name="organiserName"
          label={t("activityForm.organiserName")}
          description={t("activityForm.organiserHint")}
          maxLength={150}
          defaultValue={values.organiserName}
          errors={errors}
        />
      </fieldset>

      {imageUrl && (
        <figure className="activity-image-preview">
          <img src={imageUrl} alt="" width={240} />
          <figcaption>{t("activityForm.currentImage")}</figcaption>
        </figure>
      )}
      <TextField name="image" type="file" accept="image/jpeg,image/png,image/webp" label={t("activityForm.image")} description={t("activityForm.imageHint")} errors={errors} />
      {imageUrl && <CheckboxField name="removeImage" label={t("activityForm.removeImage")} />}

      <div className="button-row">
        <SubmitButton>{mode === "create" ? t("activityForm.create") : t("form.save")}</SubmitButton>
      </div>
    </PostForm>
  );
}
