/**
 * The whole path of issue 9 ("Residents at work") as people walk it, each in their own browser:
 * Chris, a certified Citytrainer whom Havenstad does not yet trust to publish himself, plans an
 * activity on his phone and asks the neighbourhood's budget pot for a contribution with two line
 * items; the project leader finds the plan in the review queue on a desktop and approves it, and
 * grants the budget on the budget pages; a visitor finds the activity in Havenstad's public
 * calendar; a neighbour without an account opens Chris's invite link on a phone, browses the
 * calendar and signs up; Chris sees the sign-up counted as recruited through his link and checks
 * the neighbour in at the door; after the activity he evaluates it (turnout pre-filled from the
 * check-in), sends a receipt and the amount spent; the project leader accepts the settlement and
 * the pot shows the spend, with its figures checked against the ledger.
 *
 * Everyone signs in through the real form (staff with their authenticator code) and moves by links
 * and buttons; only the invite link is typed, as a phone's camera would open its QR code. Every
 * page is checked with axe (WCAG 2.2 A/AA) and for sideways scrolling, and any console error fails
 * the test. Only the passing of time is done in SQL; the comments say where.
 */
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatEuros } from "~/features/budgets/money";
import { addDaysToLocalDate, utcToZonedLocal } from "~/lib/time";
import { DEMO_PASSWORD, query } from "../support/accounts";
import { launchBrowser, type TestPage } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { check, follow, newTab as openTab, signInStaff as signInStaffAs, STEP_TIMEOUT } from "../support/journey";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
/** The demo's Citytrainer: certified in Havenstad, not trusted, so every plan of his is reviewed. */
const CITYTRAINER = "citytrainer@buurtkracht.example";
const PROJECT_LEADER = "projectleider@havenstad.example";
const NEIGHBOUR = { name: "Fenna de Boer", email: "fenna.deboer@example.org" };
const ACTIVITY = "Bloembakken vullen in het Havenkwartier";
const POT = `Buurtbudget Havenkwartier ${new Date().getFullYear()}`;
const UUID = "[0-9a-f-]{36}";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
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

/** The pot's figures as its page lists them (Budget, Toegekend, Gereserveerd, Uitgegeven, Beschikbaar), in cents. */
async function potFigures(page: Page): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const row of await page.locator("main dl.facts > div").all()) {
    const label = (await row.locator("dt").innerText()).trim();
    figures[label] = Number((await row.locator("dd").innerText()).replace(/\D/g, ""));
  }
  return figures;
}

/** The figure next to a label on the pot's page, as shown. */
function shownFigure(page: Page, label: string) {
  return page.locator("main dl.facts > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
}

describe("residents at work: the journey of issue 9", () => {
  it("goes from a Citytrainer's plan with a budget to a settled activity with a recruited, checked-in neighbour", { timeout: 600_000 }, async () => {
    const citytrainer = await newTab(PHONE, true);
    const projectLeader = await newTab(DESKTOP);
    const phone = citytrainer.page;
    const desk = projectLeader.page;
    const day = addDaysToLocalDate(utcToZonedLocal(new Date()).date, 3);

    // 1. Chris plans the activity on his phone and submits it for review.
    await signInResident(citytrainer, CITYTRAINER);
    await follow(phone, () => phone.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn activiteiten" }).click(), /^\/mijn-activiteiten$/);
    await follow(phone, () => phone.getByRole("link", { name: "Nieuwe activiteit plannen" }).click(), /^\/mijn-activiteiten\/nieuw$/);
    await phone.getByLabel("Wat is je idee?").fill("Met de buren de lege bloembakken langs de kade vullen met planten en bloembollen.");
    await phone.getByLabel("Wat wil je ermee bereiken?").fill("Buren leren elkaar kennen en de kade wordt groener.");
    await phone.getByLabel("Voor wie is het?").fill("Bewoners van het Havenkwartier, jong en oud");
    await phone.getByLabel("Titel", { exact: true }).fill(ACTIVITY);
    await phone.getByLabel("Wijk").selectOption({ label: "Havenkwartier" });
    await phone.getByLabel("Locatie").fill("Kade bij de Havenstraat");
    await phone.getByLabel("Datum", { exact: true }).fill(day);
    await phone.getByLabel("Begintijd").fill("10:00");
    await phone.getByLabel("Eindtijd").fill("12:00");
    await phone.getByLabel("Aantal plaatsen").fill("20");
    await Promise.all([phone.waitForURL(new RegExp(`/mijn-activiteiten/${UUID}\\?melding=opgeslagen$`)), phone.getByRole("button", { name: "Opslaan als concept" }).click()]);
    await phone.getByText("Je plan is opgeslagen als concept.").waitFor();
    await check(phone);
    const activityId = new RegExp(`/mijn-activiteiten/(${UUID})`).exec(phone.url())![1]!;
    await submit(phone, "Indienen voor beoordeling", "Je plan is ingediend.");

    // He asks the neighbourhood's pot for a contribution, with what it is for line by line.
    await follow(phone, () => phone.getByRole("link", { name: "Budget: aanvragen en verantwoorden" }).click(), new RegExp(`^/mijn-activiteiten/${activityId}/budget$`));
    const potOption = await phone.locator('select[name="potId"] option', { hasText: POT }).getAttribute("value");
    await phone.getByLabel("Budgetpot").selectOption(potOption!);
    await phone.getByLabel("Gevraagd bedrag in euro").fill("120,00");
    await phone.getByLabel("Waarvoor is het geld").fill("Planten, bloembollen en potgrond voor de bakken langs de kade.");
    await phone.getByLabel("Kostenpost 1").fill("Planten en bloembollen");
    await phone.getByLabel("Bedrag 1 in euro").fill("85");
    await phone.getByLabel("Kostenpost 2").fill("Potgrond");
    await phone.getByLabel("Bedrag 2 in euro").fill("35,00");
    await submit(phone, "Aanvraag versturen", "Je aanvraag is verstuurd.");
    expect(await phone.getByTestId("request-status").first().innerText()).toContain("Wacht op besluit");

    // 2. The project leader finds the plan in the review queue and approves it.
    await signInStaffAs(projectLeader, database.url, PROJECT_LEADER);
    await follow(desk, () => desk.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Havenstad", exact: true }).click(), /^\/beheer\/havenstad$/);
    await follow(desk, () => desk.getByRole("link", { name: /Plannen van bewoners die op jou wachten/ }).click(), /\/organisatoren\/beoordelen$/);
    await follow(desk, () => desk.getByRole("link", { name: ACTIVITY }).click(), new RegExp(`/organisatoren/activiteiten/${activityId}$`));
    expect(await desk.locator("main").innerText()).toContain("lege bloembakken langs de kade");
    await submit(desk, "Goedkeuren en publiceren", "Het plan is goedgekeurd");

    // …and grants the budget request from the pot's page.
    const staffNav = desk.getByRole("navigation", { name: "Beheer van de gemeente" });
    await follow(desk, () => staffNav.getByRole("link", { name: "Budgetten" }).click(), /^\/beheer\/havenstad\/budgetten$/);
    await follow(desk, () => desk.getByRole("link", { name: new RegExp(`^${POT}`) }).click(), new RegExp(`/budgetten/${UUID}$`));
    const potPath = new URL(desk.url()).pathname;
    const before = await potFigures(desk);
    await follow(desk, () => desk.getByRole("link", { name: ACTIVITY }).click(), new RegExp(`/budgetten/aanvragen/${UUID}$`));
    const requestText = await desk.locator("main").innerText();
    for (const expected of ["Planten en bloembollen", "Potgrond", formatEuros(12_000)]) expect(requestText).toContain(expected);
    await submit(desk, "Toekennen", "De aanvraag is toegekend.");
    expect(await desk.getByTestId("request-status").innerText()).toContain("Toegekend");

    // 3. A visitor finds the activity in Havenstad's public calendar, with Chris as organiser.
    const visitor = await newTab(DESKTOP);
    {
      const { page } = visitor;
      await page.goto("/");
      await check(page);
      await follow(page, () => page.getByRole("link", { name: "Havenstad", exact: true }).first().click(), /^\/havenstad$/);
      await follow(page, () => page.getByRole("link", { name: "Activiteiten in Havenstad" }).click(), /^\/havenstad\/activiteiten$/);
      await page.getByLabel("Zoekwoorden").fill("bloembakken");
      await follow(page, () => page.getByRole("button", { name: "Zoeken", exact: true }).click(), /^\/havenstad\/activiteiten$/);
      await follow(page, () => page.getByRole("link", { name: ACTIVITY }).first().click(), new RegExp(`^/havenstad/activiteiten/${activityId}$`));
      expect(await page.locator("main").innerText()).toContain("Chris");
    }
    await visitor.close();

    // 4. Chris's invite link, as his invite page shows it (the QR code holds the same address)…
    await follow(phone, () => phone.getByRole("navigation", { name: "Jouw organisatie" }).getByRole("link", { name: "Uitnodigen" }).click(), /^\/mijn-activiteiten\/uitnodigen$/);
    const link = await phone.getByLabel("Link om te delen").first().inputValue();
    expect(link).toMatch(/\/doe-mee\/[A-Za-z0-9_-]{12}$/);
    const recruited = phone.locator('[data-testid^="recruited-person:"]');
    const recruitedBefore = Number(await recruited.innerText());

    // …opened by a neighbour without an account, who browses the calendar and signs up.
    const neighbour = await newTab(PHONE, true);
    {
      const { page } = neighbour;
      await page.goto(new URL(link).pathname);
      await check(page);
      await page.getByRole("heading", { level: 1, name: "Chris nodigt je uit" }).waitFor();
      await page.getByRole("link", { name: ACTIVITY }).waitFor();
      await follow(page, () => page.getByRole("link", { name: "Bekijk de hele agenda van Havenstad" }).click(), /^\/havenstad\/activiteiten$/);
      await page.getByLabel("Zoekwoorden").fill("bloembakken");
      await follow(page, () => page.getByRole("button", { name: "Zoeken", exact: true }).click(), /^\/havenstad\/activiteiten$/);
      await follow(page, () => page.getByRole("link", { name: ACTIVITY }).first().click(), new RegExp(`^/havenstad/activiteiten/${activityId}$`));
      await page.getByLabel("Naam").fill(NEIGHBOUR.name);
      await page.getByLabel("E-mailadres").fill(NEIGHBOUR.email);
      await page.getByLabel("Leeftijd").selectOption("27_66");
      await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
      await page.getByRole("status").getByText("Kijk in je mail").waitFor();
      await check(page);
    }
    await neighbour.close();

    // 5. Chris sees the sign-up counted for his link (a number, never who), per activity too.
    await phone.reload();
    await check(phone);
    await expect.poll(async () => Number(await recruited.innerText()), { timeout: STEP_TIMEOUT }).toBe(recruitedBefore + 1);
    const personalCard = phone.locator("section.invite-card").filter({ has: recruited });
    expect(await personalCard.locator(".invite-card__activities li").filter({ hasText: ACTIVITY }).innerText()).toContain("Aanmeldingen via je link: 1");
    expect(await phone.locator("main").innerText()).not.toContain(NEIGHBOUR.name);

    // SQL, the passing of time: the morning of the activity has come; it began a quarter of an
    // hour ago, so the door list opens (check-in is possible from the start).
    await query(database.url, "update activities set starts_at = now() - interval '15 minutes', ends_at = now() + interval '105 minutes' where id = $1", [activityId]);

    // He checks the neighbour in at the door, on his phone.
    await follow(phone, () => phone.getByRole("navigation", { name: "Jouw organisatie" }).getByRole("link", { name: "Activiteiten" }).click(), /^\/mijn-activiteiten$/);
    await follow(phone, () => phone.getByRole("link", { name: ACTIVITY }).first().click(), new RegExp(`^/mijn-activiteiten/${activityId}$`));
    await follow(phone, () => phone.getByRole("link", { name: "Aanwezigheid bijhouden" }).click(), new RegExp(`^/mijn-activiteiten/${activityId}/aanwezig$`));
    await Promise.all([phone.waitForURL(/melding=aanwezigheid/), phone.getByRole("button", { name: `Aanwezig: ${NEIGHBOUR.name}` }).click()]);
    await phone.getByText("De aanwezigheid is opgeslagen.").waitFor();
    await check(phone);
    await phone.getByText("1 aangemeld, 1 aanwezig, 0 niet gekomen, 0 op de wachtlijst.").waitFor();

    // SQL, the passing of time: the activity is over (it ended a few minutes ago), so the
    // evaluation and the settlement open.
    await query(database.url, "update activities set starts_at = now() - interval '2 hours 5 minutes', ends_at = now() - interval '5 minutes' where id = $1", [activityId]);

    // 6. Chris evaluates: the turnout and the first-timers come from the check-in.
    await follow(phone, () => phone.getByRole("link", { name: "Terug naar je activiteit", exact: true }).click(), new RegExp(`^/mijn-activiteiten/${activityId}$`));
    await follow(phone, () => phone.getByRole("link", { name: "Evaluatie invullen" }).click(), new RegExp(`^/mijn-activiteiten/${activityId}/evaluatie$`));
    expect(await phone.getByLabel("Hoeveel mensen kwamen er?").inputValue()).toBe("1");
    expect(await phone.getByLabel("Hoeveel van hen deden voor het eerst mee?").inputValue()).toBe("1");
    await phone.getByLabel("Wat ging goed?").fill("Iedereen hielp mee en de bakken zijn vol.");
    await phone.getByLabel("Wat zou je een volgende keer anders doen?").fill("Meer schepjes meenemen.");
    await submit(phone, "Evaluatie opslaan en activiteit afronden", "Dank je! De activiteit is afgerond");

    // He sends the receipt and what he spent from the activity's budget page.
    await follow(phone, () => phone.getByRole("link", { name: "Terug naar je activiteit", exact: true }).click(), new RegExp(`^/mijn-activiteiten/${activityId}$`));
    await follow(phone, () => phone.getByRole("link", { name: "Budget: aanvragen en verantwoorden" }).click(), new RegExp(`^/mijn-activiteiten/${activityId}/budget$`));
    const receipt = await sharp({ create: { width: 60, height: 80, channels: 3, background: "#ffffff" } }).png().toBuffer();
    await phone.getByLabel("Bonnetjes (foto of pdf)").setInputFiles({ name: "bon-tuincentrum.png", mimeType: "image/png", buffer: receipt });
    await phone.getByLabel("Uitgegeven in euro").fill("95,60");
    await phone.getByLabel("Toelichting").fill("De potgrond was in de aanbieding.");
    await submit(phone, "Verantwoording versturen", "Je verantwoording is verstuurd.");
    expect(await phone.getByTestId("request-status").first().innerText()).toContain("Verantwoording wacht op akkoord");
    await citytrainer.close();

    // 7. The project leader accepts the settlement; the pot shows the spend, its figures checked.
    await follow(desk, () => desk.getByRole("link", { name: `Terug naar ${POT}` }).click(), new RegExp(`^${potPath}$`));
    await follow(desk, () => desk.getByRole("link", { name: ACTIVITY }).click(), new RegExp(`/budgetten/aanvragen/${UUID}$`));
    expect(await desk.locator("main").innerText()).toContain("bon-tuincentrum.png");
    await submit(desk, "Akkoord, afrekenen", "De aanvraag is afgerekend.");
    expect(await desk.getByTestId("request-status").innerText()).toContain("Afgerekend");
    await follow(desk, () => desk.getByRole("link", { name: `Terug naar ${POT}` }).click(), new RegExp(`^${potPath}$`));
    // Granted counts what was given out (120,00); spent and available follow what was spent (95,60).
    expect(await shownFigure(desk, "Toegekend").innerText()).toBe(formatEuros(before.Toegekend! + 12_000));
    expect(await shownFigure(desk, "Uitgegeven").innerText()).toBe(formatEuros(before.Uitgegeven! + 9_560));
    expect(await shownFigure(desk, "Beschikbaar").innerText()).toBe(formatEuros(before.Beschikbaar! - 9_560));
    expect(await shownFigure(desk, "Gereserveerd").innerText()).toBe(formatEuros(before.Gereserveerd!));
    await desk.getByTestId("figures-checked").getByText("Cijfers gecontroleerd").waitFor();
    await projectLeader.close();
  });
});
