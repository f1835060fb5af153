import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { env } from "~/lib/env.server";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; writes that must happen together take one of these. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: read functions accept both. */
export type Executor = Database | Transaction;

let connection: { url: string; pool: pg.Pool; db: Database } | undefined;

// Timestamps come back as Date; bigint counts as numbers (they stay far below 2^53).
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/** Points the process at its database. Called once at start-up (or per test file). */
export function connectDatabase(url: string, poolSize = env.DATABASE_POOL_SIZE): Database {
  if (connection?.url === url) return connection.db;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: "buurtkracht",
    // The data lives on SSDs (or in memory): with PostgreSQL's default random_page_cost of 4 the
    // planner misjudges the calendar and reads every upcoming activity of a municipality instead of
    // walking its index and stopping after one page (docs/scaling.md has the plans).
    options: "-c random_page_cost=1.1",
    // A database that does not answer (a failover in progress) fails the request instead of
    // holding it, and /readyz, forever. pg-pool counts the wait for a free client in this too, so
    // it is long enough for a burst of sign-ups queueing behind the pool's connections.
    connectionTimeoutMillis: 30_000,
  });
  pool.on("error", () => {
    // An idle client lost its connection (for example a database restart); the pool replaces it.
  });
  pool.on("connect", (client) => {
    // A checked-out client whose connection is cut between two queries emits "error"; unheard,
    // that would end the process. The query that uses it next fails, and the pool drops it.
    client.on("error", () => undefined);
  });
  connection = { url, pool, db: drizzle(pool, { schema }) };
  return connection.db;
}

/** The database of this process. */
export function db(): Database {
  if (!connection) {
    if (!process.env.DATABASE_URL) throw new Error("The database is not connected yet");
    return connectDatabase(process.env.DATABASE_URL);
  }
  return connection.db;
}

export function databasePool(): pg.Pool {
  db();
  return connection!.pool;
}

export function databaseUrl(): string {
  db();
  return connection!.url;
}

export async function disconnectDatabase(): Promise<void> {
  const current = connection;
  connection = undefined;
  await current?.pool.end();
}
