import { defineMessages } from "../define";

/** Staff work that asks first or can be undone, and whether a municipality is public. */
export const staffMessages = defineMessages(
  {
    "publication.heading": "Openbaar",
    "publication.notPublished":
      "Deze gemeente is nog niet openbaar. Haar pagina, activiteiten, agenda-feed en API-gegevens zijn pas te zien als je haar openbaar maakt.",
    "publication.publishButton": "Gemeente openbaar maken",
    "publication.published": "Deze gemeente is openbaar sinds {date}.",
    "publication.viewPublic": "Openbare pagina bekijken",
    "publication.notice.published": "De gemeente is nu openbaar.",
    "network.column.publication": "Openbaar",
    "network.publication.published": "Openbaar",
    "network.publication.notPublished": "Nog niet openbaar",
  },
  {
    "publication.heading": "Public",
    "publication.notPublished":
      "This municipality is not public yet. Its page, activities, calendar feed and API entries can only be seen once you publish it.",
    "publication.publishButton": "Publish municipality",
    "publication.published": "This municipality has been public since {date}.",
    "publication.viewPublic": "View the public page",
    "publication.notice.published": "The municipality is now public.",
    "network.column.publication": "Public",
    "network.publication.published": "Public",
    "network.publication.notPublished": "Not public yet",
  },
);
