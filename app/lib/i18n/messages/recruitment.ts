import { defineMessages } from "../define";

/** Persoonlijke uitnodigingslinks en QR-codes, de flyer, wie er via wie kwam, en de evaluatie met foto's. */
export const recruitmentMessages = defineMessages(
  {
    "recruitment.title": "Uitnodigen",
  },
  {
    "recruitment.title": "Invite",
  },
);
