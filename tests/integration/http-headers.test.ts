/**
 * What the HTTP layer promises on every answer, over real HTTP against the built server: no cache
 * keeps a signed-in page or personal data, scripts run only with this response's nonce, the API
 * cannot be framed, a cached public page says what it depends on, HSTS behind https, odd redirect
 * targets and paths that climb out of /api/v1 change nothing.
 */
import { request as httpRequest } from "node:http";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { neighbourhoods } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let projectLeader: string;
let resident: string;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url, env: { PUBLIC_PAGE_CACHE_SECONDS: "30" } });
  projectLeader = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
  resident = (await sessionCookieFor(database.url, "bewoner@buurtkracht.example")).header;
});
afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: "manual" });

/** The script-src directive of a Content-Security-Policy header, as a list of sources. */
function scriptSources(response: Response): string[] {
  const policy = response.headers.get("content-security-policy") ?? "";
  const directive = policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src "));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

/** A request exactly as written: fetch would resolve `..` in the path before sending it. */
function rawRequest(method: string, path: string, headers: Record<string, string>, body = ""): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: server.port, method, path, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += String(chunk)));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("Cache-Control", () => {
  it("keeps no signed-in page in any cache, public pages included", async () => {
    for (const path of ["/account", "/beheer/havenstad", "/beheer/mail", "/beheer/havenstad/activiteiten", "/havenstad", "/activiteiten"]) {
      const response = await get(path, { cookie: projectLeader });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
    expect((await get("/account", { cookie: resident })).headers.get("cache-control")).toBe("no-store");
  });

  it("keeps no personal data in a cache, also without a session", async () => {
    // The page behind a sign-up mail's link names the person; an unknown token is as private.
    expect((await get("/aanmelding/onbekend-token")).headers.get("cache-control")).toBe("no-store");
    expect((await get("/inloggen")).headers.get("cache-control")).toBe("no-store");
  });

  it("lets public pages for visitors who are not signed in be cached briefly", async () => {
    const response = await get("/havenstad/activiteiten");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=30");
  });
});

describe("Vary", () => {
  it("names the cookie a cached public page depends on (its language), also when served from the cache", async () => {
    const first = await get("/rivierendal");
    expect(first.headers.get("vary")?.toLowerCase()).toContain("cookie");
    await first.text();
    const second = await get("/rivierendal");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("vary")?.toLowerCase()).toContain("cookie");
    expect(second.headers.get("vary")?.toLowerCase()).toContain("accept-encoding");
  });
});

describe("Content-Security-Policy", () => {
  it("allows no inline script on public pages, which have none", async () => {
    for (const path of ["/", "/havenstad", "/havenstad/activiteiten", "/activiteiten", "/inloggen"]) {
      const response = await get(path);
      const sources = scriptSources(response);
      expect(sources, path).toContain("'self'");
      expect(sources, path).not.toContain("'unsafe-inline'");
      expect(await response.text(), path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it("runs a hydrating page's scripts by this response's nonce only", async () => {
    const first = await get("/beheer/havenstad", { cookie: projectLeader });
    const sources = scriptSources(first);
    expect(sources).not.toContain("'unsafe-inline'");
    const nonce = sources.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/_-]{22,}={0,2}$/);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await get("/beheer/havenstad", { cookie: projectLeader });
    expect(scriptSources(second)).not.toContain(`'nonce-${nonce}'`);
  });

  it("never replays one visitor's nonce to the next from the page cache", async () => {
    const first = await get("/heuvelrijk");
    await first.text();
    const second = await get("/heuvelrijk");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    const nonceOf = (response: Response) => scriptSources(response).find((source) => source.startsWith("'nonce-"));
    expect(nonceOf(second)).not.toBe(nonceOf(first));
  });
});

describe("the API cannot be framed", () => {
  it("answers every API path with frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    for (const path of ["/api/v1/municipalities", "/api/v1/openapi.json", "/api/v1/bestaat-niet", "/api/auth/ok"]) {
      const response = await get(path);
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });
});

describe("Strict-Transport-Security", () => {
  it("is not sent when the site is not on https", async () => {
    expect((await get("/")).headers.get("strict-transport-security")).toBeNull();
  });

  it("is sent on every answer when APP_URL is https", async () => {
    const secure = await startTestServer({ databaseUrl: database.url, env: { APP_URL: "https://buurtkracht.test" } });
    try {
      for (const path of ["/", "/api/v1/municipalities", "/healthz", "/favicon.svg"]) {
        const response = await fetch(`${secure.url}${path}`);
        expect(response.headers.get("strict-transport-security"), path).toMatch(/^max-age=(\d{8,})/);
        expect(Number(/max-age=(\d+)/.exec(response.headers.get("strict-transport-security")!)![1])).toBeGreaterThanOrEqual(15_768_000);
      }
    } finally {
      await secure.stop();
    }
  });
});

describe("odd redirect targets", () => {
  it("sends the language switch back to a path with characters outside ASCII, percent-encoded", async () => {
    const response = await get("/taal/en?terug=/%E3%80%82");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/%E3%80%82");
    const query = await get("/taal/nl?terug=/activiteiten?zoek=%C3%A9%C3%A9n%20%E2%9C%93");
    expect(query.status).toBe(302);
    expect(query.headers.get("location")).toBe("/activiteiten?zoek=%C3%A9%C3%A9n%20%E2%9C%93");
  });

  it("does the same for redirectTo after sign-in", async () => {
    const response = await get("/inloggen?redirectTo=/%E3%80%82", { cookie: resident });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/%E3%80%82");
  });

  it("still never leaves the site", async () => {
    // As sent in the query: a backslash, and a tab that URL parsing would drop ("//evil.example").
    for (const target of ["//evil.example", "/%5Cevil.example", "https%3A%2F%2Fevil.example", "/%09/evil.example"]) {
      const response = await get(`/taal/en?terug=${target}`);
      expect(response.status, target).toBe(302);
      expect(response.headers.get("location"), target).toBe("/");
    }
  });
});

describe("the cross-site exemption of the API", () => {
  it("holds only for paths that are in /api/v1 once normalised", async () => {
    const [before] = await db().select({ n: count() }).from(neighbourhoods);
    for (const path of ["/api/v1/../beheer/havenstad/wijken", "/api/v1/%2e%2e/beheer/havenstad/wijken", "/api/v1/./../../beheer/havenstad/wijken"]) {
      const response = await rawRequest(
        "POST",
        path,
        { origin: "https://evil.example", cookie: projectLeader, "content-type": "application/x-www-form-urlencoded" },
        "intent=create&name=Overgenomen",
      );
      expect(response.status, path).toBe(403);
      expect(response.body, path).toContain("Cross-site request refused");
    }
    const [after] = await db().select({ n: count() }).from(neighbourhoods);
    expect(after!.n).toBe(before!.n);
  });
});
