import type { Requirement } from "~/features/practice/requirements";
import { useTranslation } from "~/lib/i18n/use-translation";

/** The Citytrainer requirements with met / still open, as the certificate list and a placement's overview show them. */
export function RequirementsList({ requirements, label }: { requirements: readonly { requirement: Requirement; met: boolean }[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list" aria-label={label}>
      {requirements.map((r) => (
        <li key={r.requirement}>
          <span aria-hidden="true">{r.met ? "✓ " : "○ "}</span>
          {t(`citytrainer.requirement.${r.requirement}`)}: {t(r.met ? "citytrainer.staff.met" : "citytrainer.staff.open")}
        </li>
      ))}
    </ul>
  );
}
