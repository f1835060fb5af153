/**
 * The walk through the platform as every person in the README's demo-accounts table, plus a visitor
 * without an account. Each signs in through the real form (password, then the code from an
 * authenticator for accounts with two-factor sign-in), then follows every link reachable from
 * where they land, breadth-first. Every page is checked at 1280 px and at 360 px: no 4xx or 5xx,
 * no console error, no axe violation (WCAG 2.2 A/AA), no sideways scrolling on the phone. Then the
 * same kinds of page are visited once more in English.
 *
 * The accounts come from the README, so a capability that adds a demo account to the table is
 * walked without touching this file. Links are grouped by the route they lead to (and the names of
 * their query parameters), and one address of each is visited per person: 300 activity pages add
 * nothing that one of them does not show. Every visited page must answer and log no console
 * error; axe checks a public page once for everyone and a personal page (staff pages, one's own
 * account) for every person.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { matchRoutes } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "~/features/demo/seed.server";
import routes from "~/routes";
import { accessibilityViolations, launchBrowser, openPage, type TestPage } from "./browser";
import { createTestDatabase } from "./database";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, query } from "./accounts";
import { startTestServer, type TestServer } from "./server";
import { totpCode } from "./totp";

const ADDRESSES_PER_ROUTE = 1;
/** Query parameters that page through the same view (the calendar's next page and week). */
const PAGING = new Set(["na", "week"]);
/** A safety stop, not a sample: a walk that reaches it with kinds of page left unvisited fails. */
const PAGES_PER_PERSON = 200;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

interface RouteEntry {
  path?: string;
  file: string;
  index?: boolean;
  children?: RouteEntry[];
}

function routeObjects(entries: RouteEntry[]): { path?: string; index?: boolean; id: string; children?: unknown[] }[] {
  return entries.map((entry) => ({
    ...(entry.index ? { index: true } : { path: entry.path ?? "" }),
    id: entry.index ? "/" : `/${entry.path ?? ""}`,
    ...(entry.children ? { children: routeObjects(entry.children) } : {}),
  }));
}
const routeTree = [{ path: "/", id: "root", children: routeObjects(routes as RouteEntry[]) }];

/** The route pattern an address belongs to (`/:slug/activiteiten/:id`), or the path itself. */
let server: TestServer;
let browser: Browser;
let databaseUrl: string;

function routeOf(pathname: string): string {
  const matches = matchRoutes(routeTree as Parameters<typeof matchRoutes>[0], pathname);
  return matches?.at(-1)?.route.id ?? pathname;
}

/** The demo accounts exactly as the README lists them. */
function readmeAccounts(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.split(/^## Demo accounts$/m)[1]?.split(/^## /m)[0] ?? "";
  return [...section.matchAll(/^\|\s*([^|\s]+@[^|\s]+)\s*\|/gm)].map((m) => m[1]!);
}

/** The kind of page an address shows: its route and the names of its query parameters but paging. */
function variantOf(url: URL): string {
  return `${routeOf(url.pathname)}?${[...url.searchParams.keys()].filter((k) => !PAGING.has(k)).sort().join("&")}`;
}

/** Signs in through the sign-in page as a person would; answers where they land. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/inloggen");
  await page.locator('main input[name="email"]').fill(email);
  await page.locator('main input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.locator('main button[name="intent"][value="sign-in"]').click()]);
  if (new URL(page.url()).pathname === "/inloggen/tweestaps") {
    await page.locator('main input[name="code"]').fill(totpCode(DEMO_TOTP_SECRET));
    await Promise.all([page.waitForNavigation(), page.locator("main form button[type=submit]").first().click()]);
  }
  const landed = new URL(page.url()).pathname;
  expect(landed, `${email} is signed in`).not.toMatch(/^\/inloggen/);
  expect(landed, `${email} needs no set-up before using the platform`).not.toBe("/account/tweestapsverificatie");
}

/** Same-site links on the page, without fragments. */
async function linksOn(page: Page): Promise<{ url: string; download: boolean }[]> {
  const found = await page.locator("a[href]").evaluateAll((anchors) =>
    anchors.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.hasAttribute("download") })),
  );
  const origin = new URL(server.url).origin;
  return found
    .map(({ href, download }) => {
      const url = new URL(href);
      url.hash = "";
      return { url: url.origin === origin ? url.toString() : "", download };
    })
    .filter((link) => link.url !== "");
}

/** Set on links with a `download` attribute while they wait in the queue. */
const DOWNLOAD_MARK = "__walk_download";

/** Files (feeds, CSV, API answers, images) are fetched and checked for their status, not rendered. */
function isFile(url: URL): boolean {
  if (url.searchParams.has(DOWNLOAD_MARK)) {
    url.searchParams.delete(DOWNLOAD_MARK);
    return true;
  }
  return /^\/(api|assets|uploads)\//.test(url.pathname) || /\.[a-z0-9]{2,5}$/i.test(url.pathname);
}

/**
 * Pages whose content depends on who looks (staff pages, one's own account) are checked for every
 * person; a public page looks the same to everyone but for the header, so axe checks it once.
 */
function isPersonal(url: URL): boolean {
  return /^\/(beheer|netwerk|account|uitnodiging|inschrijving|mijn-[a-z-]+)(\/|$)/.test(url.pathname);
}
const checked = new Set<string>();

/** Addresses that change the session rather than show something. */
function isSessionChange(url: URL): boolean {
  return url.pathname.startsWith("/taal/") || url.pathname === "/uitloggen";
}

async function hasSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Checks the page now open at both widths; answers the problems found. */
async function checkPage(tab: TestPage, label: string): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of [DESKTOP, PHONE]) {
    await tab.page.setViewportSize(viewport);
    problems.push(...(await accessibilityViolations(tab.page)).map((v) => `${label} at ${viewport.width} px: ${v}`));
    if (viewport === PHONE && (await hasSidewaysScroll(tab.page))) problems.push(`${label} scrolls sideways at 360 px`);
  }
  return problems;
}

/**
 * Breadth-first from the page the person landed on. Answers every problem found, and the first
 * address of each route visited (for the visit in English).
 */
async function walk(tab: TestPage, who: string): Promise<{ problems: string[]; routesSeen: Map<string, string>; kinds: number }> {
  const { page } = tab;
  const problems: string[] = [];
  const start = new URL(page.url());
  const queue: string[] = [start.toString()];
  const seen = new Set(queue);
  const perRoute = new Map<string, number>();
  const routesSeen = new Map<string, string>();
  let visited = 0;

  const enqueue = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    queue.push(url);
  };

  while (queue.length > 0 && visited < PAGES_PER_PERSON) {
    const address = queue.shift()!;
    const url = new URL(address);
    const route = routeOf(url.pathname);
    // A query (the week view, a filter, the next page) shows another state of the same page.
    const variant = variantOf(url);
    const count = perRoute.get(variant) ?? 0;
    if (count >= ADDRESSES_PER_ROUTE) continue;
    perRoute.set(variant, count + 1);
    visited++;
    const isDownload = isFile(url);
    const label = `${who}: ${url.pathname}${url.search}`;

    if (isDownload) {
      const file = await page.request.get(url.toString(), { maxRedirects: 0 });
      if (file.status() >= 400) problems.push(`${label} answered ${file.status()}`);
      continue;
    }
    const response = await page.goto(address).catch((error: Error) => error);
    if (response instanceof Error) {
      problems.push(`${label} could not be opened as a page: ${response.message.split("\n")[0]}`);
      continue;
    }
    const status = response?.status() ?? 0;
    if (status >= 400) {
      problems.push(`${label} answered ${status}`);
      tab.problems.splice(0);
      continue;
    }
    if (!(response?.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    const audience = isPersonal(url) ? who : "everyone";
    if (!checked.has(`${audience} ${variant}`)) {
      checked.add(`${audience} ${variant}`);
      if (!routesSeen.has(route)) routesSeen.set(route, address);
      const started = Date.now();
      problems.push(...(await checkPage(tab, label)));
      if (process.env.WALK_LOG) console.log(`${label}: checked in ${Date.now() - started} ms`);
    }
    problems.push(...tab.problems.splice(0).map((p) => `${who}: ${p}`));

    for (const link of await linksOn(page)) {
      const target = new URL(link.url);
      if (isSessionChange(target)) continue;
      if (link.download) target.searchParams.set(DOWNLOAD_MARK, "1");
      enqueue(target.toString());
    }
  }
  // Stopping at the cap must not hide a kind of page nobody visited.
  const unvisited = new Set(
    queue
      .map((address) => variantOf(new URL(address)))
      .filter((variant) => !perRoute.has(variant)),
  );
  if (unvisited.size > 0) problems.push(`${who}: the walk stopped at ${PAGES_PER_PERSON} pages with ${unvisited.size} kinds of page unvisited: ${[...unvisited].slice(0, 5).join(", ")}`);
  if (process.env.WALK_LOG) console.log(`${who}: ${visited} addresses, ${checked.size} checked so far`);
  return { problems, routesSeen, kinds: perRoute.size };
}

/** The same kinds of page once more in English, on the phone. */
async function walkInEnglish(tab: TestPage, who: string, routesSeen: Map<string, string>): Promise<string[]> {
  const { page } = tab;
  const problems: string[] = [];
  await page.setViewportSize(PHONE);
  await page.goto(`/taal/en?terug=${encodeURIComponent(new URL(page.url()).pathname)}`);
  for (const address of routesSeen.values()) {
    const response = await page.goto(address);
    const label = `${who} (English): ${new URL(address).pathname}`;
    if ((response?.status() ?? 0) >= 400) {
      problems.push(`${label} answered ${response?.status()}`);
      tab.problems.splice(0);
      continue;
    }
    expect(await page.locator("html").getAttribute("lang"), label).toBe("en");
    problems.push(...(await accessibilityViolations(page)).map((v) => `${label}: ${v}`));
    problems.push(...tab.problems.splice(0).map((p) => `${who} (English): ${p}`));
  }
  return problems;
}

/**
 * The walk for one share of the people: part `part` of `parts` (every parts-th README account,
 * and the visitor in part 0), so several test files can walk in parallel.
 */
export function describeWalk(part: number, parts: number): void {
  const accounts = readmeAccounts();
  const mine = accounts.filter((_, index) => index % parts === part);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    server = await startTestServer({ databaseUrl });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe(`a walk through every role (${part + 1} of ${parts})`, () => {
    if (part === 0) {
      it("reads the demo accounts from the README, every one of them", () => {
        expect(accounts.length).toBeGreaterThanOrEqual(13);
        // A demo account the README leaves out would never be walked.
        expect([...accounts].sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      });

      it("every README account exists in the demo data", async () => {
        const rows = await query<{ email: string }>(databaseUrl, "select email from users where email = any($1)", [accounts]);
        expect(rows.map((r) => r.email).sort()).toEqual([...accounts].sort());
      });

      it("a visitor without an account", async () => {
        const tab = await openPage(browser, { baseURL: server.url, viewport: DESKTOP });
        await tab.page.goto("/");
        const { problems, routesSeen } = await walk(tab, "visitor");
        problems.push(...(await walkInEnglish(tab, "visitor", routesSeen)));
        await tab.close();
        expect(problems).toEqual([]);
      }, 600_000);
    }

    for (const email of mine) {
      it(`${email}`, async () => {
        const tab = await openPage(browser, { baseURL: server.url, viewport: DESKTOP });
        await signIn(tab.page, email);
        const { problems, routesSeen, kinds } = await walk(tab, email);
        expect(kinds, `${email} reaches more than one kind of page`).toBeGreaterThan(1);
        problems.push(...(await walkInEnglish(tab, email, routesSeen)));
        await tab.close();
        expect(problems).toEqual([]);
      }, 600_000);
    }
  });
}
