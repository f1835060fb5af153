import { defineMessages } from "../define";

/** De warme overdracht, de praktijkplaats en het coachen door de praktijkbegeleider. */
export const handoverMessages = defineMessages(
  {
    "handover.title": "Warme overdracht",
  },
  {
    "handover.title": "Warm handover",
  },
);
