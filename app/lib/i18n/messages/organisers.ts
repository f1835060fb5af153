import { defineMessages } from "../define";

/** Bewoners die zelf activiteiten organiseren (Citytrainers en teams), de beoordeling en het wijkoverzicht. */
export const organiserMessages = defineMessages(
  {
    "organisers.tabs.label": "Jouw organisatie",
    "organisers.tabs.activities": "Activiteiten",
    "organisers.tabs.invite": "Uitnodigen",
    "organisers.tabs.budget": "Budget",
    "organisers.tabs.teams": "Teams",
    "organisers.staff.title": "Organisatoren",
    "organisers.overview.title": "Wijkoverzicht",
  },
  {
    "organisers.tabs.label": "Your organising",
    "organisers.tabs.activities": "Activities",
    "organisers.tabs.invite": "Invite",
    "organisers.tabs.budget": "Budget",
    "organisers.tabs.teams": "Teams",
    "organisers.staff.title": "Organisers",
    "organisers.overview.title": "Neighbourhood overview",
  },
);
