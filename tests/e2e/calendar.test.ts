/**
 * The public calendar as a resident uses it: on a phone (360×740) with JavaScript switched off,
 * filter Havenstad's calendar, open an activity, sign up, see the confirmation, look at the week,
 * and cancel through the link in the confirmation mail. axe checks every page on the way.
 */
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { outboxEmails, registrations, users } from "~/lib/db/schema";
import { expectAccessible, launchBrowser, openPage, type TestPage } from "../support/browser";
import { daysFromToday, havenstad, insertActivity } from "../support/calendar-fixtures";
import { useTestDatabase } from "../support/database";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
/** axe-core runs as a script, which the JavaScript-free tabs cannot; this tab checks copies of their pages. */
let axeTab: TestPage;
const ids: Record<"tournament" | "choir" | "quiz", string> = { tournament: "", choir: "", quiz: "" };
const phone = { width: 360, height: 740 };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  axeTab = await openPage(browser, { baseURL: server.url, viewport: phone });
  const haven = await havenstad();
  ids.tournament = await insertActivity({
    municipalityId: haven.id,
    title: "Voetbal op straat in het Havenkwartier",
    description: "Een toernooi met teams van vier, wisselende tegenstanders en een beker voor de sportiefste ploeg.",
    date: daysFromToday(2),
    time: "16:00",
    neighbourhoodId: haven.neighbourhoods.Havenkwartier,
    category: "sport",
    minAge: 10,
    maxAge: 16,
    capacity: 12,
    organiserName: "Jongerenteam Havenkwartier",
  });
  ids.choir = await insertActivity({
    municipalityId: haven.id,
    title: "Zingen op de kade",
    date: daysFromToday(3),
    neighbourhoodId: haven.neighbourhoods.Centrum,
    category: "culture",
    capacity: null,
  });
  ids.quiz = await insertActivity({
    municipalityId: haven.id,
    title: "Buurtquiz in het wijkcentrum",
    date: daysFromToday(4),
    neighbourhoodId: haven.neighbourhoods.Centrum,
    category: "welfare",
    capacity: 30,
  });
});

afterAll(async () => {
  await axeTab?.close();
  await browser?.close();
  await server?.stop();
});

/**
 * Checks with axe exactly what the JavaScript-free tab shows (also after a form post): its HTML is
 * loaded into the axe tab on the same origin, so the same stylesheets apply.
 */
async function expectShownAccessible(source: Page): Promise<void> {
  const html = await source.content();
  if (!axeTab.page.url().startsWith(server.url)) await axeTab.page.goto("/");
  await axeTab.page.setContent(html, { waitUntil: "load" });
  await expectAccessible(axeTab.page);
}

/** A phone-sized tab with JavaScript switched off; waits fail after 20 s rather than at the test timeout. */
async function phoneTab(): Promise<TestPage> {
  const tab = await openPage(browser, { baseURL: server.url, viewport: phone, javaScriptEnabled: false });
  tab.page.setDefaultTimeout(20_000);
  return tab;
}

async function visit(tab: TestPage, path: string, status = 200): Promise<void> {
  const response = await tab.page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await expectShownAccessible(tab.page);
}

describe("the public calendar on a phone without JavaScript", () => {
  it("filters, opens an activity, signs up, shows the week and cancels through the mail's link", async () => {
    const tab = await phoneTab();
    const { page } = tab;

    await visit(tab, "/havenstad/activiteiten");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Activiteiten in Havenstad");
    expect(await page.locator("script:not([type='application/ld+json'])").count(), "no JavaScript on the calendar").toBe(0);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    await page.getByLabel("Zoekwoorden").fill("voetballen");
    // The other filters are folded away until opened, so the activities start on the first screen.
    expect(await page.getByLabel("Wijk").isVisible()).toBe(false);
    const firstDay = await page.locator(".calendar-day__heading").first().boundingBox();
    expect((firstDay?.y ?? Infinity) + (firstDay?.height ?? 0), "the list starts on the first screen").toBeLessThanOrEqual(phone.height);
    await page.getByText("Meer filters").click();
    await page.getByLabel("Wijk").selectOption({ label: "Havenkwartier" });
    await page.getByLabel("Soort activiteit").selectOption({ label: "Sport" });
    await page.getByLabel("Leeftijd").fill("12");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/q=voetballen/);
    await expectShownAccessible(page);
    const results = page.locator(".calendar-item");
    expect(await results.count()).toBeGreaterThanOrEqual(1);
    const titles = await page.locator(".calendar-item__title").allTextContents();
    expect(titles).toContain("Voetbal op straat in het Havenkwartier");
    expect(titles.every((t) => /voetbal/i.test(t))).toBe(true);
    const tournament = page.locator(".calendar-item", { hasText: "Voetbal op straat in het Havenkwartier" });
    expect(await tournament.textContent()).toContain("16:00–18:00");
    expect(await tournament.textContent()).toContain("Nog 12 plaatsen vrij");
    expect(await tournament.textContent()).toContain("10 tot en met 16 jaar");

    // An age outside the range hides it.
    await page.getByLabel("Leeftijd").fill("40");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/leeftijd=40/);
    expect(await page.locator(".calendar-item__title").allTextContents()).not.toContain("Voetbal op straat in het Havenkwartier");
    await page.goBack();

    await page.getByRole("link", { name: "Voetbal op straat in het Havenkwartier" }).click();
    await page.waitForURL(new RegExp(`/havenstad/activiteiten/${ids.tournament}$`));
    await expectShownAccessible(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Voetbal op straat in het Havenkwartier");
    expect(await page.getByRole("img", { name: /QR-code/ }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Zet in mijn agenda" }).getAttribute("href")).toBe(
      `/havenstad/activiteiten/${ids.tournament}/agenda.ics`,
    );
    const jsonLd = JSON.parse((await page.locator("script[type='application/ld+json']").textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "Event", name: "Voetbal op straat in het Havenkwartier", remainingAttendeeCapacity: 12 });
    expect(await page.locator("meta[property='og:title']").getAttribute("content")).toBe("Voetbal op straat in het Havenkwartier");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    // A forgotten field: the page says what is wrong and keeps what was typed.
    await page.getByLabel("Naam").fill("Noah de Vries");
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Aanmelden" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.waitForLoadState();
    // Chromium logs the expected 400 answer as a console error.
    tab.problems.splice(0, tab.problems.length, ...tab.problems.filter((p) => !p.includes("status of 400")));
    await expectShownAccessible(page);
    expect(await page.getByRole("alert").textContent()).toContain("E-mailadres: vul dit veld in.");
    expect(await page.getByRole("alert").textContent()).toContain("Leeftijd: kies een van de mogelijkheden.");
    expect(await page.getByLabel("Naam").inputValue()).toBe("Noah de Vries");

    await page.getByLabel("E-mailadres").fill("noah@example.org");
    await page.getByLabel("Leeftijd").selectOption("12_15");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForLoadState();
    await expectShownAccessible(page);
    // Signed out, the page does not say whether the address was already signed up: the mail does.
    expect(await page.getByRole("status").textContent()).toContain("Kijk in je mail");
    // The answer is in view on the phone, not below the activity's details.
    const answer = await page.getByRole("status").boundingBox();
    expect(answer && answer.y >= 0 && answer.y < phone.height, "the confirmation is on screen").toBe(true);
    const [registration] = await db()
      .select()
      .from(registrations)
      .where(and(eq(registrations.activityId, ids.tournament), eq(registrations.email, "noah@example.org")));
    expect(registration).toMatchObject({ name: "Noah de Vries", ageGroup: "12_15", status: "confirmed" });

    await visit(tab, `/havenstad/activiteiten/${ids.tournament}`);
    expect(await page.getByText("Nog 11 plaatsen vrij").count()).toBe(1);

    // The week view: seven days, stacked on a phone, with a link to the next week.
    await visit(tab, "/havenstad/activiteiten");
    await page.getByRole("link", { name: "Week", exact: true }).click();
    await page.waitForURL(/weergave=week/);
    await expectShownAccessible(page);
    expect(await page.locator(".week-grid__day").count()).toBe(7);
    expect(await page.getByRole("heading", { level: 2, name: /^Week \d+/ }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.getByRole("link", { name: "Volgende week" }).click();
    await page.waitForURL(/week=\d{4}-W\d{2}/);
    await expectShownAccessible(page);
    expect(await page.getByRole("link", { name: "Vorige week" }).count()).toBe(1);
    await page.screenshot({ path: "test-results/calendar-week-phone.png", fullPage: true });

    // The confirmation mail's cancellation link: opening it changes nothing, the button cancels.
    const [mail] = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, "noah@example.org"));
    const link = /https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_-]+/.exec(mail!.textBody)?.[0];
    expect(link).toBeDefined();
    await visit(tab, new URL(link!).pathname);
    expect(await page.getByText("Voetbal op straat in het Havenkwartier").count()).toBe(1);
    const [stillConfirmed] = await db().select().from(registrations).where(eq(registrations.id, registration!.id));
    expect(stillConfirmed!.status).toBe("confirmed");
    await page.getByRole("button", { name: "Afmelden" }).click();
    await page.waitForLoadState();
    await expectShownAccessible(page);
    expect(await page.getByText("Je bent afgemeld").count()).toBe(1);
    const [cancelled] = await db().select().from(registrations).where(eq(registrations.id, registration!.id));
    expect(cancelled!.status).toBe("cancelled");

    await tab.close();
  });

  it("lets a signed-in resident sign up in one click once their age group is known", async () => {
    const tab = await phoneTab();
    const { page } = tab;
    await signInBrowserAs(tab.context, server.url, database.url, "bewoner@buurtkracht.example");
    const [resident] = await db().select().from(users).where(eq(users.email, "bewoner@buurtkracht.example"));

    await visit(tab, `/havenstad/activiteiten/${ids.choir}`);
    expect(await page.getByText("Je meldt je aan als Sam Bewoner (bewoner@buurtkracht.example).").count()).toBe(1);
    expect(await page.getByLabel("Naam").count()).toBe(0);
    await page.getByLabel("Leeftijd").selectOption("27_66");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForLoadState();
    await expectShownAccessible(page);
    expect(await page.getByRole("status").textContent()).toContain("Je bent aangemeld");

    // The next sign-up is one click: the age group comes from the previous one.
    await visit(tab, `/havenstad/activiteiten/${ids.quiz}`);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("status").textContent()).toContain("Je bent aangemeld");
    const rows = await db().select().from(registrations).where(eq(registrations.userId, resident!.id));
    expect(rows.map((r) => [r.activityId, r.email, r.ageGroup, r.status]).filter(([activity]) => activity === ids.choir || activity === ids.quiz).sort()).toEqual(
      [
        [ids.choir, "bewoner@buurtkracht.example", "27_66", "confirmed"],
        [ids.quiz, "bewoner@buurtkracht.example", "27_66", "confirmed"],
      ].sort(),
    );
    await tab.close();
  });

  it("shows the network calendar, the embed for other sites and the English calendar", async () => {
    const tab = await phoneTab();
    const { page } = tab;
    await visit(tab, "/activiteiten");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Activiteiten in alle gemeenten");
    await page.getByText("Meer filters").click();
    await page.getByLabel("Gemeente").selectOption({ label: "Havenstad" });
    await page.getByLabel("Zoekwoorden").fill("kade");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/gemeente=havenstad/);
    await expectShownAccessible(page);
    expect(await page.locator(".calendar-item__title").allTextContents()).toContain("Zingen op de kade");

    const response = await page.goto("/havenstad/embed");
    expect(response?.status()).toBe(200);
    expect(response?.headers()["x-frame-options"]).toBeUndefined();
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors *");
    await expectShownAccessible(page);
    expect(await page.locator("header, footer").count(), "no site chrome in the embed").toBe(0);
    const links = page.locator("a.utrecht-link");
    expect(await links.count()).toBeGreaterThan(1);
    for (const target of await links.evaluateAll((as) => as.map((a) => [a.getAttribute("target"), a.getAttribute("rel")]))) {
      expect(target).toEqual(["_blank", "noopener noreferrer"]);
    }

    await visit(tab, "/havenstad/activiteiten");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(/\/havenstad\/activiteiten$/);
    await expectShownAccessible(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Activities in Havenstad");
    await page.getByRole("link", { name: "Week", exact: true }).click();
    await page.waitForURL(/weergave=week/);
    await expectShownAccessible(page);
    expect(await page.getByRole("link", { name: "Next week" }).count()).toBe(1);
    await tab.close();
  });

  it("answers an unknown activity with the 404 page", async () => {
    const tab = await phoneTab();
    await visit(tab, "/havenstad/activiteiten/7d4f1f5c-0a8b-4e59-9a57-1f2d3c4b5a69", 404);
    await visit(tab, "/havenstad/activiteiten/geen-id", 404);
    await visit(tab, "/aanmelding/onbekend-token-dat-niet-bestaat", 404);
    tab.problems.length = 0;
    await tab.close();
  });
});
