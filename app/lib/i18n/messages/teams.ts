import { defineMessages } from "../define";

/** Bewonersteams (EigenWIJzebuurten): leden, trekkers, actiepunten en wat het team deed. */
export const teamMessages = defineMessages(
  {
    "teams.staff.title": "Teams",
  },
  {
    "teams.staff.title": "Teams",
  },
);
