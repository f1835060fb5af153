/**
 * robots.txt and the sitemaps: crawlers are kept out of everything behind a sign-in, and find the
 * public calendar pages and upcoming activity pages of published municipalities only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../support/accounts";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let databaseUrl: string;
let hidden: { id: string; activity: string };

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
  // A municipality that is being set up: not published, so not for search engines.
  const [town] = await query<{ id: string }>(
    databaseUrl,
    "insert into municipalities (slug, name, published_at) values ('verborgen-dorp', 'Verborgen Dorp', null) returning id",
  );
  const [activity] = await query<{ id: string }>(
    databaseUrl,
    `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, status, published_at)
     values ($1, 'Geheime markt', 'other', 'Plein', now() + interval '2 days', now() + interval '2 days 2 hours', 'Gemeente', 'published', now()) returning id`,
    [town!.id],
  );
  hidden = { id: town!.id, activity: activity!.id };
});
afterAll(async () => {
  await server?.stop();
});

async function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
}

function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
}

function disallowedPrefixes(robots: string): string[] {
  return [...robots.matchAll(/^Disallow: (\S+)$/gm)].map((m) => m[1]!);
}

/** RFC 9309 matching of a path against a rule with `*` wildcards. */
function matchesRule(path: string, rule: string): boolean {
  const pattern = rule.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${pattern}`).test(path);
}

describe("robots.txt", () => {
  it("keeps crawlers out of staff, account, sign-in and API addresses and points to the sitemap", async () => {
    const robots = await get("/robots.txt");
    expect(robots.status).toBe(200);
    expect(robots.type).toMatch(/^text\/plain/);
    expect(robots.body).toMatch(/^User-agent: \*$/m);
    expect(robots.body).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    const rules = disallowedPrefixes(robots.body);
    for (const path of ["/beheer/havenstad", "/account", "/api/auth/sign-in", "/api/v1/activities", "/inloggen", "/registreren", "/netwerk", "/uitnodiging/abc", "/aanmelding/abc", "/inschrijving/abc", "/havenstad/activiteiten?q=voetbal"]) {
      expect(rules.some((rule) => matchesRule(path, rule)), path).toBe(true);
    }
    for (const path of ["/", "/activiteiten", "/havenstad", "/havenstad/activiteiten", "/havenstad/activiteiten/0b6e4f00-0000-4000-8000-000000000000"]) {
      expect(rules.some((rule) => matchesRule(path, rule)), path).toBe(false);
    }
  });
});

describe("the sitemaps", () => {
  it("index the pages file and one activities file per published municipality", async () => {
    const index = await get("/sitemap.xml");
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/^application\/xml/);
    expect(index.body).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = locations(index.body);
    const published = await query<{ slug: string }>(databaseUrl, "select slug from municipalities where published_at is not null order by slug");
    expect(files).toEqual([`${server.url}/sitemaps/gemeenten.xml`, ...published.map((m) => `${server.url}/sitemaps/${m.slug}/activiteiten.xml`)]);
    expect(files.join()).not.toContain("verborgen-dorp");
  });

  it("list the network's and published municipalities' public pages, nothing behind a sign-in", async () => {
    const pages = await get("/sitemaps/gemeenten.xml");
    expect(pages.status).toBe(200);
    expect(pages.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const urls = locations(pages.body);
    for (const path of ["/", "/activiteiten", "/havenstad", "/havenstad/activiteiten", "/rivierendal/activiteiten"]) {
      expect(urls, path).toContain(`${server.url}${path}`);
    }
    expect(urls.join()).not.toMatch(/verborgen-dorp|\/beheer|\/account|\/inloggen/);
  });

  it("list exactly a municipality's upcoming published activities, and none of an unpublished one", async () => {
    const havenstad = await get("/sitemaps/havenstad/activiteiten.xml");
    expect(havenstad.status).toBe(200);
    const listed = locations(havenstad.body);
    const upcoming = await query<{ id: string }>(
      databaseUrl,
      `select a.id from activities a join municipalities m on m.id = a.municipality_id
        where m.slug = 'havenstad' and a.status = 'published' and a.ends_at > now() and a.starts_at >= date_trunc('day', now() at time zone 'Europe/Amsterdam') at time zone 'Europe/Amsterdam'
        order by a.starts_at, a.id`,
    );
    expect(upcoming.length).toBeGreaterThan(100);
    expect(listed).toEqual(upcoming.map((a) => `${server.url}/havenstad/activiteiten/${a.id}`));
    expect(havenstad.body).toMatch(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/lastmod>/);

    expect((await get("/sitemaps/verborgen-dorp/activiteiten.xml")).status).toBe(404);
    expect((await get("/sitemaps/bestaat-niet/activiteiten.xml")).status).toBe(404);
    for (const file of ["/sitemap.xml", "/sitemaps/gemeenten.xml"]) {
      expect((await get(file)).body, file).not.toContain(hidden.activity);
    }
  });
});
