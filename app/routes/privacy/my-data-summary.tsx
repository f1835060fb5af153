import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { exportOwnData } from "~/features/privacy/export.server";
import { describeTable } from "~/features/privacy/labels";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/my-data-summary";

/** The same export as the JSON file, as a page to read or print: one section per kind of data. */
export const handle = { hydrate: false };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const data = await exportOwnData(user.id);
  if (!data) throw notFound();
  return {
    title: `${t("privacy.summary.title")} — Buurtkracht`,
    date: formatInZone(new Date(data.exportedAt), locale),
    sections: data.tables
      .filter((table) => table.rows.length > 0)
      .map((table) => ({
        table: table.table,
        heading: describeTable(t, table.table),
        // A file's bytes are in the JSON download; the page lists the file by name, type and size.
        rows: table.rows.map((row) =>
          Object.entries(row)
            .filter(([key]) => !key.endsWith("_base64"))
            .map(([key, value]) => [key, show(value)] as const),
        ),
      })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function MyDataSummary({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page-narrow data-summary">
      <PageTitle>{t("privacy.summary.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("privacy.summary.intro", { date: loaderData.date })}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account/mijn-gegevens">
          {t("privacy.summary.back")}
        </Link>
      </p>
      {loaderData.sections.length === 0 && <p className="utrecht-paragraph">{t("privacy.summary.empty")}</p>}
      {loaderData.sections.map((section) => (
        <section className="page-section" key={section.table} aria-labelledby={`tabel-${section.table}`}>
          <h2 className="utrecht-heading-2" id={`tabel-${section.table}`}>
            {section.heading}
          </h2>
          <p className="utrecht-paragraph muted">{t("privacy.summary.rows", { count: section.rows.length })}</p>
          {section.rows.map((row, index) => (
            // Rows are shown in the export's order and never reordered.
            <div className="data-summary__row" key={index}>
              <h3 className="utrecht-heading-3">{t("privacy.summary.row", { number: index + 1 })}</h3>
              <dl>
                {row.map(([key, value]) => (
                  <div className="data-summary__item" key={key}>
                    <dt>{key}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
