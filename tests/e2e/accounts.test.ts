/**
 * The account and sign-in experience as people use it, in a real browser: creating an account,
 * signing in with a password (and a code for staff), with an emailed link, resetting a password,
 * the profile, setting up two-step verification, signing out. Every page is checked with axe.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { expectAccessible, launchBrowser, openPage, visit, type TestPage } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signInBrowserAs } from "../support/session";
import { totpCode, unusedTotpCode } from "../support/totp";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, createPerson, lastMail, linkIn, mailsTo, query } from "../support/accounts";

let server: TestServer;
let browser: Browser;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Chromium reports a 4xx document as a console error; these are the answers the test expects. */
function allowStatus(tab: TestPage, ...statuses: number[]): void {
  for (let i = tab.problems.length - 1; i >= 0; i--) {
    if (statuses.some((status) => tab.problems[i]!.includes(`status of ${status}`))) tab.problems.splice(i, 1);
  }
}

/** Clicks the named button in the page's main content and waits for the page the form leads to. */
async function submit(page: Page, button: string): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation(), page.locator("main").getByRole("button", { name: button, exact: true }).click()]);
  return response?.status();
}

/** The sign-out button in the page header. */
async function signOutFromHeader(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/$/), page.locator("header").getByRole("button", { name: "Uitloggen" }).click()]);
}

async function signInWithForm(page: Page, email: string, password: string): Promise<number | undefined> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  return submit(page, "Inloggen");
}

async function navigationLinks(page: Page): Promise<string[]> {
  return page.locator("nav.site-nav a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

async function userRow(email: string) {
  const [row] = await query<{ id: string; name: string; locale: string; email_verified: boolean; two_factor_enabled: boolean }>(
    databaseUrl,
    "select id, name, locale, email_verified, two_factor_enabled from users where email = $1",
    [email],
  );
  return row;
}

describe("creating an account", () => {
  it("signs up on a phone, confirms from the mail and lands signed in", async () => {
    const tab = await openPage(browser, { baseURL: server.url, viewport: { width: 360, height: 740 } });
    const { page } = tab;
    await visit(tab, "/registreren");

    // Nothing filled in: messages for every field, and no account.
    const usersBefore = await query(databaseUrl, "select count(*)::int as n from users");
    expect(await submit(page, "Account maken")).toBe(400);
    await expectAccessible(page);
    // The summary names each field.
    expect(await page.getByRole("alert").textContent()).toContain("Naam: vul dit veld in.");
    expect(await page.getByRole("alert").textContent()).toContain("E-mailadres: vul dit veld in.");
    await page.getByLabel("Wachtwoord").fill("kort");
    expect(await submit(page, "Account maken")).toBe(400);
    expect(await page.getByRole("alert").textContent()).toContain("minimaal 10 tekens");
    expect(await query(databaseUrl, "select count(*)::int as n from users")).toEqual(usersBefore);

    await page.getByLabel("Naam").fill("Fatima el Amrani");
    await page.getByLabel("E-mailadres").fill("Fatima@Example.org");
    await page.getByLabel("Wachtwoord").fill("een lange zin als wachtwoord");
    await page.getByLabel("Voorkeurstaal").selectOption("en");
    expect(await submit(page, "Account maken")).toBe(200);
    await expectAccessible(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Kijk in je mailbox");
    expect(await userRow("fatima@example.org")).toMatchObject({ name: "Fatima el Amrani", locale: "en", email_verified: false });

    const mail = await lastMail(databaseUrl, "fatima@example.org", "verify-email");
    expect(mail.subject).toBe("Confirm your email address for Buurtkracht");
    const link = linkIn(mail);
    expect(link).toMatch(/\/api\/auth\/verify-email\?token=/);
    await page.goto(link);
    await page.waitForURL(/\/account$/);
    await expectAccessible(page);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("My account");
    expect(await page.getByRole("link", { name: "My account" }).count()).toBe(1);
    expect((await userRow("fatima@example.org"))?.email_verified).toBe(true);
    allowStatus(tab, 400);
    await tab.close();
  });

  it("gives the same answer for an address that already has an account, and tells its owner by mail", async () => {
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await visit(tab, "/registreren");
    await page.getByLabel("Naam").fill("Iemand Anders");
    await page.getByLabel("E-mailadres").fill("bewoner@buurtkracht.example");
    await page.getByLabel("Wachtwoord").fill("een ander lang wachtwoord");
    expect(await submit(page, "Account maken")).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Kijk in je mailbox");
    expect((await userRow("bewoner@buurtkracht.example"))?.name).toBe("Sam Bewoner");
    const mails = await mailsTo(databaseUrl, "bewoner@buurtkracht.example");
    expect(mails.map((m) => m.kind)).toContain("existing-account");
    expect(mails.map((m) => m.kind)).not.toContain("verify-email");
    await tab.close();
  });

  it("explains an unconfirmed account at sign-in and sends the confirmation again", async () => {
    await createPerson(databaseUrl, { email: "nog-niet@example.org", password: "wachtwoord-van-mij", verified: false });
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await visit(tab, "/inloggen");
    expect(await signInWithForm(page, "nog-niet@example.org", "wachtwoord-van-mij")).toBe(400);
    await expectAccessible(page);
    expect(await page.getByRole("alert").textContent()).toContain("nog niet bevestigd");
    expect(await submit(page, "Stuur de bevestigingsmail opnieuw")).toBe(200);
    await expectAccessible(page);
    expect(await page.getByRole("status").first().textContent()).toContain("nieuwe bevestigingslink");
    const link = linkIn(await lastMail(databaseUrl, "nog-niet@example.org", "verify-email"));
    await page.goto(link);
    await page.waitForURL(/\/account$/);
    expect((await userRow("nog-niet@example.org"))?.email_verified).toBe(true);
    allowStatus(tab, 400);
    await tab.close();
  });
});

describe("signing in with a password", () => {
  const roles = [
    { email: "coordinator@buurtkracht.example", staff: true, links: ["/netwerk", "/beheer/mail"], not: ["/beheer/havenstad"] },
    { email: "projectleider@havenstad.example", staff: true, links: ["/beheer/havenstad", "/beheer/mail"], not: ["/netwerk", "/beheer/rivierendal"] },
    { email: "projectleider@rivierendal.example", staff: true, links: ["/beheer/rivierendal"], not: ["/netwerk", "/beheer/havenstad"] },
    { email: "cursusleider@havenstad.example", staff: true, links: ["/beheer/havenstad"], not: ["/netwerk", "/beheer/mail"] },
    { email: "begeleider@havenstad.example", staff: true, links: ["/beheer/havenstad"], not: ["/netwerk", "/beheer/mail"] },
    { email: "partner@havenstad.example", staff: true, links: ["/beheer/havenstad"], not: ["/netwerk", "/beheer/mail"] },
    { email: "cursist@buurtkracht.example", staff: false, links: [], not: ["/netwerk", "/beheer/mail", "/beheer/havenstad"] },
    { email: "bewoner@buurtkracht.example", staff: false, links: [], not: ["/netwerk", "/beheer/mail", "/beheer/havenstad"] },
  ];

  // The sign-in and code pages are the same for everyone: axe checks them on the first visit.
  let checked = { signIn: false, code: false };

  it.each(roles)("signs in as $email and shows that role's navigation", async ({ email, staff, links, not }) => {
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    if (checked.signIn) expect((await page.goto("/inloggen"))?.status()).toBe(200);
    else await visit(tab, "/inloggen");
    expect(await signInWithForm(page, email, DEMO_PASSWORD)).toBe(200);
    if (staff) {
      expect(new URL(page.url()).pathname).toBe("/inloggen/tweestaps");
      if (!checked.code) await expectAccessible(page);
      checked = { signIn: true, code: true };
      await page.getByLabel("Code", { exact: true }).fill(await unusedTotpCode(databaseUrl, email, DEMO_TOTP_SECRET));
      await submit(page, "Inloggen");
    }
    expect(new URL(page.url()).pathname).toBe("/account");
    // The account page shows each role's own navigation, so it is checked every time.
    await expectAccessible(page);
    checked.signIn = true;
    const navigation = await navigationLinks(page);
    expect(navigation).toContain("/account");
    for (const link of links) expect(navigation).toContain(link);
    for (const link of not) expect(navigation).not.toContain(link);
    expect(await page.getByRole("link", { name: "Inloggen" }).count()).toBe(0);
    await tab.close();
  });

  it("goes back to the page that asked for sign-in", async () => {
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await page.goto("/account/tweestapsverificatie");
    await page.waitForURL(/\/inloggen\?redirectTo=%2Faccount%2Ftweestapsverificatie$/);
    await expectAccessible(page);
    await signInWithForm(page, "cursist@buurtkracht.example", DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/account/tweestapsverificatie");
    // Opening the sign-out page only asks; the session is still there afterwards.
    await visit(tab, "/uitloggen");
    await visit(tab, "/account");
    await tab.close();
  });

  it("signs the resident in and out with the keyboard alone", async () => {
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await visit(tab, "/inloggen");
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
    for (let i = 0; i < 30 && (await focusedId()) !== "field-email"; i++) await page.keyboard.press("Tab");
    expect(await focusedId()).toBe("field-email");
    await page.keyboard.type("bewoner@buurtkracht.example");
    await page.keyboard.press("Tab");
    expect(await focusedId()).toBe("field-password");
    await page.keyboard.type(DEMO_PASSWORD);
    await Promise.all([page.waitForURL(/\/account$/), page.keyboard.press("Enter")]);
    await expectAccessible(page);

    // Sign out: Tab to the header's sign-out button and press Enter.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    for (let i = 0; i < 30 && (await focusedText()) !== "Uitloggen"; i++) await page.keyboard.press("Tab");
    expect(await focusedText()).toBe("Uitloggen");
    await Promise.all([page.waitForURL(`${server.url}/`), page.keyboard.press("Enter")]);
    expect(await page.getByRole("link", { name: "Inloggen" }).count()).toBe(1);
    await tab.close();
  });
});

describe("emailed sign-in links", () => {
  it("signs the resident in with a link; a staff account gets a mail without one", async () => {
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await visit(tab, "/inloggen");
    await Promise.all([page.waitForURL(/\/inloggen\/link$/), page.getByRole("link", { name: /link per e-mail/ }).click()]);
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill("bewoner@buurtkracht.example");
    expect(await submit(page, "Stuur mij een inloglink")).toBe(200);
    await expectAccessible(page);
    expect(await page.getByRole("status").textContent()).toContain("Als er een account bij bewoner@buurtkracht.example hoort");
    const link = linkIn(await lastMail(databaseUrl, "bewoner@buurtkracht.example", "magic-link"));
    await page.goto(link);
    await page.waitForURL(/\/account$/);
    await expectAccessible(page);
    expect(await page.getByText("Je bent ingelogd als bewoner@buurtkracht.example.").count()).toBe(1);

    // A link works once: the second time it leads back to the form with an explanation.
    const again = await openPage(browser, { baseURL: server.url });
    await again.page.goto(link);
    await again.page.waitForURL(/\/inloggen\/link\?link=ongeldig/);
    await expectAccessible(again.page);
    expect(await again.page.getByText("verlopen of al gebruikt").count()).toBe(1);
    await again.close();

    // Staff sign in with password and code; the link would skip the code, so none is sent.
    await signOutFromHeader(page);
    await visit(tab, "/inloggen/link");
    await page.getByLabel("E-mailadres").fill("projectleider@havenstad.example");
    expect(await submit(page, "Stuur mij een inloglink")).toBe(200);
    expect(await page.getByRole("status").textContent()).toContain("Als er een account bij projectleider@havenstad.example hoort");
    const staffMails = await mailsTo(databaseUrl, "projectleider@havenstad.example");
    expect(staffMails.map((m) => m.kind)).toEqual(["magic-link-refused"]);
    expect(staffMails[0]!.text_body).not.toContain("magic-link/verify");
    expect(staffMails[0]!.text_body).toContain("/inloggen");
    await tab.close();
  });
});

describe("a forgotten password", () => {
  it("is replaced through the mailed link, after which only the new one works", async () => {
    await createPerson(databaseUrl, { email: "vergeetachtig@example.org", password: "het-oude-wachtwoord" });
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await visit(tab, "/inloggen");
    await Promise.all([page.waitForURL(/\/wachtwoord-vergeten$/), page.getByRole("link", { name: "Wachtwoord vergeten?" }).click()]);
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill("vergeetachtig@example.org");
    expect(await submit(page, "Stuur de link")).toBe(200);
    await expectAccessible(page);

    await page.goto(linkIn(await lastMail(databaseUrl, "vergeetachtig@example.org", "reset-password")));
    await page.waitForURL(/\/wachtwoord-herstellen\?token=/);
    await expectAccessible(page);
    await page.getByLabel("Nieuw wachtwoord").fill("kort");
    expect(await submit(page, "Wachtwoord opslaan")).toBe(400);
    await page.getByLabel("Nieuw wachtwoord").fill("het-nieuwe-wachtwoord");
    await submit(page, "Wachtwoord opslaan");
    expect(page.url()).toBe(`${server.url}/inloggen?melding=wachtwoord-hersteld`);
    await expectAccessible(page);
    expect(await page.getByRole("status").textContent()).toContain("nieuwe wachtwoord is opgeslagen");

    expect(await signInWithForm(page, "vergeetachtig@example.org", "het-oude-wachtwoord")).toBe(400);
    expect(await signInWithForm(page, "vergeetachtig@example.org", "het-nieuwe-wachtwoord")).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/account");

    // The link has been used up.
    const used = await openPage(browser, { baseURL: server.url });
    await used.page.goto(linkIn(await lastMail(databaseUrl, "vergeetachtig@example.org", "reset-password")));
    await used.page.waitForURL(/\/wachtwoord-herstellen\?error=INVALID_TOKEN/);
    await expectAccessible(used.page);
    expect(await used.page.getByText("Deze link is verlopen of al gebruikt.").count()).toBe(1);
    await used.close();
    allowStatus(tab, 400);
    await tab.close();
  });
});

describe("my account", () => {
  it("changes the name and language (the page switches to English) and the password", async () => {
    await createPerson(databaseUrl, { email: "profiel@example.org", name: "Piet Profiel", password: "eerste-wachtwoord" });
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await signInBrowserAs(tab.context, server.url, databaseUrl, "profiel@example.org");
    await visit(tab, "/account");
    expect(await page.getAttribute("html", "lang")).toBe("nl");

    await page.getByLabel("Naam").fill("");
    expect(await submit(page, "Profiel opslaan")).toBe(400);
    expect((await userRow("profiel@example.org"))?.name).toBe("Piet Profiel");

    await page.getByLabel("Naam").fill("Pieta Profiel");
    await page.getByLabel("Voorkeurstaal").selectOption("en");
    await submit(page, "Profiel opslaan");
    await expectAccessible(page);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("My account");
    expect(await page.getByRole("status").textContent()).toContain("Your profile has been saved.");
    expect(await userRow("profiel@example.org")).toMatchObject({ name: "Pieta Profiel", locale: "en" });

    await page.getByLabel("Current password").fill("niet-het-goede");
    await page.getByLabel("New password").fill("tweede-wachtwoord");
    expect(await submit(page, "Change password")).toBe(400);
    expect(await page.getByRole("alert").textContent()).toContain("Current password: your current password is not correct.");
    await page.getByLabel("Current password").fill("eerste-wachtwoord");
    await page.getByLabel("New password").fill("tweede-wachtwoord");
    await submit(page, "Change password");
    await expectAccessible(page);
    expect(await page.getByRole("status").textContent()).toContain("Your password has been changed.");
    // Still signed in (the session was renewed), and the roles section says there are none.
    expect(await page.getByText("You have no role with a municipality or partner.").count()).toBe(1);
    allowStatus(tab, 400);
    await tab.close();
  });

  it("lists a staff member's roles with the municipality", async () => {
    const tab = await openPage(browser, { baseURL: server.url });
    await signInBrowserAs(tab.context, server.url, databaseUrl, "begeleider@havenstad.example");
    await visit(tab, "/account");
    expect(await tab.page.getByText("Praktijkbegeleider bij Sportvereniging Havenstad Vooruit in Havenstad").count()).toBe(1);
    expect(await tab.page.getByText("Aan: je logt in met je wachtwoord en een code uit je app.").count()).toBe(1);
    await visit(tab, "/account/tweestapsverificatie");
    expect(await tab.page.getByText("je kunt die niet uitzetten").count()).toBe(1);
    expect(await tab.page.getByRole("button", { name: "Uitzetten" }).count()).toBe(0);
    await tab.close();
  });
});

describe("two-step verification for new staff", () => {
  it("sends a new course leader to set it up, then asks for the code at every sign-in", async () => {
    const email = "nieuwe-cursusleider@example.org";
    await createPerson(databaseUrl, { email, password: "mijn-eigen-wachtwoord", role: "course_leader", municipality: "havenstad" });
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await visit(tab, "/inloggen");
    await signInWithForm(page, email, "mijn-eigen-wachtwoord");
    expect(page.url()).toBe(`${server.url}/account/tweestapsverificatie?required=1`);
    await expectAccessible(page);
    expect(await page.getByRole("status").first().textContent()).toContain("Voor je rol (cursusleider) is tweestapsverificatie verplicht");

    // Staff pages wait until it is set up.
    await page.goto("/beheer/havenstad");
    expect(page.url()).toBe(`${server.url}/account/tweestapsverificatie?required=1`);

    await page.getByLabel("Wachtwoord").fill("mijn-eigen-wachtwoord");
    await submit(page, "Doorgaan");
    await expectAccessible(page);
    expect(await page.locator(".totp-qr svg").count()).toBe(1);
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByTestId("backup-codes").locator("li").count()).toBe(10);
    expect((await userRow(email))?.two_factor_enabled).toBe(false);

    await page.getByLabel("Code", { exact: true }).fill(totpCode(secret) === "000000" ? "111111" : "000000");
    expect(await submit(page, "Bevestigen en aanzetten")).toBe(400);
    expect((await userRow(email))?.two_factor_enabled).toBe(false);
    // The secret stays on the page until it is confirmed; the backup codes were shown once.
    expect((await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "")).toBe(secret);
    expect(await page.getByTestId("backup-codes").count()).toBe(0);

    await page.getByLabel("Code", { exact: true }).fill(totpCode(secret));
    await submit(page, "Bevestigen en aanzetten");
    await expectAccessible(page);
    expect(await page.getByText("Tweestapsverificatie staat nu aan.").count()).toBe(1);
    expect((await userRow(email))?.two_factor_enabled).toBe(true);
    expect(await page.getByRole("button", { name: "Uitzetten" }).count()).toBe(0);

    await page.goto("/beheer/havenstad");
    expect(new URL(page.url()).pathname).toBe("/beheer/havenstad");

    // Next time the password alone is not enough.
    await signOutFromHeader(page);
    await visit(tab, "/inloggen");
    await signInWithForm(page, email, "mijn-eigen-wachtwoord");
    expect(new URL(page.url()).pathname).toBe("/inloggen/tweestaps");
    // The code that switched it on counts once: a person waits for the app's next code.
    await page.getByLabel("Code", { exact: true }).fill(await unusedTotpCode(databaseUrl, email, secret));
    await submit(page, "Inloggen");
    expect(new URL(page.url()).pathname).toBe("/account");
    allowStatus(tab, 400);
    await tab.close();
  });

  it("lets a resident switch it on and off again", async () => {
    const email = "voorzichtig@example.org";
    await createPerson(databaseUrl, { email, password: "voorzichtig-wachtwoord" });
    const tab = await openPage(browser, { baseURL: server.url });
    const { page } = tab;
    await signInBrowserAs(tab.context, server.url, databaseUrl, email);
    await visit(tab, "/account/tweestapsverificatie");
    await page.getByLabel("Wachtwoord").fill("voorzichtig-wachtwoord");
    await submit(page, "Doorgaan");
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
    await page.getByLabel("Code", { exact: true }).fill(totpCode(secret));
    await submit(page, "Bevestigen en aanzetten");
    expect((await userRow(email))?.two_factor_enabled).toBe(true);

    await page.getByLabel("Wachtwoord").fill("niet-goed-genoeg");
    expect(await submit(page, "Uitzetten")).toBe(400);
    expect((await userRow(email))?.two_factor_enabled).toBe(true);
    await page.getByLabel("Wachtwoord").fill("voorzichtig-wachtwoord");
    await submit(page, "Uitzetten");
    await expectAccessible(page);
    expect(await page.getByText("Tweestapsverificatie staat nu uit.").count()).toBe(1);
    expect((await userRow(email))?.two_factor_enabled).toBe(false);
    expect(await query(databaseUrl, "select 1 from two_factors t join users u on u.id = t.user_id where u.email = $1", [email])).toHaveLength(0);
    allowStatus(tab, 400);
    await tab.close();
  });
});

describe("without JavaScript", () => {
  it("signs the coordinator in with password and code, and out again from the sign-out page", async () => {
    const tab = await openPage(browser, { baseURL: server.url, javaScriptEnabled: false });
    const { page } = tab;
    // axe-core runs as a script in the page, so it cannot run here; the same pages are checked
    // with axe in the tests above.
    expect((await page.goto("/inloggen"))?.status()).toBe(200);
    await signInWithForm(page, "coordinator@buurtkracht.example", DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/inloggen/tweestaps");
    await page.getByLabel("Code", { exact: true }).fill("12345");
    // Five digits are neither an app code nor a backup code.
    expect(await submit(page, "Inloggen")).toBe(400);
    expect(await page.getByRole("alert").textContent()).toContain("Code: vul de zes cijfers uit je app in");
    await page.getByLabel("Code", { exact: true }).fill("000000" === totpCode(DEMO_TOTP_SECRET) ? "111111" : "000000");
    expect(await submit(page, "Inloggen")).toBe(400);
    expect(await page.getByRole("alert").textContent()).toContain("Deze code klopt niet");
    await page.getByLabel("Code", { exact: true }).fill(await unusedTotpCode(databaseUrl, "coordinator@buurtkracht.example", DEMO_TOTP_SECRET));
    await submit(page, "Inloggen");
    expect(new URL(page.url()).pathname).toBe("/account");
    expect(await navigationLinks(page)).toContain("/netwerk");

    const sessionsOf = () =>
      query(databaseUrl, "select s.id from sessions s join users u on u.id = s.user_id where u.email = 'coordinator@buurtkracht.example'");
    const sessions = (await sessionsOf()).length;
    // Opening the sign-out page changes nothing; its button does.
    expect((await page.goto("/uitloggen"))?.status()).toBe(200);
    expect(await sessionsOf()).toHaveLength(sessions);
    await submit(page, "Uitloggen");
    expect(page.url()).toBe(`${server.url}/`);
    expect(await sessionsOf()).toHaveLength(sessions - 1);
    expect(await page.getByRole("link", { name: "Inloggen" }).count()).toBe(1);
    allowStatus(tab, 400);
    await tab.close();
  });
});
