import { defineMessages } from "../define";

/** De doorstroom van aanmelding tot Citytrainer, de signalen en de tijdlijn van de cursist. */
export const pipelineMessages = defineMessages(
  {
    "pipeline.title": "Doorstroom",
  },
  {
    "pipeline.title": "Pipeline",
  },
);
