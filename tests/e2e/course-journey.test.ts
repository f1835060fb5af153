/**
 * The whole path of issue 7 as people walk it, each in their own browser: the project leader opens
 * a cursusgroep and makes its schedule; a 15-year-old finds it on Havenstad's page on a 360 px
 * phone and applies; they confirm their address from the mail, their guardian consents from theirs;
 * the course leader plans the intake and admits, takes attendance, adds an assessment moment,
 * assesses every competence and issues the bewijs van deelname; the new cursist signs in with an
 * emailed link, opens "Mijn cursus", downloads the PDF and checks its code on the public page.
 *
 * Staff sign in through the real form with their authenticator code. Every page visited is checked
 * with axe (WCAG 2.2 A/AA) and for sideways scrolling, and any console error fails the test.
 * Only the published track version (the tracks pages are elsewhere) and the passing of time are
 * done in SQL; the comments say where.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysToLocalDate } from "~/lib/time";
import { launchBrowser, type TestPage } from "../support/browser";
import { check, follow, newTab as openTab, signInStaff as signInStaffAs } from "../support/journey";
import { lastMail, linkIn, query } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { bornForAge, today } from "../support/training-apply";
import { createPublishedTrackVersion } from "../support/training-cohorts";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let workDir: string;

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const PROJECT_LEADER = "projectleider@havenstad.example";
const COURSE_LEADER = "cursusleider@havenstad.example";
const TRACK = "Citytrainer Havenstad";
const COHORT = "Najaar Centrum";
const TRAINEE = { name: "Jesse Jansen", email: "jesse15@example.org" };
const GUARDIAN = { name: "Marieke Jansen", email: "ouder-jesse@example.org" };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  workDir = mkdtempSync(join(tmpdir(), "course-journey-"));
  // SQL: the tracks pages are not part of this walk. A published municipal version with two
  // competences, seven meetings (six needed) and assessments required for the certificate.
  await createPublishedTrackVersion({ name: TRACK, competences: 2, meetingCount: 7, followUpDays: 2 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function newTab(viewport: { width: number; height: number }, phone = false): Promise<TestPage> {
  return openTab(browser, server.url, viewport, phone);
}



function signInStaff(tab: TestPage, email: string): Promise<void> {
  return signInStaffAs(tab, database.url, email);
}

describe("the course journey of issue 7", () => {
  it("goes from a new cursusgroep to a downloaded, valid bewijs van deelname", { timeout: 600_000 }, async () => {
    const opensOn = today();
    const closesOn = addDaysToLocalDate(opensOn, 10);
    const startsOn = addDaysToLocalDate(opensOn, 14);

    // 1. The project leader opens the cursusgroep with the course leader and makes its schedule.
    const leaderOfProject = await newTab(DESKTOP);
    {
      const { page } = leaderOfProject;
      await signInStaff(leaderOfProject, PROJECT_LEADER);
      await page.goto("/beheer/havenstad/cohorten");
      await check(page);
      await follow(page, () => page.getByRole("link", { name: "Nieuwe cursusgroep" }).click(), /\/cohorten\/nieuw$/);
      await page.getByLabel("Traject").selectOption({ label: `${TRACK} (versie 1)` });
      await page.getByLabel("Naam van de cursusgroep").fill(COHORT);
      await page.getByLabel("Plaats").fill("Buurthuis De Haven");
      await page.getByLabel("Aanmelden kan vanaf").fill(opensOn);
      await page.getByLabel("Aanmelden kan tot en met").fill(closesOn);
      await page.getByLabel("Eerste dag van de cursus").fill(startsOn);
      await page.getByLabel("Cas Cursusleider").check();
      await page.getByLabel(/Open deze cursusgroep voor aanmelding/).check();
      await follow(page, () => page.getByRole("button", { name: "Cursusgroep aanmaken" }).click(), /\/cohorten\/[0-9a-f-]{36}$/);
      await page.getByText("De cursusgroep is aangemaakt.").waitFor();
      await follow(page, () => page.getByRole("link", { name: "Rooster" }).first().click(), /\/rooster$/);
      await page.getByLabel("Begintijd van de bijeenkomsten").fill("19:30");
      await page.getByRole("button", { name: "Rooster maken" }).click();
      await page.getByText("Het rooster is gemaakt.").waitFor();
      await check(page);
    }
    await leaderOfProject.close();
    const [cohort] = await query<{ id: string }>(database.url, "select id from cohorts where name = $1", [COHORT]);
    const cohortId = cohort!.id;
    const meetings = await query<{ id: string }>(database.url, "select id from cohort_sessions where cohort_id = $1 and kind = 'meeting' order by starts_at", [cohortId]);
    expect(meetings).toHaveLength(7);

    // 2. A 15-year-old applies on a phone from Havenstad's page; they and their guardian answer the mails.
    const applicant = await newTab(PHONE, true);
    {
      const { page } = applicant;
      await page.goto("/havenstad");
      await check(page);
      const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Citytrainer worden" }) });
      await follow(page, () => section.getByRole("link", { name: `Meld je aan ${COHORT}` }).click(), new RegExp(`/havenstad/cursus/${cohortId}/aanmelden$`));
      await page.getByLabel("Je naam").fill(TRAINEE.name);
      await page.getByLabel("Je e-mailadres").fill(TRAINEE.email);
      await page.getByLabel("Je geboortedatum").fill(bornForAge(15, startsOn));
      await page.getByLabel("Je wijk").selectOption({ index: 1 });
      await page.getByLabel("Waarom wil je meedoen?").fill("Ik wil kinderen in mijn straat leren basketballen.");
      await page.getByLabel("Wanneer kun je?").fill("Woensdagmiddag");
      await page.getByLabel("Hoe heb je van de cursus gehoord?").selectOption("school");
      await page.getByLabel("Naam van je ouder of voogd").fill(GUARDIAN.name);
      await page.getByLabel("E-mailadres van je ouder of voogd").fill(GUARDIAN.email);
      await page.getByRole("button", { name: "Aanmelden" }).click();
      await page.getByText("Kijk in je mailbox").waitFor();
      await check(page);

      await page.goto(linkIn(await lastMail(database.url, TRAINEE.email, "application-confirm")));
      await check(page);
      await page.getByRole("button", { name: "Bevestig mijn e-mailadres" }).click();
      await page.getByText("We wachten op toestemming van je ouder of voogd").waitFor();
      await check(page);
    }
    await applicant.close();

    const guardian = await newTab(PHONE, true);
    {
      const { page } = guardian;
      await page.goto(linkIn(await lastMail(database.url, GUARDIAN.email, "application-guardianConsent")));
      await check(page);
      await page.getByRole("button", { name: "Ja, ik geef toestemming" }).click();
      await page.getByText("Dank je wel. Je hebt toestemming gegeven.").waitFor();
      await check(page);
    }
    await guardian.close();

    // 3. The course leader sees the application, plans the intake and admits.
    const courseLeader = await newTab(DESKTOP);
    const { page: leaderPage } = courseLeader;
    const cohortPath = `/beheer/havenstad/cohorten/${cohortId}`;
    await signInStaff(courseLeader, COURSE_LEADER);
    await leaderPage.goto("/beheer/havenstad/cohorten");
    await check(leaderPage);
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: COHORT }).click(), new RegExp(`${cohortPath}$`));
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: "Aanmeldingen bekijken" }).click(), /\/aanmeldingen$/);
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: TRAINEE.name }).click(), /\/aanmeldingen\/[0-9a-f-]{36}$/);
    await leaderPage.getByText("Ik wil kinderen in mijn straat leren basketballen.").waitFor();
    await leaderPage.getByLabel("Datum").fill(addDaysToLocalDate(opensOn, 3));
    await leaderPage.getByLabel("Tijd").fill("19:30");
    await leaderPage.getByLabel("Plaats").fill("Buurthuis De Haven");
    await leaderPage.getByRole("button", { name: "Gesprek plannen en e-mail sturen" }).click();
    await leaderPage.getByText("Het gesprek is gepland.").waitFor();
    await check(leaderPage);
    await leaderPage.getByRole("button", { name: "Toelaten", exact: true }).click();
    await leaderPage.getByText("Toegelaten. We hebben een e-mail gestuurd.").waitFor();
    await check(leaderPage);
    const [enrolment] = await query<{ id: string }>(database.url, "select e.id from enrolments e join users u on u.id = e.user_id where u.email = $1 and e.cohort_id = $2", [TRAINEE.email, cohortId]);
    expect(enrolment, "the admission enrols the applicant").toBeDefined();

    // SQL, the passing of time: the course has run. The cohort's dates and every session move
    // 120 days back, so all meetings (and the follow-up days) lie in the past.
    await query(database.url, "update cohort_sessions set starts_at = starts_at - interval '120 days', ends_at = ends_at - interval '120 days' where cohort_id = $1", [cohortId]);
    await query(
      database.url,
      "update cohorts set applications_open_on = applications_open_on - 120, applications_close_on = applications_close_on - 120, starts_on = starts_on - 120 where id = $1",
      [cohortId],
    );

    // 4. Attendance for every meeting, the first reached from the cohort's schedule.
    await leaderPage.goto(cohortPath);
    await check(leaderPage);
    await follow(leaderPage, () => leaderPage.locator(`a[href="${cohortPath}/bijeenkomsten/${meetings[0]!.id}"]`).click(), /\/bijeenkomsten\/[0-9a-f-]{36}$/);
    for (const [index, meeting] of meetings.entries()) {
      if (index > 0) {
        await leaderPage.goto(`${cohortPath}/bijeenkomsten/${meeting.id}`);
        await check(leaderPage);
      }
      await leaderPage.getByRole("group", { name: TRAINEE.name }).getByLabel("Aanwezig", { exact: true }).check();
      await leaderPage.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
      await leaderPage.getByRole("status").getByText("De aanwezigheid is opgeslagen.").waitFor();
      await check(leaderPage);
    }

    // An assessment moment, then the trainee's page: every competence assessed, the certificate issued.
    await leaderPage.goto(cohortPath);
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: "Beoordelingsmomenten" }).click(), /\/beoordelingen$/);
    await leaderPage.getByLabel("Naam", { exact: true }).fill("Aan het eind");
    await leaderPage.getByRole("button", { name: "Toevoegen" }).click();
    await leaderPage.getByText("Het beoordelingsmoment is toegevoegd.").waitFor();
    await check(leaderPage);
    await leaderPage.goto(cohortPath);
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: TRAINEE.name }).click(), new RegExp(`/cursisten/${enrolment!.id}$`));
    await leaderPage.getByText("Aanwezig bij 7 van de 7 bijeenkomsten die zijn bijgehouden.").waitFor();
    for (const [competence, level] of [["Competentie 1", 3], ["Competentie 2", 2]] as const) {
      const group = leaderPage.getByRole("group", { name: competence });
      await group.getByLabel(`Niveau ${level}: Niveau ${level}`).check();
      await group.getByLabel(/^Toelichting/).fill(`${competence}: goed bezig met de groep.`);
    }
    await leaderPage.getByRole("button", { name: "Beoordeling opslaan (Aan het eind)" }).click();
    await leaderPage.getByText("De beoordeling is opgeslagen.").waitFor();
    await check(leaderPage);
    await leaderPage.getByRole("button", { name: "Bewijs van deelname uitreiken" }).click();
    await leaderPage.getByText("Het bewijs van deelname is uitgereikt.").waitFor();
    await check(leaderPage);
    await courseLeader.close();
    const [certificate] = await query<{ code: string }>(database.url, "select verification_code as code from certificates where enrolment_id = $1", [enrolment!.id]);
    expect(certificate?.code).toBeTruthy();

    // 5. The cursist signs in with an emailed link on their phone and opens "Mijn cursus".
    const trainee = await newTab(PHONE, true);
    {
      const { page } = trainee;
      expect((await lastMail(database.url, TRAINEE.email, "application-admitted")).text_body).toContain("Log in met een inloglink");
      await page.goto("/inloggen");
      await check(page);
      await follow(page, () => page.getByRole("link", { name: /link per e-mail/ }).click(), /\/inloggen\/link$/);
      await page.getByLabel("E-mailadres").fill(TRAINEE.email);
      await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
      await page.getByRole("status").getByText(`Als er een account bij ${TRAINEE.email} hoort`).waitFor();
      await check(page);
      await page.goto(linkIn(await lastMail(database.url, TRAINEE.email, "magic-link")));
      await page.waitForURL(/\/account$/);
      await check(page);
      await follow(page, () => page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn cursus" }).click(), /\/mijn-cursus$/);
      const main = await page.locator("main").innerText();
      expect(main).toContain(COHORT);
      expect(main).toContain("Aanwezig bij 7 van de 7 bijeenkomsten die zijn bijgehouden.");
      expect(main).toContain("Niveau 3 van 4");
      expect(main).toContain("Competentie 1: goed bezig met de groep.");

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download je bewijs van deelname (pdf)" }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = join(workDir, "bewijs-van-deelname.pdf");
      await download.saveAs(file);
      expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m);
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).at(-5), `embedded: ${line}`).toBe("yes");
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      for (const expected of [TRAINEE.name, TRACK, "Havenstad", certificate!.code]) expect(text).toContain(expected);

      await page.goto(`/certificaat/${certificate!.code}`);
      await check(page);
      await page.getByText("Dit certificaat is echt en geldig.").waitFor();
      expect(await page.locator("main").innerText()).toContain(TRAINEE.name);
    }
    await trainee.close();
  });
});
