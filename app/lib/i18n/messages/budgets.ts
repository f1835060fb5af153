import { defineMessages } from "../define";

/** Budgetpotten, aanvragen voor een kleine bijdrage, besluiten en verantwoording met bonnetjes. */
export const budgetMessages = defineMessages(
  {
    "budgets.staff.title": "Budgetten",
  },
  {
    "budgets.staff.title": "Budgets",
  },
);
