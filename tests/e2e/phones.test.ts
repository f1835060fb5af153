/**
 * On a phone (360 px) and a laptop (1280 px): no page scrolls sideways, wide tables scroll inside a
 * focusable, labelled region, the focus ring stands out on the dark header, the week view keeps
 * words whole, and the neighbourhood pills are links to the filtered calendar.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../support/accounts";
import { expectAccessible, launchBrowser, openPage, type TestPage } from "../support/browser";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { signInBrowserAs } from "../support/session";

let server: TestServer;
let browser: Browser;
let databaseUrl: string;
let activityId: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
  browser = await launchBrowser();
  const [activity] = await query<{ id: string }>(
    databaseUrl,
    `select a.id from activities a join municipalities m on m.id = a.municipality_id
      where m.slug = 'havenstad' and a.status = 'published' and a.starts_at > now() + interval '1 day'
        and exists (select 1 from registrations r where r.activity_id = a.id) order by a.starts_at limit 1`,
  );
  activityId = activity!.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 900 };

async function tab(viewport: { width: number; height: number }, email?: string): Promise<TestPage> {
  const opened = await openPage(browser, { baseURL: server.url, viewport });
  if (email) await signInBrowserAs(opened.context, server.url, databaseUrl, email);
  return opened;
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
}

function screenshotName(path: string, width: number): string {
  return `test-results/phones-${width}${path.replace(/[^a-z0-9]+/gi, "-")}.png`;
}

const PAGES: { name: string; path: () => string; email?: string }[] = [
  { name: "sign-in with the demo accounts", path: () => "/inloggen" },
  { name: "calendar week view", path: () => "/havenstad/activiteiten?weergave=week" },
  { name: "municipality", path: () => "/havenstad" },
  { name: "network", path: () => "/netwerk", email: "coordinator@buurtkracht.example" },
  { name: "mail", path: () => "/beheer/mail", email: "coordinator@buurtkracht.example" },
  { name: "team", path: () => "/beheer/havenstad/team", email: "projectleider@havenstad.example" },
  { name: "partners", path: () => "/beheer/havenstad/partners", email: "projectleider@havenstad.example" },
  { name: "neighbourhoods", path: () => "/beheer/havenstad/wijken", email: "projectleider@havenstad.example" },
  { name: "activities", path: () => "/beheer/havenstad/activiteiten", email: "projectleider@havenstad.example" },
  { name: "participants", path: () => `/beheer/havenstad/activiteiten/${activityId}/deelnemers`, email: "projectleider@havenstad.example" },
];

describe("pages on a phone and a laptop", () => {
  for (const viewport of [PHONE, LAPTOP]) {
    for (const { name, path, email } of PAGES) {
      it(`${name} does not scroll sideways and passes axe at ${viewport.width} px`, async () => {
        const t = await tab(viewport, email);
        await open(t.page, path());
        await t.page.screenshot({ path: screenshotName(path(), viewport.width), fullPage: true, caret: "initial" });
        const widths = await t.page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
        expect(widths.scroll, "page width").toBeLessThanOrEqual(widths.inner);
        await expectAccessible(t.page);
        await t.close();
      });
    }
  }
});

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe("on a phone", () => {
  it("wide tables scroll inside a region named by their caption that the keyboard reaches", async () => {
    for (const [path, email] of [["/inloggen", undefined], ["/beheer/havenstad/team", "projectleider@havenstad.example"], ["/netwerk", "coordinator@buurtkracht.example"]] as const) {
      const t = await tab(PHONE, email);
      await open(t.page, path);
      const regions = t.page.locator(".table-scroll");
      await regions.first().waitFor();
      expect(await regions.count(), path).toBeGreaterThan(0);
      for (const region of await regions.all()) {
        expect(await region.getAttribute("role"), path).toBe("region");
        expect(await region.getAttribute("tabindex"), path).toBe("0");
        // Named by its own table's caption.
        const captionId = await region.locator("caption").getAttribute("id");
        expect(captionId, path).toBeTruthy();
        expect(await region.getAttribute("aria-labelledby"), path).toBe(captionId);
      }
      // The keyboard reaches a region that scrolls and scrolls it with the arrow keys.
      for (const region of await regions.all()) {
        if (!(await region.evaluate((e) => e.scrollWidth > e.clientWidth))) continue;
        await region.focus();
        await t.page.keyboard.press("ArrowRight");
        await t.page.keyboard.press("ArrowRight");
        // Chromium scrolls smoothly for the arrow keys: the region moves over a few frames.
        await expect.poll(() => region.evaluate((e) => e.scrollLeft), { message: path, timeout: 5000 }).toBeGreaterThan(0);
      }
      await t.close();
    }
  });

  it("shows each municipality's links on the network page without scrolling the table", async () => {
    const t = await tab(PHONE, "coordinator@buurtkracht.example");
    await open(t.page, "/netwerk");
    const manage = t.page.getByRole("link", { name: /^Beheren / });
    expect(await manage.count()).toBeGreaterThanOrEqual(3);
    for (const link of await manage.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, (await link.textContent())!).toBeLessThanOrEqual(PHONE.width);
    }
    await t.close();
  });

  it("keeps every row's actions in view on the staff tables without scrolling them", async () => {
    for (const [path, action] of [
      ["/beheer/havenstad/team", /^Rol intrekken /],
      ["/beheer/havenstad/wijken", /^Verwijderen /],
    ] as const) {
      const t = await tab(PHONE, "projectleider@havenstad.example");
      await open(t.page, path);
      const buttons = t.page.locator("main .table-scroll").getByRole("link", { name: action }).or(t.page.locator("main .table-scroll").getByRole("button", { name: action }));
      expect(await buttons.count(), path).toBeGreaterThan(1);
      for (const button of await buttons.all()) {
        const box = (await button.boundingBox())!;
        expect(box.x + box.width, `${path}: ${await button.textContent()}`).toBeLessThanOrEqual(PHONE.width);
        expect(box.x, path).toBeGreaterThanOrEqual(0);
      }
      await t.close();
    }
  });

  it("shows the focus ring on the dark header with at least 3:1 contrast", async () => {
    for (const path of ["/", "/havenstad"]) {
      const t = await tab(PHONE);
      await open(t.page, path);
      // Tab as a keyboard user does until the focus is on a link in the header.
      let inHeader = false;
      for (let i = 0; i < 6 && !inHeader; i++) {
        await t.page.keyboard.press("Tab");
        inHeader = await t.page.evaluate(() => Boolean(document.activeElement?.closest(".site-header")) && !document.activeElement?.classList.contains("skip-link"));
      }
      expect(inHeader, path).toBe(true);
      const colours = await t.page.evaluate(() => {
        const focused = document.activeElement!;
        const style = getComputedStyle(focused);
        return { outline: style.outlineColor, width: style.outlineWidth, style: style.outlineStyle, header: getComputedStyle(focused.closest(".site-header")!).backgroundColor };
      });
      expect(colours.style, path).not.toBe("none");
      expect(Number.parseFloat(colours.width), path).toBeGreaterThanOrEqual(2);
      expect(contrast(colours.outline, colours.header), `${path}: ${colours.outline} on ${colours.header}`).toBeGreaterThanOrEqual(3);
      await t.close();
    }
  });

  it("links each neighbourhood pill to the calendar of that neighbourhood", async () => {
    const t = await tab(PHONE);
    await open(t.page, "/havenstad");
    const pills = t.page.locator(".tag-list a");
    expect(await pills.count()).toBeGreaterThan(1);
    const name = (await pills.first().textContent())!;
    await pills.first().click();
    await t.page.waitForURL(/\/havenstad\/activiteiten\?wijk=[0-9a-f-]{36}$/);
    expect(await t.page.locator("select[name=wijk] option:checked").textContent()).toBe(name);
    await t.close();
  });
});

describe("the week view", () => {
  for (const viewport of [PHONE, LAPTOP]) {
    it(`keeps every word of a title on one line at ${viewport.width} px`, async () => {
      const t = await tab(viewport);
      await open(t.page, "/havenstad/activiteiten?weergave=week");
      const split = await t.page.evaluate(() => {
        const broken: string[] = [];
        for (const element of document.querySelectorAll(".week-grid .calendar-item__title, .week-grid .calendar-item__meta")) {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.textContent!.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
              if (lines.size > 1) broken.push(match[0]);
            }
          }
        }
        return broken;
      });
      expect(split).toEqual([]);
      await t.close();
    });
  }
});
