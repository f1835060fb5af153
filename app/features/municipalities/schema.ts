/**
 * Input schemas for running a municipality: its settings, neighbourhoods and partner
 * organisations. Messages are message keys (see lib/validation.ts).
 */
import { z } from "zod";
import { PARTNER_KINDS } from "~/lib/db/schema";
import { colour, optionalText, optionalUrl, slug, text, uuid } from "~/lib/validation";

// Names and texts are shown as plain text; something that looks like markup is almost always
// pasted by mistake (or an attack), so it is refused with a clear message instead of stored.
const MARKUP = /<[a-z!/?]/i;

export function plainText(max: number) {
  return text(max).refine((value) => !MARKUP.test(value), { error: "admin.validation.markup" });
}

export function optionalPlainText(max: number) {
  return optionalText(max).refine((value) => !MARKUP.test(value), { error: "admin.validation.markup" });
}

/**
 * Slugs that are (or may become) the first segment of a platform URL. A municipality with one of
 * these slugs would be shadowed by the platform page (or shadow it under /beheer/:slug).
 * tests/unit/reserved-slugs.test.ts checks that every static first segment in app/routes.ts is here.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "aanmelden",
  "account",
  "activiteiten",
  "admin",
  "aanmelding",
  "aanmeldingen",
  "afmelden",
  "agenda",
  "api",
  "assets",
  "auth",
  "beheer",
  "certificaat",
  "certificaten",
  "credentials",
  "cursus-aanmelding",
  "dashboard",
  "embed",
  "favicon",
  "feed",
  "healthz",
  "help",
  "helpdesk",
  "impact",
  "inloggen",
  "inschrijving",
  "inschrijvingen",
  "kalender",
  "mail",
  "mijn-cursus",
  "mijn-praktijk",
  "mijn-activiteiten",
  "mijn-teams",
  "doe-mee",
  "team-uitnodiging",
  "mijn-traject",
  "netwerk",
  "nieuw",
  "over",
  "privacy",
  "readyz",
  "registreren",
  "robots",
  "robots.txt",
  "sitemap",
  "sitemap.xml",
  "sitemaps",
  "static",
  "taal",
  "teams",
  "tijdspunten",
  "toestemming",
  "toegankelijkheid",
  "uitloggen",
  "uitnodiging",
  "uploads",
  "verificatie",
  "wachtwoord-herstellen",
  "wachtwoord-vergeten",
  "well-known",
  "zoeken",
]);

export const municipalitySlug = slug.refine((value) => !RESERVED_SLUGS.has(value), { error: "admin.validation.slugReserved" });

export const createMunicipalitySchema = z.object({
  name: plainText(100),
  slug: municipalitySlug,
  themeColour: colour,
});
export type CreateMunicipalityInput = z.infer<typeof createMunicipalitySchema>;

const optionalEmail = z
  .string()
  .trim()
  .max(254, { error: `validation.tooLong|{"max":254}` })
  .refine((value) => value === "" || z.email().safeParse(value).success, { error: "validation.email" })
  .transform((value) => value.toLowerCase())
  .optional()
  .default("");

export const municipalitySettingsSchema = z.object({
  name: plainText(100),
  slug: municipalitySlug,
  themeColour: colour,
  introduction: optionalPlainText(2000),
  contactEmail: optionalEmail,
  removeLogo: z.literal("on").optional(),
});
export type MunicipalitySettingsInput = z.infer<typeof municipalitySettingsSchema>;

export const neighbourhoodSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add"), name: plainText(100) }),
    z.object({ intent: z.literal("rename"), id: uuid, name: plainText(100) }),
    z.object({ intent: z.literal("delete"), id: uuid }),
    z.object({ intent: z.literal("restore"), id: uuid }),
  ],
  { error: "validation.invalid" },
);

export const partnerSchema = z.object({
  name: plainText(150),
  kind: z.enum(PARTNER_KINDS, { error: "admin.validation.partnerKind" }),
  website: optionalUrl,
  email: optionalEmail,
});
export type PartnerInput = z.infer<typeof partnerSchema>;

export const partnerIdSchema = z.object({ id: uuid });
