import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { launchBrowser, openPage, visit } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: await createTestDatabase() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("public pages", () => {
  it("lists the municipalities on the network home page and opens one", async () => {
    const tab = await openPage(browser, { baseURL: server.url });
    await visit(tab, "/");
    expect(await tab.page.getByRole("heading", { level: 1 }).textContent()).toBe("Buurtkracht");
    await tab.page.getByRole("link", { name: "Havenstad" }).click();
    await tab.page.waitForURL(/\/havenstad$/);
    expect(await tab.page.getByRole("heading", { level: 1 }).textContent()).toContain("Havenstad");
    await tab.page.screenshot({ path: "test-results/municipality.png", fullPage: true });
    await tab.close();
  });

  it("switches between Dutch and English on every page", async () => {
    const tab = await openPage(browser, { baseURL: server.url, viewport: { width: 360, height: 740 } });
    await visit(tab, "/havenstad");
    expect(await tab.page.getAttribute("html", "lang")).toBe("nl");
    await tab.page.getByRole("link", { name: "English" }).click();
    await tab.page.waitForURL(/\/havenstad$/);
    expect(await tab.page.getAttribute("html", "lang")).toBe("en");
    expect(await tab.page.getByRole("link", { name: "Nederlands" }).count()).toBe(1);
    await tab.close();
  });

  it("answers an unknown municipality with a translated 404 page", async () => {
    const tab = await openPage(browser, { baseURL: server.url });
    await visit(tab, "/bestaat-niet", 404);
    expect(await tab.page.getByRole("heading", { level: 1 }).textContent()).toBe("Pagina niet gevonden");
    // The 404 response is a console error in Chromium; it is the expected answer here.
    tab.problems.length = 0;
    await tab.close();
  });
});
