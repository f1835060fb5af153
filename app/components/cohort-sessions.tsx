/** The cells that describe one course session in a schedule table: when (a link to its attendance page unless cancelled), kind, what, where. */
import { Link } from "react-router";
import type { SessionKind } from "~/lib/db/schema";
import { useTranslation } from "~/lib/i18n/use-translation";

export interface SessionRow {
  id: string;
  startsAt: string;
  when: string;
  kind: SessionKind;
  what: string;
  location: string;
  isCancelled: boolean;
}

/** `cohortBase` is the cohort's staff address; attendance of a session is taken on …/bijeenkomsten/:sessionId. */
export function SessionCells({ session, cohortBase }: { session: SessionRow; cohortBase: string }) {
  const { t } = useTranslation();
  const time = <time dateTime={session.startsAt}>{session.when}</time>;
  return (
    <>
      <td>
        {session.isCancelled ? (
          <>
            <del>{time}</del> {t("cohorts.schedule.cancelled")}
          </>
        ) : (
          <Link className="utrecht-link" to={`${cohortBase}/bijeenkomsten/${session.id}`}>
            {time}
          </Link>
        )}
      </td>
      <td>{t(`cohorts.sessionKind.${session.kind}`)}</td>
      <td>{session.what}</td>
      <td>{session.location}</td>
    </>
  );
}
