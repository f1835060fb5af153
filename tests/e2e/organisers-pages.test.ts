/**
 * Residents organise, in Chromium: the Citytrainer (not yet trusted) plans an activity and submits
 * it on a 360 px phone; the project leader finds it from the staff home on a desktop and approves
 * it; the public calendar shows it with the Citytrainer's first name. Every new page passes axe at
 * 360 and 1280 px with no console error and no sideways scroll on the phone, in Dutch and English;
 * the announcement form works without JavaScript.
 */
import { and, count, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, activityMessages, registrations } from "~/lib/db/schema";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { launchBrowser, openPage, visit, type TestPage } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
const CHRIS = "citytrainer@buurtkracht.example";
const OSCAR = "organisator@buurtkracht.example";
const LEADER = "projectleider@havenstad.example";
const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };
const day = addDaysToLocalDate(utcToZonedLocal(new Date()).date, 12);
const TITLE = "Vliegeren op de dijk";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
}

async function tabFor(email: string | null, viewport: { width: number; height: number }, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<TestPage> {
  const tab = await openPage(browser, { baseURL: server.url, viewport, ...(viewport === phone ? { isMobile: true, hasTouch: true } : {}), ...options });
  if (email) await signInBrowserAs(tab.context, server.url, database.url, email);
  return tab;
}

async function idOf(title: string) {
  const [row] = await db().select({ id: activities.id }).from(activities).where(eq(activities.title, title));
  return row!.id;
}

const main = (page: Page) => page.locator("main").innerText();

describe("a Citytrainer's activity from the phone to the calendar", () => {
  it("is planned and submitted on a phone", async () => {
    const tab = await tabFor(CHRIS, phone);
    const { page } = tab;
    await visit(tab, "/mijn-activiteiten");
    await noSidewaysScroll(page);
    await Promise.all([page.waitForURL("**/mijn-activiteiten/nieuw"), page.getByRole("link", { name: "Nieuwe activiteit plannen" }).click()]);
    await noSidewaysScroll(page);
    await page.getByLabel("Wat is je idee?").fill("Samen vliegers maken en ze op de dijk laten vliegen.");
    await page.getByLabel("Wat wil je ermee bereiken?").fill("Kinderen en ouders een middag buiten samen laten zijn.");
    await page.getByLabel("Voor wie is het?").fill("Gezinnen uit Zuidrand");
    await page.getByLabel("Titel", { exact: true }).fill(TITLE);
    await page.getByLabel("Locatie").fill("Dijk bij de Zuidrandweg");
    await page.getByLabel("Datum", { exact: true }).fill(day);
    await page.getByLabel("Begintijd").fill("14:00");
    await page.getByLabel("Eindtijd").fill("16:30");
    await page.getByLabel("Aantal plaatsen").fill("25");
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain("Je plan is opgeslagen als concept.");
    await noSidewaysScroll(page);
    await page.getByRole("button", { name: "Indienen voor beoordeling" }).click();
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain("Je plan is ingediend.");
    await visit(tab, page.url().replace(server.url, ""));
    await noSidewaysScroll(page);
    await tab.close();
  });

  it("is approved by the project leader from the staff home, and is then in the public calendar by first name", async () => {
    const tab = await tabFor(LEADER, desktop);
    const { page } = tab;
    await visit(tab, "/beheer/havenstad");
    await Promise.all([page.waitForURL("**/organisatoren/beoordelen"), page.getByRole("link", { name: /Plannen van bewoners die op jou wachten/ }).click()]);
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain(TITLE);
    await Promise.all([page.waitForURL("**/organisatoren/activiteiten/**"), page.getByRole("link", { name: TITLE }).click()]);
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain("Samen vliegers maken");
    await page.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain("Het plan is goedgekeurd");
    await tab.close();

    for (const viewport of [phone, desktop]) {
      const visitor = await tabFor(null, viewport);
      await visit(visitor, `/havenstad/activiteiten?van=${day}&tot=${day}`);
      expect(await main(visitor.page)).toContain(TITLE);
      await visit(visitor, `/havenstad/activiteiten/${await idOf(TITLE)}`);
      const text = await main(visitor.page);
      expect(text).toContain("Chris");
      expect(text).not.toContain("Chris Citytrainer");
      if (viewport === phone) await noSidewaysScroll(visitor.page);
      await visitor.close();
    }
  });
});

describe("every new page", () => {
  it("passes axe at 360 and 1280 px, in Dutch and English", async () => {
    const party = await idOf("Buurtfeest op het Havenplein");
    const past = await idOf("Sportochtend voor de hele straat");
    const own = [`/mijn-activiteiten`, `/mijn-activiteiten/nieuw`, `/mijn-activiteiten/${party}`, `/mijn-activiteiten/${past}/aanwezig`, `/mijn-activiteiten/${party}/bericht`];
    const staff = ["/beheer/havenstad/organisatoren", "/beheer/havenstad/organisatoren/beoordelen", `/beheer/havenstad/organisatoren/activiteiten/${await idOf("Spelletjesmiddag in het wijkcentrum")}`, "/beheer/havenstad/instellingen"];
    for (const viewport of [phone, desktop]) {
      for (const [email, paths] of [[CHRIS, own], [LEADER, staff]] as const) {
        const tab = await tabFor(email, viewport);
        for (const path of paths) {
          await visit(tab, path);
          if (viewport === phone) await noSidewaysScroll(tab.page);
        }
        await tab.close();
      }
    }
    const english = await tabFor(OSCAR, phone, { locale: "en-GB" });
    await english.page.goto("/taal/en");
    await visit(english, "/mijn-activiteiten");
    expect(await main(english.page)).toContain("My activities");
    await visit(english, `/mijn-activiteiten/${party}/bericht`);
    expect(await main(english.page)).toContain("Message to participants");
    await english.close();
    // Someone who may not organise (a trainee: no certificate, no team) reads how to become a Citytrainer.
    const resident = await tabFor("cursist@buurtkracht.example", phone);
    await visit(resident, "/mijn-activiteiten");
    expect(await main(resident.page)).toContain("Citytrainer word je");
    await resident.close();
  });

  it("sends an announcement without JavaScript, and never shows the addresses", async () => {
    const party = await idOf("Buurtfeest op het Havenplein");
    const tab = await tabFor(OSCAR, phone, { javaScriptEnabled: false });
    const { page } = tab;
    await page.goto(`/mijn-activiteiten/${party}/bericht`);
    await page.getByLabel("Onderwerp").fill("We beginnen een half uur later");
    await page.getByLabel("Bericht", { exact: true }).fill("Door de markt beginnen we om half vier. Tot dan!");
    await Promise.all([page.waitForURL("**/bericht?verstuurd=*"), page.getByRole("button", { name: "Versturen" }).click()]);
    const text = await main(page);
    const [confirmed] = await db().select({ n: count() }).from(registrations).where(and(eq(registrations.activityId, party), eq(registrations.status, "confirmed")));
    expect(text).toContain(`Je bericht is verstuurd aan ${confirmed!.n} mensen.`);
    expect(text).not.toContain("@voorbeeld.example");
    const rows = await db().select({ subject: activityMessages.subject }).from(activityMessages).where(eq(activityMessages.activityId, party));
    expect(rows.map((r) => r.subject)).toContain("We beginnen een half uur later");
    await tab.close();
  });
});
