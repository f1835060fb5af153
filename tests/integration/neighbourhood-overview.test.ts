/**
 * The project leader's neighbourhood overview (/beheer/:slug/wijkoverzicht) over real HTTP: the
 * figures of a neighbourhood of its own, planted here, are exactly what was planted (organisers
 * counted once however many activities they have, co-organisers included, plans in review,
 * cancelled sign-ups not counted as recruited, this year's pots only), the flags follow, a
 * neighbourhood without organisers is flagged, and only the municipality's project leader gets in.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALE_COOKIE } from "~/features/accounts/locale.server";
import { db } from "~/lib/db/client.server";
import { activityCoOrganisers, budgetPots, inviteLinks, neighbourhoods, organisedActivities, registrationReferrals, registrations, teams, users } from "~/lib/db/schema";
import { createTestActivity, municipalityIdOf } from "../support/activities";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let havenstad: string;
let wijk: string;

async function page(email: string, locale: "nl" | "en" = "nl"): Promise<{ status: number; html: string }> {
  const cookie = await sessionCookieFor(database.url, email);
  const response = await fetch(`${server.url}/beheer/havenstad/wijkoverzicht`, { redirect: "manual", headers: { Cookie: `${cookie.header}; ${LOCALE_COOKIE}=${locale}` } });
  return { status: response.status, html: await response.text() };
}

async function userId(email: string): Promise<string> {
  const { rows } = await db().execute<{ id: string }>(sql`select id from ${users} where email = ${email}`);
  return rows[0]!.id;
}

/** The block of one neighbourhood on the page: from its heading to the next block. */
function blockOf(html: string, name: string): string {
  const start = html.indexOf(`>${name}</h2>`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('class="neighbourhood-overview__item"', start);
  return html.slice(start, end === -1 ? undefined : end);
}

function figure(block: string, label: string): string {
  const match = new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(block);
  expect(match, label).not.toBeNull();
  return match![1]!;
}

async function organised(organiserUserId: string, status: "in_review" | "published" | "completed" | "draft", startsInDays: number) {
  const startsAt = new Date(Date.now() + startsInDays * 86_400_000);
  const activityId = await createTestActivity({ neighbourhoodId: wijk, status, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
  await db().insert(organisedActivities).values({ municipalityId: havenstad, activityId, organiserUserId, idea: "i", goal: "g", targetGroup: "t" });
  return activityId;
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  havenstad = await municipalityIdOf("havenstad");
  const [row] = await db().insert(neighbourhoods).values({ municipalityId: havenstad, name: "Toetswijk" }).returning({ id: neighbourhoods.id });
  wijk = row!.id;
  await db().insert(neighbourhoods).values({ municipalityId: havenstad, name: "Stillewijk" });
  const chris = await userId("citytrainer@buurtkracht.example");
  const kim = await userId("cursist@buurtkracht.example");
  const published = await organised(chris, "published", 5);
  await organised(chris, "published", 12);
  await organised(chris, "in_review", 20);
  await organised(chris, "in_review", 21);
  // A draft is not activity yet, and an organiser of long ago is not active.
  await organised(kim, "draft", 3);
  await db().insert(activityCoOrganisers).values({ activityId: published, municipalityId: havenstad, userId: kim });
  await db().insert(teams).values([
    { municipalityId: havenstad, neighbourhoodId: wijk, name: "Toetsteam actief", status: "active", confirmedAt: new Date() },
    { municipalityId: havenstad, neighbourhoodId: wijk, name: "Toetsteam voorstel", status: "proposed" },
  ]);
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Europe/Amsterdam", year: "numeric" }).format(new Date()));
  await db().insert(budgetPots).values([
    { municipalityId: havenstad, neighbourhoodId: wijk, name: "Toetspot", year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, amountCents: 100_000, maxPerRequestCents: 50_000, committedCents: 95_000 },
    { municipalityId: havenstad, neighbourhoodId: wijk, name: "Oude toetspot", year: year - 1, startsOn: `${year - 1}-01-01`, endsOn: `${year - 1}-12-31`, amountCents: 100_000, maxPerRequestCents: 50_000 },
  ]);
  // A replaced link of Chris (the demo gave Chris a live one): what came through it still counts.
  const [link] = await db().insert(inviteLinks).values({ municipalityId: havenstad, code: "toetslink01", ownerUserId: chris, revokedAt: new Date() }).returning({ id: inviteLinks.id });
  const base = { activityId: published, municipalityId: havenstad, ageGroup: "18_26" as const, cancelTokenHash: "" };
  const regs = await db()
    .insert(registrations)
    .values([
      { ...base, name: "Een", email: "een@example.org", status: "confirmed", cancelTokenHash: randomUUID() },
      { ...base, name: "Twee", email: "twee@example.org", status: "confirmed", cancelTokenHash: randomUUID() },
      { ...base, name: "Drie", email: "drie@example.org", status: "cancelled", cancelTokenHash: randomUUID() },
    ])
    .returning({ id: registrations.id });
  await db().insert(registrationReferrals).values(regs.map((r, i) => ({ registrationId: r.id, municipalityId: havenstad, inviteLinkId: link!.id, isNewToPlatform: i !== 1 })));
});

describe("neighbourhood overview", () => {
  it("shows a planted neighbourhood's figures exactly, with its flags", async () => {
    const { status, html } = await page("projectleider@havenstad.example");
    expect(status).toBe(200);
    const block = blockOf(html, "Toetswijk");
    expect(figure(block, "Actieve organisatoren")).toBe("2");
    expect(figure(block, "Actieve teams")).toBe("1 (en 1 voorgesteld)");
    expect(figure(block, "Plannen in beoordeling")).toBe("2");
    expect(figure(block, "Aanmeldingen via uitnodigingslinks")).toBe("2");
    expect(figure(block, "Waarvan nieuw op het platform")).toBe("1");
    expect(block).toContain("Toetspot");
    expect(block).not.toContain("Oude toetspot");
    expect(block).toMatch(/50,00 beschikbaar van .*1\.000,00/);
    for (const flag of ["Er wachten plannen op beoordeling.", "Er wacht een team op bevestiging.", "Een budget is bijna op."]) expect(block).toContain(flag);
    expect(block).not.toContain("Geen actieve bewoners die organiseren.");
    expect(blockOf(html, "Stillewijk")).toContain("Geen actieve bewoners die organiseren.");
  });

  it("names the demo's team that rests on one person in its neighbourhood, linking to its staff page", async () => {
    const { html } = await page("projectleider@havenstad.example");
    const { rows } = await db().execute<{ id: string; neighbourhood: string }>(
      sql`select t.id, n.name as neighbourhood from teams t join neighbourhoods n on n.id = t.neighbourhood_id where t.name = 'Buurtteam Havenkwartier'`,
    );
    const block = blockOf(html, rows[0]!.neighbourhood);
    expect(block).toContain("Een team leunt op één persoon.");
    expect(block).toContain(`href="/beheer/havenstad/teams/${rows[0]!.id}"`);
    expect(blockOf(html, "Toetswijk")).not.toContain("leunt op één persoon");
  });

  it("speaks English", async () => {
    const { status, html } = await page("projectleider@havenstad.example", "en");
    expect(status).toBe(200);
    expect(blockOf(html, "Toetswijk")).toContain("Plans are waiting for review.");
  });

  it("is the project leader's own: course leaders, supervisors, partner contacts and another municipality get 404", async () => {
    for (const email of ["cursusleider@havenstad.example", "begeleider@havenstad.example", "partner@havenstad.example", "projectleider@rivierendal.example", "citytrainer@buurtkracht.example"]) {
      expect((await page(email)).status, email).toBe(404);
    }
  });
});
