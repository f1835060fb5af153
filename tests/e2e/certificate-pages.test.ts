/**
 * The Citytrainer certificate in a real browser, on a phone (360 px) and at a desk (1280 px): the
 * project leader issues it from the Citytrainers page, the trainee sees "Citytrainer" on their
 * own page and downloads the PDF and the credential file, the public page says valid, the project
 * leader revokes it with a reason and the public page says revoked. Every page is checked with
 * axe, without console errors and without sideways scrolling.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, visit, type TestPage } from "../support/browser";
import { createCitytrainerCandidates } from "../support/citytrainer";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { signInBrowserAs } from "../support/session";
import { userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
const LEADER = "projectleider@havenstad.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string | null, viewport: { width: number; height: number }): Promise<TestPage> {
  const tab = await openPage(browser, { baseURL: server.url, viewport });
  tab.page.setDefaultTimeout(10_000);
  if (email) await signInBrowserAs(tab.context, server.url, database.url, email);
  return tab;
}

async function expectNoSidewaysScroll(tab: TestPage, width: number) {
  expect(await tab.page.evaluate(() => document.documentElement.scrollWidth), tab.page.url()).toBeLessThanOrEqual(width);
}

describe("the Citytrainer certificate", () => {
  for (const [label, viewport] of [
    ["on a phone", { width: 360, height: 740 }],
    ["at a desk", { width: 1280, height: 900 }],
  ] as const) {
    it(`is issued, downloaded, verified and revoked ${label}`, async () => {
      const name = `Cita ${viewport.width}`;
      const email = `cita${viewport.width}@example.org`;
      await createCitytrainerCandidates({ courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")], trainees: [{ email, name }], name: `Groep ${viewport.width}` });

      const leader = await signedIn(LEADER, viewport);
      await visit(leader, "/beheer/havenstad/citytrainers");
      await expectNoSidewaysScroll(leader, viewport.width);
      await leader.page.getByRole("button", { name: new RegExp(`Certificaat uitreiken aan ${name}`) }).click();
      await leader.page.waitForURL(/melding=uitgereikt/);
      await expect.poll(() => leader.page.getByText("Het certificaat is uitgereikt.").count()).toBeGreaterThan(0);
      const code = (await leader.page.locator("table").first().locator("tr", { hasText: name }).locator("a").first().innerText()).trim();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

      const trainee = await signedIn(email, viewport);
      await visit(trainee, "/mijn-cursus");
      await expectNoSidewaysScroll(trainee, viewport.width);
      await expect.poll(() => trainee.page.getByText("Je bent Citytrainer.").count()).toBe(1);
      for (const [link, suffix] of [["Download je certificaat (PDF)", ".pdf"], ["Download je digitale certificaat (Open Badges-bestand)", ".json"]] as const) {
        const [download] = await Promise.all([trainee.page.waitForEvent("download"), trainee.page.getByRole("link", { name: link }).click()]);
        expect(download.suggestedFilename()).toBe(`citytrainer-certificaat-${code}${suffix}`);
      }

      const visitor = await signedIn(null, viewport);
      await visit(visitor, `/certificaat/${code}`);
      await expectNoSidewaysScroll(visitor, viewport.width);
      await expect.poll(() => visitor.page.getByText("Dit Citytrainer-certificaat is geldig.").count()).toBe(1);

      await leader.page.getByLabel("Controlecode").selectOption({ label: `${code} — ${name}` });
      await leader.page.getByLabel("Reden van intrekken").fill("Uitgereikt aan de verkeerde persoon");
      await leader.page.getByRole("button", { name: "Intrekken", exact: true }).click();
      await leader.page.waitForURL(/melding=ingetrokken/);
      await visit(leader, "/beheer/havenstad/citytrainers?melding=ingetrokken");

      await visit(visitor, `/certificaat/${code}`);
      await expect.poll(() => visitor.page.getByText(/Dit Citytrainer-certificaat is ingetrokken op/).count()).toBe(1);
      await expect.poll(() => visitor.page.getByText(/Uitgereikt aan de verkeerde persoon/).count()).toBe(1);

      await visit(trainee, "/mijn-cursus");
      await expect.poll(() => trainee.page.getByText(/Je certificaat is ingetrokken op/).count()).toBe(1);

      await visit(visitor, "/certificaat/ZZZZ-ZZZZ-ZZZZ", 404);
      visitor.problems.splice(0, visitor.problems.length, ...visitor.problems.filter((p) => !p.includes("status of 404")));
      for (const tab of [leader, trainee, visitor]) await tab.close();
    });
  }
});
