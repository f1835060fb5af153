/**
 * A database restart does not take the app down: its connections are cut mid-load (as by a
 * failover), then the database is really gone for a while, then back. The process survives,
 * /readyz says 503 while the database is down, requests get a 503 page (problem+json under
 * /api/v1) with Retry-After instead of a 500, and the app serves again once the database is back.
 * The database is a dedicated embedded PostgreSQL, so the test can stop and start it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/lib/db/embedded.server";
import { freePort, startTestServer, type TestServer } from "../support/server";

// A free port of its own, so a second test run on the same machine does not collide.
let PORT = 0;
let folder: string;
let database: EmbeddedDatabase;
let server: TestServer;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "bk-outage-"));
  PORT = await freePort();
  database = await startEmbeddedPostgres(path.join(folder, "postgres"), PORT);
  server = await startTestServer({ databaseUrl: database.url });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await database?.stop().catch(() => undefined);
  if (folder) await rm(folder, { recursive: true, force: true });
});

const PATHS = ["/havenstad/activiteiten", "/api/v1/activities", "/activiteiten", "/havenstad"];

/** Requests in a loop from `workers` clients until `stop()`; the statuses seen, by path kind. */
function load(workers: number) {
  const statuses: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let i = worker; running; i++) {
      const target = PATHS[i % PATHS.length]!;
      try {
        const response = await fetch(`${server.url}${target}`, { redirect: "manual" });
        statuses.push(response.status);
        const body = await response.text();
        if (response.status === 503) {
          if (!response.headers.get("retry-after")) failures.push(`${target}: 503 without Retry-After`);
          if (target.startsWith("/api/") && !response.headers.get("content-type")?.includes("application/problem+json")) {
            failures.push(`${target}: 503 not problem+json`);
          }
          if (!target.startsWith("/api/") && !body.includes("Even niet bereikbaar")) failures.push(`${target}: 503 without the page`);
        }
      } catch (error) {
        failures.push(`${target}: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  return {
    statuses,
    failures,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a database restart", () => {
  it("survives connections terminated mid-load and answers 200 afterwards", async () => {
    const traffic = load(6);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const admin = new pg.Client({ connectionString: database.url.replace(/\/buurtkracht$/, "/postgres") });
    await admin.connect();
    for (let round = 0; round < 5; round++) {
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'buurtkracht' and pid <> pg_backend_pid()`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await traffic.stop();
    expect(server.process.exitCode, server.output()).toBeNull();
    expect(traffic.failures).toEqual([]);
    expect(traffic.statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect((await fetch(`${server.url}/havenstad/activiteiten`)).status).toBe(200);
  });

  it("reports the outage on /readyz and with 503 pages, and serves again when the database is back", async () => {
    const traffic = load(4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.stop();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ database: "unreachable" });

    const page = await fetch(`${server.url}/havenstad/activiteiten`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain("Even niet bereikbaar");
    const english = await fetch(`${server.url}/havenstad`, { headers: { cookie: "buurtkracht_lang=en" } });
    expect(english.status).toBe(503);
    expect(await english.text()).toContain("Temporarily unavailable");
    const api = await fetch(`${server.url}/api/v1/activities`, { headers: { "accept-language": "en" } });
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(await api.json()).toMatchObject({ status: 503, title: "Temporarily unavailable" });

    database = await startEmbeddedPostgres(path.join(folder, "postgres"), PORT);
    await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 200);
    await traffic.stop();
    expect(server.process.exitCode, server.output()).toBeNull();
    expect(traffic.failures).toEqual([]);
    expect(traffic.statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    for (const target of PATHS) expect((await fetch(`${server.url}${target}`)).status, target).toBe(200);
  });
});
