/**
 * The practice-hours pages in Chromium. On a phone a 14-year-old logs hours on a Sunday and sees
 * the warning; the supervisor is refused a sign-off without the confirmation and then signs off
 * with it; the trainee sees the entry signed off. Every page state passes axe at 360 and 1280 px
 * with no console error and no sideways scroll; without JavaScript both forms still work.
 */
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { practiceHours } from "~/lib/db/schema";
import { expectAccessible, launchBrowser, openPage, visit, type TestPage } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { createPartner, createPlacementFixture, createSupervisor, lastWeekday, type PlacementFixture } from "../support/practice-hours";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { userIdOf } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let fixture: PlacementFixture;
const TRAINEE = "noor-e2e-uren@example.org";
const SUPERVISOR = "begeleider-e2e-uren@havenstad.example";
const LEADER = "cursusleider@havenstad.example";
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const staffPath = () => `/beheer/havenstad/praktijk/${fixture.placementId}/uren`;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const partner = await createPartner("havenstad", "Speeltuin De Haven");
  const supervisorId = await createSupervisor(SUPERVISOR, partner, "havenstad", "Bea Begeleider");
  fixture = await createPlacementFixture({ traineeEmail: TRAINEE, traineeName: "Noor Veertien", age: 14, partnerId: partner, supervisorId, courseLeaderIds: [await userIdOf(LEADER)] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Chromium reports a refused post's 400 answer as a console error; these are the refusals the test asks for. */
function allowRefusals(tab: TestPage): void {
  for (let i = tab.problems.length - 1; i >= 0; i--) if (tab.problems[i]!.includes("status of 400")) tab.problems.splice(i, 1);
}

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
}

async function fillEntry(page: Page, fields: { date: string; start: string; end: string; description: string }) {
  await page.getByLabel("Datum").fill(fields.date);
  await page.getByLabel("Begintijd").fill(fields.start);
  await page.getByLabel("Eindtijd").fill(fields.end);
  await page.getByLabel("Wat heb je gedaan?").fill(fields.description);
  await page.getByLabel("Leerdoel").selectOption({ label: "Een groep kinderen begeleiden" });
}

describe("practice hours in the browser", () => {
  it("lets a 14-year-old log Sunday hours on a phone, warns, and the supervisor signs off only with the confirmation", async () => {
    const phone = await openPage(browser, { baseURL: server.url, viewport: PHONE, isMobile: true, hasTouch: true });
    await signInBrowserAs(phone.context, server.url, database.url, TRAINEE);
    await visit(phone, "/mijn-praktijk/uren");
    await noSidewaysScroll(phone.page);
    await expect.poll(() => phone.page.getByRole("progressbar", { name: "Afgetekende uren" }).count()).toBe(1);

    // A refused post first: the end before the start.
    await fillEntry(phone.page, { date: lastWeekday(0), start: "12:00", end: "10:00", description: "Zondagsmarkt in de wijk" });
    await phone.page.getByRole("button", { name: "Uren opslaan" }).click();
    await phone.page.getByRole("link", { name: /Eindtijd: de eindtijd moet na de begintijd liggen/ }).waitFor();
    await expectAccessible(phone.page);

    await phone.page.getByLabel("Begintijd").fill("10:00");
    await phone.page.getByLabel("Eindtijd").fill("12:00");
    await phone.page.getByRole("button", { name: "Uren opslaan" }).click();
    await phone.page.waitForURL(/melding=let-op/);
    await phone.page.getByText("Je uren zijn opgeslagen. Let op: ze passen niet binnen de regels voor jongeren.").waitFor();
    expect(await phone.page.getByText("Als je 13 of 14 bent, mag je niet op zondag werken.").count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(phone.page);
    await noSidewaysScroll(phone.page);
    const [entry] = await db().select().from(practiceHours).where(eq(practiceHours.placementId, fixture.placementId));
    expect(entry!.guardWarnings).toEqual(["sunday"]);

    // The edit form and the delete question are page states of their own.
    await phone.page.getByRole("link", { name: /^Aanpassen/ }).click();
    await phone.page.getByRole("heading", { name: "Uren aanpassen" }).waitFor();
    await expectAccessible(phone.page);
    await phone.page.getByRole("link", { name: "Niet aanpassen, terug naar je uren" }).click();
    await phone.page.getByRole("link", { name: /^Verwijderen/ }).click();
    await phone.page.getByRole("button", { name: "Ja, verwijder deze uren" }).waitFor();
    await expectAccessible(phone.page);
    await phone.page.getByRole("link", { name: "Nee, terug naar je uren" }).click();
    allowRefusals(phone);
    await phone.close();

    const desk = await openPage(browser, { baseURL: server.url, viewport: DESKTOP });
    await signInBrowserAs(desk.context, server.url, database.url, SUPERVISOR);
    await visit(desk, staffPath());
    await desk.page.getByText("Op zondag (13 en 14 jaar)").waitFor();
    await desk.page.getByLabel(/^Uren van .* kiezen$/).check();
    await desk.page.getByRole("button", { name: "Gekozen uren aftekenen" }).click();
    await desk.page.locator("#field-confirmGuard-error").getByText("Zet eerst een vinkje bij de bevestiging").waitFor();
    await expectAccessible(desk.page);
    expect((await db().select().from(practiceHours).where(eq(practiceHours.id, entry!.id)))[0]!.status).toBe("submitted");

    await desk.page.getByLabel(/^Uren van .* kiezen$/).check();
    await desk.page.getByLabel(/Ik heb gecontroleerd dat deze uren mogen/).check();
    await desk.page.getByRole("button", { name: "Gekozen uren aftekenen" }).click();
    await desk.page.getByText("De gekozen uren zijn afgetekend.").waitFor();
    await expectAccessible(desk.page);
    expect((await db().select().from(practiceHours).where(eq(practiceHours.id, entry!.id)))[0]!).toMatchObject({ status: "signed_off", guardConfirmedAt: expect.any(Date) });
    allowRefusals(desk);
    await desk.close();

    const back = await openPage(browser, { baseURL: server.url, viewport: PHONE, isMobile: true, hasTouch: true });
    await signInBrowserAs(back.context, server.url, database.url, TRAINEE);
    await visit(back, "/mijn-praktijk/uren");
    await back.page.locator("#voortgang-tekst").getByText("2 van 15 uur afgetekend.").waitFor();
    await back.page.getByText("De praktijkbegeleider heeft bevestigd dat deze uren mogen.").waitFor();
    await back.close();
  });

  it("works without JavaScript on a phone: logging, returning with a comment, correcting, signing off", async () => {
    const trainee = await openPage(browser, { baseURL: server.url, viewport: PHONE, javaScriptEnabled: false });
    trainee.page.setDefaultTimeout(15_000);
    await signInBrowserAs(trainee.context, server.url, database.url, TRAINEE);
    await trainee.page.goto("/mijn-praktijk/uren");
    await fillEntry(trainee.page, { date: lastWeekday(6), start: "10:00", end: "12:00", description: "Speeltuin opknappen" });
    await trainee.page.getByRole("button", { name: "Uren opslaan" }).click();
    await trainee.page.getByText("Je uren zijn opgeslagen.").waitFor();

    const supervisor = await openPage(browser, { baseURL: server.url, viewport: PHONE, javaScriptEnabled: false });
    supervisor.page.setDefaultTimeout(15_000);
    await signInBrowserAs(supervisor.context, server.url, database.url, SUPERVISOR);
    // Without JavaScript there is no axe (it runs in the page); the same pages pass it in the other tests.
    await supervisor.page.goto(staffPath());
    await supervisor.page.getByText(/^Terugsturen met een opmerking/).click();
    await supervisor.page.getByRole("button", { name: "Uren terugsturen" }).click();
    await supervisor.page.getByRole("link", { name: /Opmerking voor de cursist: vul dit veld in/ }).waitFor();
    await supervisor.page.getByLabel("Opmerking voor de cursist").fill("Je begon om 11:00.");
    await supervisor.page.getByRole("button", { name: "Uren terugsturen" }).click();
    await supervisor.page.getByText("De uren zijn teruggestuurd.").waitFor();

    await trainee.page.goto("/mijn-praktijk/uren");
    await trainee.page.getByText("Opmerking van je praktijkbegeleider: Je begon om 11:00.").first().waitFor();
    await trainee.page.getByRole("link", { name: /^Verbeteren en opnieuw insturen/ }).click();
    await trainee.page.getByLabel("Begintijd").fill("11:00");
    await trainee.page.getByRole("button", { name: "Aanpassen en opnieuw insturen" }).click();
    await trainee.page.getByText("Je uren zijn aangepast en opnieuw ingestuurd.").waitFor();

    await supervisor.page.goto(staffPath());
    await supervisor.page.getByLabel(/^Uren van .* kiezen$/).check();
    await supervisor.page.getByRole("button", { name: "Gekozen uren aftekenen" }).click();
    await supervisor.page.getByText("De gekozen uren zijn afgetekend.").waitFor();
    await trainee.page.goto("/mijn-praktijk/uren");
    await trainee.page.locator("#voortgang-tekst").getByText("3 van 15 uur afgetekend.").waitFor();
    await trainee.close();
    allowRefusals(supervisor);
    await supervisor.close();
  });

  it("shows the course leader the same hours read-only, at both widths", async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const tab = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(tab.context, server.url, database.url, LEADER);
      await visit(tab, staffPath());
      await tab.page.getByText("Alleen de praktijkbegeleider tekent ze af.").waitFor();
      expect(await tab.page.getByRole("button", { name: "Gekozen uren aftekenen" }).count()).toBe(0);
      await noSidewaysScroll(tab.page);
      await tab.close();
    }
  });
});
