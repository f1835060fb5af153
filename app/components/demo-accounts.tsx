import { capitalise, isMessageKey, type Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { DataTable } from "./data-table";

export interface DemoAccountsHelp {
  password: string;
  totpSecret: string;
  accounts: { email: string; role: string; place: string | null; usesTwoFactor: boolean }[];
}

function roleLabel(t: Translate, role: string): string {
  if (role === "resident") return t("accounts.demo.resident");
  if (role === "trainee") return t("accounts.demo.trainee");
  if (role === "applicant") return t("accounts.demo.applicant");
  if (role === "certified_trainee") return t("accounts.demo.certifiedTrainee");
  if (role === "trainee_in_placement") return t("accounts.demo.traineeInPlacement");
  if (role === "citytrainer") return t("accounts.demo.citytrainer");
  const key = `role.${role}`;
  return isMessageKey(key) ? capitalise(t(key)) : role;
}

/** The demo installation's accounts and how staff get past two-step verification. */
export function DemoAccounts({ help }: { help: DemoAccountsHelp }) {
  const { t } = useTranslation();
  return (
    <section className="page-section demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 className="utrecht-heading-2" id="demo-accounts-title">
        {t("accounts.demo.title")}
      </h2>
      <p className="utrecht-paragraph">{t("accounts.demo.intro", { password: help.password })}</p>
      <p className="utrecht-paragraph">{t("accounts.demo.staff", { secret: help.totpSecret })}</p>
      <DataTable caption={t("accounts.demo.title")} columns={[t("accounts.demo.account"), t("accounts.demo.role")]}>
        {help.accounts.map((account) => (
          <tr key={account.email}>
            <td>{account.email}</td>
            <td>
              {roleLabel(t, account.role)}
              {account.place ? ` — ${account.place}` : ""}
              {account.usesTwoFactor ? ` (${t("accounts.twoFactor.title").toLowerCase()})` : ""}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
