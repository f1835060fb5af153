import { defineMessages } from "../define";

export const accounts = defineMessages(
  {
    "mail.verify.subject": "Bevestig uw e-mailadres voor Buurtkracht",
    "mail.verify.body": "Hallo {name},\n\nBevestig uw e-mailadres via deze link:\n{url}\n\nHeeft u geen account aangevraagd? Dan kunt u deze e-mail negeren.",
    "mail.reset.subject": "Nieuw wachtwoord instellen voor Buurtkracht",
    "mail.reset.body": "Hallo {name},\n\nStel een nieuw wachtwoord in via deze link (een uur geldig):\n{url}\n\nHeeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.",
    "mail.magicLink.subject": "Uw inloglink voor Buurtkracht",
    "mail.magicLink.body": "Log in bij Buurtkracht via deze link (15 minuten geldig, één keer te gebruiken):\n{url}\n\nHeeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.",
  },
  {
    "mail.verify.subject": "Confirm your email address for Buurtkracht",
    "mail.verify.body": "Hello {name},\n\nPlease confirm your email address with this link:\n{url}\n\nDid you not ask for an account? Then you can ignore this email.",
    "mail.reset.subject": "Set a new password for Buurtkracht",
    "mail.reset.body": "Hello {name},\n\nSet a new password with this link (valid for one hour):\n{url}\n\nDid you not ask for this? Then you can ignore this email.",
    "mail.magicLink.subject": "Your sign-in link for Buurtkracht",
    "mail.magicLink.body": "Sign in to Buurtkracht with this link (valid for 15 minutes, usable once):\n{url}\n\nDid you not ask for this? Then you can ignore this email.",
  },
);
