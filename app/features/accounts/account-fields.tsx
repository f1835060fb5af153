import { SelectField, TextField, type FormErrors } from "~/components/form";
import { LOCALES } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";

/** The language of someone's pages and mails, chosen on sign-up and on the account page. */
export function LanguageField({ defaultValue, errors }: { defaultValue: string; errors: FormErrors }) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="locale"
      label={t("accounts.field.locale")}
      required
      options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}

/**
 * A password someone chooses (sign-up, reset, change): the browser may offer to generate one, and
 * the hint and length limit match what the account schema accepts (MAX_PASSWORD_LENGTH, written out
 * here so the page's client code does not pull in the schema library).
 */
export function NewPasswordField({ name, label, errors }: { name: "password" | "newPassword"; label: string; errors: FormErrors }) {
  const { t } = useTranslation();
  return (
    <TextField
      name={name}
      type="password"
      label={label}
      description={t("accounts.passwordHint")}
      required
      autoComplete="new-password"
      maxLength={128}
      errors={errors}
    />
  );
}
