/**
 * What search engines may find: robots.txt and the sitemaps of the public calendar. A sitemap
 * file holds at most 50,000 addresses (sitemaps.org), so /sitemap.xml is an index: one file with
 * the network's and municipalities' pages, and one per published municipality with its upcoming
 * activities (a municipality has a few thousand at national scale, far below the limit).
 */
import { and, asc, eq, gt, gte, isNotNull } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { publicActivityPath } from "~/features/activities/urls";
import { db } from "~/lib/db/client.server";
import { activities, municipalities } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { zonedLocalToUtc } from "~/lib/time";
import { todayInAmsterdam } from "./time";

/** The sitemaps.org limit of addresses per file. */
export const SITEMAP_URL_LIMIT = 50_000;

/** Search engines may read these again after an hour; new activities appear within that. */
export const SITEMAP_CACHE_CONTROL = "public, max-age=3600";

/**
 * Everything behind a sign-in, every form's target and the machine interfaces stay out of search
 * engines; so do addresses with a query string (filters, paging, the week view): endless
 * combinations of the same activities, which the sitemaps list one by one instead.
 */
export function robotsTxt(): string {
  const disallowed = [
    "/beheer/",
    "/netwerk",
    "/account",
    "/api/",
    "/inloggen",
    "/registreren",
    "/wachtwoord-vergeten",
    "/wachtwoord-herstellen",
    "/uitloggen",
    "/uitnodiging/",
    "/aanmelding/",
    "/inschrijving/",
    "/taal/",
    "/*?",
  ];
  return ["User-agent: *", "Allow: /", ...disallowed.map((path) => `Disallow: ${path}`), "", `Sitemap: ${baseUrl}/sitemap.xml`, ""].join("\n");
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

function urlEntry(path: string, lastModified?: Date): string {
  const lastmod = lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : "";
  return `<url><loc>${escapeXml(baseUrl + path)}</loc>${lastmod}</url>`;
}

function urlSet(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/** Published municipalities only: a new one stays out of search engines until its project leader publishes it. */
function listPublishedMunicipalities() {
  return db()
    .select({ slug: municipalities.slug, updatedAt: municipalities.updatedAt })
    .from(municipalities)
    .where(isNotNull(municipalities.publishedAt))
    .orderBy(asc(municipalities.slug))
    .limit(SITEMAP_URL_LIMIT / 2);
}

/** The sitemap index: the pages file and one activities file per published municipality. */
export async function sitemapIndex(): Promise<string> {
  const published = await listPublishedMunicipalities();
  const files = ["/sitemaps/gemeenten.xml", ...published.map((m) => `/sitemaps/${m.slug}/activiteiten.xml`)];
  const entries = files.map((path) => `<sitemap><loc>${escapeXml(baseUrl + path)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/** The network's home and calendar, and each published municipality's page and calendar. */
export async function pagesSitemap(): Promise<string> {
  const published = await listPublishedMunicipalities();
  return urlSet([urlEntry("/"), urlEntry("/activiteiten"), ...published.flatMap((m) => [urlEntry(`/${m.slug}`), urlEntry(`/${m.slug}/activiteiten`)])]);
}

/**
 * A published municipality's published activities that have not ended, in start order, or null
 * when the municipality is not published. Like the calendar, it starts at today's midnight, so
 * the walk of the calendar index never reads the municipality's past.
 */
export async function activitiesSitemap(municipalityId: MunicipalityId, slug: string, now = new Date()): Promise<string | null> {
  const [municipality] = await db()
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(and(eq(municipalities.id, municipalityId), isNotNull(municipalities.publishedAt)));
  if (!municipality) return null;
  const midnight = zonedLocalToUtc(todayInAmsterdam(now), "00:00")!;
  const rows = await db()
    .select({ id: activities.id, updatedAt: activities.updatedAt })
    .from(activities)
    .where(and(eq(activities.municipalityId, municipalityId), eq(activities.status, "published"), gte(activities.startsAt, midnight), gt(activities.endsAt, now)))
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(SITEMAP_URL_LIMIT);
  return urlSet(rows.map((row) => urlEntry(publicActivityPath(slug, row.id), row.updatedAt)));
}
