/**
 * Once per test run: a PostgreSQL server (embedded, or the one in DATABASE_URL) with a migrated
 * template database. Every test file clones its own database from the template, so files run in
 * parallel and never see each other's data.
 */
import { rm } from "node:fs/promises";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/lib/db/embedded.server";
import { runMigrations } from "~/lib/db/migrate.server";
import { startJobs, stopJobs } from "~/lib/jobs.server";
import { allJobs } from "~/jobs";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl: string;
  const dataDir = "./data/test-postgres";
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    await rm(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres(dataDir, Number(process.env.TEST_POSTGRES_PORT ?? 5434));
    serverUrl = embedded.url;
  }
  const template = `bk_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(serverUrl, template);
  await runMigrations(templateUrl);
  // Install pg-boss's schema and queues in the template too.
  await startJobs(templateUrl, allJobs, { workers: false });
  await stopJobs();
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [template]);
  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", template);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`bk_%_${process.pid}%`],
    );
    for (const { datname } of leftovers.rows) {
      await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
    }
    await admin.end();
    if (embedded) {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  };
}
