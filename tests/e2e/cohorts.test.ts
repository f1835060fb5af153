/**
 * Course groups in a real browser: the project leader opens a cohort on a phone (first with a
 * mistake, then right), generates its schedule and moves a session; the course leader finds it
 * among their cohorts; a trainee makes their course calendar link; a resident sees the cohort on
 * the municipality's page. Every page is checked with axe at 360 and 1280 px, without console
 * errors and without sideways scrolling on the phone. The cohort form also works without JavaScript.
 */
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { cohortSessions, cohorts } from "~/lib/db/schema";
import { accessibilityViolations, launchBrowser, openPage, visit as visitAndCheck, type TestPage } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { signInBrowserAs } from "../support/session";
import { addTestSession, createPublishedTrackVersion, createTestCohort, enrolTrainee } from "../support/training-cohorts";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  await createPublishedTrackVersion({ name: "Ik train mijn stad" });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInPage(email: string, options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}) {
  const tab = await openPage(browser, { baseURL: server.url, ...options });
  tab.page.setDefaultTimeout(8000);
  await signInBrowserAs(tab.context, server.url, database.url, email);
  return tab;
}

/** Chromium logs an expected 4xx answer as a console error; only those are forgiven. */
function forgiveExpectedStatus(tab: TestPage, status: number) {
  const expected = `status of ${status}`;
  for (let i = tab.problems.length - 1; i >= 0; i--) if (tab.problems[i]!.includes(expected)) tab.problems.splice(i, 1);
}

async function expectNoSidewaysScroll(tab: TestPage, width: number) {
  expect(await tab.page.evaluate(() => document.documentElement.scrollWidth), tab.page.url()).toBeLessThanOrEqual(width);
}

describe("the project leader", () => {
  for (const [label, viewport, javaScriptEnabled] of [
    ["on a phone", PHONE, true],
    ["at a desk", DESKTOP, true],
    ["at a desk without JavaScript", DESKTOP, false],
  ] as const) {
    it(`opens a cohort ${label}, generates the schedule and moves a session`, async () => {
      const tab = await signedInPage("projectleider@havenstad.example", { viewport, javaScriptEnabled });
      const { page } = tab;
      // axe-core runs as a script in the page, so without JavaScript the pages are only loaded; the
      // runs with JavaScript check the same pages with axe.
      const visit = javaScriptEnabled ? visitAndCheck : async (t: TestPage, path: string) => expect((await t.page.goto(path))?.status()).toBe(200);
      await visit(tab, "/beheer/havenstad/cohorten");
      await expectNoSidewaysScroll(tab, viewport.width);
      await page.getByRole("link", { name: "Nieuwe cursusgroep" }).click();
      await page.waitForURL(/\/cohorten\/nieuw$/);
      await visit(tab, "/beheer/havenstad/cohorten/nieuw");
      await expectNoSidewaysScroll(tab, viewport.width);

      const name = `Voorjaar 2027 ${label}`;
      await page.getByLabel("Traject").selectOption({ label: "Ik train mijn stad (versie 1)" });
      await page.getByLabel("Naam van de cursusgroep").fill(name);
      await page.getByLabel("Plaats").fill("Buurthuis De Haven");
      await page.getByLabel("Aanmelden kan vanaf").fill("2027-01-05");
      await page.getByLabel("Aanmelden kan tot en met").fill("2027-02-15");
      await page.getByLabel("Eerste dag van de cursus").fill("2027-03-02");
      // No course leader chosen yet: the form says so and keeps what was typed.
      await page.getByRole("button", { name: "Cursusgroep aanmaken" }).click();
      await page.getByRole("alert").getByText("Cursusleiders: kies een of meer cursusleiders van je gemeente.").waitFor();
      forgiveExpectedStatus(tab, 400);
      expect(await page.getByLabel("Naam van de cursusgroep").inputValue()).toBe(name);
      await expectNoSidewaysScroll(tab, viewport.width);
      if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel("Cas Cursusleider").check();
      await page.getByLabel(/Open deze cursusgroep voor aanmelding/).check();
      await page.getByRole("button", { name: "Cursusgroep aanmaken" }).click();
      await page.getByText("De cursusgroep is aangemaakt.").waitFor();
      const cohortPath = new URL(page.url()).pathname;
      await visit(tab, cohortPath);
      await expectNoSidewaysScroll(tab, viewport.width);

      await page.getByRole("link", { name: "Rooster" }).first().click();
      await page.waitForURL(/\/rooster/);
      await visit(tab, `${cohortPath}/rooster`);
      await page.getByLabel("Begintijd van de bijeenkomsten").fill("19:30");
      await page.getByRole("button", { name: "Rooster maken" }).click();
      await page.getByText("Het rooster is gemaakt.").waitFor();
      await visit(tab, `${cohortPath}/rooster`);
      await expectNoSidewaysScroll(tab, viewport.width);

      const id = /\/cohorten\/([0-9a-f-]{36})/.exec(cohortPath)![1]!;
      const sessions = await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, id)).orderBy(cohortSessions.startsAt);
      expect(sessions).toHaveLength(9);
      await page.getByRole("link", { name: /^Aanpassen/ }).first().click();
      await page.waitForURL(/\/rooster\/[0-9a-f-]{36}$/);
      await visit(tab, new URL(page.url()).pathname);
      await expectNoSidewaysScroll(tab, viewport.width);
      await page.getByLabel("Begintijd").fill("18:00");
      await page.getByRole("button", { name: "Bijeenkomst opslaan" }).click();
      await page.getByText("De bijeenkomst is aangepast.").waitFor();
      const [moved] = await db().select().from(cohortSessions).where(eq(cohortSessions.id, sessions[0]!.id));
      expect(moved!.startsAt.toISOString()).toBe("2027-03-02T17:00:00.000Z");

      await visit(tab, `${cohortPath}/bewerken`);
      await expectNoSidewaysScroll(tab, viewport.width);
      const [row] = await db().select().from(cohorts).where(eq(cohorts.id, id));
      expect(row!.name).toBe(name);
      await tab.close();
    });
  }
});

describe("the course leader, a trainee and a resident", () => {
  it("see their part: the cohorts taught, the course calendar, and the open cohort on the public page", async () => {
    const version = await createPublishedTrackVersion({ name: "Ik maak mijn stad" });
    const cohortId = await createTestCohort({ versionId: version.versionId, name: "Open groep Centrum", applicationsOpenOn: "2026-01-01", applicationsCloseOn: "2099-01-01", startsOn: "2099-02-01" });
    await addTestSession(cohortId, new Date("2099-02-01T18:00:00Z"), { title: "Kennismaken" });
    const trainee = await enrolTrainee(cohortId, { name: "Tara Test", email: "tara-test@example.org" });

    for (const viewport of [PHONE, DESKTOP]) {
      const leader = await signedInPage("cursusleider@havenstad.example", { viewport });
      await visitAndCheck(leader, "/beheer/havenstad/cohorten");
      await leader.page.getByRole("link", { name: "Open groep Centrum" }).click();
      await leader.page.waitForURL(new RegExp(`/cohorten/${cohortId}$`));
      await visitAndCheck(leader, `/beheer/havenstad/cohorten/${cohortId}`);
      await leader.page.getByRole("link", { name: "Tara Test" }).waitFor();
      await expectNoSidewaysScroll(leader, viewport.width);
      await visitAndCheck(leader, `/beheer/havenstad/cohorten/${cohortId}/rooster`);
      await expectNoSidewaysScroll(leader, viewport.width);
      await leader.close();

      const own = await signedInPage(trainee.email, { viewport });
      await visitAndCheck(own, "/account/cursusagenda");
      await own.page.getByRole("button", { name: /agendalink$/ }).click();
      await own.page.getByLabel("Je agendalink").waitFor();
      expect(await own.page.getByLabel("Je agendalink").inputValue()).toMatch(/\/agenda\/[A-Za-z0-9_-]+\/cursus\.ics$/);
      expect(await accessibilityViolations(own.page)).toEqual([]);
      await expectNoSidewaysScroll(own, viewport.width);
      await own.close();

      const resident = await openPage(browser, { baseURL: server.url, viewport });
      await visitAndCheck(resident, "/havenstad");
      await resident.page.getByRole("heading", { name: "Citytrainer worden" }).waitFor();
      const apply = resident.page.getByRole("link", { name: "Meld je aan Open groep Centrum" });
      expect(await apply.getAttribute("href")).toBe(`/havenstad/cursus/${cohortId}/aanmelden`);
      await expectNoSidewaysScroll(resident, viewport.width);
      await resident.close();
    }
  });
});
