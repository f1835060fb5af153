import { defineMessages } from "../define";

/** Answers the HTTP layer gives before a page can be rendered (server/error-page.ts). */
export const httpMessages = defineMessages(
  {
    "http.tooLarge.title": "Te veel gegevens verstuurd",
    "http.tooLarge.body": "Wat je verstuurde is groter dan deze pagina aanneemt. Ga terug, maak het kleiner (bijvoorbeeld een kleinere afbeelding) en probeer het opnieuw.",
    "http.unavailable.title": "Even niet bereikbaar",
    "http.unavailable.body": "Buurtkracht kan op dit moment niet bij zijn gegevens. Er is niets verloren gegaan. Probeer het over een minuut opnieuw.",
    "http.backHome": "Naar de startpagina",
    "api.problem.unavailable": "Tijdelijk niet beschikbaar",
    "api.problem.unavailableDetail": "De database is op dit moment niet bereikbaar. Probeer het over {seconds} seconden opnieuw.",
  },
  {
    "http.tooLarge.title": "Too much data sent",
    "http.tooLarge.body": "What you sent is larger than this page accepts. Go back, make it smaller (a smaller image, for example) and try again.",
    "http.unavailable.title": "Temporarily unavailable",
    "http.unavailable.body": "Buurtkracht cannot reach its data at the moment. Nothing has been lost. Please try again in a minute.",
    "http.backHome": "Go to the home page",
    "api.problem.unavailable": "Temporarily unavailable",
    "api.problem.unavailableDetail": "The database cannot be reached at the moment. Please try again in {seconds} seconds.",
  },
);
