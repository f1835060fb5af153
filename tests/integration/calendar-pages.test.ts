/**
 * The calendar pages' HTML through the real server: pages of 50 with a "next" link that walks
 * everything once, the week view across the October clock change, filters from the query string,
 * hand-edited query strings that still give a page, and no JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { createTestMunicipality, daysFromToday, insertActivity, nextLastSunday, type TestMunicipality } from "../support/calendar-fixtures";
import { addDaysToLocalDate } from "~/lib/time";
import { isoWeekOf } from "~/features/calendar/time";

const database = useTestDatabase();
let server: TestServer;
let town: TestMunicipality;
const october = nextLastSunday(10);
const created: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  town = await createTestMunicipality("Lijstdorp", ["Noord", "Zuid"]);
  for (let i = 0; i < 55; i++) {
    created.push(
      await insertActivity({
        municipalityId: town.id,
        title: `Buurtactiviteit nummer ${i}`,
        date: daysFromToday(1 + Math.floor(i / 8)),
        time: `${String(9 + (i % 8)).padStart(2, "0")}:00`,
        neighbourhoodId: i % 2 === 0 ? town.neighbourhoods.Noord : town.neighbourhoods.Zuid,
        category: i % 3 === 0 ? "culture" : "sport",
      }),
    );
  }
  await insertActivity({ municipalityId: town.id, title: "Niet gepubliceerd", date: daysFromToday(1), status: "in_review" });
  await insertActivity({ municipalityId: town.id, title: "Wintertijdwandeling", date: october, time: "14:00", category: "other" });
  await insertActivity({ municipalityId: town.id, title: "Zomertijdavond", date: addDaysToLocalDate(october, -1), time: "20:00", category: "other" });
});

afterAll(async () => {
  await server?.stop();
});

async function html(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: await response.text() };
}

function activityLinks(body: string): string[] {
  return [...body.matchAll(/href="\/[a-z0-9-]+\/activiteiten\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
}

function nextLink(body: string): string | null {
  const match = /<a[^>]*rel="next"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="next"/.exec(body);
  return match ? (match[1] ?? match[2]!).replaceAll("&amp;", "&") : null;
}

describe("the list view", () => {
  it("shows 50 activities a page and a next link that reaches the rest, each once, without JavaScript", async () => {
    const first = await html(`/${town.slug}/activiteiten?categorie=&wijk=`);
    expect(first.status).toBe(200);
    expect(first.body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(first.body).not.toContain("Niet gepubliceerd");
    const firstIds = activityLinks(first.body);
    expect(firstIds).toHaveLength(50);
    const next = nextLink(first.body);
    expect(next).toMatch(new RegExp(`^/${town.slug}/activiteiten\\?.*na=`));
    const second = await html(next!);
    const secondIds = activityLinks(second.body);
    expect(secondIds).toHaveLength(7);
    expect(nextLink(second.body)).toBeNull();
    expect(new Set([...firstIds, ...secondIds]).size).toBe(57);
    expect(created.every((id) => firstIds.includes(id) || secondIds.includes(id))).toBe(true);
    // Day headings group the list, with times in Amsterdam.
    expect(first.body).toContain(">09:00</time>");
  });

  it("filters by neighbourhood, category and dates from the query string", async () => {
    const noord = activityLinks((await html(`/${town.slug}/activiteiten?wijk=${town.neighbourhoods.Noord}&categorie=culture`)).body);
    const expected = created.filter((_, i) => i % 2 === 0 && i % 3 === 0);
    expect(noord.sort()).toEqual(expected.sort());
    const day = daysFromToday(2);
    const oneDay = activityLinks((await html(`/${town.slug}/activiteiten?van=${day}&tot=${day}`)).body);
    expect(oneDay.sort()).toEqual(created.slice(8, 16).sort());
    // A neighbourhood of another municipality finds nothing here.
    const other = await createTestMunicipality("Anderdorp", ["Elders"]);
    const foreign = await html(`/${town.slug}/activiteiten?wijk=${other.neighbourhoods.Elders}`);
    expect(activityLinks(foreign.body)).toEqual([]);
    expect(foreign.body).toContain("Er zijn geen activiteiten gevonden.");
  });

  it("ignores hand-edited values it cannot use instead of failing", async () => {
    for (const query of ["na=kapot", "van=2026-02-30", "leeftijd=-3", "wijk=abc", "categorie=%00", "week=2026-W99&weergave=week", "q=%00", `q=${"z".repeat(500)}`, "van=9999-12-31"]) {
      const { status } = await html(`/${town.slug}/activiteiten?${query}`);
      expect(status, query).toBe(200);
    }
    expect((await html("/bestaat-niet/activiteiten")).status).toBe(404);
    expect((await html("/activiteiten?gemeente=bestaat-niet")).status).toBe(404);
  });
});

describe("the week view", () => {
  it("puts activities on the right local day and time across the October clock change", async () => {
    const week = isoWeekOf(october);
    const { status, body } = await html(`/${town.slug}/activiteiten?weergave=week&week=${week}`);
    expect(status).toBe(200);
    expect(body.match(/class="week-grid__day"/g)).toHaveLength(7);
    const saturday = body.indexOf("Zomertijdavond");
    const sunday = body.indexOf("Wintertijdwandeling");
    expect(saturday).toBeGreaterThan(0);
    expect(sunday).toBeGreaterThan(saturday);
    expect(body).toContain(`<time dateTime="${october}T14:00:00+01:00">14:00</time>`);
    expect(body).toContain(`<time dateTime="${addDaysToLocalDate(october, -1)}T20:00:00+02:00">20:00</time>`);
    const sundayColumn = body.slice(body.lastIndexOf('class="week-grid__day"'));
    expect(sundayColumn).toContain("Wintertijdwandeling");
    expect(body).toContain(`week=${isoWeekOf(addDaysToLocalDate(october, 7))}`);
    expect(body).toContain(`week=${isoWeekOf(addDaysToLocalDate(october, -7))}`);
  });
});

describe("the network calendar and the embed", () => {
  it("lists activities of every municipality and answers the embed without site chrome", async () => {
    const network = await html(`/activiteiten?gemeente=${town.slug}`);
    expect(activityLinks(network.body)).toHaveLength(50);
    expect(network.body).toContain("Lijstdorp");
    const response = await fetch(`${server.url}/${town.slug}/embed`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    const embed = await response.text();
    expect(embed).not.toContain("<header");
    expect(embed).not.toContain("<footer");
    expect(activityLinks(embed)).toHaveLength(20);
    expect(embed).toContain('target="_blank" rel="noopener noreferrer"');
    // Other pages still refuse to be framed.
    const page = await fetch(`${server.url}/${town.slug}/activiteiten`);
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
