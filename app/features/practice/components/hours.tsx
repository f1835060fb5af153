import type { HoursWarning } from "~/features/practice/hours-guard";
import type { HoursEntryView } from "~/features/practice/hours-view";
import { useTranslation } from "~/lib/i18n/use-translation";

/** The youth working-time warnings of an entry: in plain words for the trainee, short for staff. */
export function HoursWarnings({ warnings, audience, headingLevel = 3 }: { warnings: readonly HoursWarning[]; audience: "trainee" | "staff"; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="utrecht-alert utrecht-alert--warning">
      <div className="utrecht-alert__content">
        <Heading className={`utrecht-heading-${headingLevel}`}>{audience === "trainee" ? t("hours.warning.title") : t("hours.staffWarning.title")}</Heading>
        <ul className="hours-warning-list">
          {warnings.map((warning) => (
            <li key={warning}>{audience === "trainee" ? t(`hours.warning.${warning}`) : t(`hours.staffWarning.${warning}`)}</li>
          ))}
        </ul>
        {audience === "trainee" && <p className="utrecht-paragraph">{t("hours.warning.intro")}</p>}
      </div>
    </div>
  );
}

/** What every entry shows: when, how long, status, what was done, the goal and the review. */
export function HoursEntryFacts({ entry, audience }: { entry: HoursEntryView; audience: "trainee" | "staff" }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="hours-entry__head">
        <h3 className="utrecht-heading-3 hours-entry__when" id={`uren-${entry.id}-titel`}>
          {entry.when}
        </h3>
        <p className={`hours-entry__status hours-entry__status--${entry.status}`}>{t(`hours.status.${entry.status}`)}</p>
      </div>
      <p className="utrecht-paragraph">
        {t("hours.list.duration", { hours: entry.hours, minutes: entry.minutes })} · {t(`hours.kind.${entry.kind}`)}
        {entry.schoolHoliday && <> · {t("hours.list.holiday")}</>}
      </p>
      <p className="utrecht-paragraph hours-entry__text">{entry.description}</p>
      {entry.learningGoal && <p className="utrecht-paragraph">{t("hours.list.goal", { goal: entry.learningGoal })}</p>}
      {entry.status === "returned" && entry.returnComment && (
        <div className="utrecht-alert utrecht-alert--error">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph hours-entry__text">
              {audience === "trainee" ? t("hours.list.returnComment", { comment: entry.returnComment }) : t("hours.list.returnCommentStaff", { comment: entry.returnComment })}
            </p>
          </div>
        </div>
      )}
      {entry.status === "submitted" && entry.returnComment && audience === "staff" && (
        <p className="utrecht-paragraph hours-entry__text">{t("hours.list.earlierReturn", { comment: entry.returnComment })}</p>
      )}
      {entry.status === "signed_off" && entry.reviewedOn && <p className="utrecht-paragraph">{t("hours.list.signedOffBy", { name: entry.reviewerName ?? "—", date: entry.reviewedOn })}</p>}
      {entry.status === "signed_off" && entry.guardConfirmed && <p className="utrecht-paragraph">{t("hours.list.guardConfirmed")}</p>}
      <HoursWarnings warnings={entry.warnings} audience={audience} headingLevel={4} />
    </>
  );
}

/** Signed-off hours against the target, as text and as a progress bar with the same numbers. */
export function HoursProgress({ signedOff, target, submitted, signedOffValue, targetValue, met }: { signedOff: string; target: string; submitted: string | null; signedOffValue: number; targetValue: number; met: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="page-section hours-progress" aria-labelledby="voortgang">
      <h2 className="utrecht-heading-2" id="voortgang">
        {t("hours.progress.title")}
      </h2>
      <p className="utrecht-paragraph" id="voortgang-tekst">
        {t("hours.progress.text", { signedOff, target })} {met && t("hours.progress.met")}
      </p>
      <label className="utrecht-form-label" htmlFor="voortgang-balk">
        {t("hours.progress.label")}
      </label>
      <br />
      <progress id="voortgang-balk" max={Math.max(targetValue, 1)} value={Math.min(signedOffValue, Math.max(targetValue, 1))} aria-describedby="voortgang-tekst">
        {t("hours.progress.text", { signedOff, target })}
      </progress>
      {submitted && <p className="utrecht-paragraph">{t("hours.progress.waiting", { submitted })}</p>}
    </section>
  );
}
