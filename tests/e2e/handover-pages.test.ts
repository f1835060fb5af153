/**
 * The warm handover in Chromium, as the three people walk it, at 360 and 1280 px: the course
 * leader proposes a placement from the trainee's page, the trainee agrees to share on "Mijn
 * praktijk", the practice supervisor finds the proposal in their working area and accepts it,
 * then writes a coaching note. The buttons are pressed from the keyboard; every page passes axe
 * with no console error and no sideways scroll. The guardian's consent page and the settings
 * section pass too.
 */
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { placements } from "~/lib/db/schema";
import { addLearningGoal, saveObservations } from "~/features/training/course-writes.server";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { lastMail, linkIn } from "../support/accounts";
import { expectAccessible, launchBrowser, openPage, visit, type TestPage } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { attachApplication, bornYearsAgo, giveCertificate, nextWeek, supervisorMembershipOf } from "../support/handover";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let fixture: CourseFixture;
const LEADER = "cursusleider@havenstad.example";
const PROJECT_LEADER = "projectleider@havenstad.example";
const SUPERVISOR = "begeleider@havenstad.example";
const GUARDIAN = "voogd-e2e@example.org";
const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];
const TRAINEES = [
  { email: "fenna.e2e@example.org", name: "Fenna Praktijk" },
  { email: "omar.e2e@example.org", name: "Omar Praktijk" },
  { email: "jip.e2e@example.org", name: "Jip Jong" },
];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const leaderId = await userIdOf(LEADER);
  fixture = await createCourseFixture({ courseLeaderIds: [leaderId], trainees: TRAINEES, name: "Havenstad praktijk" });
  for (const enrolment of fixture.enrolments) {
    await giveCertificate(fixture.municipalityId, enrolment.id, leaderId);
    await saveObservations(fixture.municipalityId as MunicipalityId, enrolment.id, "Legt rustig uit en let op de kleintjes.", leaderId);
    await addLearningGoal({ id: enrolment.id, municipalityId: fixture.municipalityId }, "Een warming-up leiden", leaderId);
  }
  await attachApplication(fixture.enrolments[2]!, { cohortId: fixture.cohortId, dateOfBirth: bornYearsAgo(14), guardian: { name: "Voogd Jong", email: GUARDIAN } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
}

async function checked(tab: TestPage) {
  await expectAccessible(tab.page);
  await noSidewaysScroll(tab.page);
}

/** Presses a button from the keyboard: focus, then Enter. */
async function pressButton(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  await button.focus();
  await page.keyboard.press("Enter");
}

describe("the warm handover in the browser", () => {
  for (const [index, viewport] of viewports.entries()) {
    it(`walks proposal, consent and acceptance at ${viewport.width} px`, async () => {
      const trainee = TRAINEES[index]!;
      const enrolment = fixture.enrolments[index]!;

      // The course leader proposes from the trainee's page.
      const leader = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(leader.context, server.url, database.url, LEADER);
      await visit(leader, `/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten/${enrolment.id}`);
      await leader.page.getByRole("link", { name: `Praktijkplaats voorstellen voor ${trainee.name}` }).click();
      await leader.page.waitForURL("**/overdracht");
      await checked(leader);
      expect(await leader.page.locator("main").innerText()).toContain("Legt rustig uit en let op de kleintjes.");
      await leader.page.getByLabel("Praktijkbegeleider", { exact: true }).selectOption(await supervisorMembershipOf(await userIdOf(SUPERVISOR)));
      const { date, time } = nextWeek();
      await leader.page.getByLabel("Datum van het overdrachtsgesprek").fill(date);
      await leader.page.getByLabel("Tijd van het overdrachtsgesprek").fill(time);
      await leader.page.getByLabel("Plaats van het overdrachtsgesprek").fill("Kantine Sportpark Noord");
      await leader.page.getByLabel(/Toelichting voor de praktijkbegeleider/).fill("Past goed bij de jeugdafdeling.");
      await pressButton(leader.page, "Praktijkplaats voorstellen");
      await leader.page.waitForURL("**/praktijk/**");
      await expect.poll(() => leader.page.getByRole("status").first().innerText()).toContain("Je hebt de praktijkplaats voorgesteld");
      await checked(leader);
      await leader.close();
      const [placement] = await db().select().from(placements).where(eq(placements.traineeUserId, enrolment.userId));
      expect(placement!.status).toBe("proposed");

      // The trainee agrees on their own page, reached from the header.
      const own = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(own.context, server.url, database.url, trainee.email);
      await own.page.goto("/mijn-cursus");
      const menu = own.page.getByRole("navigation", { name: "Hoofdmenu" });
      await menu.getByRole("link", { name: "Mijn praktijk" }).click();
      await own.page.waitForURL("**/mijn-praktijk");
      await checked(own);
      expect(await own.page.locator("main").innerText()).toContain("Mogen we dit doorgeven?");
      await pressButton(own.page, "Ja, geef het door");
      await own.page.waitForURL("**/mijn-praktijk?melding=gedeeld");
      await checked(own);
      await own.close();

      // The supervisor finds it in their working area and accepts it.
      const supervisor = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(supervisor.context, server.url, database.url, SUPERVISOR);
      await visit(supervisor, "/beheer/havenstad/praktijk");
      await noSidewaysScroll(supervisor.page);
      await supervisor.page.getByRole("link", { name: trainee.name }).click();
      await supervisor.page.waitForURL(`**/praktijk/${placement!.id}`);
      await checked(supervisor);
      const text = await supervisor.page.locator("main").innerText();
      expect(text).toContain("Een warming-up leiden");
      expect(text).toContain("Legt rustig uit en let op de kleintjes.");
      expect(text).toContain("Past goed bij de jeugdafdeling.");
      await pressButton(supervisor.page, "Ja, ik begeleid deze cursist");
      await expect.poll(() => supervisor.page.getByRole("status").first().innerText()).toContain("De praktijkplaats loopt");
      await checked(supervisor);
      await supervisor.page.getByLabel("Nieuwe notitie").fill("Eerste keer meegekeken, ging goed.");
      await pressButton(supervisor.page, "Notitie toevoegen");
      await expect.poll(() => supervisor.page.getByRole("status").first().innerText()).toContain("Je notitie is toegevoegd");
      expect(await supervisor.page.locator("main").innerText()).toContain("Eerste keer meegekeken, ging goed.");
      await checked(supervisor);
      await supervisor.close();
      expect((await db().select().from(placements).where(eq(placements.id, placement!.id)))[0]!.status).toBe("active");
    });
  }

  it("passes axe on the guardian's consent page and the settings section, at 360 and 1280 px", async () => {
    const leader = await openPage(browser, { baseURL: server.url, viewport: viewports[1]! });
    await signInBrowserAs(leader.context, server.url, database.url, LEADER);
    await leader.page.goto(`/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten/${fixture.enrolments[2]!.id}/overdracht`);
    await leader.page.getByLabel("Praktijkbegeleider", { exact: true }).selectOption(await supervisorMembershipOf(await userIdOf(SUPERVISOR)));
    const { date, time } = nextWeek();
    await leader.page.getByLabel("Datum van het overdrachtsgesprek").fill(date);
    await leader.page.getByLabel("Tijd van het overdrachtsgesprek").fill(time);
    await leader.page.getByLabel("Plaats van het overdrachtsgesprek").fill("Buurthuis De Haven");
    await pressButton(leader.page, "Praktijkplaats voorstellen");
    await leader.page.waitForURL("**/praktijk/**");
    await leader.close();
    const link = new URL(linkIn(await lastMail(database.url, GUARDIAN, "handover-guardianSharing")));
    for (const viewport of viewports) {
      const guardian = await openPage(browser, { baseURL: server.url, viewport });
      await visit(guardian, link.pathname);
      await noSidewaysScroll(guardian.page);
      expect(await guardian.page.locator("main").innerText()).toContain("Jip Jong");
      await guardian.close();
      const settings = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(settings.context, server.url, database.url, PROJECT_LEADER);
      await visit(settings, "/beheer/havenstad/instellingen");
      await noSidewaysScroll(settings.page);
      await settings.close();
    }
  });
});
