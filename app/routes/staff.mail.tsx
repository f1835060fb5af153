import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { listOutbox } from "~/features/mail/reads.server";
import { authorizeMailViewer } from "~/features/mail/viewer-scope.server";
import { DataTable } from "~/components/data-table";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.mail";

export async function loader({ request }: Route.LoaderArgs) {
  const { scope } = await authorizeMailViewer(request);
  const { locale, t } = await getTranslator(request);
  const requested = Number.parseInt(new URL(request.url).searchParams.get("pagina") ?? "1", 10);
  const page = Number.isSafeInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const { messages, totalCount, pageCount } = await listOutbox(scope, page);
  return {
    isNetwork: scope.kind === "network",
    page,
    pageCount,
    totalCount,
    messages: messages.map((message) => ({ ...message, createdAt: formatInZone(message.createdAt, locale, { dateStyle: "medium", timeStyle: "short" }) })),
    title: `${t("mailViewer.title")} — Buurtkracht`,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export default function MailViewer({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, pageCount } = loaderData;
  return (
    <>
      <PageTitle>{t("mailViewer.title")}</PageTitle>
      <p className="utrecht-paragraph">{t(loaderData.isNetwork ? "mailViewer.introNetwork" : "mailViewer.introMunicipality")}</p>
      {loaderData.messages.length === 0 ? (
        <p className="utrecht-paragraph">{t("mailViewer.empty")}</p>
      ) : (
        <DataTable
          caption={t("mailViewer.caption", { page, pages: pageCount })}
          columns={[t("mailViewer.column.date"), t("mailViewer.column.to"), t("mailViewer.column.subject"), t("mailViewer.column.status")]}
        >
          {loaderData.messages.map((message) => (
            <tr key={message.id}>
              <td>{message.createdAt}</td>
              <td>{message.toAddress}</td>
              <td>
                <Link className="utrecht-link" to={`/beheer/mail/${message.id}`}>
                  {message.subject}
                </Link>
              </td>
              <td>{t(`mailViewer.status.${message.status}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {pageCount > 1 && (
        <nav className="pagination" aria-label={t("mailViewer.pagination")}>
          <ul>
            {page > 1 && (
              <li>
                <Link className="utrecht-link" to={`/beheer/mail?pagina=${page - 1}`} rel="prev">
                  {t("mailViewer.previous")}
                </Link>
              </li>
            )}
            <li aria-current="page">{t("mailViewer.pageOf", { page, pages: pageCount })}</li>
            {page < pageCount && (
              <li>
                <Link className="utrecht-link" to={`/beheer/mail?pagina=${page + 1}`} rel="next">
                  {t("mailViewer.next")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
