import type { Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField, type FormErrors } from "./form";

export type PartnerKindOption = "sport" | "culture" | "welfare" | "school" | "housing" | "police" | "business" | "municipal_department" | "other";

/** The labels of the partner fields by field name, for the form's error summary. */
export function partnerFieldLabels(t: Translate): Record<string, string> {
  return { name: t("admin.field.partnerName"), kind: t("admin.field.partnerKind"), website: t("admin.field.website"), email: t("admin.field.partnerEmail") };
}

/** The fields of a partner organisation, shared by the add and the edit form. */
export function PartnerFields({
  kinds,
  errors,
  values,
}: {
  /** The partner kinds (from the server, so the client bundle needs no database schema). */
  kinds: readonly PartnerKindOption[];
  errors: FormErrors;
  values?: Partial<Record<"name" | "kind" | "website" | "email", string | null>>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="name" label={t("admin.field.partnerName")} required defaultValue={values?.name} errors={errors} maxLength={150} />
      <SelectField
        name="kind"
        label={t("admin.field.partnerKind")}
        required
        defaultValue={values?.kind}
        errors={errors}
        includeEmpty={t("admin.field.partnerKind.choose")}
        options={kinds.map((kind) => ({ value: kind, label: t(`partnerKind.${kind}`) }))}
      />
      <TextField name="website" type="url" label={t("admin.field.website")} defaultValue={values?.website} errors={errors} autoComplete="url" maxLength={500} />
      <TextField name="email" type="email" label={t("admin.field.partnerEmail")} defaultValue={values?.email} errors={errors} autoComplete="email" maxLength={254} />
    </>
  );
}
