import { defineMessages } from "../define";

/** De warme overdracht, de praktijkplaats en het coachen door de praktijkbegeleider. */
export const handoverMessages = defineMessages(
  {
    "handover.title": "Warme overdracht",
    "handover.tabs.label": "Onderdelen van de praktijkplaats",
    "handover.tabs.ownLabel": "Onderdelen van je praktijk",
    "handover.tabs.overview": "Overzicht",
    "handover.tabs.hours": "Uren",
    "handover.tabs.activity": "Praktijkactiviteit",
    "handover.tabs.report": "Eindverslag",
    "handover.tabs.timeline": "Mijn traject",
  },
  {
    "handover.title": "Warm handover",
    "handover.tabs.label": "Parts of the placement",
    "handover.tabs.ownLabel": "Parts of your practice",
    "handover.tabs.overview": "Overview",
    "handover.tabs.hours": "Hours",
    "handover.tabs.activity": "Practice activity",
    "handover.tabs.report": "Final report",
    "handover.tabs.timeline": "My path",
  },
);
