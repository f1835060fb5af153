/**
 * The course pages in Chromium: "Mijn cursus" of a trainee with a plan, goals, attendance,
 * assessments and a certificate; the course leader's attendance page, trainee page and assessment
 * moments; the public check of a code. Each passes axe at 360 and 1280 px with no console error
 * and no sideways scroll on the phone. On the phone, without JavaScript, the course leader takes
 * attendance for the whole group in one form.
 */
import { eq, inArray } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { assessmentMoments, assessments, certificates, sessionAttendance } from "~/lib/db/schema";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { issueParticipationCertificate } from "~/features/training/certificates.server";
import { addLearningGoal, saveOwnPlan } from "~/features/training/course-writes.server";
import { launchBrowser, openPage, visit } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let fixture: CourseFixture;
let code = "";
const LEADER = "cursusleider@havenstad.example";
const TRAINEE = "noor@example.org";
const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const leaderId = await userIdOf(LEADER);
  fixture = await createCourseFixture({
    courseLeaderIds: [leaderId],
    trainees: [{ email: TRAINEE, name: "Noor Cursist" }, { email: "daan@example.org", name: "Daan Cursist" }, { email: "mila@example.org", name: "Mila Cursist" }],
    pastMeetings: 6,
    name: "Havenstad voorjaar",
  });
  const noor = fixture.enrolments[0]!;
  const scope = fixture.municipalityId as MunicipalityId;
  await saveOwnPlan({ id: noor.id, municipalityId: fixture.municipalityId }, { ownTalent: "Ik kan goed uitleggen", ownStory: "Ik speel al tien jaar basketbal in de wijk.", challenges: "Voor een grote groep staan" }, noor.userId);
  await addLearningGoal({ id: noor.id, municipalityId: fixture.municipalityId }, "Een training van een uur voorbereiden", leaderId);
  await db().insert(sessionAttendance).values(fixture.meetingIds.slice(0, 6).map((sessionId, i) => ({ sessionId, enrolmentId: noor.id, municipalityId: fixture.municipalityId, status: "present" as const, isLate: i === 2, recordedBy: leaderId })));
  const moments = await db()
    .insert(assessmentMoments)
    .values([
      { cohortId: fixture.cohortId, municipalityId: fixture.municipalityId, position: 1, name: "Halverwege" },
      { cohortId: fixture.cohortId, municipalityId: fixture.municipalityId, position: 2, name: "Aan het eind" },
    ])
    .returning({ id: assessmentMoments.id });
  await db().insert(assessments).values(
    moments.flatMap((moment, m) => fixture.competences.map((competence, c) => ({ momentId: moment.id, enrolmentId: noor.id, municipalityId: fixture.municipalityId, competenceId: competence.id, level: 2 + m + (c % 2 === 0 ? 0 : -1), narrative: "Goed bezig", assessedBy: leaderId }))),
  );
  const issued = await issueParticipationCertificate(scope, noor.id, leaderId);
  if (!issued.ok) throw new Error("not issued");
  code = issued.certificate.verificationCode;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.client);
}

describe("course pages in the browser", () => {
  it("passes axe on Mijn cursus and the public check at 360 and 1280 px", async () => {
    for (const viewport of viewports) {
      const tab = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(tab.context, server.url, database.url, TRAINEE);
      await tab.page.goto("/");
      await tab.page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn cursus" }).click();
      await tab.page.waitForURL("**/mijn-cursus");
      await visit(tab, "/mijn-cursus");
      await noSidewaysScroll(tab.page);
      const text = await tab.page.locator("main").innerText();
      expect(text).toContain("Ik kan goed uitleggen");
      expect(text).toContain("Niveau 3 van 4");
      expect(text).toContain(LEADER);
      expect(await tab.page.locator("svg[aria-hidden=true]").count()).toBe(1);
      await visit(tab, `/certificaat/${code}`);
      await noSidewaysScroll(tab.page);
      await tab.close();
    }
  });

  it("passes axe on the course leader's attendance, trainee and moments pages at 360 and 1280 px", async () => {
    for (const viewport of viewports) {
      const tab = await openPage(browser, { baseURL: server.url, viewport });
      await signInBrowserAs(tab.context, server.url, database.url, LEADER);
      for (const path of [
        `/beheer/havenstad/cohorten/${fixture.cohortId}/bijeenkomsten/${fixture.meetingIds[6]}`,
        `/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten/${fixture.enrolments[0]!.id}`,
        `/beheer/havenstad/cohorten/${fixture.cohortId}/cursisten/${fixture.enrolments[1]!.id}`,
        `/beheer/havenstad/cohorten/${fixture.cohortId}/beoordelingen`,
      ]) {
        await visit(tab, path);
        await noSidewaysScroll(tab.page);
      }
      await tab.close();
    }
  });

  it("takes attendance for the whole group on a phone without JavaScript, in one form", async () => {
    const tab = await openPage(browser, { baseURL: server.url, viewport: viewports[0]!, javaScriptEnabled: false });
    await signInBrowserAs(tab.context, server.url, database.url, LEADER);
    const { page } = tab;
    const session = fixture.meetingIds[6]!;
    await page.goto(`/beheer/havenstad/cohorten/${fixture.cohortId}/bijeenkomsten/${session}`);
    await page.getByRole("group", { name: "Noor Cursist" }).getByLabel("Aanwezig", { exact: true }).check();
    await page.getByRole("group", { name: "Noor Cursist" }).getByLabel("Te laat").check();
    await page.getByRole("group", { name: "Daan Cursist" }).getByLabel("Afwezig met bericht").check();
    await page.getByRole("group", { name: "Mila Cursist" }).getByLabel("Afwezig", { exact: true }).check();
    await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toContain("De aanwezigheid is opgeslagen");
    const rows = await db().select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, session));
    expect(rows.map((r) => [r.status, r.isLate]).sort()).toEqual([["absent", false], ["absent_with_notice", false], ["present", true]].sort());
    // The saved choices are shown again.
    expect(await page.getByRole("group", { name: "Noor Cursist" }).getByLabel("Te laat").isChecked()).toBe(true);
    await tab.close();
    // The fixture's certificate (the demo network's course groups have certificates of their own).
    expect(await db().select().from(certificates).where(inArray(certificates.enrolmentId, fixture.enrolments.map((e) => e.id)))).toHaveLength(1);
  });
});
