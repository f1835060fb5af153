import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { eurosForInput } from "~/features/budgets/money";
import { exportRows, findPot } from "~/features/budgets/reads.server";
import { toCsv } from "~/lib/csv";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-pot-csv";

/**
 * A pot's requests for the municipality's administration: one row per request, amounts in euros
 * (a plain number with the language's decimal mark, so a spreadsheet reads it as a number), status
 * and dates. Cells that a spreadsheet would run as a formula are made plain text (app/lib/csv.ts).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await authorizeMunicipality(request, params.slug, "budgets.manage");
  const { t, locale } = await getTranslator(request);
  const pot = await findPot(municipality.id, params.potId);
  if (!pot) throw notFound();
  const rows = await exportRows(municipality.id, pot.id);
  const money = (cents: number | null) => (cents === null ? "" : eurosForInput(cents, locale));
  const day = (date: Date | null) => (date ? formatInZone(date, locale, { dateStyle: "short" }) : "");
  const csv = toCsv(
    [
      t("budgets.csv.request"),
      t("budgets.csv.pot"),
      t("budgets.csv.neighbourhood"),
      t("budgets.csv.applicant"),
      t("budgets.csv.activity"),
      t("budgets.csv.purpose"),
      t("budgets.csv.status"),
      t("budgets.csv.requested"),
      t("budgets.csv.granted"),
      t("budgets.csv.spent"),
      t("budgets.csv.submittedOn"),
      t("budgets.csv.decidedOn"),
      t("budgets.csv.settledOn"),
    ],
    rows.map((r) => [
      r.id,
      r.potName,
      r.potNeighbourhood ?? t("budgets.pot.wholeMunicipality"),
      r.teamName ?? r.requesterName ?? t("budgets.request.erased"),
      r.activityTitle ?? "",
      r.purpose,
      t(`budgets.status.${r.status}`),
      money(r.amountCents),
      money(r.grantedCents),
      money(r.spentCents),
      day(r.createdAt),
      day(r.decidedAt),
      day(r.settledAt),
    ]),
  );
  const name = `budget-${pot.year}-${pot.name.replace(/[^A-Za-z0-9-]+/g, "-").slice(0, 40)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
