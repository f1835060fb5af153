/**
 * better-auth's rate limiter (on the links in mails) counts per client address, the address the
 * HTTP layer determined: a stranger who spends their own budget does not stop anyone else's
 * confirmation or sign-in link. Over the limit the browser gets the site's page in the person's
 * language with a 429, not better-auth's JSON.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { lastMail, linkIn, postForm } from "../support/accounts";

let direct: TestServer;
let proxied: TestServer;
let directUrl: string;
let proxiedUrl: string;

beforeAll(async () => {
  [directUrl, proxiedUrl] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  [direct, proxied] = await Promise.all([
    // Reached directly: the socket's address is the client.
    startTestServer({ databaseUrl: directUrl }),
    // Behind one proxy, which appends the address it saw to X-Forwarded-For.
    startTestServer({ databaseUrl: proxiedUrl, env: { TRUST_PROXY: "1" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A GET from a chosen loopback address (127.0.0.x), as another computer would send it. */
function getFrom(localAddress: string, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, localAddress, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function sessionCookie(answer: Answer): string | undefined {
  const cookies = answer.headers["set-cookie"] ?? [];
  return cookies.find((c) => c.startsWith("buurtkracht.session_token=") && !c.includes("Max-Age=0"));
}

/** Signs up through the form and returns the confirmation link from the mail. */
async function confirmationLink(server: TestServer, databaseUrl: string, email: string): Promise<string> {
  const response = await postForm(server.url, "/registreren", { name: "Lotte Slachtoffer", email, password: "een-goed-wachtwoord", locale: "nl" });
  expect(response.status).toBe(200);
  return linkIn(await lastMail(databaseUrl, email, "verify-email"));
}

const BAD_CONFIRMATION = "/api/auth/verify-email?token=forged&callbackURL=%2Faccount";
const BAD_SIGN_IN_LINK = "/api/auth/magic-link/verify?token=forged&callbackURL=%2Faccount&errorCallbackURL=%2Finloggen%2Flink%3Flink%3Dongeldig";

/** Sends requests until the limiter answers 429 and returns that answer. */
async function exhaust(send: () => Promise<Answer>, atMost: number): Promise<Answer> {
  for (let i = 0; i <= atMost; i++) {
    const answer = await send();
    if (answer.status === 429) return answer;
    expect(answer.status).toBe(302);
  }
  throw new Error(`no 429 after ${atMost + 1} requests`);
}

describe("the limiter on the links in mails", () => {
  it("gives each client address its own budget for confirmation links", async () => {
    const victimLink = await confirmationLink(direct, directUrl, "lotte@example.org");
    const limited = await exhaust(() => getFrom("127.0.0.5", `${direct.url}${BAD_CONFIRMATION}`), 60);
    // The attacker's address is refused, with a page in Dutch (no language chosen) …
    expect(limited.headers["content-type"]).toContain("text/html");
    expect(limited.body).toContain("Even geduld");
    expect(limited.headers["retry-after"]).toMatch(/^\d+$/);
    // … and in English for someone who chose English.
    const english = await getFrom("127.0.0.5", `${direct.url}${BAD_CONFIRMATION}`, { Cookie: "buurtkracht_lang=en" });
    expect(english.status).toBe(429);
    expect(english.body).toContain("Please wait");

    // The victim, from another address, confirms the account and is signed in.
    const confirmed = await getFrom("127.0.0.6", victimLink);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.location).toBe("/account");
    expect(sessionCookie(confirmed)).toBeDefined();
  });

  it("gives each client address its own budget for sign-in links", async () => {
    const email = "bewoner@buurtkracht.example";
    expect((await postForm(direct.url, "/inloggen/link", { email })).status).toBe(200);
    const link = linkIn(await lastMail(directUrl, email, "magic-link"));
    await exhaust(() => getFrom("127.0.0.7", `${direct.url}${BAD_SIGN_IN_LINK}`), 5);
    const used = await getFrom("127.0.0.8", link);
    expect(used.status).toBe(302);
    expect(new URL(used.headers.location!, direct.url).pathname).toBe("/account");
    expect(sessionCookie(used)).toBeDefined();
  });

  it("behind a proxy counts the address the proxy saw, whatever the client wrote before it", async () => {
    const victimLink = await confirmationLink(proxied, proxiedUrl, "sanne@example.org");
    let spoofed = 0;
    // The attacker writes a new address of their own every time; the proxy appends the real one.
    await exhaust(() => getFrom("127.0.0.1", `${proxied.url}${BAD_CONFIRMATION}`, { "X-Forwarded-For": `10.9.8.${spoofed++ % 250}, 203.0.113.7` }), 60);
    const victim = await getFrom("127.0.0.1", victimLink, { "X-Forwarded-For": "198.51.100.4" });
    expect(victim.status).toBe(302);
    expect(victim.headers.location).toBe("/account");
    expect(sessionCookie(victim)).toBeDefined();
  });
});
