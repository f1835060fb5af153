/**
 * A signed-in resident on a phone (360×740): signs up for an activity, finds it in "Mijn
 * aanmeldingen" from the menu, sees on the activity page that they are signed up, and cancels
 * (asked first) without JavaScript. axe checks every page on the way.
 */
import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { registrations } from "~/lib/db/schema";
import { expectAccessible, launchBrowser, openPage, visit } from "../support/browser";
import { daysFromToday, havenstad, insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let activityId: string;
const phone = { width: 360, height: 740 };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const haven = await havenstad();
  activityId = await insertActivity({
    municipalityId: haven.id,
    title: "Samen klussen in de buurttuin",
    date: daysFromToday(4),
    time: "10:00",
    neighbourhoodId: haven.neighbourhoods.Centrum,
    category: "welfare",
    minAge: 16,
    capacity: 10,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function liveRegistration() {
  const [row] = await db()
    .select({ id: registrations.id, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), eq(registrations.email, "bewoner@buurtkracht.example")));
  return row;
}

describe("Mijn aanmeldingen on a phone", () => {
  it("signs up, finds the sign-up, sees it on the activity page and cancels it", async () => {
    const tab = await openPage(browser, { baseURL: server.url, viewport: phone, javaScriptEnabled: false });
    const axeTab = await openPage(browser, { baseURL: server.url, viewport: phone });
    const { page } = tab;
    // axe runs as a script, which the JavaScript-free tab cannot: it checks a copy of what that tab shows.
    const expectShownAccessible = async () => {
      const html = await page.content();
      if (!axeTab.page.url().startsWith(server.url)) await axeTab.page.goto("/");
      await axeTab.page.setContent(html, { waitUntil: "load" });
      await expectAccessible(axeTab.page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling on ${page.url()}`).toBeLessThanOrEqual(phone.width);
    };
    await signInBrowserAs(tab.context, server.url, database.url, "bewoner@buurtkracht.example");
    await signInBrowserAs(axeTab.context, server.url, database.url, "bewoner@buurtkracht.example");

    await page.goto(`/havenstad/activiteiten/${activityId}`);
    await expectShownAccessible();
    // Only the age groups from 16 are offered.
    const offered = await page.getByLabel("Leeftijd").locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(["", "16_17", "18_26", "27_66", "67_plus"]);
    await page.getByLabel("Leeftijd").selectOption("27_66");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForLoadState();
    await expectShownAccessible();
    expect(await page.getByRole("status").textContent()).toContain("Je bent aangemeld");
    expect(await page.getByRole("button", { name: "Aanmelden" }).count()).toBe(0);
    expect((await liveRegistration())?.status).toBe("confirmed");

    // From the menu to the list: the new sign-up is there, with the demo's own sign-ups.
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn aanmeldingen" }).click();
    await page.waitForURL(/\/account\/aanmeldingen$/);
    await expectShownAccessible();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Mijn aanmeldingen");
    const item = page.locator(".my-registrations__item", { hasText: "Samen klussen in de buurttuin" });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain("Aangemeld");
    expect(await page.getByRole("heading", { level: 2, name: "Geweest" }).count()).toBe(1);

    // The activity page says so too, and links back here.
    await item.getByRole("link", { name: "Samen klussen in de buurttuin", exact: true }).click();
    await page.waitForURL(new RegExp(`/havenstad/activiteiten/${activityId}$`));
    await expectShownAccessible();
    expect(await page.getByRole("status").textContent()).toContain("Je bent aangemeld");
    await page.getByRole("link", { name: "Bekijk je aanmeldingen of meld je af" }).click();
    await page.waitForURL(/\/account\/aanmeldingen$/);

    // Cancelling asks first; the question changes nothing.
    await item.getByRole("link", { name: "Afmelden voor Samen klussen in de buurttuin" }).click();
    await page.waitForURL(/afmelden=/);
    await expectShownAccessible();
    expect(await item.textContent()).toContain("Wil je je afmelden voor Samen klussen in de buurttuin");
    expect((await liveRegistration())?.status).toBe("confirmed");
    // Keyboard: the confirm button is reachable and pressing Enter on it posts the form.
    await page.getByRole("button", { name: "Ja, meld me af" }).focus();
    await Promise.all([page.waitForURL(/\/account\/aanmeldingen$/), page.keyboard.press("Enter")]);
    await page.waitForLoadState();
    await expectShownAccessible();
    expect(await page.getByRole("status").textContent()).toContain("Je bent afgemeld voor Samen klussen in de buurttuin.");
    expect(await page.locator(".my-registrations__item", { hasText: "Samen klussen in de buurttuin" }).count()).toBe(0);
    expect((await liveRegistration())?.status).toBe("cancelled");

    // Back on the activity page the form is offered again.
    await visit(axeTab, `/havenstad/activiteiten/${activityId}`);
    expect(await axeTab.page.getByRole("button", { name: "Aanmelden" }).count()).toBe(1);

    await axeTab.close();
    await tab.close();
  });
});
