import { defineMessages } from "../define";

/** Praktijkuren: registreren, aftekenen en de regels voor jongeren. */
export const hoursMessages = defineMessages(
  {
    "hours.title": "Praktijkuren",
  },
  {
    "hours.title": "Practice hours",
  },
);
