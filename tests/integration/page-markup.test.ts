/**
 * Markup rules that validators check and browsers do not: the W3C HTML checker's rule for required
 * selects, and a meta description on every public page in the page's language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../support/accounts";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

let server: TestServer;
let databaseUrl: string;
let activityPath: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
  const [activity] = await query<{ id: string }>(
    databaseUrl,
    `select a.id from activities a join municipalities m on m.id = a.municipality_id
      where m.slug = 'havenstad' and a.status = 'published' and a.registration_required
        and a.starts_at > now() + interval '1 day' order by a.starts_at limit 1`,
  );
  activityPath = `/havenstad/activiteiten/${activity!.id}`;
});
afterAll(async () => {
  await server?.stop();
});

async function page(path: string, cookie?: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  expect(response.status, path).toBe(200);
  return response.text();
}

/**
 * The W3C checker: "The first child option element of a select element with a required attribute,
 * and without a multiple attribute, and without a size attribute whose value is greater than 1,
 * must have either an empty value attribute, or must have no text content."
 */
function requiredSelectsWithoutEmptyFirstOption(html: string): string[] {
  const broken: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    if (!/\srequired(=|\s|$)/.test(attributes!) || /\smultiple(=|\s|$)/.test(attributes!)) continue;
    const size = /\ssize="(\d+)"/.exec(attributes!);
    if (size && Number(size[1]) > 1) continue;
    const first = /<option\b([^>]*)>([\s\S]*?)<\/option>/.exec(body!);
    const emptyValue = first && /\svalue=""/.test(first[1]!);
    const noText = first && first[2]!.trim() === "";
    if (!emptyValue && !noText) broken.push(/\sname="([^"]*)"/.exec(attributes!)?.[1] ?? attributes!);
  }
  return broken;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">" };
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()]!;
  });
}

function metaDescription(html: string): string | null {
  const tag = /<meta\b[^>]*name="description"[^>]*>/.exec(html)?.[0];
  return tag ? (/content="([^"]*)"/.exec(tag)?.[1] ?? null) : null;
}

describe("required selects", () => {
  it("start with an empty option or are not required, on every form with a select", async () => {
    const resident = (await sessionCookieFor(databaseUrl, "bewoner@buurtkracht.example")).header;
    const leader = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
    const coordinator = (await sessionCookieFor(databaseUrl, "coordinator@buurtkracht.example")).header;
    const pages: [string, string | undefined][] = [
      ["/registreren", undefined],
      [activityPath, undefined],
      ["/account", resident],
      ["/beheer/havenstad/team", leader],
      ["/beheer/havenstad/partners", leader],
      ["/beheer/havenstad/activiteiten/nieuw", leader],
      ["/netwerk", coordinator],
    ];
    for (const [path, cookie] of pages) {
      const html = await page(path, cookie);
      expect(html, path).toContain("<select");
      expect(requiredSelectsWithoutEmptyFirstOption(html), path).toEqual([]);
    }
  });
});

describe("meta descriptions", () => {
  it("describe every public page in the page's language", async () => {
    const paths = ["/", "/havenstad", "/activiteiten", "/havenstad/activiteiten", "/havenstad/activiteiten?weergave=week", activityPath, "/havenstad/embed"];
    for (const locale of ["nl", "en"] as const) {
      const descriptions = new Set<string>();
      for (const path of paths) {
        const html = await page(path, `buurtkracht_lang=${locale}`);
        expect(html, path).toContain(`<html lang="${locale}"`);
        const description = metaDescription(html);
        expect(description, `${locale} ${path}`).toBeTruthy();
        expect(description!.length, `${locale} ${path}`).toBeLessThanOrEqual(200);
        descriptions.add(description!);
      }
      // The calendar's list and week view are one page; every other page says what it is about.
      expect(descriptions.size, locale).toBeGreaterThanOrEqual(paths.length - 1);
      const home = metaDescription(await page("/", `buurtkracht_lang=${locale}`))!;
      expect(home).toMatch(locale === "nl" ? /activiteiten/i : /activities/i);
    }
    // An activity's description says when and where first, as a search result should.
    const activity = decodeEntities(metaDescription(await page(activityPath))!);
    const [row] = await query<{ location: string }>(databaseUrl, "select location from activities where id = $1", [activityPath.split("/").pop()]);
    expect(activity).toContain(row!.location);
    expect(activity.length).toBeLessThanOrEqual(160);
  });
});
