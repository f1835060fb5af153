import { StaffNav } from "~/components/staff-nav";
import { OWN_ORGANISING_PATHS } from "~/features/organisers/urls";
import { useTranslation } from "~/lib/i18n/use-translation";

/** A resident organiser's own pages: activities, invite link, budget requests, teams. */
export function OrganiserTabs() {
  const { t } = useTranslation();
  return (
    <StaffNav
      label={t("organisers.tabs.label")}
      items={[
        { href: OWN_ORGANISING_PATHS.activities, label: "organisers.tabs.activities" },
        { href: OWN_ORGANISING_PATHS.invite, label: "organisers.tabs.invite" },
        { href: OWN_ORGANISING_PATHS.budget, label: "organisers.tabs.budget" },
        { href: OWN_ORGANISING_PATHS.teams, label: "organisers.tabs.teams" },
      ]}
    />
  );
}
