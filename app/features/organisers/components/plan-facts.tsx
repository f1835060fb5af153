import { useTranslation } from "~/lib/i18n/use-translation";

export interface PlanFactsProps {
  plan: {
    idea: string;
    goal: string;
    targetGroup: string;
    description: string;
    location: string;
    neighbourhoodName: string | null;
    when: string;
    seriesCount: number;
    capacity: number | null;
    minAge: number | null;
    maxAge: number | null;
    teamName: string | null;
    organiserName: string | null;
    publicName: string | null;
    coOrganisers: string[];
  };
}

/** The plan as a list of facts (for co-organisers, a plan in review, and the coach's page). */
export function PlanFacts({ plan }: PlanFactsProps) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t("organisers.field.idea"), plan.idea],
    [t("organisers.field.goal"), plan.goal],
    [t("organisers.field.targetGroup"), plan.targetGroup],
    [t("organisers.facts.when"), plan.seriesCount > 1 ? `${plan.when} · ${t("organisers.plan.seriesNote", { count: plan.seriesCount })}` : plan.when],
    [t("organisers.facts.where"), plan.neighbourhoodName ? `${plan.location} (${plan.neighbourhoodName})` : plan.location],
    [t("organisers.facts.ages"), plan.minAge !== null || plan.maxAge !== null ? `${plan.minAge ?? 0}–${plan.maxAge ?? "∞"}` : t("organisers.facts.allAges")],
    [t("organisers.facts.capacity"), plan.capacity === null ? t("organisers.facts.noLimit") : String(plan.capacity)],
    [t("organisers.facts.organiser"), plan.teamName ? `${plan.teamName} (${plan.organiserName ?? ""})` : (plan.organiserName ?? "")],
    [t("organisers.facts.publicName"), plan.publicName ?? ""],
    [t("organisers.field.coOrganisers"), plan.coOrganisers.length > 0 ? plan.coOrganisers.join(", ") : "—"],
  ];
  if (plan.description) rows.splice(3, 0, [t("activityForm.description"), plan.description]);
  return (
    <dl className="plan-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="plan-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
