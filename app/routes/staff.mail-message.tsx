import { Link } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { findOutboxMessage } from "~/features/mail/reads.server";
import { authorizeMailViewer } from "~/features/mail/viewer-scope.server";
import { LinkedText } from "~/components/linked-text";
import { PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import { uuid } from "~/lib/validation";
import type { Route } from "./+types/staff.mail-message";

const MAIL_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

export async function loader({ request, params }: Route.LoaderArgs) {
  const viewer = await authorizeMailViewer(request);
  if (!uuid.safeParse(params.messageId).success) throw notFound();
  const { locale, t } = await getTranslator(request);
  const message = await findOutboxMessage(viewer, params.messageId, { hiddenLink: t("mailViewer.hiddenLink") });
  if (!message) throw notFound();
  return {
    message: {
      ...message,
      createdAt: formatInZone(message.createdAt, locale, MAIL_TIME),
      sentAt: message.sentAt ? formatInZone(message.sentAt, locale, MAIL_TIME) : null,
      bodyRemovedAt: message.bodyRemovedAt ? formatInZone(message.bodyRemovedAt, locale, MAIL_TIME) : null,
    },
    title: `${message.subject} — Buurtkracht`,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export default function MailMessage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { message } = loaderData;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/mail">
          {t("mailViewer.back")}
        </Link>
      </p>
      <PageTitle>{message.subject}</PageTitle>
      <dl className="details-list">
        <dt>{t("mailViewer.column.to")}</dt>
        <dd>{message.toAddress}</dd>
        <dt>{t("mailViewer.column.date")}</dt>
        <dd>{message.createdAt}</dd>
        <dt>{t("mailViewer.column.status")}</dt>
        <dd>
          {t(`mailViewer.status.${message.status}`)}
          {message.sentAt ? ` (${message.sentAt})` : ""}
        </dd>
      </dl>
      <h2 className="utrecht-heading-2">{t("mailViewer.body")}</h2>
      {message.bodyRemovedAt ? (
        <p className="utrecht-paragraph" data-testid="mail-body">
          {t("mailViewer.bodyRemoved", { date: message.bodyRemovedAt })}
        </p>
      ) : (
        <>
          {message.hasHiddenLinks && <p className="utrecht-paragraph">{t("mailViewer.linksHidden")}</p>}
          <pre className="mail-body" data-testid="mail-body">
            <LinkedText text={message.textBody} />
          </pre>
        </>
      )}
    </>
  );
}
