import { defineMessages } from "../define";

/** Het Citytrainer-certificaat: uitreiken, PDF, Open Badges-credential, controleren en intrekken. */
export const citytrainerMessages = defineMessages(
  {
    "citytrainer.title": "Citytrainer-certificaat",
  },
  {
    "citytrainer.title": "Citytrainer certificate",
  },
);
