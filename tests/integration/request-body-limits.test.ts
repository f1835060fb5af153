/**
 * Request bodies are counted as they arrive: a chunked body without Content-Length that passes
 * its limit gets a 413 (a page in the person's language, a problem document under /api) and the
 * server's memory stays where it was; nothing is written.
 */
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { registrations, users } from "~/lib/db/schema";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let projectLeader: string;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  projectLeader = (await sessionCookieFor(database.url, "projectleider@havenstad.example")).header;
});
afterAll(async () => {
  await server?.stop();
});

/** Resident set size of the server process, in bytes. */
function serverMemory(): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * Posts `totalBytes` of form data in chunks, without Content-Length (chunked transfer), and stops
 * sending as soon as the server answers or closes the connection.
 */
function postChunked(path: string, totalBytes: number, headers: Record<string, string>): Promise<{ status: number; type: string; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: "127.0.0.1", port: server.port, method: "POST", path, headers: { origin: server.url, ...headers } }, (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk) => (body += String(chunk)));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body, sent });
        req.destroy();
      });
      res.on("error", reject);
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    req.write("name=");
    const pump = () => {
      while (!answered && !req.destroyed && sent < totalBytes) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

const MB = 1024 * 1024;

describe("request bodies", () => {
  it("refuses a 200 MB chunked sign-up with 413 while the server's memory stays flat", async () => {
    const [before] = await db().select({ n: count() }).from(users);
    const memoryBefore = serverMemory();
    const answer = await postChunked("/registreren", 200 * MB, { "content-type": "application/x-www-form-urlencoded" });
    expect(answer.status).toBe(413);
    expect(answer.type).toContain("text/html");
    expect(answer.body).toContain('lang="nl"');
    expect(answer.body).toContain("Te veel gegevens verstuurd");
    expect(answer.sent).toBeLessThan(200 * MB);
    expect(serverMemory() - memoryBefore).toBeLessThan(32 * MB);
    const [after] = await db().select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
  });

  it("allows an upload route a few megabytes, and no more", async () => {
    const memoryBefore = serverMemory();
    const answer = await postChunked("/beheer/havenstad/instellingen", 200 * MB, {
      "content-type": "application/x-www-form-urlencoded",
      cookie: `${projectLeader}; buurtkracht_lang=en`,
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('lang="en"');
    expect(answer.body).toContain("Too much data sent");
    expect(serverMemory() - memoryBefore).toBeLessThan(48 * MB);
  });

  it("refuses a body that declares its size at once", async () => {
    const response = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      body: `email=a%40b.example&password=${"x".repeat(100 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers the API with a problem document, in the language asked for", async () => {
    const [before] = await db().select({ n: count() }).from(registrations);
    const activities = (await (await fetch(`${server.url}/api/v1/activities`)).json()) as { data: { id: string }[] };
    const answer = await postChunked(`/api/v1/activities/${activities.data[0]!.id}/registrations`, 20 * MB, {
      "content-type": "application/json",
      "accept-language": "en",
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toContain("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, code: "payload_too_large", title: "Request too large" });
    const [after] = await db().select({ n: count() }).from(registrations);
    expect(after!.n).toBe(before!.n);
  });

  it("still takes ordinary forms and uploads within their limits", async () => {
    const response = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      body: "email=bewoner%40buurtkracht.example&password=onjuist-wachtwoord",
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    const form = new FormData();
    form.set("name", "Havenstad");
    form.set("logo", new Blob([Buffer.alloc(6 * MB, 1)], { type: "image/png" }), "groot.png");
    const upload = await fetch(`${server.url}/beheer/havenstad/instellingen`, { method: "POST", headers: { origin: server.url, cookie: projectLeader }, body: form });
    // Over the image limit but within the route's: the form's own message about the logo.
    expect(upload.status).toBe(400);
    expect(await upload.text()).toContain("Het logo is te groot");
  });
});
