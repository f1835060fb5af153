import type { BudgetRequestStatus } from "~/lib/db/schema";
import { useTranslation } from "~/lib/i18n/use-translation";
import { receiptPath } from "../urls";
import { Euros } from "./budget-view";

interface RequestFactsData {
  status: BudgetRequestStatus;
  potName: string;
  amountCents: number;
  grantedCents: number | null;
  spentCents: number | null;
  purpose: string;
  autoApproved: boolean;
  declineReason: string | null;
  settlementNote: string | null;
  settlementReturnComment: string | null;
  teamName: string | null;
  requesterName: string | null;
  activityTitle: string | null;
  lines: readonly { description: string; amountCents: number }[];
  receipts: readonly { id: string; originalName: string }[];
}

/** What a request says, for the requester and the project leader alike. Free text is React text (escaped). */
export function RequestFacts({ request, receiptLinks }: { request: RequestFactsData; receiptLinks: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t("budgets.request.status")}</dt>
          <dd data-testid="request-status">
            {t(`budgets.status.${request.status}`)}
            {request.autoApproved ? ` (${t("budgets.request.autoApproved")})` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("budgets.request.pot")}</dt>
          <dd>{request.potName}</dd>
        </div>
        <div>
          <dt>{t("budgets.request.by")}</dt>
          <dd>{request.teamName ?? request.requesterName ?? t("budgets.request.erased")}</dd>
        </div>
        {request.activityTitle && (
          <div>
            <dt>{t("budgets.request.activity")}</dt>
            <dd>{request.activityTitle}</dd>
          </div>
        )}
        <div>
          <dt>{t("budgets.request.amount")}</dt>
          <dd>
            <Euros cents={request.amountCents} />
          </dd>
        </div>
        {request.grantedCents !== null && (
          <div>
            <dt>{t("budgets.request.granted")}</dt>
            <dd>
              <Euros cents={request.grantedCents} />
            </dd>
          </div>
        )}
        {request.spentCents !== null && (
          <div>
            <dt>{t("budgets.request.spent")}</dt>
            <dd>
              <Euros cents={request.spentCents} />
            </dd>
          </div>
        )}
      </dl>
      <h3 className="utrecht-heading-3">{t("budgets.request.purpose")}</h3>
      <p className="utrecht-paragraph plan-text">{request.purpose}</p>
      <h3 className="utrecht-heading-3">{t("budgets.request.lines")}</h3>
      <ul className="utrecht-unordered-list">
        {request.lines.map((line, i) => (
          <li key={i}>
            {line.description}: <Euros cents={line.amountCents} />
          </li>
        ))}
      </ul>
      {request.declineReason && (
        <>
          <h3 className="utrecht-heading-3">{t("budgets.request.declineReason")}</h3>
          <p className="utrecht-paragraph plan-text">{request.declineReason}</p>
        </>
      )}
      {request.settlementNote && (
        <>
          <h3 className="utrecht-heading-3">{t("budgets.request.settlementNote")}</h3>
          <p className="utrecht-paragraph plan-text">{request.settlementNote}</p>
        </>
      )}
      {request.settlementReturnComment && request.status === "approved" && (
        <>
          <h3 className="utrecht-heading-3">{t("budgets.request.returnComment")}</h3>
          <p className="utrecht-paragraph plan-text">{request.settlementReturnComment}</p>
        </>
      )}
      {request.receipts.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">{t("budgets.request.receipts")}</h3>
          <ul className="utrecht-unordered-list">
            {request.receipts.map((r) => (
              <li key={r.id}>
                {receiptLinks ? (
                  <a className="utrecht-link" href={receiptPath(r.id)} download>
                    {r.originalName}
                  </a>
                ) : (
                  r.originalName
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
