/**
 * Browser tests drive Debian's Chromium through playwright-core. Every page a test opens fails
 * the test on a console error or an uncaught exception, and `visit()` runs axe-core on the page.
 */
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors seen so far; checked by `close()` and by `visit()`. */
  problems: string[];
  close: () => Promise<void>;
}

/** A fresh browser context (no cookies) with a page that records console errors. */
export async function openPage(
  browser: Browser,
  options: { baseURL: string; viewport?: { width: number; height: number }; javaScriptEnabled?: boolean; locale?: string; isMobile?: boolean; hasTouch?: boolean },
): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.hasTouch ?? false,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "nl-NL",
    timezoneId: "Europe/Amsterdam",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  return {
    page,
    context,
    problems,
    close: async () => {
      await context.close();
      expect(problems, "browser console errors").toEqual([]);
    },
  };
}

/** The WCAG 2.2 A and AA violations axe-core finds on the current page, one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** Runs axe-core (WCAG 2.2 A and AA rules) on the current page and fails on any violation. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/** Opens a path, expects the status, and checks the page with axe. */
export async function visit(testPage: TestPage, path: string, expectedStatus = 200): Promise<void> {
  const response = await testPage.page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(expectedStatus);
  await expectAccessible(testPage.page);
}
