/** The ceremony's fields (new and edit): title, date and times in Amsterdam time, place, programme. */
import { TextAreaField, TextField, type FormErrors } from "~/components/form";
import { useTranslation } from "~/lib/i18n/use-translation";

export interface CeremonyFormValues {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  programme: string;
}

export const CEREMONY_FIELD_LABEL_KEYS = {
  title: "finale.ceremony.fieldTitle",
  date: "finale.ceremony.date",
  startTime: "finale.ceremony.startTime",
  endTime: "finale.ceremony.endTime",
  location: "finale.ceremony.location",
  programme: "finale.ceremony.programme",
} as const;

export function CeremonyFields({ values, errors }: { values: Partial<CeremonyFormValues>; errors: FormErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="title" label={t("finale.ceremony.fieldTitle")} required maxLength={150} defaultValue={values.title} errors={errors} />
      <TextField name="date" type="date" label={t("finale.ceremony.date")} required defaultValue={values.date} errors={errors} />
      <TextField name="startTime" type="time" label={t("finale.ceremony.startTime")} description={t("finale.ceremony.timeHint")} required defaultValue={values.startTime} errors={errors} />
      <TextField name="endTime" type="time" label={t("finale.ceremony.endTime")} required defaultValue={values.endTime} errors={errors} />
      <TextField name="location" label={t("finale.ceremony.location")} required maxLength={200} defaultValue={values.location} errors={errors} />
      <TextAreaField name="programme" label={t("finale.ceremony.programme")} description={t("finale.ceremony.programmeHint")} rows={6} maxLength={5000} defaultValue={values.programme} errors={errors} />
    </>
  );
}
