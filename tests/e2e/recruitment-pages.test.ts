/**
 * Residents recruit residents, in Chromium on a 360 px phone: a resident opens Chris
 * Citytrainer's invite link, browses the calendar, comes back and signs up for one of Chris's
 * activities; Chris's invite page then shows one more sign-up and one more resident new to the
 * platform. The invite page in English at 1280 px, replacing a link without JavaScript, and the
 * 404 page of an unknown code. Every page passes axe with no console error and no sideways scroll.
 */
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { organisedActivities, registrationReferrals, registrations, users } from "~/lib/db/schema";
import { launchBrowser, visit } from "../support/browser";
import { daysFromToday, havenstad, insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { check, follow, newTab } from "../support/journey";
import { startTestServer, type TestServer } from "../support/server";
import { signInBrowserAs } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let activityId: string;
const CHRIS = "citytrainer@buurtkracht.example";
const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const town = await havenstad();
  const [chris] = await db().select({ id: users.id }).from(users).where(eq(users.email, CHRIS));
  activityId = await insertActivity({ municipalityId: town.id, title: "Zeepkistenrace met Chris", date: daysFromToday(4), time: "14:00", capacity: 30, organiserName: "Chris" });
  await db().insert(organisedActivities).values({ municipalityId: town.id, activityId, organiserUserId: chris!.id, idea: "Racen", goal: "Samen bouwen", targetGroup: "Gezinnen" });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function figure(page: Page, kind: "recruited" | "new"): Promise<number> {
  return Number(await page.locator(`[data-testid^="${kind}-person:"]`).first().textContent());
}

describe("a resident recruited through an invite link", () => {
  it("opens the link, browses the calendar, signs up, and the Citytrainer sees one more", async () => {
    const chris = await newTab(browser, server.url, phone, true);
    await signInBrowserAs(chris.context, server.url, database.url, CHRIS);
    await chris.page.goto("/mijn-activiteiten/uitnodigen");
    await check(chris.page);
    const link = await chris.page.getByLabel("Link om te delen").inputValue();
    expect(link).toMatch(/\/doe-mee\/[A-Za-z0-9_-]{12}$/);
    const [recruitedBefore, newBefore] = [await figure(chris.page, "recruited"), await figure(chris.page, "new")];

    const resident = await newTab(browser, server.url, phone, true);
    const { page } = resident;
    await page.goto(new URL(link).pathname);
    await check(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Chris nodigt je uit");
    await follow(page, () => page.getByRole("link", { name: "Bekijk de hele agenda van Havenstad" }).click(), /^\/havenstad\/activiteiten$/);
    await page.goBack();
    await follow(page, () => page.getByRole("link", { name: "Zeepkistenrace met Chris" }).click(), new RegExp(`/havenstad/activiteiten/${activityId}$`));
    await page.getByLabel("Naam").fill("Ravi Nieuwenhuis");
    await page.getByLabel("E-mailadres").fill("ravi.nieuwenhuis@example.org");
    await page.getByLabel("Leeftijd").selectOption("27_66");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForLoadState();
    await check(page);
    expect(await page.getByRole("status").textContent()).toContain("Kijk in je mail");
    const [row] = await db()
      .select({ isNew: registrationReferrals.isNewToPlatform })
      .from(registrations)
      .innerJoin(registrationReferrals, eq(registrationReferrals.registrationId, registrations.id))
      .where(and(eq(registrations.activityId, activityId), eq(registrations.email, "ravi.nieuwenhuis@example.org")));
    expect(row).toEqual({ isNew: true });

    await chris.page.reload();
    await check(chris.page);
    expect(await figure(chris.page, "recruited")).toBe(recruitedBefore + 1);
    expect(await figure(chris.page, "new")).toBe(newBefore + 1);
    expect(await chris.page.content()).not.toContain("Ravi");
    await resident.close();
    await chris.close();
  });

  it("shows the invite page in English on a desktop and replaces the link without JavaScript", async () => {
    const tab = await newTab(browser, server.url, desktop);
    await tab.context.addCookies([{ name: "buurtkracht_lang", value: "en", url: server.url }]);
    await signInBrowserAs(tab.context, server.url, database.url, CHRIS);
    await tab.page.goto("/mijn-activiteiten/uitnodigen");
    await check(tab.page);
    expect(await tab.page.getByRole("heading", { level: 1 }).textContent()).toBe("Invite people");
    const flyer = tab.page.getByRole("link", { name: "Flyer (PDF): Zeepkistenrace met Chris" });
    expect(await flyer.getAttribute("href")).toBe(`/mijn-activiteiten/${activityId}/flyer.pdf`);
    const pdf = await tab.context.request.get(`/mijn-activiteiten/${activityId}/flyer.pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    // The landing page on a desktop, in English.
    await tab.page.goto(new URL(await tab.page.getByLabel("Link to share").inputValue()).pathname);
    await check(tab.page);
    expect(await tab.page.getByRole("heading", { level: 1 }).textContent()).toBe("Chris invites you");
    await tab.close();

    const noScript = await browser.newContext({ baseURL: server.url, viewport: phone, javaScriptEnabled: false });
    await signInBrowserAs(noScript, server.url, database.url, CHRIS);
    const page = await noScript.newPage();
    await page.goto("/mijn-activiteiten/uitnodigen");
    const before = await page.getByLabel("Link om te delen").inputValue();
    await page.getByRole("button", { name: "Vervang link" }).first().click();
    await page.waitForURL(/melding=vervangen/);
    expect(await page.getByRole("status").first().textContent()).toContain("Je link is vervangen");
    const after = await page.getByLabel("Link om te delen").inputValue();
    expect(after).not.toBe(before);
    const old = await page.goto(new URL(before).pathname);
    expect(old?.status()).toBe(404);
    await noScript.close();
  });

  it("answers an unknown code with a friendly 404 page that links to the calendar", async () => {
    const tab = await newTab(browser, server.url, phone, true);
    await visit(tab, "/doe-mee/bestaatniet123", 404);
    expect(await tab.page.getByRole("link", { name: "Naar de agenda" }).getAttribute("href")).toBe("/activiteiten");
    tab.problems.length = 0;
    await tab.close();
  });
});
