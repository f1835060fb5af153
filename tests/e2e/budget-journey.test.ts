/**
 * A budget as people use it in Chromium: a Citytrainer asks a contribution for their activity on a
 * 360 px phone, the project leader grants it on a desktop, the Citytrainer sends a receipt and the
 * amount spent, the project leader accepts, and the pot shows the spend with its figures checked.
 * Every page passes axe with no console error and no sideways scroll.
 */
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { budgetPots, budgetRequests, neighbourhoods, users } from "~/lib/db/schema";
import { municipalityIdOf } from "../support/activities";
import { createOrganisedActivity } from "../support/budgets";
import { launchBrowser } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { check, follow, newTab, signInStaff } from "../support/journey";
import { signInBrowserAs } from "../support/session";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let activityId: string;
let potName: string;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  const havenstad = await municipalityIdOf("havenstad");
  const [place] = await db().select().from(neighbourhoods).where(and(eq(neighbourhoods.municipalityId, havenstad), eq(neighbourhoods.name, "Havenkwartier")));
  const [citytrainer] = await db().select().from(users).where(eq(users.email, "citytrainer@buurtkracht.example"));
  activityId = await createOrganisedActivity(havenstad, citytrainer!.id, { neighbourhoodId: place!.id, startsInDays: -1 });
  const [pot] = await db().select().from(budgetPots).where(and(eq(budgetPots.municipalityId, havenstad), eq(budgetPots.neighbourhoodId, place!.id)));
  potName = pot!.name;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a budget from request to settlement", () => {
  it("is asked on a phone, granted and accepted on a desktop, and shows in the pot", async () => {
    const phone = await newTab(browser, server.url, { width: 360, height: 740 }, true);
    await signInBrowserAs(phone.context, server.url, database.url, "citytrainer@buurtkracht.example");
    const budgetPage = `/mijn-activiteiten/${activityId}/budget`;
    await phone.page.goto(budgetPage);
    await check(phone.page);
    const potOption = await phone.page.locator('select[name="potId"] option', { hasText: potName }).getAttribute("value");
    await phone.page.getByLabel("Budgetpot").selectOption(potOption!);
    await phone.page.getByLabel("Gevraagd bedrag in euro").fill("120,00");
    await phone.page.getByLabel("Waarvoor is het geld").fill("Verf en hapjes voor de muurschildering <met de buurt>.");
    await phone.page.getByLabel("Kostenpost 1").fill("Verf");
    await phone.page.getByLabel("Bedrag 1 in euro").fill("80");
    await phone.page.getByLabel("Kostenpost 2").fill("Hapjes");
    await phone.page.getByLabel("Bedrag 2 in euro").fill("40,00");
    await follow(phone.page, () => phone.page.getByRole("button", { name: "Aanvraag versturen" }).click(), /\/budget$/);
    await expect.poll(() => phone.page.getByTestId("request-status").first().textContent()).toContain("Wacht op besluit");
    const [request] = await db().select().from(budgetRequests).where(eq(budgetRequests.activityId, activityId));
    expect(request!.amountCents).toBe(12_000);

    const desktop = await newTab(browser, server.url, { width: 1280, height: 900 });
    await signInStaff(desktop, database.url, "projectleider@havenstad.example");
    await desktop.page.goto("/beheer/havenstad/budgetten");
    await check(desktop.page);
    await follow(desktop.page, () => desktop.page.getByRole("link", { name: new RegExp(potName) }).first().click(), /\/budgetten\/[0-9a-f-]+$/);
    await follow(desktop.page, () => desktop.page.locator(`a[href$="/aanvragen/${request!.id}"]`).click(), /\/aanvragen\//);
    await follow(desktop.page, () => desktop.page.getByRole("button", { name: "Toekennen" }).click(), /\/aanvragen\//);
    await expect.poll(() => desktop.page.getByTestId("request-status").textContent()).toContain("Toegekend");

    const receipt = await sharp({ create: { width: 60, height: 80, channels: 3, background: "#fff" } }).png().toBuffer();
    await phone.page.goto(budgetPage);
    await check(phone.page);
    await phone.page.getByLabel("Bonnetjes (foto of pdf)").setInputFiles({ name: "bon.png", mimeType: "image/png", buffer: receipt });
    await phone.page.getByLabel("Uitgegeven in euro").fill("112,40");
    await follow(phone.page, () => phone.page.getByRole("button", { name: "Verantwoording versturen" }).click(), /\/budget$/);
    await expect.poll(() => phone.page.getByTestId("request-status").first().textContent()).toContain("Verantwoording wacht op akkoord");
    await phone.page.goto("/mijn-activiteiten/budget");
    await check(phone.page);

    await desktop.page.goto(`/beheer/havenstad/budgetten/aanvragen/${request!.id}`);
    await check(desktop.page);
    await follow(desktop.page, () => desktop.page.getByRole("button", { name: "Akkoord, afrekenen" }).click(), /\/aanvragen\//);
    await expect.poll(() => desktop.page.getByTestId("request-status").textContent()).toContain("Afgerekend");
    await follow(desktop.page, () => desktop.page.getByRole("link", { name: `Terug naar ${potName}` }).click(), /\/budgetten\/[0-9a-f-]+$/);
    await expect(desktop.page.getByTestId("figures-checked").isVisible()).resolves.toBe(true);
    const [settled] = await db().select().from(budgetRequests).where(eq(budgetRequests.id, request!.id));
    expect(settled!.status).toBe("settled");
    expect(settled!.spentCents).toBe(11_240);
    expect(await desktop.page.locator("main").textContent()).toContain("112,40");
    await phone.close();
    await desktop.close();
  }, 240_000);
});
