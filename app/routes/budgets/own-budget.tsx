import { Link } from "react-router";
import { requireUser } from "~/features/accounts/session.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { Euros } from "~/features/budgets/components/budget-view";
import { listOwnRequests } from "~/features/budgets/reads.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { ownActivityPath } from "~/features/organisers/urls";
import { DataTable } from "~/components/data-table";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/own-budget";

/** A resident's budget requests and those of their teams, with where each one stands. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const requests = await listOwnRequests(user.id);
  return {
    title: `${t("budgets.own.title")} — Buurtkracht`,
    requests: requests.map((r) => ({ ...r, created: formatInZone(r.createdAt, locale, { dateStyle: "medium" }) })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function OwnBudget({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("budgets.own.title")}</PageTitle>
      <OrganiserTabs />
      <p className="utrecht-paragraph">{t("budgets.own.intro")}</p>
      {loaderData.requests.length === 0 ? (
        <p className="utrecht-paragraph">{t("budgets.own.none")}</p>
      ) : (
        <DataTable caption={t("budgets.own.title")} columns={[t("budgets.request.activity"), t("budgets.request.status"), t("budgets.request.amount"), t("budgets.request.granted"), t("budgets.request.date")]}>
          {loaderData.requests.map((r) => (
            <tr key={r.id}>
              <td>
                {r.activityId ? (
                  <Link className="utrecht-link" to={ownActivityPath(r.activityId, "budget")}>
                    {r.activityTitle ?? r.potName}
                  </Link>
                ) : (
                  r.purpose.slice(0, 60)
                )}
                {r.teamName ? ` (${r.teamName})` : ""}
              </td>
              <td>{t(`budgets.status.${r.status}`)}</td>
              <td><Euros cents={r.amountCents} /></td>
              <td><Euros cents={r.grantedCents} /></td>
              <td>{r.created}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
