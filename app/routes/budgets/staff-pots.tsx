import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { FiguresTable } from "~/features/budgets/components/budget-view";
import { PotForm } from "~/features/budgets/components/pot-form";
import { listPots, neighbourhoodOptions } from "~/features/budgets/reads.server";
import { potInput } from "~/features/budgets/schema";
import { createPot } from "~/features/budgets/writes.server";
import { openStaffPage, withNotice } from "~/features/municipalities/staff-page.server";
import { staffBudgetsPath } from "~/features/organisers/urls";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-pots";

/** The project leader's budget pots per year: granted, reserved, spent and available, and a new pot. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, page } = await openStaffPage(request, params.slug, "budgets.manage", "budgets.staff.title");
  return {
    ...page,
    slug: municipality.slug,
    years: await listPots(municipality.id),
    neighbourhoods: await neighbourhoodOptions(municipality.id),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "budgets.manage");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(potInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const created = await createPot(municipality.id, parsed.data, user.id);
  if (!created.ok) return invalid({ [created.field]: t(created.message) }, values);
  return redirect(withNotice(staffBudgetsPath(municipality.slug, created.potId), "aangemaakt"));
}

export default function StaffPots({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { years, slug } = loaderData;
  return (
    <>
      <StaffPageHeader title={t("budgets.staff.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">{t("budgets.staff.intro")}</p>
      {years.length === 0 && <p className="utrecht-paragraph">{t("budgets.staff.none")}</p>}
      {years.map((year) => (
        <section className="page-section" aria-labelledby={`jaar-${year.year}`} key={year.year}>
          <h2 className="utrecht-heading-2" id={`jaar-${year.year}`}>
            {t("budgets.staff.year", { year: year.year })}
          </h2>
          <FiguresTable
            caption={t("budgets.staff.potsOfYear", { year: year.year })}
            rows={[
              ...year.pots.map((pot) => ({
                label: `${pot.name}${pot.awaitingDecision + pot.awaitingSettlement > 0 ? ` (${t("budgets.staff.waiting", { count: pot.awaitingDecision + pot.awaitingSettlement })})` : ""}`,
                figures: pot.figures,
                href: staffBudgetsPath(slug, pot.id),
              })),
              { label: t("budgets.staff.total"), figures: year.total },
            ]}
          />
          <h3 className="utrecht-heading-3">{t("budgets.staff.perNeighbourhood")}</h3>
          <FiguresTable
            caption={t("budgets.staff.perNeighbourhoodOfYear", { year: year.year })}
            rows={year.perNeighbourhood.map((n) => ({ label: n.name ?? t("budgets.pot.wholeMunicipality"), figures: n.figures }))}
          />
        </section>
      ))}
      <section className="page-section" aria-labelledby="nieuwe-pot">
        <h2 className="utrecht-heading-2" id="nieuwe-pot">
          {t("budgets.staff.newPot")}
        </h2>
        <PotForm pot={null} neighbourhoods={loaderData.neighbourhoods} errors={actionData?.errors} sent={(actionData?.values ?? {}) as Record<string, string>} submitLabel={t("budgets.staff.create")} intent="create" />
      </section>
    </>
  );
}
