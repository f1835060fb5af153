import { capitalise, type MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";

/** The learning goals and the observations, as the supervisor will see them. */
export function SharedContent({ goals, observations }: { goals: readonly { id: string; description: string; status: string }[]; observations: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="utrecht-heading-3">{t("handover.shared.goals")}</h3>
      {goals.length === 0 ? (
        <p className="utrecht-paragraph">{t("handover.shared.noGoals")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {goals.map((goal) => (
            <li className="utrecht-unordered-list__item" key={goal.id}>
              {goal.description} ({t(`course.goalStatus.${goal.status}` as MessageKey)})
            </li>
          ))}
        </ul>
      )}
      <h3 className="utrecht-heading-3">{t("handover.shared.observations")}</h3>
      <p className="utrecht-paragraph shared-text">{observations || capitalise(t("handover.shared.noObservations"))}</p>
    </>
  );
}
