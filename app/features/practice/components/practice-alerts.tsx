import { Link } from "react-router";
import type { AlertKind, PracticeAlert } from "../alerts.server";
import { placementPath } from "../urls";
import { useTranslation } from "~/lib/i18n/use-translation";

export interface AlertView {
  kind: AlertKind;
  placementId: string;
  traineeName: string;
  partnerName: string;
  days: number;
  since: string;
  href: string;
}

/** What the page needs of an alert: no ids of people leave the server. */
export function alertView(alert: PracticeAlert, slug: string): AlertView {
  return {
    kind: alert.kind,
    placementId: alert.placementId,
    traineeName: alert.traineeName,
    partnerName: alert.partnerName,
    days: alert.days,
    since: alert.since.toISOString(),
    href: placementPath(slug, alert.placementId),
  };
}

/** The practice alerts (alerts.server.ts) as a list: what is wrong, since how many days, and a link to the placement. */
export function PracticeAlertList({ alerts }: { alerts: readonly AlertView[] }) {
  const { t } = useTranslation();
  if (alerts.length === 0) return <p className="utrecht-paragraph">{t("pipeline.alerts.none")}</p>;
  return (
    <ul className="pipeline-alerts">
      {alerts.map((alert) => (
        <li key={`${alert.kind}-${alert.placementId}`} className={`pipeline-alert pipeline-alert--${alert.kind}`}>
          <p className="utrecht-paragraph">
            <strong>{t(`pipeline.alerts.kind.${alert.kind}`)}</strong>
            {" — "}
            {t(`pipeline.alerts.${alert.kind}`, { trainee: alert.traineeName, partner: alert.partnerName, days: alert.days })}
          </p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={alert.href}>
              {t("pipeline.alerts.open", { trainee: alert.traineeName })}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
