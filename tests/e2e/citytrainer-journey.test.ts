/**
 * The whole practice path of issue 8 as people walk it, each in their own browser: the course
 * leader proposes a placement for a 17-year-old who holds a certificate of participation; the
 * trainee agrees on a phone to share what the supervisor needs; the practice supervisor accepts;
 * the trainee logs hours, the supervisor signs them off; the trainee plans a practice activity,
 * the supervisor approves it and anyone finds it in Havenstad's public calendar; after it took
 * place the trainee evaluates it, writes the final report, the supervisor assesses every
 * competence; the project leader plans the ceremony, assigns the presentation, marks it given and
 * issues the Citytrainer certificate; the trainee downloads the PDF and the credential; a visitor
 * without an account checks the code (page and API); the project leader revokes it, and the page,
 * the API and the trainee's download say so.
 *
 * Staff sign in through the real form with their authenticator code. Every page visited is checked
 * with axe (WCAG 2.2 A/AA) and for sideways scrolling, and any console error fails the test. Only
 * the course itself (with the certificate of participation) and the passing of time are done in
 * SQL; the comments say where.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "~/features/training/age";
import { addDaysToLocalDate } from "~/lib/time";
import { launchBrowser, type TestPage } from "../support/browser";
import { check, follow, newTab as openTab, signInStaff as signInStaffAs, STEP_TIMEOUT } from "../support/journey";
import { DEMO_PASSWORD, query } from "../support/accounts";
import { useTestDatabase } from "../support/database";
import { attachApplication, bornYearsAgo, giveCertificate } from "../support/handover";
import { lastWeekday } from "../support/practice-hours";
import { startTestServer, type TestServer } from "../support/server";
import { createCourseFixture, userIdOf, type CourseFixture } from "../support/training-course";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let workDir: string;
let course: CourseFixture;

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const COURSE_LEADER = "cursusleider@havenstad.example";
const SUPERVISOR = { email: "begeleider@havenstad.example", name: "Bo Begeleider", partner: "Sportvereniging Havenstad Vooruit" };
const PROJECT_LEADER = "projectleider@havenstad.example";
const COHORT = "Voorjaar Haven";
const TRAINEE = { name: "Lotte Verbeek", email: "lotte.reis@example.org" };
const ACTIVITY = "Straatvoetbal op het Havenplein";
const REVOCATION = "Uitgereikt voordat de uren waren nagekeken";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  workDir = mkdtempSync(join(tmpdir(), "citytrainer-journey-"));
  // SQL: the course is issue 7's walk (tests/e2e/course-journey.test.ts), not this one. A cohort
  // with two competences, the course leader, and the trainee (17, from their application) who
  // already holds the certificate of participation.
  const leaderId = await userIdOf(COURSE_LEADER);
  course = await createCourseFixture({ courseLeaderIds: [leaderId], trainees: [TRAINEE], name: COHORT });
  await attachApplication(course.enrolments[0]!, { cohortId: course.cohortId, dateOfBirth: bornYearsAgo(17) });
  await giveCertificate(course.municipalityId, course.enrolments[0]!.id, leaderId);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function newTab(viewport: { width: number; height: number }, phone = false): Promise<TestPage> {
  return openTab(browser, server.url, viewport, phone);
}



/** Presses a submit button and waits for the notice the redirected page shows, then checks it. */
async function submit(page: Page, button: string, notice: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByText(notice).first().waitFor();
  await check(page);
}

function signInStaff(tab: TestPage, email: string): Promise<void> {
  return signInStaffAs(tab, database.url, email);
}

/** A resident signs in with their e-mail address and password. */
async function signInResident(tab: TestPage, email: string): Promise<void> {
  const { page } = tab;
  await page.goto("/inloggen");
  await check(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/inloggen")), page.locator('main button[name="intent"][value="sign-in"]').click()]);
  await check(page);
}

describe("the Citytrainer journey of issue 8", () => {
  it("goes from a certificate of participation to a Citytrainer certificate, verified and revoked", { timeout: 600_000 }, async () => {
    const enrolment = course.enrolments[0]!;
    const [courseLeader, supervisor, projectLeader] = [await newTab(DESKTOP), await newTab(DESKTOP), await newTab(DESKTOP)];
    const trainee = await newTab(PHONE, true);
    const leaderPage = courseLeader.page;
    const supervisorPage = supervisor.page;
    const projectPage = projectLeader.page;
    const phone = trainee.page;

    // 1. The course leader proposes a placement with Havenstad's sports club supervisor.
    await signInStaff(courseLeader, COURSE_LEADER);
    await leaderPage.goto("/beheer/havenstad/cohorten");
    await check(leaderPage);
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: COHORT }).click(), new RegExp(`/cohorten/${course.cohortId}$`));
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: TRAINEE.name }).click(), new RegExp(`/cursisten/${enrolment.id}$`));
    await follow(leaderPage, () => leaderPage.getByRole("link", { name: `Praktijkplaats voorstellen voor ${TRAINEE.name}` }).click(), new RegExp(`/cursisten/${enrolment.id}/overdracht$`));
    await leaderPage.getByLabel("Praktijkbegeleider", { exact: true }).selectOption({ label: `${SUPERVISOR.name} — ${SUPERVISOR.partner}` });
    await leaderPage.getByLabel("Datum van het overdrachtsgesprek").fill(addDaysToLocalDate(todayInAmsterdam(), 5));
    await leaderPage.getByLabel("Tijd van het overdrachtsgesprek").fill("16:00");
    await leaderPage.getByLabel("Plaats van het overdrachtsgesprek").fill("Kantine Sportpark Noord");
    await leaderPage.getByLabel(/Toelichting voor de praktijkbegeleider/).fill("Lotte wil graag met de jeugdteams werken.");
    await Promise.all([leaderPage.waitForURL(/\/beheer\/havenstad\/praktijk\/[0-9a-f-]{36}/), leaderPage.getByRole("button", { name: "Praktijkplaats voorstellen", exact: true }).click()]);
    await leaderPage.getByText("Je hebt de praktijkplaats voorgesteld").waitFor();
    await check(leaderPage);
    const placementId = /\/praktijk\/([0-9a-f-]{36})/.exec(new URL(leaderPage.url()).pathname)![1]!;
    const placementPath = `/beheer/havenstad/praktijk/${placementId}`;
    await courseLeader.close();

    // 2. The trainee (17, so they decide themselves) agrees on their phone to share.
    await signInResident(trainee, TRAINEE.email);
    await follow(phone, () => phone.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn praktijk" }).click(), /\/mijn-praktijk$/);
    await phone.getByText("Mogen we dit doorgeven?").waitFor();
    await Promise.all([phone.waitForURL(/\/mijn-praktijk\?melding=gedeeld$/), phone.getByRole("button", { name: "Ja, geef het door", exact: true }).click()]);
    await check(phone);

    // 3. The supervisor finds the proposal in their working area and accepts it.
    await signInStaff(supervisor, SUPERVISOR.email);
    await supervisorPage.goto("/beheer/havenstad/praktijk");
    await check(supervisorPage);
    await follow(supervisorPage, () => supervisorPage.getByRole("link", { name: TRAINEE.name }).click(), new RegExp(`${placementPath}$`));
    expect(await supervisorPage.locator("main").innerText()).toContain("Lotte wil graag met de jeugdteams werken.");
    await submit(supervisorPage, "Ja, ik begeleid deze cursist", "De praktijkplaats loopt.");

    // SQL, the passing of time: the placement has been running for four weeks, so the trainee can
    // log the Saturdays behind them (hours may not lie before the placement started).
    await query(
      database.url,
      "update placements set shared_at = shared_at - interval '28 days', answered_at = answered_at - interval '28 days', started_at = started_at - interval '28 days', handover_at = handover_at - interval '28 days' where id = $1",
      [placementId],
    );

    // 4. The trainee logs three Saturdays of five hours (the track asks for 15), the supervisor signs them off.
    await follow(phone, () => phone.getByRole("navigation", { name: "Onderdelen van je praktijk" }).getByRole("link", { name: "Uren" }).click(), /\/mijn-praktijk\/uren$/);
    const lastSaturday = lastWeekday(6, addDaysToLocalDate(todayInAmsterdam(), -1));
    const days = [addDaysToLocalDate(lastSaturday, -14), addDaysToLocalDate(lastSaturday, -7), lastSaturday];
    for (const [index, date] of days.entries()) {
      await phone.getByLabel("Datum").fill(date);
      await phone.getByLabel("Begintijd").fill("09:30");
      await phone.getByLabel("Eindtijd").fill("14:30");
      await phone.getByLabel("Wat heb je gedaan?").fill(`Training van de onder-10 op zaterdag ${index + 1}`);
      await submit(phone, "Uren opslaan", "Je uren zijn opgeslagen.");
      // The same notice follows every entry: the list growing says this one was saved.
      await expect.poll(() => phone.locator(".hours-list > li").count(), { timeout: STEP_TIMEOUT }).toBe(index + 1);
    }
    await phone.locator("#voortgang-tekst").getByText("0 van 15 uur afgetekend.").waitFor();

    await follow(supervisorPage, () => supervisorPage.getByRole("navigation", { name: "Onderdelen van de praktijkplaats" }).getByRole("link", { name: "Uren" }).click(), new RegExp(`${placementPath}/uren$`));
    const choices = supervisorPage.getByLabel(/^Uren van .* kiezen$/);
    expect(await choices.count()).toBe(3);
    for (const choice of await choices.all()) await choice.check();
    await submit(supervisorPage, "Gekozen uren aftekenen", "De gekozen uren zijn afgetekend.");

    await phone.reload();
    await phone.locator("#voortgang-tekst").getByText("15 van 15 uur afgetekend.").waitFor();
    await phone.getByText("Het aantal uren is gehaald.").waitFor();
    await check(phone);

    // 5. The trainee plans the practice activity and submits it; the supervisor approves it.
    const activityDay = addDaysToLocalDate(todayInAmsterdam(), 4);
    await follow(phone, () => phone.getByRole("navigation", { name: "Onderdelen van je praktijk" }).getByRole("link", { name: "Praktijkactiviteit" }).click(), /\/mijn-praktijk\/activiteit$/);
    await phone.getByLabel("Idee").fill("Een middag straatvoetbal voor kinderen uit de buurt, met kleine teams.");
    await phone.getByLabel("Doel", { exact: true }).fill("Kinderen bewegen samen en leren eerlijk spelen.");
    await phone.getByLabel("Doelgroep").fill("Kinderen van 8 tot en met 12 jaar");
    await phone.getByLabel("Titel").fill(ACTIVITY);
    await phone.getByLabel("Locatie").fill("Havenplein");
    await phone.getByLabel("Datum").fill(activityDay);
    await phone.getByLabel("Begintijd").fill("14:00");
    await phone.getByLabel("Eindtijd").fill("16:00");
    await phone.getByLabel("Aantal plaatsen").fill("20");
    await submit(phone, "Plan opslaan", "Je plan is opgeslagen.");
    await submit(phone, "Plan indienen voor beoordeling", "Je plan is ingediend.");

    await follow(supervisorPage, () => supervisorPage.getByRole("navigation", { name: "Onderdelen van de praktijkplaats" }).getByRole("link", { name: "Praktijkactiviteit" }).click(), new RegExp(`${placementPath}/activiteit$`));
    expect(await supervisorPage.locator("main").innerText()).toContain("Een middag straatvoetbal voor kinderen uit de buurt");
    await submit(supervisorPage, "Goedkeuren en publiceren", "Het plan is goedgekeurd en staat in de openbare agenda.");

    // Anyone finds it in Havenstad's public calendar, with the trainee as organiser.
    const neighbour = await newTab(PHONE, true);
    {
      const { page } = neighbour;
      await page.goto("/havenstad");
      await check(page);
      await follow(page, () => page.getByRole("link", { name: "Activiteiten in Havenstad" }).click(), /^\/havenstad\/activiteiten$/);
      await page.getByLabel("Zoekwoorden").fill("straatvoetbal");
      await follow(page, () => page.getByRole("button", { name: "Zoeken", exact: true }).click(), /^\/havenstad\/activiteiten$/);
      await follow(page, () => page.getByRole("link", { name: ACTIVITY }).first().click(), /^\/havenstad\/activiteiten\/[0-9a-f-]{36}$/);
      const text = await page.locator("main").innerText();
      expect(text).toContain(ACTIVITY);
      expect(text).toContain(TRAINEE.name);
    }
    await neighbour.close();

    // SQL, the passing of time: the activity was held (five days earlier than planned, so it lies
    // in the past but after the placement started).
    await query(
      database.url,
      "update activities set starts_at = starts_at - interval '5 days', ends_at = ends_at - interval '5 days' where id = (select activity_id from practice_activities where placement_id = $1)",
      [placementId],
    );

    // The trainee writes the evaluation.
    await phone.reload();
    await check(phone);
    await phone.getByLabel("Aantal deelnemers").fill("14");
    await phone.getByLabel("Wat ging goed?").fill("De kinderen speelden eerlijk en hielpen elkaar.");
    await phone.getByLabel("Wat zou je de volgende keer anders doen?").fill("Meer pionnen meenemen.");
    await submit(phone, "Evaluatie opslaan", "Je evaluatie is opgeslagen. Je praktijkactiviteit is afgerond.");

    // 6. The trainee writes and hands in the final report; the supervisor assesses every competence.
    await follow(phone, () => phone.getByRole("navigation", { name: "Onderdelen van je praktijk" }).getByRole("link", { name: "Eindverslag" }).click(), /\/mijn-praktijk\/eindverslag$/);
    await phone.getByLabel("Je verslag").fill("Ik gaf elke zaterdag training aan de onder-10 en organiseerde straatvoetbal op het Havenplein.");
    await submit(phone, "Verslag inleveren", "Je verslag is ingeleverd.");

    await follow(supervisorPage, () => supervisorPage.getByRole("navigation", { name: "Onderdelen van de praktijkplaats" }).getByRole("link", { name: "Eindverslag" }).click(), new RegExp(`${placementPath}/eindverslag$`));
    expect(await supervisorPage.locator("main").innerText()).toContain("organiseerde straatvoetbal op het Havenplein");
    for (const [competence, level] of [["Samenwerken", "Niveau 3: Kan het"], ["Een groep leiden", "Niveau 4: Voorbeeld"]] as const) {
      const group = supervisorPage.getByRole("group", { name: competence });
      await group.getByLabel(level).check();
      await group.getByLabel(/^Toelichting/).fill(`${competence}: sterk met de jeugdteams.`);
    }
    await submit(supervisorPage, "Beoordeling opslaan", "Elke competentie heeft een niveau: het verslag is beoordeeld.");
    await supervisor.close();

    // 7. The project leader plans the ceremony and assigns the presentation.
    await signInStaff(projectLeader, PROJECT_LEADER);
    await projectPage.goto("/beheer/havenstad/eindpresentaties");
    await check(projectPage);
    await follow(projectPage, () => projectPage.getByRole("link", { name: "Nieuwe uitreiking" }).click(), /\/eindpresentaties\/nieuw$/);
    await projectPage.getByLabel("Titel", { exact: true }).fill("Uitreiking voorjaar");
    await projectPage.getByLabel("Datum").fill(addDaysToLocalDate(todayInAmsterdam(), 14));
    await projectPage.getByLabel("Begintijd").fill("19:00");
    await projectPage.getByLabel("Eindtijd").fill("21:00");
    await projectPage.getByLabel("Plaats").fill("Stadhuis Havenstad");
    await projectPage.getByLabel("Programma").fill("19:00 welkom\n19:15 presentaties\n20:30 uitreiking");
    await follow(projectPage, () => projectPage.getByRole("button", { name: "Uitreiking opslaan" }).click(), /\/eindpresentaties\/[0-9a-f-]{36}$/);
    await projectPage.getByText("De uitreiking is aangemaakt.").waitFor();
    const ceremonyId = /\/eindpresentaties\/([0-9a-f-]{36})$/.exec(new URL(projectPage.url()).pathname)![1]!;
    await projectPage.getByLabel("Cursist", { exact: true }).selectOption({ label: `${TRAINEE.name} (${SUPERVISOR.partner}, ${COHORT})` });
    await projectPage.getByLabel("Titel van de presentatie").fill("Straatvoetbal op het Havenplein");
    await submit(projectPage, "Presentatie inplannen", "De presentatie is ingepland.");

    // SQL, the passing of time: the evening of the ceremony has come; it began half an hour ago.
    await query(database.url, "update ceremonies set starts_at = now() - interval '30 minutes', ends_at = now() + interval '90 minutes' where id = $1", [ceremonyId]);
    await projectPage.reload();
    await check(projectPage);
    await submit(projectPage, `Markeren als gegeven ${TRAINEE.name}`, "De presentatie is gemarkeerd als gegeven.");

    // 8. The project leader issues the Citytrainer certificate.
    await projectPage.goto("/beheer/havenstad/citytrainers");
    await check(projectPage);
    await Promise.all([projectPage.waitForURL(/melding=uitgereikt/), projectPage.getByRole("button", { name: `Certificaat uitreiken aan ${TRAINEE.name}` }).click()]);
    await projectPage.getByText("Het certificaat is uitgereikt.").first().waitFor();
    await check(projectPage);
    const code = (await projectPage.getByRole("table", { name: "Uitgereikte certificaten" }).getByRole("row").filter({ hasText: TRAINEE.name }).getByRole("link").first().innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // The trainee sees it on their own pages and downloads the PDF and the credential.
    await follow(phone, () => phone.getByRole("navigation", { name: "Onderdelen van je praktijk" }).getByRole("link", { name: "Mijn traject" }).click(), /\/mijn-traject$/);
    const steps = phone.getByRole("list", { name: `Stappen van ${COHORT}` }).getByRole("listitem");
    await steps.filter({ hasText: "Citytrainer-certificaat" }).getByText("Gedaan:").waitFor();
    // Every step of the path, from the application to the certificate, is done.
    expect((await steps.allInnerTexts()).filter((step) => !step.startsWith("Gedaan:"))).toEqual([]);
    await steps.filter({ hasText: "Praktijkuren" }).getByText("15 van 15 uur afgetekend").waitFor();
    await phone.goto("/mijn-cursus");
    await check(phone);
    await phone.getByText("Je bent Citytrainer.").waitFor();
    const [pdf] = await Promise.all([phone.waitForEvent("download"), phone.getByRole("link", { name: "Download je certificaat (PDF)" }).click()]);
    expect(pdf.suggestedFilename()).toBe(`citytrainer-certificaat-${code}.pdf`);
    const pdfFile = join(workDir, "citytrainer.pdf");
    await pdf.saveAs(pdfFile);
    const text = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" });
    for (const expected of [TRAINEE.name, "Havenstad", code]) expect(text).toContain(expected);
    const [json] = await Promise.all([phone.waitForEvent("download"), phone.getByRole("link", { name: "Download je digitale certificaat (Open Badges-bestand)" }).click()]);
    expect(json.suggestedFilename()).toBe(`citytrainer-certificaat-${code}.json`);
    const jsonFile = join(workDir, "citytrainer.json");
    await json.saveAs(jsonFile);
    // An Open Badges 3.0 credential, signed, naming the holder only by a salted hash of their address.
    const credential = JSON.parse(readFileSync(jsonFile, "utf8")) as {
      type: string[];
      proof: { type: string; cryptosuite: string };
      credentialSubject: { identifier: { hashed: boolean; identityType: string }[]; result: { achievedLevel: string }[] };
    };
    expect(credential.type).toContain("OpenBadgeCredential");
    expect(credential.proof).toMatchObject({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" });
    expect(credential.credentialSubject.identifier[0]).toMatchObject({ hashed: true, identityType: "emailAddress" });
    expect(credential.credentialSubject.result.map((r) => r.achievedLevel.slice(-8)).sort()).toEqual(["-level-3", "-level-4"]);

    // 9. Anyone, without an account, checks the code on the public page and through the API.
    const visitor = await newTab(PHONE, true);
    await visitor.page.goto(`/certificaat/${code}`);
    await check(visitor.page);
    await visitor.page.getByText("Dit Citytrainer-certificaat is geldig.").waitFor();
    const verdict = await visitor.page.locator("main").innerText();
    expect(verdict).toContain(TRAINEE.name);
    // The page names the address of the same answer for machines (paths are lower case).
    const apiPath = /\/api\/v1\/certificates\/[a-z0-9-]+/.exec(verdict)?.[0];
    expect(apiPath).toBe(`/api/v1/certificates/${code.toLowerCase()}`);
    const valid = await visitor.context.request.get(apiPath!);
    expect(valid.status()).toBe(200);
    expect(((await valid.json()) as { data: { status: string; holderName: string } }).data).toMatchObject({ status: "valid", holderName: TRAINEE.name });

    // 10. The project leader revokes it with a reason.
    await projectPage.getByLabel("Controlecode").selectOption({ label: `${code} — ${TRAINEE.name}` });
    await projectPage.getByLabel("Reden van intrekken").fill(REVOCATION);
    await Promise.all([projectPage.waitForURL(/melding=ingetrokken/), projectPage.getByRole("button", { name: "Intrekken", exact: true }).click()]);
    await projectPage.getByText("Het certificaat is ingetrokken.").first().waitFor();
    await check(projectPage);
    await projectLeader.close();

    // The public page and the API say revoked, with the reason; the trainee's downloads are gone (410).
    await visitor.page.reload();
    await check(visitor.page);
    await visitor.page.getByText(/Dit Citytrainer-certificaat is ingetrokken op/).waitFor();
    await visitor.page.getByText(REVOCATION).first().waitFor();
    const revoked = await visitor.context.request.get(apiPath!);
    expect(((await revoked.json()) as { data: { status: string; revocationReason: string } }).data).toMatchObject({ status: "revoked", revocationReason: REVOCATION });
    await visitor.close();

    await phone.reload();
    await check(phone);
    await phone.getByText(/Je certificaat is ingetrokken op/).waitFor();
    for (const file of ["certificaat.pdf", "certificaat.json"]) expect((await trainee.context.request.get(`/mijn-praktijk/${file}`)).status(), file).toBe(410);
    await trainee.close();
  });
});
