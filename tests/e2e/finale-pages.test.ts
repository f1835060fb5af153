/**
 * The final report and ceremony pages in Chromium, on a phone (360 px) and a laptop (1280 px):
 * the trainee writes and hands in the report, the supervisor assesses it on the rubric, the
 * project leader plans a ceremony, assigns the presentation and marks it given once the ceremony
 * has begun. Every page: no sideways scroll, no axe violation, no console error.
 */
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { ceremonies, finalPresentations, finalReports } from "~/lib/db/schema";
import { utcToZonedLocal } from "~/lib/time";
import { expectAccessible, launchBrowser, openPage, type TestPage } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { signInBrowserAs } from "../support/session";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";
import { createActivePlacement, partnerIdOf } from "../support/practice-finale";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;

const SUPERVISOR = "begeleider@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function traineeInPlacement(email: string, name: string): Promise<{ fixture: CourseFixture; placementId: string }> {
  const fixture = await createCourseFixture({ courseLeaderIds: [await userIdOf("cursusleider@havenstad.example")], trainees: [{ email, name }] });
  const placementId = await createActivePlacement({
    municipalityId: fixture.municipalityId,
    enrolmentId: fixture.enrolments[0]!.id,
    traineeUserId: fixture.enrolments[0]!.userId,
    partnerOrganisationId: await partnerIdOf("Sportvereniging Havenstad Vooruit"),
    supervisorUserId: await userIdOf(SUPERVISOR),
  });
  return { fixture, placementId };
}

async function checkPage(t: TestPage) {
  const widths = await t.page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll, `page width of ${t.page.url()}`).toBeLessThanOrEqual(widths.inner);
  await expectAccessible(t.page);
}

describe("final report and ceremony pages", () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 900 },
  ]) {
    it(`walk from report to presentation given at ${viewport.width} px`, async () => {
      const email = `e2e-eind-${viewport.width}@example.org`;
      const traineeName = `Noor Eindpresentatie ${viewport.width}`;
      const { fixture, placementId } = await traineeInPlacement(email, traineeName);

      // The trainee writes the report and hands it in.
      const trainee = await openPage(browser, { baseURL: server.url, viewport });
      trainee.page.setDefaultTimeout(10_000);
      await signInBrowserAs(trainee.context, server.url, database.url, email);
      expect((await trainee.page.goto("/mijn-praktijk/eindverslag"))?.status()).toBe(200);
      await checkPage(trainee);
      await trainee.page.getByLabel("Je verslag").fill("Ik gaf elke woensdag een voetbaltraining in het Noorderpark.");
      await trainee.page.getByRole("button", { name: "Verslag inleveren" }).click();
      await expect.poll(() => trainee.page.locator(".utrecht-alert").first().textContent()).toContain("Je verslag is ingeleverd.");
      await checkPage(trainee);
      await trainee.close();

      // The supervisor assesses it on both competences.
      const supervisor = await openPage(browser, { baseURL: server.url, viewport });
      supervisor.page.setDefaultTimeout(10_000);
      await signInBrowserAs(supervisor.context, server.url, database.url, SUPERVISOR);
      expect((await supervisor.page.goto(`/beheer/havenstad/praktijk/${placementId}/eindverslag`))?.status()).toBe(200);
      await checkPage(supervisor);
      for (const [index, competence] of fixture.competences.entries()) {
        await supervisor.page.locator(`input[name="level-${competence.id}"][value="${index + 2}"]`).check();
        await supervisor.page.locator(`textarea[name="narrative-${competence.id}"]`).fill(`Toelichting ${index + 1}`);
      }
      await supervisor.page.getByRole("button", { name: "Beoordeling opslaan" }).click();
      await expect.poll(() => supervisor.page.locator(".utrecht-alert").first().textContent()).toContain("het verslag is beoordeeld");
      await checkPage(supervisor);
      await supervisor.close();
      expect((await db().select().from(finalReports).where(eq(finalReports.placementId, placementId)))[0]!.status).toBe("assessed");

      // The project leader plans a ceremony, assigns the presentation, and marks it given after the start.
      const leader = await openPage(browser, { baseURL: server.url, viewport });
      leader.page.setDefaultTimeout(10_000);
      await signInBrowserAs(leader.context, server.url, database.url, PROJECT_LEADER);
      await leader.page.goto("/beheer/havenstad");
      await leader.page.getByRole("link", { name: "Eindpresentaties" }).first().click();
      await leader.page.waitForURL(/\/eindpresentaties$/);
      await checkPage(leader);
      await leader.page.goto("/beheer/havenstad/eindpresentaties/nieuw");
      await checkPage(leader);
      await leader.page.getByLabel("Titel", { exact: true }).fill(`Uitreiking ${viewport.width}`);
      await leader.page.getByLabel("Datum").fill(utcToZonedLocal(new Date(Date.now() + 21 * 86_400_000)).date);
      await leader.page.getByLabel("Begintijd").fill("19:00");
      await leader.page.getByLabel("Eindtijd").fill("21:00");
      await leader.page.getByLabel("Plaats").fill("Theater De Kade");
      await leader.page.getByLabel("Programma").fill("19:00 welkom\n19:15 presentaties");
      await leader.page.getByRole("button", { name: "Uitreiking opslaan" }).click();
      await leader.page.waitForURL(/\/eindpresentaties\/[0-9a-f-]{36}/);
      const ceremonyId = leader.page.url().match(/eindpresentaties\/([0-9a-f-]{36})/)![1]!;
      await checkPage(leader);
      await leader.page.getByLabel("Cursist", { exact: true }).selectOption(placementId);
      await leader.page.getByLabel("Titel van de presentatie").fill("Voetbal in het Noorderpark");
      await leader.page.getByRole("button", { name: "Presentatie inplannen" }).click();
      await expect.poll(() => leader.page.locator(".utrecht-alert").first().textContent()).toContain("De presentatie is ingepland.");
      await checkPage(leader);
      expect(await leader.page.getByRole("button", { name: /Markeren als gegeven/ }).count()).toBe(0);

      await db().update(ceremonies).set({ startsAt: new Date(Date.now() - 1_800_000), endsAt: new Date(Date.now() + 3_600_000) }).where(eq(ceremonies.id, ceremonyId));
      await leader.page.reload();
      await leader.page.getByRole("button", { name: `Markeren als gegeven ${traineeName}` }).click();
      await expect.poll(() => leader.page.locator(".utrecht-alert").first().textContent()).toContain("De presentatie is gemarkeerd als gegeven.");
      await checkPage(leader);
      await leader.close();
      expect((await db().select().from(finalPresentations).where(eq(finalPresentations.placementId, placementId)))[0]!.givenAt).not.toBeNull();

      // The trainee sees the levels and the presentation.
      const after = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(after.context, server.url, database.url, email);
      await after.page.goto("/mijn-praktijk/eindverslag");
      const text = (await after.page.locator("main").textContent())!;
      expect(text).toContain("Toelichting 2");
      expect(text).toContain("Voetbal in het Noorderpark");
      await checkPage(after);
      await after.close();
    });
  }
});
