/**
 * The overview pages in Chromium at 360 and 1280 px: the project leader's pipeline with its
 * alerts and the cohort filter (a GET form, also without JavaScript), the alerts on the staff
 * home for the project leader and for the practice supervisor, and the trainee's own timeline
 * (and its empty state for a resident). Each passes axe, shows no console error and does not
 * scroll sideways on the phone.
 */
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { memberships, sessionAttendance } from "~/lib/db/schema";
import { launchBrowser, openPage, visit } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";
import { addHours, createPlacement, daysAgo } from "../support/practice-pipeline";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let fixture: CourseFixture;
const LEADER = "projectleider@havenstad.example";
const COURSE_LEADER = "cursusleider@havenstad.example";
const SUPERVISOR = "begeleider@havenstad.example";
const TRAINEE = "tijn@example.org";
const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const courseLeaderId = await userIdOf(COURSE_LEADER);
  const supervisorId = await userIdOf(SUPERVISOR);
  const [membership] = await db().select().from(memberships).where(and(eq(memberships.userId, supervisorId), eq(memberships.role, "practice_supervisor")));
  fixture = await createCourseFixture({
    courseLeaderIds: [courseLeaderId],
    trainees: [
      { email: TRAINEE, name: "Tijn Tijdlijn" },
      { email: "vera@example.org", name: "Vera Voorstel" },
    ],
    pastMeetings: 4,
    name: "Doorstroomgroep",
  });
  const [tijn, vera] = fixture.enrolments;
  const partnerId = membership!.partnerOrganisationId!;
  const municipalityId = fixture.municipalityId;
  const placementId = await createPlacement({ municipalityId, enrolment: tijn!, partnerId, supervisorUserId: supervisorId, status: "active", startedAt: daysAgo(45) });
  await addHours({ id: placementId, municipalityId, traineeUserId: tijn!.userId }, { hours: 3, createdAt: daysAgo(40), signedOffAt: daysAgo(39) });
  await createPlacement({ municipalityId, enrolment: vera!, partnerId, supervisorUserId: supervisorId, status: "proposed", proposedAt: daysAgo(12), sharedAt: daysAgo(11) });
  await db().insert(sessionAttendance).values(fixture.meetingIds.slice(0, 3).map((sessionId) => ({ sessionId, enrolmentId: tijn!.id, municipalityId, status: "present" as const })));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
}

describe("the overview pages in the browser", () => {
  it("shows the project leader the pipeline with its alerts, filterable by cohort", async () => {
    for (const viewport of viewports) {
      const tab = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(tab.context, server.url, database.url, LEADER);
      await visit(tab, "/beheer/havenstad");
      await tab.page.getByRole("navigation", { name: "Beheer van de gemeente" }).getByRole("link", { name: "Doorstroom" }).click();
      await tab.page.waitForURL("**/beheer/havenstad/doorstroom");
      await visit(tab, "/beheer/havenstad/doorstroom");
      await noSidewaysScroll(tab.page);
      const alerts = tab.page.getByRole("region", { name: "Signalen" });
      expect(await alerts.getByText("Vera Voorstel: het voorstel aan Sportvereniging Havenstad Vooruit is al 11 dagen niet beantwoord.").count()).toBe(1);
      expect(await alerts.getByRole("link", { name: "Open de praktijkplaats van Tijn Tijdlijn" }).count()).toBe(1);
      expect(await tab.page.getByRole("table", { name: "Aantal mensen per stap" }).getByRole("row").count()).toBe(9);

      await tab.page.getByLabel("Cursusgroep").selectOption({ label: "Doorstroomgroep" });
      await tab.page.getByRole("button", { name: "Toon" }).click();
      await tab.page.waitForURL(`**/doorstroom?cohort=${fixture.cohortId}`);
      await visit(tab, `/beheer/havenstad/doorstroom?cohort=${fixture.cohortId}`);
      await noSidewaysScroll(tab.page);
      const inPlacement = tab.page.getByRole("region", { name: /^Op een praktijkplaats/ });
      expect(await inPlacement.getByRole("link", { name: "Tijn Tijdlijn" }).count()).toBe(1);
      expect(await inPlacement.textContent()).toContain("Uren afgetekend: 3 van 15");
      expect(await tab.page.getByRole("region", { name: /^In warme overdracht/ }).getByRole("link", { name: "Vera Voorstel" }).count()).toBe(1);
      await tab.close();
    }
  });

  it("filters the pipeline without JavaScript", async () => {
    const tab = await openPage(browser, { baseURL: server.url, viewport: viewports[0], javaScriptEnabled: false });
    await signInBrowserAs(tab.context, server.url, database.url, COURSE_LEADER);
    await tab.page.goto("/beheer/havenstad/doorstroom");
    await tab.page.getByLabel("Cursusgroep").selectOption({ label: "Doorstroomgroep" });
    await tab.page.getByRole("button", { name: "Toon" }).click();
    await tab.page.waitForURL(`**/doorstroom?cohort=${fixture.cohortId}`);
    expect(await tab.page.getByRole("link", { name: "Tijn Tijdlijn" }).count()).toBe(1);
    // Alerts are the project leader's.
    expect(await tab.page.getByRole("region", { name: "Signalen" }).count()).toBe(0);
    await tab.close();
  });

  it("shows the alerts on the staff home: all to the project leader, their own quiet placement to the supervisor", async () => {
    for (const viewport of viewports) {
      const leader = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(leader.context, server.url, database.url, LEADER);
      await visit(leader, "/beheer/havenstad");
      await noSidewaysScroll(leader.page);
      const leaderAlerts = await leader.page.getByRole("region", { name: "Signalen" }).textContent();
      expect(leaderAlerts).toContain("Vera Voorstel");
      expect(leaderAlerts).toContain("Tijn Tijdlijn bij Sportvereniging Havenstad Vooruit");
      await leader.close();

      const supervisor = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(supervisor.context, server.url, database.url, SUPERVISOR);
      await visit(supervisor, "/beheer/havenstad");
      await noSidewaysScroll(supervisor.page);
      const own = await supervisor.page.getByRole("region", { name: "Signalen" }).textContent();
      expect(own).toContain("Tijn Tijdlijn");
      expect(own).not.toContain("Vera Voorstel");
      await supervisor.close();
    }
  });

  it("shows the trainee their own timeline, and a resident where to start", async () => {
    for (const viewport of viewports) {
      const tab = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(tab.context, server.url, database.url, TRAINEE);
      await visit(tab, "/account");
      await tab.page.getByRole("link", { name: "Mijn traject" }).first().click();
      await tab.page.waitForURL("**/mijn-traject");
      await visit(tab, "/mijn-traject");
      await noSidewaysScroll(tab.page);
      const steps = tab.page.getByRole("list", { name: "Stappen van Doorstroomgroep" }).getByRole("listitem");
      expect(await steps.count()).toBe(12);
      expect(await steps.nth(0).textContent()).toContain("Gedaan:Aangemeld");
      expect(await tab.page.locator('[aria-current="step"]').count()).toBe(1);
      expect(await tab.page.getByText("3 van 15 uur afgetekend").count()).toBe(1);
      expect(await tab.page.getByRole("navigation", { name: "Onderdelen van je praktijk" }).count()).toBe(1);
      await tab.close();

      const resident = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(resident.context, server.url, database.url, "bewoner@buurtkracht.example");
      await visit(resident, "/mijn-traject");
      await noSidewaysScroll(resident.page);
      expect(await resident.page.getByText("Je hebt je nog niet aangemeld voor een cursus.", { exact: false }).count()).toBe(1);
      await resident.close();
    }
  });
});
