import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { Euros, FiguresList, FiguresTable } from "~/features/budgets/components/budget-view";
import { PotForm } from "~/features/budgets/components/pot-form";
import { findPot, listPotRequests, neighbourhoodOptions, potFiguresPerNeighbourhood, reconcilePots } from "~/features/budgets/reads.server";
import { potInput } from "~/features/budgets/schema";
import { updatePot } from "~/features/budgets/writes.server";
import { openStaffPage, withNotice } from "~/features/municipalities/staff-page.server";
import { staffBudgetRequestPath, staffBudgetsPath } from "~/features/organisers/urls";
import { DataTable } from "~/components/data-table";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { db } from "~/lib/db/client.server";
import { BUDGET_REQUEST_STATUSES } from "~/lib/db/schema";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-pot";

/** One pot: its figures from the ledger (per neighbourhood), whether they reconcile, its requests per state, its rules. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, page, locale } = await openStaffPage(request, params.slug, "budgets.manage", "budgets.staff.title");
  const pot = await findPot(municipality.id, params.potId);
  if (!pot) throw notFound();
  const [check] = await reconcilePots(db(), { municipalityId: municipality.id, potIds: [pot.id] });
  const requests = await listPotRequests(municipality.id, pot.id);
  return {
    ...page,
    title: `${pot.name} — ${municipality.name}`,
    slug: municipality.slug,
    pot,
    figures: check!.ledger,
    checked: check!.ok,
    perNeighbourhood: await potFiguresPerNeighbourhood(municipality.id, pot.id),
    groups: BUDGET_REQUEST_STATUSES.map((status) => ({
      status,
      requests: requests
        .filter((r) => r.status === status)
        .map((r) => ({ ...r, created: formatInZone(r.createdAt, locale, { dateStyle: "medium" }) })),
    })).filter((g) => g.requests.length > 0),
    neighbourhoods: await neighbourhoodOptions(municipality.id),
    hasRequests: requests.length > 0,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "budgets.manage");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(potInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const updated = await updatePot(municipality.id, params.potId, parsed.data, user.id);
  if (!updated.ok) return invalid({ [updated.field]: t(updated.message) }, values);
  return redirect(withNotice(staffBudgetsPath(municipality.slug, params.potId), "opgeslagen"));
}

export default function StaffPot({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { pot, slug } = loaderData;
  return (
    <>
      <StaffPageHeader title={pot.name} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={staffBudgetsPath(slug)}>
          {t("budgets.staff.allPots")}
        </Link>
      </p>
      <p className="utrecht-paragraph">
        {pot.neighbourhoodName ?? t("budgets.pot.wholeMunicipality")} · {pot.startsOn} – {pot.endsOn} · {t(`budgets.eligible.${pot.eligible}`)}
      </p>
      <section className="page-section" aria-labelledby="cijfers">
        <h2 className="utrecht-heading-2" id="cijfers">
          {t("budgets.pot.figures")}
        </h2>
        <FiguresList figures={loaderData.figures} />
        {loaderData.checked ? (
          <p className="utrecht-paragraph" data-testid="figures-checked">
            {t("budgets.pot.checked")}
          </p>
        ) : (
          <Alert type="error">
            <p className="utrecht-paragraph">{t("budgets.pot.notChecked")}</p>
          </Alert>
        )}
        {pot.neighbourhoodId === null && loaderData.perNeighbourhood.length > 0 && (
          <FiguresTable
            spendingOnly
            caption={t("budgets.staff.perNeighbourhood")}
            rows={loaderData.perNeighbourhood.map((n) => ({ label: n.name ?? t("budgets.pot.noNeighbourhood"), figures: n.figures }))}
          />
        )}
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`${staffBudgetsPath(slug, pot.id)}/export.csv`} download>
            {t("budgets.pot.export")}
          </a>
        </p>
      </section>
      <section className="page-section" aria-labelledby="aanvragen">
        <h2 className="utrecht-heading-2" id="aanvragen">
          {t("budgets.pot.requests")}
        </h2>
        {loaderData.groups.length === 0 && <p className="utrecht-paragraph">{t("budgets.pot.noRequests")}</p>}
        {loaderData.groups.map((group) => (
          <div key={group.status}>
            <h3 className="utrecht-heading-3">{t(`budgets.status.${group.status}`)}</h3>
            <DataTable caption={t(`budgets.status.${group.status}`)} columns={[t("budgets.request.purpose"), t("budgets.request.by"), t("budgets.request.amount"), t("budgets.request.granted"), t("budgets.request.spent"), t("budgets.request.date")]}>
              {group.requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link className="utrecht-link" to={staffBudgetRequestPath(slug, r.id)}>
                      {r.activityTitle ?? r.purpose.slice(0, 60)}
                    </Link>
                  </td>
                  <td>{r.teamName ?? r.requesterName ?? t("budgets.request.erased")}</td>
                  <td><Euros cents={r.amountCents} /></td>
                  <td><Euros cents={r.grantedCents} /></td>
                  <td><Euros cents={r.spentCents} /></td>
                  <td>{r.created}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        ))}
      </section>
      <section className="page-section" aria-labelledby="regels">
        <h2 className="utrecht-heading-2" id="regels">
          {t("budgets.pot.rules")}
        </h2>
        <p className="utrecht-paragraph">{loaderData.hasRequests ? t("budgets.pot.rulesWithRequests") : t("budgets.pot.rulesHint")}</p>
        <PotForm pot={pot} neighbourhoods={loaderData.neighbourhoods} errors={actionData?.errors} sent={(actionData?.values ?? {}) as Record<string, string>} submitLabel={t("form.save")} intent="update" />
      </section>
    </>
  );
}

