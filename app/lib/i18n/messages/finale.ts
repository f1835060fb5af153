import { defineMessages } from "../define";

/** Het eindverslag, de beoordeling ervan, de uitreiking en de eindpresentaties. */
export const finaleMessages = defineMessages(
  {
    "finale.title": "Eindverslag en eindpresentatie",
  },
  {
    "finale.title": "Final report and presentation",
  },
);
