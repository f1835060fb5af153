import { DataTable } from "~/components/data-table";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { PotFigures } from "../ledger";
import { formatEuros } from "../money";

/** A money amount in the page's language. */
export function Euros({ cents }: { cents: number | null | undefined }) {
  const { locale } = useTranslation();
  return <>{cents === null || cents === undefined ? "—" : formatEuros(cents, locale)}</>;
}

/** Granted, reserved, spent and available of one pot or a sum of pots, as a definition list. */
export function FiguresList({ figures }: { figures: PotFigures }) {
  const { t } = useTranslation();
  const items = [
    ["budgets.figures.amount", figures.amountCents],
    ["budgets.figures.granted", figures.grantedCents],
    ["budgets.figures.reserved", figures.reservedCents],
    ["budgets.figures.spent", figures.spentCents],
    ["budgets.figures.available", figures.availableCents],
  ] as const;
  return (
    <dl className="facts">
      {items.map(([label, cents]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>
            <Euros cents={cents} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Rows of figures (per pot, or per neighbourhood of the activities) as a table. A pot's budget
 * and what is available belong to the pot, not to the neighbourhoods its money went to: the
 * breakdown per neighbourhood (`spendingOnly`) shows granted, reserved and spent only.
 */
export function FiguresTable({
  caption,
  rows,
  spendingOnly = false,
}: {
  caption: string;
  rows: readonly { label: string; figures: PotFigures; href?: string }[];
  spendingOnly?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      columns={[
        t("budgets.figures.name"),
        ...(spendingOnly ? [] : [t("budgets.figures.amount")]),
        t("budgets.figures.granted"),
        t("budgets.figures.reserved"),
        t("budgets.figures.spent"),
        ...(spendingOnly ? [] : [t("budgets.figures.available")]),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.label}>
          <td>{row.href ? <a className="utrecht-link" href={row.href}>{row.label}</a> : row.label}</td>
          {!spendingOnly && <td><Euros cents={row.figures.amountCents} /></td>}
          <td><Euros cents={row.figures.grantedCents} /></td>
          <td><Euros cents={row.figures.reservedCents} /></td>
          <td><Euros cents={row.figures.spentCents} /></td>
          {!spendingOnly && <td><Euros cents={row.figures.availableCents} /></td>}
        </tr>
      ))}
    </DataTable>
  );
}
