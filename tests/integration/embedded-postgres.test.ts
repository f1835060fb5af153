/**
 * The embedded PostgreSQL (no DATABASE_URL) after a crash: kill -9 of the app leaves its
 * PostgreSQL running, and the next start must take the data folder over by itself. A port taken
 * by another program is named in a clear message, with the folder and EMBEDDED_POSTGRES_PORT.
 * Own data folders and free ports, never ./data or the suite's ports.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startTestServer } from "../support/server";

const folders: string[] = [];

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "bk-embedded-"));
  folders.push(folder);
  return folder;
}

/** Stops a PostgreSQL that a test left running in `folder`, by the pid in its postmaster.pid. */
function stopLeftOver(folder: string): void {
  try {
    const pid = Number(readFileSync(path.join(folder, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    if (pid > 0) process.kill(pid, "SIGINT");
  } catch {
    // no server left
  }
}

afterAll(async () => {
  for (const folder of folders) stopLeftOver(folder);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const embeddedEnv = (folder: string, port: number) => ({ DATA_DIR: folder, EMBEDDED_POSTGRES_PORT: String(port), DEMO_DATA: "false", AUTH_SECRET: "a-test-secret-of-at-least-thirty-two-characters" });

describe("embedded PostgreSQL", () => {
  it("comes up again after the app was killed with SIGKILL", { timeout: 180_000 }, async () => {
    const folder = await dataFolder();
    const databasePort = await freePort();
    const first = await startTestServer({ databaseUrl: "", env: embeddedEnv(folder, databasePort) });
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    await first.kill();

    const second = await startTestServer({ databaseUrl: "", env: embeddedEnv(folder, databasePort) });
    try {
      const ready = await fetch(`${second.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", database: "ok" });
      expect((await fetch(`${second.url}/activiteiten`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it("says which port, which folder and which variable when the port is taken", { timeout: 120_000 }, async () => {
    const folder = await dataFolder();
    const squatter: Server = createServer();
    const takenPort = await freePort();
    await new Promise<void>((resolve) => squatter.listen(takenPort, "127.0.0.1", resolve));
    try {
      const child = spawn(process.execPath, ["server.js"], {
        env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "", LOG_LEVEL: "warn", ...embeddedEnv(folder, takenPort) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += String(chunk)));
      child.stderr.on("data", (chunk) => (output += String(chunk)));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code, output).not.toBe(0);
      expect(output).toContain(`Port ${takenPort}`);
      expect(output).toContain(path.resolve(folder, "postgres"));
      expect(output).toContain("EMBEDDED_POSTGRES_PORT");
      expect(output).not.toContain("Uncaught undefined");
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
