/**
 * The practice activity in Chromium: a 14-year-old trainee plans their activity and submits it on
 * a phone, sees the working-time warning; the supervisor approves it on a desktop; the public
 * calendar and the activity page show it with the trainee's first name; on the day the trainee
 * checks a participant in on the phone, without JavaScript. Every page passes axe at 360 and 1280
 * px with no console error and no sideways scroll on the phone.
 */
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { activities, practiceActivities, registrations } from "~/lib/db/schema";
import { registerForActivity } from "~/features/registrations/writes.server";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { launchBrowser, openPage, visit } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { createActivePlacement, giveDateOfBirth, partnerIdOf } from "../support/practice-placement";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { createCourseFixture, userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let placementId: string;
const TRAINEE = "ilse@example.org";
const SUPERVISOR = "begeleider@havenstad.example";
const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };

/** A Saturday at least 8 days ahead: not a school day, so a 14-year-old may work up to 7 hours. */
function nextSaturday(): string {
  let date = addDaysToLocalDate(utcToZonedLocal(new Date()).date, 8);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 6) date = addDaysToLocalDate(date, 1);
  return date;
}
const day = nextSaturday();

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const fixture = await createCourseFixture({ courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")], trainees: [{ email: TRAINEE, name: "Ilse Brouwersma" }] });
  const trainee = fixture.enrolments[0]!;
  await giveDateOfBirth(trainee, fixture.cohortId, fixture.municipalityId, `${Number(day.slice(0, 4)) - 14}-01-01`, "Ilse Brouwersma");
  placementId = await createActivePlacement({
    municipalityId: fixture.municipalityId,
    enrolmentId: trainee.id,
    traineeUserId: trainee.userId,
    partnerOrganisationId: await partnerIdOf(fixture.municipalityId, "Sportvereniging Havenstad Vooruit"),
    supervisorUserId: await userIdOf(SUPERVISOR),
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
}

async function activityId() {
  const [row] = await db().select({ id: practiceActivities.activityId }).from(practiceActivities).where(eq(practiceActivities.placementId, placementId));
  return row!.id;
}

describe("the practice activity in the browser", () => {
  it("lets the trainee plan and submit on a phone", async () => {
    const tab = await openPage(browser, { baseURL: server.url, viewport: phone, isMobile: true, hasTouch: true });
    await signInBrowserAs(tab.context, server.url, database.url, TRAINEE);
    const { page } = tab;
    await visit(tab, "/mijn-praktijk/activiteit");
    await noSidewaysScroll(page);
    await page.getByLabel("Idee").fill("Een speurtocht door de wijk met raadsels.");
    await page.getByLabel("Doel", { exact: true }).fill("Kinderen leren hun wijk kennen.");
    await page.getByLabel("Doelgroep").fill("Kinderen van 8 tot en met 12 jaar");
    await page.getByLabel("Titel").fill("Speurtocht door De Haven");
    await page.getByLabel("Locatie").fill("Start bij het buurthuis");
    await page.getByLabel("Datum").fill(day);
    await page.getByLabel("Begintijd").fill("18:00");
    await page.getByLabel("Eindtijd").fill("20:00");
    await page.getByLabel("Aantal plaatsen").fill("12");
    await page.getByRole("button", { name: "Plan opslaan" }).click();
    await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain("Je plan is opgeslagen.");
    // A 14-year-old after 19:00: the warning is on the page.
    expect(await page.locator("main").innerText()).toContain("alleen tussen 07:00 en 19:00");
    await visit(tab, "/mijn-praktijk/activiteit");
    await noSidewaysScroll(page);
    await page.getByRole("button", { name: "Plan indienen voor beoordeling" }).click();
    await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain("Je plan is ingediend.");
    await visit(tab, "/mijn-praktijk/activiteit");
    await noSidewaysScroll(page);
    await tab.close();
  });

  it("lets the supervisor approve on a desktop, and the public calendar shows it with the first name", async () => {
    const tab = await openPage(browser, { baseURL: server.url, viewport: desktop });
    await signInBrowserAs(tab.context, server.url, database.url, SUPERVISOR);
    const { page } = tab;
    await visit(tab, `/beheer/havenstad/praktijk/${placementId}/activiteit`);
    expect(await page.locator("main").innerText()).toContain("Een speurtocht door de wijk met raadsels.");
    await page.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
    await expect.poll(() => page.locator("main").innerText(), { timeout: 15_000 }).toContain("Het plan is goedgekeurd");
    await visit(tab, `/beheer/havenstad/praktijk/${placementId}/activiteit`);
    await tab.close();

    for (const viewport of [phone, desktop]) {
      const visitor = await openPage(browser, { baseURL: server.url, viewport });
      await visit(visitor, `/havenstad/activiteiten?van=${day}&tot=${day}`);
      expect(await visitor.page.locator("main").innerText()).toContain("Speurtocht door De Haven");
      await visit(visitor, `/havenstad/activiteiten/${await activityId()}`);
      const text = await visitor.page.locator("main").innerText();
      expect(text).toContain("Ilse");
      expect(text).not.toContain("Brouwersma");
      if (viewport === phone) await noSidewaysScroll(visitor.page);
      await visitor.close();
    }
  });

  it("passes axe on the review page on a phone and the trainee's page on a desktop", async () => {
    const staff = await openPage(browser, { baseURL: server.url, viewport: phone, isMobile: true });
    await signInBrowserAs(staff.context, server.url, database.url, SUPERVISOR);
    await visit(staff, `/beheer/havenstad/praktijk/${placementId}/activiteit`);
    await noSidewaysScroll(staff.page);
    await staff.close();
    const own = await openPage(browser, { baseURL: server.url, viewport: desktop });
    await signInBrowserAs(own.context, server.url, database.url, TRAINEE);
    await visit(own, "/mijn-praktijk/activiteit");
    await own.close();
  });

  it("lets the trainee check a participant in on the phone, without JavaScript", async () => {
    const id = await activityId();
    await registerForActivity({ activityId: id, name: "Mo Deelnemer", email: "mo-e2e@example.org", ageGroup: "under_12", locale: "nl" });
    await db().update(activities).set({ startsAt: new Date(Date.now() - 15 * 60_000), endsAt: new Date(Date.now() + 90 * 60_000) }).where(eq(activities.id, id));
    for (const viewport of [desktop, phone]) {
      const tab = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(tab.context, server.url, database.url, TRAINEE);
      await visit(tab, "/mijn-praktijk/activiteit/aanwezig");
      await noSidewaysScroll(tab.page);
      await tab.close();
    }
    const tab = await openPage(browser, { baseURL: server.url, viewport: phone, isMobile: true, javaScriptEnabled: false });
    await signInBrowserAs(tab.context, server.url, database.url, TRAINEE);
    const { page } = tab;
    await page.goto("/mijn-praktijk/activiteit/aanwezig");
    expect(await page.locator("main").innerText()).not.toContain("mo-e2e@example.org");
    await page.getByRole("button", { name: "Aanwezig: Mo Deelnemer" }).click();
    await page.waitForURL("**/aanwezig?melding=aanwezigheid*");
    const [row] = await db().select({ attendance: registrations.attendance }).from(registrations).where(eq(registrations.email, "mo-e2e@example.org"));
    expect(row!.attendance).toBe("attended");
    await tab.close();
  });
});
