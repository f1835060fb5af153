/**
 * A fresh database for one test file, cloned from the migrated template. Call at the top level of
 * a test file: `const database = useTestDatabase();` then use `database.url` inside tests.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { connectDatabase, disconnectDatabase } from "~/lib/db/client.server";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates a database from the template and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = inject("serverUrl");
  const template = inject("templateDatabase");
  const pid = template.replace("bk_template_", "");
  const name = `bk_test_${pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

export function useTestDatabase(options: { connect?: boolean } = {}): { url: string } {
  const state = { url: "" };
  beforeAll(async () => {
    state.url = await createTestDatabase();
    process.env.DATABASE_URL = state.url;
    if (options.connect !== false) connectDatabase(state.url, 20);
  });
  afterAll(async () => {
    await disconnectDatabase();
  });
  return state;
}
