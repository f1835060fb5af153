import { StaffNav } from "~/components/staff-nav";
import { OWN_PRACTICE_PATHS, placementPath } from "~/features/practice/urls";
import { useTranslation } from "~/lib/i18n/use-translation";

/** The parts of one placement for staff: overview (handover, goals, coaching), hours, practice activity, final report. */
export function PlacementTabs({ slug, placementId }: { slug: string; placementId: string }) {
  const { t } = useTranslation();
  return (
    <StaffNav
      label={t("handover.tabs.label")}
      items={[
        { href: placementPath(slug, placementId), label: "handover.tabs.overview" },
        { href: placementPath(slug, placementId, "uren"), label: "handover.tabs.hours" },
        { href: placementPath(slug, placementId, "activiteit"), label: "handover.tabs.activity" },
        { href: placementPath(slug, placementId, "eindverslag"), label: "handover.tabs.report" },
      ]}
    />
  );
}

/** The trainee's own practice pages. */
export function OwnPracticeTabs() {
  const { t } = useTranslation();
  return (
    <StaffNav
      label={t("handover.tabs.ownLabel")}
      items={[
        { href: OWN_PRACTICE_PATHS.overview, label: "handover.tabs.overview" },
        { href: OWN_PRACTICE_PATHS.hours, label: "handover.tabs.hours" },
        { href: OWN_PRACTICE_PATHS.activity, label: "handover.tabs.activity" },
        { href: OWN_PRACTICE_PATHS.report, label: "handover.tabs.report" },
        { href: OWN_PRACTICE_PATHS.timeline, label: "handover.tabs.timeline" },
      ]}
    />
  );
}
