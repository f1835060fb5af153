import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { POT_ELIGIBILITY } from "~/lib/db/schema";
import { useTranslation } from "~/lib/i18n/use-translation";
import { eurosForInput } from "../money";

export interface PotFormValues {
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  amountCents: number;
  neighbourhoodId: string | null;
  maxPerRequestCents: number;
  autoApproveUpToCents: number | null;
  eligible: string;
}

/** The pot's fields: name, year and period, amount, neighbourhood, maximum, auto-approve amount, who may apply. */
export function PotForm({
  pot,
  neighbourhoods,
  errors,
  sent,
  submitLabel,
  intent,
}: {
  pot: PotFormValues | null;
  neighbourhoods: readonly { id: string; name: string }[];
  errors?: Record<string, string>;
  sent: Record<string, string>;
  submitLabel: string;
  intent: string;
}) {
  const { t, locale } = useTranslation();
  const year = new Date().getFullYear();
  const value = (field: string, fallback: string) => (errors ? (sent[field] ?? "") : fallback);
  const labels = {
    name: t("budgets.pot.name"),
    year: t("budgets.pot.year"),
    startsOn: t("budgets.pot.startsOn"),
    endsOn: t("budgets.pot.endsOn"),
    amount: t("budgets.pot.amount"),
    neighbourhoodId: t("budgets.pot.neighbourhood"),
    maxPerRequest: t("budgets.pot.maxPerRequest"),
    autoApproveUpTo: t("budgets.pot.autoApproveUpTo"),
    eligible: t("budgets.pot.eligible"),
  };
  return (
    <PostForm>
      <ErrorSummary errors={errors} labels={labels} />
      <input type="hidden" name="intent" value={intent} />
      <TextField name="name" label={labels.name} required maxLength={120} defaultValue={value("name", pot?.name ?? "")} errors={errors} />
      <TextField name="year" label={labels.year} type="number" inputMode="numeric" min={2000} max={2100} required defaultValue={value("year", String(pot?.year ?? year))} errors={errors} />
      <TextField name="startsOn" label={labels.startsOn} type="date" required defaultValue={value("startsOn", pot?.startsOn ?? `${year}-01-01`)} errors={errors} />
      <TextField name="endsOn" label={labels.endsOn} type="date" required defaultValue={value("endsOn", pot?.endsOn ?? `${year}-12-31`)} errors={errors} />
      <TextField
        name="amount"
        label={labels.amount}
        description={t("budgets.pot.amountHint")}
        inputMode="text"
        required
        maxLength={30}
        defaultValue={value("amount", pot ? eurosForInput(pot.amountCents, locale) : "")}
        errors={errors}
      />
      <SelectField
        name="neighbourhoodId"
        label={labels.neighbourhoodId}
        description={t("budgets.pot.neighbourhoodHint")}
        includeEmpty={t("budgets.pot.wholeMunicipality")}
        options={neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
        defaultValue={value("neighbourhoodId", pot?.neighbourhoodId ?? "")}
        errors={errors}
      />
      <TextField name="maxPerRequest" label={labels.maxPerRequest} required maxLength={30} defaultValue={value("maxPerRequest", pot ? eurosForInput(pot.maxPerRequestCents, locale) : "")} errors={errors} />
      <TextField
        name="autoApproveUpTo"
        label={labels.autoApproveUpTo}
        description={t("budgets.pot.autoApproveHint")}
        maxLength={30}
        defaultValue={value("autoApproveUpTo", pot?.autoApproveUpToCents ? eurosForInput(pot.autoApproveUpToCents, locale) : "")}
        errors={errors}
      />
      <SelectField
        name="eligible"
        label={labels.eligible}
        required
        options={POT_ELIGIBILITY.map((e) => ({ value: e, label: t(`budgets.eligible.${e}`) }))}
        defaultValue={value("eligible", pot?.eligible ?? "both")}
        errors={errors}
      />
      <div className="button-row">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </PostForm>
  );
}
