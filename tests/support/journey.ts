/**
 * The steps the journey tests take as people use the site: a tab per person, a check on every page
 * (axe finds nothing, nothing scrolls sideways), following a link or button to the next page, and
 * signing in through the real form (staff with their authenticator's code).
 */
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { accessibilityViolations, openPage, type TestPage } from "./browser";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./accounts";
import { unusedTotpCode } from "./totp";

/** A busy 2-core machine: every wait may take this long before it fails with its own message. */
export const STEP_TIMEOUT = 30_000;

export async function newTab(browser: Browser, baseURL: string, viewport: { width: number; height: number }, phone = false): Promise<TestPage> {
  const tab = await openPage(browser, { baseURL, viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
  tab.page.setDefaultTimeout(STEP_TIMEOUT);
  tab.page.setDefaultNavigationTimeout(STEP_TIMEOUT);
  return tab;
}

/** Every page the walk reaches: axe finds nothing and nothing scrolls sideways. */
export async function check(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), `axe violations on ${page.url()}`).toEqual([]);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
}

/** Clicks something that loads another page, waits for a path matching `path`, and checks the page. */
export async function follow(page: Page, click: () => Promise<void>, path: RegExp): Promise<void> {
  await Promise.all([page.waitForURL((url) => path.test(url.pathname)), click()]);
  await check(page);
}

/** Staff sign in with password and the authenticator's code, as the README describes. */
export async function signInStaff(tab: TestPage, databaseUrl: string, email: string): Promise<void> {
  const { page } = tab;
  await page.goto("/inloggen");
  await check(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
  await follow(page, () => page.locator('main button[name="intent"][value="sign-in"]').click(), /\/inloggen\/tweestaps$/);
  await page.getByLabel("Code", { exact: true }).fill(await unusedTotpCode(databaseUrl, email, DEMO_TOTP_SECRET));
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/inloggen")), page.locator("main form button[type=submit]").first().click()]);
  await check(page);
}
