import { Form } from "react-router";
import { useTranslation } from "~/lib/i18n/use-translation";

/** What the check-in list shows of a person: name, age group, walk-in or not, and whether they came. No address. */
export interface CheckInPerson {
  id: string;
  name: string;
  ageGroup: "under_12" | "12_15" | "16_17" | "18_26" | "27_66" | "67_plus";
  attendance: "attended" | "no_show" | null;
  isWalkIn: boolean;
}

/**
 * The confirmed people with "present" / "did not come" buttons and the waitlist with a check-in
 * button, for the staff participant page and the trainee's check-in page of their practice
 * activity. Each button is its own small form posting `registrationId` and `attendance` to the
 * page's action, so checking in works without JavaScript; the buttons appear once the activity
 * has begun (isAttendanceOpen).
 */
export function CheckInLists({
  participants,
  isAttendanceOpen,
}: {
  participants: { confirmed: readonly CheckInPerson[]; waitlist: readonly (CheckInPerson & { position: number })[] };
  isAttendanceOpen: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <section className="page-section" aria-labelledby="confirmed-heading">
        <h2 className="utrecht-heading-2" id="confirmed-heading">
          {t("participants.confirmed")} ({participants.confirmed.length})
        </h2>
        {participants.confirmed.length === 0 ? (
          <p className="utrecht-paragraph">{t("participants.noneConfirmed")}</p>
        ) : (
          <ul className="checkin-list">
            {participants.confirmed.map((person) => (
              <li key={person.id} id={`deelnemer-${person.id}`} className={`checkin-item checkin-item--${person.attendance ?? "unknown"}`}>
                <div className="checkin-person">
                  <strong>{person.name}</strong>
                  <span>
                    {t(`ageGroup.${person.ageGroup}`)}
                    {person.isWalkIn && <> · {t("participants.walkInBadge")}</>}
                  </span>
                  <span className="checkin-state">{t(`participants.state.${person.attendance ?? "unknown"}`)}</span>
                </div>
                {isAttendanceOpen && (
                  <Form method="post" className="checkin-buttons" preventScrollReset>
                    <input type="hidden" name="registrationId" value={person.id} />
                    <button
                      type="submit"
                      name="attendance"
                      value="attended"
                      className="utrecht-button utrecht-button--primary-action"
                      aria-pressed={person.attendance === "attended"}
                      aria-label={`${t("participants.markAttended")}: ${person.name}`}
                    >
                      {t("participants.markAttended")}
                    </button>
                    <button
                      type="submit"
                      name="attendance"
                      value="no_show"
                      className="utrecht-button utrecht-button--secondary-action"
                      aria-pressed={person.attendance === "no_show"}
                      aria-label={`${t("participants.markNoShow")}: ${person.name}`}
                    >
                      {t("participants.markNoShow")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="page-section" aria-labelledby="waitlist-heading">
        <h2 className="utrecht-heading-2" id="waitlist-heading">
          {t("participants.waitlist")} ({participants.waitlist.length})
        </h2>
        {participants.waitlist.length === 0 ? (
          <p className="utrecht-paragraph">{t("participants.noneWaitlisted")}</p>
        ) : (
          <ol className="checkin-list">
            {participants.waitlist.map((person) => (
              <li key={person.id} id={`deelnemer-${person.id}`} className="checkin-item">
                <div className="checkin-person">
                  <strong>{person.name}</strong>
                  <span>
                    {t("participants.position", { position: person.position })} · {t(`ageGroup.${person.ageGroup}`)}
                  </span>
                </div>
                {isAttendanceOpen && (
                  <Form method="post" className="checkin-buttons" preventScrollReset>
                    <input type="hidden" name="registrationId" value={person.id} />
                    <button
                      type="submit"
                      name="attendance"
                      value="attended"
                      className="utrecht-button utrecht-button--secondary-action"
                      aria-label={`${t("participants.checkInWaitlisted")}: ${person.name}`}
                    >
                      {t("participants.checkInWaitlisted")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

    </>
  );
}
