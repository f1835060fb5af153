/**
 * Resident teams in Chromium, as people use them on a phone: a key figure signs in, opens her team
 * and proposes an action point; a second member agrees on his phone, and the point shows as agreed
 * on top of the team page (quick wins first). The other team pages — the team list, a team with
 * everything on it, the invitation page, the staff pages and the public page in Dutch and English —
 * pass axe at 360 and 1280 px, without console errors or sideways scroll.
 */
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { DEMO_PASSWORD } from "../support/accounts";
import { launchBrowser } from "../support/browser";
import { useTestDatabase } from "../support/database";
import { check, follow, newTab, signInStaff } from "../support/journey";
import { startTestServer, type TestServer } from "../support/server";
import type { TestPage } from "../support/browser";

const database = useTestDatabase();
let server: TestServer;
let browser: Browser;
let teamId: string;
/** A shared link of the demo team, made here so the test knows its token (only the hash is stored). */
const invitationToken = randomBytes(32).toString("base64url");
const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };

async function one(query: ReturnType<typeof sql>): Promise<string> {
  const result = await db().execute(query);
  return String(Object.values(result.rows[0] ?? {})[0]);
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  browser = await launchBrowser();
  // A new team of two demo residents: Tess (key figure) and Sam.
  const m = await one(sql`select id from municipalities where slug = 'havenstad'`);
  const hood = await one(sql`select id from neighbourhoods where municipality_id = ${m} and name = 'Centrum'`);
  teamId = await one(sql`insert into teams (municipality_id, neighbourhood_id, name, status, confirmed_at) values (${m}, ${hood}, 'Straatteam Centrum', 'active', now()) returning id`);
  await db().execute(sql`insert into team_invitations (team_id, municipality_id, token_hash, expires_at)
    select id, municipality_id, ${createHash("sha256").update(invitationToken).digest("hex")}, now() + interval '7 days' from teams where name = 'Buurtteam Havenkwartier'`);
  for (const [email, key] of [["trekker@buurtkracht.example", true], ["bewoner@buurtkracht.example", false]] as const) {
    await db().execute(sql`insert into team_members (team_id, municipality_id, user_id, is_key_figure, created_at)
      select ${teamId}, ${m}, id, ${key}, now() - interval '1 day' from users where email = ${email}`);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signInResident(tab: TestPage, email: string) {
  const { page } = tab;
  await page.goto("/inloggen?redirectTo=/mijn-teams");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
  await follow(page, () => page.locator('main button[name="intent"][value="sign-in"]').click(), /^\/mijn-teams$/);
}

describe("agreeing on an action point on a phone", () => {
  it("a key figure proposes, a second member agrees, and the point is on top as agreed", async () => {
    const tess = await newTab(browser, server.url, phone, true);
    await signInResident(tess, "trekker@buurtkracht.example");
    await follow(tess.page, () => tess.page.getByRole("link", { name: "Straatteam Centrum" }).click(), new RegExp(`^/mijn-teams/${teamId}$`));
    await tess.page.getByLabel("Wat gaan we doen?").fill("Plantenbakken in de Kerkstraat");
    await tess.page.getByLabel("Waarom?").fill("Meer groen maakt de straat gezelliger.");
    await follow(tess.page, () => tess.page.getByRole("button", { name: "Actiepunt voorstellen" }).click(), new RegExp(`^/mijn-teams/${teamId}$`));
    await expect.poll(() => tess.page.getByText("Je actiepunt staat klaar").count()).toBe(1);
    expect(await tess.page.locator('[data-point-status="open"] h4', { hasText: "Plantenbakken in de Kerkstraat" }).count()).toBe(1);
    expect(await tess.page.getByText("Nog niet gereageerd: Sam Bewoner").count()).toBe(1);

    const sam = await newTab(browser, server.url, phone, true);
    await signInResident(sam, "bewoner@buurtkracht.example");
    await follow(sam.page, () => sam.page.getByRole("link", { name: "Straatteam Centrum" }).click(), new RegExp(`^/mijn-teams/${teamId}$`));
    await sam.page.getByLabel("Toelichting").fill("Ik help met sjouwen.");
    await follow(sam.page, () => sam.page.getByRole("button", { name: "Akkoord Plantenbakken in de Kerkstraat" }).click(), new RegExp(`^/mijn-teams/${teamId}$`));
    await expect.poll(() => sam.page.getByText("Iedereen is akkoord").count()).toBe(1);
    // The first action point on the page is this one, under "Afgesproken en snel te doen".
    const first = sam.page.locator("[data-point-status]").first();
    expect(await first.getAttribute("data-point-status")).toBe("quick_win");
    expect(await first.locator("h4").textContent()).toBe("Plantenbakken in de Kerkstraat");
    expect(await first.getByText("Sam Bewoner: akkoord — Ik help met sjouwen.").count()).toBe(1);

    // Tess sees it too, and marks it done.
    await tess.page.reload();
    await check(tess.page);
    await follow(tess.page, () => tess.page.getByRole("button", { name: "Dit is gedaan Plantenbakken in de Kerkstraat" }).click(), new RegExp(`^/mijn-teams/${teamId}$`));
    expect(await tess.page.locator('[data-point-status="done"] h4', { hasText: "Plantenbakken in de Kerkstraat" }).count()).toBe(1);
    expect(await one(sql`select status from action_points where team_id = ${teamId}`)).toBe("done");
    await tess.close();
    await sam.close();
  });
});

describe("every team page", () => {
  it("passes axe on a phone and a desktop for members, staff and the public", async () => {
    const haven = await one(sql`select id from teams where name = 'Buurtteam Havenkwartier'`);
    const junior = await one(sql`select id from teams where name = 'Junior Team Noorderpark'`);
    for (const viewport of [phone, desktop]) {
      const tess = await newTab(browser, server.url, viewport, viewport === phone);
      await signInResident(tess, "trekker@buurtkracht.example");
      for (const path of ["/mijn-teams", `/mijn-teams/${haven}`]) {
        await tess.page.goto(path);
        await check(tess.page);
      }
      await tess.close();

      const leader = await newTab(browser, server.url, viewport, viewport === phone);
      await signInStaff(leader, database.url, "projectleider@havenstad.example");
      for (const path of ["/beheer/havenstad/teams", `/beheer/havenstad/teams/${haven}`]) {
        await leader.page.goto(path);
        await check(leader.page);
        expect(await leader.page.getByText("Leunt op één persoon").count()).toBeGreaterThan(0);
      }
      await leader.close();

      const visitor = await newTab(browser, server.url, viewport, viewport === phone);
      await visitor.page.goto(`/team-uitnodiging/${invitationToken}`);
      await check(visitor.page);
      expect(await visitor.page.getByRole("link", { name: "Inloggen" }).count()).toBeGreaterThan(0);
      await visitor.page.goto(`/havenstad/teams/${junior}`);
      await check(visitor.page);
      expect(await visitor.page.getByRole("heading", { name: "Junior Team Noorderpark" }).count()).toBe(1);
      await visitor.page.goto(`/taal/en?terug=/havenstad/teams/${junior}`);
      await check(visitor.page);
      expect(await visitor.page.getByRole("heading", { name: "What the team did" }).count()).toBe(1);
      await visitor.close();
    }
  });
});
