import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

let server: TestServer;
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  server = await startTestServer({ databaseUrl });
});
afterAll(async () => {
  await server?.stop();
});

describe("navigation by role", () => {
  it("shows a project leader their own municipality and the mail viewer, not the network pages", async () => {
    const cookie = await sessionCookieFor(databaseUrl, "projectleider@havenstad.example");
    const html = await (await fetch(`${server.url}/`, { headers: { cookie: cookie.header } })).text();
    expect(html).toContain('href="/beheer/havenstad"');
    expect(html).not.toContain('href="/beheer/rivierendal"');
    expect(html).not.toContain('href="/netwerk"');
  });

  it("shows the network coordinator the network pages", async () => {
    const cookie = await sessionCookieFor(databaseUrl, "coordinator@buurtkracht.example");
    const html = await (await fetch(`${server.url}/`, { headers: { cookie: cookie.header } })).text();
    expect(html).toContain('href="/netwerk"');
    expect(html).toContain('href="/beheer/mail"');
  });

  it("shows a resident no staff links", async () => {
    const cookie = await sessionCookieFor(databaseUrl, "bewoner@buurtkracht.example");
    const html = await (await fetch(`${server.url}/`, { headers: { cookie: cookie.header } })).text();
    expect(html).toContain('href="/account"');
    expect(html).not.toContain('href="/beheer/');
  });
});
