/**
 * The micro-cache for public pages (server/page-cache.ts): anonymous visitors may get a copy that
 * is at most PUBLIC_PAGE_CACHE_SECONDS old; signed-in people, staff pages and errors never come
 * from it.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

let server: TestServer;
let databaseUrl: string;
let client: pg.Client;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl, env: { PUBLIC_PAGE_CACHE_SECONDS: "2" } });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: "manual" });

describe("public page cache", () => {
  it("serves an anonymous visitor a copy for the configured seconds, then renders afresh", async () => {
    const first = await get("/havenstad");
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=2");
    expect(await first.text()).toContain("Havenstad");
    await client.query(`update municipalities set introduction = 'Nieuwe introductie voor de test' where slug = 'havenstad'`);
    const second = await get("/havenstad");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(await second.text()).not.toContain("Nieuwe introductie voor de test");
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    // The first request after expiry renders a fresh page (another may still get the old one meanwhile).
    const third = await get("/havenstad");
    expect(third.headers.get("x-page-cache")).toBeNull();
    expect(await third.text()).toContain("Nieuwe introductie voor de test");
  });

  it("keeps Dutch and English apart", async () => {
    const dutch = await (await get("/activiteiten")).text();
    const english = await (await get("/activiteiten", { cookie: "buurtkracht_lang=en" })).text();
    expect(dutch).toContain('lang="nl"');
    expect(english).toContain('lang="en"');
  });

  it("never serves or stores pages for signed-in people", async () => {
    const cookie = (await sessionCookieFor(databaseUrl, "bewoner@buurtkracht.example")).header;
    await get("/heuvelrijk");
    const signedIn = await get("/heuvelrijk", { cookie });
    expect(signedIn.headers.get("x-page-cache")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    expect(await signedIn.text()).toContain('href="/account"');
  });

  it("does not keep staff pages, errors or answers to posts", async () => {
    const cookie = (await sessionCookieFor(databaseUrl, "projectleider@havenstad.example")).header;
    await get("/beheer/havenstad", { cookie });
    expect((await get("/beheer/havenstad", { cookie })).headers.get("x-page-cache")).toBeNull();
    await get("/bestaat-niet");
    const missing = await get("/bestaat-niet");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-page-cache")).toBeNull();
    expect((await get("/inloggen")).headers.get("cache-control")).toBe("no-store");
  });
});
