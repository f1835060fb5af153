import { defineMessages } from "../define";

/** Activities and registrations: labels shared with the public pages, emails, and the staff pages. */
export const activityMessages = defineMessages(
  {
    "activityCategory.sport": "Sport",
    "activityCategory.culture": "Cultuur",
    "activityCategory.welfare": "Welzijn",
    "activityCategory.other": "Overig",
    "activityStatus.draft": "Concept",
    "activityStatus.in_review": "Ter beoordeling",
    "activityStatus.published": "Gepubliceerd",
    "activityStatus.cancelled": "Afgelast",
    "activityStatus.completed": "Afgerond",
    "ageGroup.under_12": "Jonger dan 12",
    "ageGroup.12_15": "12 tot en met 15 jaar",
    "ageGroup.16_17": "16 of 17 jaar",
    "ageGroup.18_26": "18 tot en met 26 jaar",
    "ageGroup.27_66": "27 tot en met 66 jaar",
    "ageGroup.67_plus": "67 jaar of ouder",
    "registrationStatus.confirmed": "Ingeschreven",
    "registrationStatus.waitlisted": "Wachtlijst",
    "registrationStatus.cancelled": "Afgemeld",

    "registrationMail.details":
      "Wat: {title}\nWanneer: {when} tot {until}\nWaar: {location}\nOrganisatie: {organiser}\n\nMeer informatie: {url}",
    "registrationMail.cancelHint":
      "Kunt u toch niet? Meld u dan af via deze link, dan komt uw plaats vrij voor iemand anders:\n{cancelUrl}",
    "registrationMail.confirmed.subject": "Inschrijving bevestigd: {title}",
    "registrationMail.confirmed.intro": "Hallo {name},\n\nU bent ingeschreven. In de bijlage staat de activiteit voor uw agenda.",
    "registrationMail.waitlisted.subject": "U staat op de wachtlijst: {title}",
    "registrationMail.waitlisted.intro":
      "Hallo {name},\n\nDeze activiteit is vol. U staat op de wachtlijst, op plaats {position}. Komt er een plaats vrij, dan schuift u vanzelf door en krijgt u bericht.",
    "registrationMail.promoted.subject": "Er is plaats voor u: {title}",
    "registrationMail.promoted.intro":
      "Hallo {name},\n\nEr is een plaats vrijgekomen. U stond op de wachtlijst en bent nu ingeschreven. In de bijlage staat de activiteit voor uw agenda.",
    "registrationMail.promoted.cancelHint":
      "Kunt u toch niet? Meld u dan af met de link uit de eerste e-mail over deze activiteit, dan gaat uw plaats naar de volgende op de wachtlijst.",
    "registrationMail.cancelled.subject": "Afgemeld: {title}",
    "registrationMail.cancelled.intro": "Hallo {name},\n\nU bent afgemeld voor deze activiteit. Bedankt voor het doorgeven.",
    "registrationMail.activityCancelled.subject": "Gaat niet door: {title}",
    "registrationMail.activityCancelled.intro":
      "Hallo {name},\n\nHelaas gaat deze activiteit niet door. U hoeft niets te doen. Onze excuses voor het ongemak.",
    "registrationMail.activityChanged.subject": "Gewijzigd: {title}",
    "registrationMail.activityChanged.intro":
      "Hallo {name},\n\nDe tijd of plaats van deze activiteit is gewijzigd. Hieronder staan de nieuwe gegevens; de bijlage werkt uw agenda bij.",
    "registrationMail.signature": "Met vriendelijke groet,\n{organiser}\nvia Buurtkracht {municipality}",
  },
  {
    "activityCategory.sport": "Sport",
    "activityCategory.culture": "Culture",
    "activityCategory.welfare": "Welfare",
    "activityCategory.other": "Other",
    "activityStatus.draft": "Draft",
    "activityStatus.in_review": "In review",
    "activityStatus.published": "Published",
    "activityStatus.cancelled": "Cancelled",
    "activityStatus.completed": "Completed",
    "ageGroup.under_12": "Under 12",
    "ageGroup.12_15": "12 to 15 years",
    "ageGroup.16_17": "16 or 17 years",
    "ageGroup.18_26": "18 to 26 years",
    "ageGroup.27_66": "27 to 66 years",
    "ageGroup.67_plus": "67 years or older",
    "registrationStatus.confirmed": "Registered",
    "registrationStatus.waitlisted": "Waiting list",
    "registrationStatus.cancelled": "Cancelled",

    "registrationMail.details":
      "What: {title}\nWhen: {when} until {until}\nWhere: {location}\nOrganised by: {organiser}\n\nMore information: {url}",
    "registrationMail.cancelHint":
      "Can't make it after all? Cancel with this link, so your place goes to someone else:\n{cancelUrl}",
    "registrationMail.confirmed.subject": "Registration confirmed: {title}",
    "registrationMail.confirmed.intro": "Hello {name},\n\nYou are registered. The attachment adds the activity to your calendar.",
    "registrationMail.waitlisted.subject": "You are on the waiting list: {title}",
    "registrationMail.waitlisted.intro":
      "Hello {name},\n\nThis activity is full. You are on the waiting list, at position {position}. If a place becomes free, you move up automatically and we will let you know.",
    "registrationMail.promoted.subject": "A place for you: {title}",
    "registrationMail.promoted.intro":
      "Hello {name},\n\nA place has become free. You were on the waiting list and are now registered. The attachment adds the activity to your calendar.",
    "registrationMail.promoted.cancelHint":
      "Can't make it after all? Cancel with the link in the first email about this activity, so your place goes to the next person on the waiting list.",
    "registrationMail.cancelled.subject": "Cancelled: {title}",
    "registrationMail.cancelled.intro": "Hello {name},\n\nYour registration for this activity is cancelled. Thank you for letting us know.",
    "registrationMail.activityCancelled.subject": "Called off: {title}",
    "registrationMail.activityCancelled.intro":
      "Hello {name},\n\nUnfortunately this activity will not take place. You do not need to do anything. We apologise for the inconvenience.",
    "registrationMail.activityChanged.subject": "Changed: {title}",
    "registrationMail.activityChanged.intro":
      "Hello {name},\n\nThe time or place of this activity has changed. The new details are below; the attachment updates your calendar.",
    "registrationMail.signature": "Kind regards,\n{organiser}\nvia Buurtkracht {municipality}",
  },
);
