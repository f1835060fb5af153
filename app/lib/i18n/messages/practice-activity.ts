import { defineMessages } from "../define";

/** De eigen praktijkactiviteit van de cursist: plan, beoordeling, uitvoeren en evaluatie. */
export const practiceActivityMessages = defineMessages(
  {
    "practiceActivity.title": "Praktijkactiviteit",
  },
  {
    "practiceActivity.title": "Practice activity",
  },
);
