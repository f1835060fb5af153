/**
 * Free-text search in the calendar finds parts of Dutch compound words, on the pages and in the
 * API (one query behind both), without finding what does not match.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { createTestMunicipality, daysFromToday, insertActivity, type TestMunicipality } from "../support/calendar-fixtures";

const database = useTestDatabase();
let server: TestServer;
let town: TestMunicipality;
const ids: Record<"cookies" | "football" | "choir", string> = { cookies: "", football: "", choir: "" };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  town = await createTestMunicipality("Zoekdorp");
  ids.cookies = await insertActivity({ municipalityId: town.id, title: "Kerstkoekjes bakken", description: "Samen bakken in de keuken.", date: daysFromToday(2) });
  ids.football = await insertActivity({ municipalityId: town.id, title: "Zaalvoetbal", description: "Een potje in de sporthal.", date: daysFromToday(3) });
  ids.choir = await insertActivity({ municipalityId: town.id, title: "Buurtkoor", description: "Zingen in de kerk.", location: "Wijkcentrum Kerkplein", date: daysFromToday(4) });
});
afterAll(async () => {
  await server?.stop();
});

async function found(q: string): Promise<string[]> {
  const response = await fetch(`${server.url}/api/v1/activities?municipality=${town.slug}&q=${encodeURIComponent(q)}`);
  expect(response.status, q).toBe(200);
  const body = (await response.json()) as { data: { id: string }[] };
  return body.data.map((a) => a.id).sort();
}

async function foundOnPage(path: string, q: string): Promise<string[]> {
  const response = await fetch(`${server.url}${path}?q=${encodeURIComponent(q)}`);
  expect(response.status, q).toBe(200);
  const html = await response.text();
  return [...new Set([...html.matchAll(/href="\/[a-z0-9-]+\/activiteiten\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))].filter((id) =>
    Object.values(ids).includes(id),
  ).sort();
}

describe("searching for part of a compound word", () => {
  it("finds 'Kerstkoekjes bakken' for koekjes, kerst and the whole word, in any case", async () => {
    for (const q of ["koekjes", "kerst", "Kerstkoekjes", "KOEKJES", "kerst bakken", "bakken kerst", "koekje"]) {
      expect(await found(q), q).toEqual([ids.cookies]);
    }
    expect(await found("voetbal")).toEqual([ids.football]);
  });

  it("does not find it for unrelated words, short fragments or words it lacks", async () => {
    for (const q of ["kerstboom", "koekjesdeeg", "fietsen", "ke", "kerst fietsen"]) {
      expect(await found(q), q).toEqual([]);
    }
  });

  it("keeps the meaning of search syntax: phrases and exclusions are full-text only", async () => {
    expect(await found('"kerst"')).toEqual([]);
    expect(await found("kerk -kerstkoekjes")).toEqual([ids.choir]);
    expect(await found("bakken -koekjes")).toEqual([ids.cookies]);
  });

  it("finds the same on the municipality's calendar page and the national calendar", async () => {
    expect(await foundOnPage(`/${town.slug}/activiteiten`, "koekjes")).toEqual([ids.cookies]);
    expect(await foundOnPage("/activiteiten", "kerstkoekjes")).toEqual([ids.cookies]);
    expect(await foundOnPage("/activiteiten", "koekjes")).toEqual([ids.cookies]);
    expect(await foundOnPage(`/${town.slug}/activiteiten`, "kerstboom")).toEqual([]);
  });
});
