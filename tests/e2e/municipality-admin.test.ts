/**
 * Running a municipality in a real browser, as the people who do it: the project leader of
 * Havenstad sets the colour and logo, adds a neighbourhood and a partner and invites a course
 * leader; the invitation arrives in the mail viewer; the invited person accepts it on a phone;
 * the network coordinator adds a municipality and appoints its project leader; the public page
 * shows the new look. Every page and every form's error state is checked with axe; every form is
 * also used without JavaScript.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { invitations, memberships, municipalities, neighbourhoods, partnerOrganisations, users } from "~/lib/db/schema";
import { expectAccessible, launchBrowser, openPage, visit, type TestPage } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { signInBrowserAs } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;

const PROJECT_LEADER = "projectleider@havenstad.example";
const COORDINATOR = "coordinator@buurtkracht.example";
const NEW_COURSE_LEADER = "nieuwe.cursusleider@havenstad.example";
const PHONE = { width: 360, height: 740 };

/** The invitation link the project leader's mail contains, read from the mail viewer. */
let invitationLink = "";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page whose waits fail after 15 s with a clear message instead of running into the test timeout. */
async function newPage(options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}) {
  const tab = await openPage(browser, { baseURL: server.url, ...options });
  tab.page.setDefaultTimeout(15_000);
  return tab;
}

async function signedInPage(email: string, options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}) {
  const tab = await newPage(options);
  await signInBrowserAs(tab.context, server.url, database.url, email);
  return tab;
}

/**
 * Opens a page without JavaScript. axe-core needs JavaScript in the page, so pages opened this way
 * are checked with axe in the JavaScript tests above (including their error states).
 */
async function open(tab: TestPage, path: string): Promise<void> {
  const response = await tab.page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(200);
}

/** Chromium reports an expected 4xx answer to a form as a console error; only those are forgiven. */
function forgiveExpectedStatus(tab: TestPage, status: number) {
  const expected = `status of ${status}`;
  for (let i = tab.problems.length - 1; i >= 0; i--) if (tab.problems[i]!.includes(expected)) tab.problems.splice(i, 1);
}

async function havenstad() {
  const [row] = await db().select().from(municipalities).where(eq(municipalities.slug, "havenstad"));
  return row!;
}

describe("a project leader runs Havenstad", () => {
  it("sets the colour and logo, adds a neighbourhood and a partner, and invites a course leader", async () => {
    const tab = await signedInPage(PROJECT_LEADER);
    const { page } = tab;
    await visit(tab, "/beheer/havenstad");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Beheer Havenstad");
    const staffNav = page.getByRole("navigation", { name: "Beheer van de gemeente" });
    await staffNav.getByRole("link", { name: "Instellingen" }).click();
    await page.waitForURL(/\/beheer\/havenstad\/instellingen$/);
    await expectAccessible(page);

    // A wrong colour: the error summary and the field say what is wrong (checked with axe too).
    await page.getByLabel("Huiskleur").fill("paars");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.getByRole("alert").getByText("Kies een kleur als #rrggbb, bijvoorbeeld #1d4f91.").waitFor();
    await expectAccessible(page);
    forgiveExpectedStatus(tab, 400);
    expect((await havenstad()).themeColour).toBe("#1d4f91");

    const logo = await sharp({ create: { width: 400, height: 160, channels: 4, background: "#f2b705" } }).png().toBuffer();
    await page.getByLabel("Huiskleur").fill("#7a1f5c");
    await page.getByLabel("Introductietekst").fill("Samen maken we Havenstad sterker.");
    await page.getByLabel("Logo").setInputFiles({ name: "logo-havenstad.png", mimeType: "image/png", buffer: logo });
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.waitForURL(/melding=opgeslagen/);
    await page.getByText("De wijzigingen zijn opgeslagen.").waitFor();
    await expectAccessible(page);
    const saved = await havenstad();
    expect(saved.themeColour).toBe("#7a1f5c");
    expect(saved.logoPath).toMatch(/\.webp$/);
    expect(saved.introduction).toBe("Samen maken we Havenstad sterker.");
    // The header takes the new colour; the preview states the contrast of the text on it.
    expect(await page.locator("header.site-header").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(122, 31, 92)");
    expect(await page.getByTestId("theme-preview").textContent()).toMatch(/Contrast van de tekst: \d+\.\d:1\. De tekst op deze kleur is wit\./);

    await staffNav.getByRole("link", { name: "Wijken" }).click();
    await page.waitForURL(/\/wijken$/);
    await expectAccessible(page);
    await page.getByLabel("Naam van de wijk").fill("Centrum");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.getByRole("alert").getByText("Deze gemeente heeft al een wijk met deze naam.").waitFor();
    await expectAccessible(page);
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Naam van de wijk").fill("Nieuwe Haven");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.waitForURL(/melding=toegevoegd/);
    await page.getByLabel("Nieuwe naam voor Nieuwe Haven").waitFor();
    await expectAccessible(page);
    expect(await db().select().from(neighbourhoods).where(and(eq(neighbourhoods.municipalityId, saved.id), eq(neighbourhoods.name, "Nieuwe Haven")))).toHaveLength(1);

    await staffNav.getByRole("link", { name: "Partners" }).click();
    await page.waitForURL(/\/partners$/);
    await expectAccessible(page);
    await page.getByLabel("Naam van de organisatie").fill("Buurthuis De Kade");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.getByRole("alert").getByText("Kies een soort organisatie uit de lijst.").waitFor();
    await expectAccessible(page);
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Soort organisatie").selectOption("welfare");
    await page.getByLabel("Website").fill("https://dekade.example.nl");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.waitForURL(/melding=toegevoegd/);
    await page.getByRole("link", { name: /Buurthuis De Kade/ }).click();
    await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    const [partner] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, "Buurthuis De Kade"));
    expect(partner).toMatchObject({ kind: "welfare", municipalityId: saved.id });

    await staffNav.getByRole("link", { name: "Team", exact: true }).click();
    await page.waitForURL(/\/team$/);
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill(NEW_COURSE_LEADER);
    await page.getByLabel("Rol", { exact: true }).selectOption("partner_contact");
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await page.getByRole("alert").getByText("Kies de partnerorganisatie waar deze persoon voor werkt.").waitFor();
    await expectAccessible(page);
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Rol", { exact: true }).selectOption("course_leader");
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await page.waitForURL(/melding=uitgenodigd/);
    await page.getByRole("cell", { name: NEW_COURSE_LEADER, exact: true }).waitFor();
    await expectAccessible(page);

    // The invitation mail is in the mail viewer (no SMTP in this test), with a working link.
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Verzonden mail" }).click();
    await page.waitForURL(/\/beheer\/mail$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Uitnodiging: cursusleider bij Havenstad" }).click();
    await page.waitForURL(/\/beheer\/mail\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    const body = page.getByTestId("mail-body");
    expect(await body.textContent()).toContain("Pieter Projectleider nodigt je uit om op Buurtkracht mee te werken als cursusleider bij Havenstad.");
    invitationLink = (await body.getByRole("link").first().getAttribute("href"))!;
    expect(invitationLink).toMatch(new RegExp(`^${server.url}/uitnodiging/[A-Za-z0-9_-]{43}$`));
    await tab.close();
  });

  it("shows the new colour, logo, neighbourhood and partner on the public page", async () => {
    const tab = await newPage();
    const { page } = tab;
    await visit(tab, "/havenstad");
    expect(await page.locator("header.site-header").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(122, 31, 92)");
    expect(await page.locator("header.site-header").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 255, 255)");
    const logo = page.getByRole("img", { name: "Logo van Havenstad" });
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.getByText("Samen maken we Havenstad sterker.").count()).toBe(1);
    const neighbourhoodList = page.getByRole("region", { name: "Wijken" });
    expect(await neighbourhoodList.getByText("Nieuwe Haven", { exact: true }).count()).toBe(1);
    const partnerList = page.getByRole("region", { name: "Partnerorganisaties" });
    expect(await partnerList.getByRole("heading", { name: "Buurthuis De Kade" }).count()).toBe(1);
    expect(await partnerList.getByText("Welzijn", { exact: true }).count()).toBeGreaterThanOrEqual(1);
    // Another municipality keeps its own colour.
    await visit(tab, "/rivierendal");
    expect(await page.locator("header.site-header").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(11, 110, 79)");
    await tab.close();
  });
});

describe("the invited course leader accepts on a phone", () => {
  it("sees what the invitation is for, signs in, accepts and gets the role", async () => {
    expect(invitationLink).not.toBe("");
    const path = new URL(invitationLink).pathname;
    const tab = await newPage({ viewport: PHONE });
    const { page } = tab;
    await visit(tab, path);
    expect(await page.getByText("Pieter Projectleider nodigt je uit als cursusleider bij Havenstad.").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Inloggen en de uitnodiging aannemen" }).getAttribute("href")).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(path)}`,
    );
    expect(await page.getByRole("link", { name: "Account maken en de uitnodiging aannemen" }).getAttribute("href")).toContain(
      `/registreren?redirectTo=${encodeURIComponent(path)}`,
    );

    // The person has an account with the invited address (with two-step sign-in set up, as staff need).
    const userId = randomUUID();
    await db().insert(users).values({ id: userId, name: "Cato Cursusleider", email: NEW_COURSE_LEADER, emailVerified: true, twoFactorEnabled: true });
    await signInBrowserAs(tab.context, server.url, database.url, NEW_COURSE_LEADER);
    await visit(tab, path);
    await page.getByRole("button", { name: "Uitnodiging aannemen" }).click();
    await page.getByRole("heading", { name: "Uitnodiging aangenomen" }).waitFor();
    await expectAccessible(page);
    const [membership] = await db().select().from(memberships).where(eq(memberships.userId, userId));
    expect(membership).toMatchObject({ role: "course_leader", municipalityId: (await havenstad()).id, partnerOrganisationId: null });
    const [invitation] = await db().select().from(invitations).where(eq(invitations.email, NEW_COURSE_LEADER));
    expect(invitation!.acceptedBy).toBe(userId);

    await page.getByRole("link", { name: "Naar het beheer van Havenstad" }).click();
    await page.waitForURL(/\/beheer\/havenstad$/);
    await expectAccessible(page);
    expect(await page.getByText("Je rol hier: cursusleider").count()).toBe(1);
    // A course leader's menu leads to Havenstad's staff area, not to settings, the network or the mail.
    expect(await page.locator('a[href="/beheer/havenstad"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/beheer/havenstad/instellingen"]').count()).toBe(0);
    expect(await page.locator('a[href="/netwerk"]').count()).toBe(0);
    expect(await page.locator('a[href="/beheer/mail"]').count()).toBe(0);

    // Signed out, the used link explains itself.
    await tab.context.clearCookies();
    await visit(tab, path, 410);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Uitnodiging al gebruikt");
    forgiveExpectedStatus(tab, 410);
    await tab.close();
  });
});

describe("the network coordinator", () => {
  it("creates a municipality and appoints its project leader", async () => {
    const tab = await signedInPage(COORDINATOR);
    const { page } = tab;
    await visit(tab, "/netwerk");
    await page.getByLabel("Naam van de gemeente").fill("Duinwijk");
    await page.getByLabel("Webadres").fill("beheer");
    await page.getByRole("button", { name: "Gemeente aanmaken" }).click();
    await page.getByRole("alert").getByText("Dit webadres is gereserveerd voor een pagina van Buurtkracht.").waitFor();
    await expectAccessible(page);
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Webadres").fill("duinwijk");
    await page.getByLabel("Huiskleur").fill("#0a5c7a");
    await page.getByRole("button", { name: "Gemeente aanmaken" }).click();
    await page.waitForURL(/melding=aangemaakt/);
    await page.getByRole("cell", { name: /Duinwijk/ }).first().waitFor();
    await expectAccessible(page);

    await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Duinwijk" });
    await page.getByLabel("E-mailadres").fill("projectleider@duinwijk.example");
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await page.waitForURL(/melding=uitgenodigd/);
    await expectAccessible(page);
    const [duinwijk] = await db().select().from(municipalities).where(eq(municipalities.slug, "duinwijk"));
    const [invitation] = await db().select().from(invitations).where(eq(invitations.email, "projectleider@duinwijk.example"));
    expect(invitation).toMatchObject({ role: "project_leader", municipalityId: duinwijk!.id });

    await visit(tab, "/beheer/mail");
    await page.getByRole("link", { name: "Uitnodiging: projectleider bij Duinwijk" }).waitFor();
    // Not public until it is published from its settings.
    await visit(tab, "/duinwijk", 404);
    forgiveExpectedStatus(tab, 404);
    await visit(tab, "/beheer/duinwijk/instellingen");
    await page.getByText("Deze gemeente is nog niet openbaar.").waitFor();
    await page.getByRole("button", { name: "Gemeente openbaar maken" }).click();
    await page.getByText("De gemeente is nu openbaar.").waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Openbare pagina bekijken" }).click();
    await page.waitForURL(/\/duinwijk$/);
    expect(await page.locator("header.site-header").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(10, 92, 122)");
    await tab.close();
  });
});

describe("every form works without JavaScript", () => {
  it("settings, neighbourhoods, partners and team", async () => {
    const tab = await signedInPage(PROJECT_LEADER, { javaScriptEnabled: false });
    const { page } = tab;

    await open(tab, "/beheer/havenstad/instellingen");
    await page.getByLabel("Huiskleur").fill("rood");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.getByRole("alert").getByText("Kies een kleur als #rrggbb").waitFor();
    expect(await page.getByLabel("Huiskleur").getAttribute("aria-invalid")).toBe("true");
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Huiskleur").fill("#7a1f5c");
    await page.getByLabel("Introductietekst").fill("Zonder JavaScript bewaard.");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.getByText("De wijzigingen zijn opgeslagen.").waitFor();
    expect((await havenstad()).introduction).toBe("Zonder JavaScript bewaard.");

    await open(tab, "/beheer/havenstad/wijken");
    await page.getByLabel("Naam van de wijk").fill("Centrum");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.getByRole("alert").getByText("Deze gemeente heeft al een wijk met deze naam.").waitFor();
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Naam van de wijk").fill("Zonder Script");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.getByLabel("Nieuwe naam voor Zonder Script").fill("Zonder Script Noord");
    await page.getByRole("button", { name: "Naam opslaan Zonder Script" }).click();
    await page.getByLabel("Nieuwe naam voor Zonder Script Noord").waitFor();
    // Deleting asks first, says what it takes with it, and can be undone from the notice.
    await page.getByRole("link", { name: "Verwijderen Zonder Script Noord" }).click();
    await page.getByRole("heading", { name: "Wijk Zonder Script Noord verwijderen?" }).waitFor();
    await page.getByText("Er zijn geen activiteiten in deze wijk.").waitFor();
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.name, "Zonder Script Noord"))).toHaveLength(1);
    await page.getByRole("button", { name: "Ja, wijk verwijderen" }).click();
    await page.getByText("Wijk Zonder Script Noord is verwijderd.").waitFor();
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.name, "Zonder Script Noord"))).toEqual([]);
    await page.getByRole("button", { name: "Ongedaan maken" }).click();
    await page.getByText("De verwijdering is ongedaan gemaakt.").waitFor();
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.name, "Zonder Script Noord"))).toHaveLength(1);
    await page.getByRole("link", { name: "Verwijderen Zonder Script Noord" }).click();
    await page.getByRole("button", { name: "Ja, wijk verwijderen" }).click();
    await page.getByText("Wijk Zonder Script Noord is verwijderd.").waitFor();
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.name, "Zonder Script Noord"))).toEqual([]);

    await open(tab, "/beheer/havenstad/partners");
    await page.getByLabel("Naam van de organisatie").fill("Voetbalclub Zonder Script");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.getByRole("alert").getByText("Kies een soort organisatie uit de lijst.").waitFor();
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Soort organisatie").selectOption("sport");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await page.getByRole("link", { name: /Voetbalclub Zonder Script/ }).click();
    await page.getByLabel("Soort organisatie").selectOption("school");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.getByText("De wijzigingen zijn opgeslagen.").waitFor();
    const [club] = await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.name, "Voetbalclub Zonder Script"));
    expect(club!.kind).toBe("school");

    await open(tab, "/beheer/havenstad/team");
    await page.getByLabel("E-mailadres").fill("begeleider.noscript@voorbeeld.nl");
    await page.getByLabel("Rol", { exact: true }).selectOption("practice_supervisor");
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await page.getByRole("alert").getByText("Kies de partnerorganisatie waar deze persoon voor werkt.").waitFor();
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Partnerorganisatie").selectOption({ label: "Voetbalclub Zonder Script" });
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await page.getByText("De uitnodiging is verstuurd.").waitFor();
    expect(await db().select().from(invitations).where(eq(invitations.email, "begeleider.noscript@voorbeeld.nl"))).toHaveLength(1);
    await page.getByRole("button", { name: "Intrekken begeleider.noscript@voorbeeld.nl" }).click();
    await page.getByText("De uitnodiging is ingetrokken.").waitFor();
    expect(await db().select().from(invitations).where(eq(invitations.email, "begeleider.noscript@voorbeeld.nl"))).toEqual([]);
    await tab.close();
  });

  it("the network page", async () => {
    const tab = await signedInPage(COORDINATOR, { javaScriptEnabled: false, viewport: PHONE });
    const { page } = tab;
    await open(tab, "/netwerk");
    await page.getByLabel("Naam van de gemeente").fill("Tweede Havenstad");
    await page.getByLabel("Webadres").fill("havenstad");
    await page.getByRole("button", { name: "Gemeente aanmaken" }).click();
    await page.getByRole("alert").getByText("Een andere gemeente gebruikt dit webadres al.").waitFor();
    forgiveExpectedStatus(tab, 400);
    await page.getByLabel("Webadres").fill("kustdorp");
    await page.getByRole("button", { name: "Gemeente aanmaken" }).click();
    await page.getByText("De gemeente is aangemaakt.").waitFor();
    expect(await db().select().from(municipalities).where(eq(municipalities.slug, "kustdorp"))).toHaveLength(1);
    await tab.close();
  });
});
