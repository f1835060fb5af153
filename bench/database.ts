/**
 * The bench database `buurtkracht_bench_<size>`: created, migrated and seeded by the app itself,
 * then filled with generated data. A finished database carries a marker (a comment on the
 * database) with the migration hashes it was built with, so later runs reuse it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { startApp } from "./app.ts";
import { databaseName, HAVENSTAD_UPCOMING, type Options } from "./config.ts";
import { countHavenstadUpcoming, generateBulk, topUpHavenstad, type GenerationResult } from "./generate.ts";

const MARKER = "buurtkracht-bench ";

interface Marker {
  size: string;
  generatedAt: string;
  migrations: string[];
  generation: GenerationResult;
}

export interface DatabaseState {
  url: string;
  name: string;
  reused: boolean;
  marker: Marker;
  havenstadUpcoming: number;
  havenstadToppedUp: number;
}

/** Hashes of the repository's migrations, computed as drizzle's migrator does. */
function migrationHashes(appDir: string): string[] {
  const folder = `${appDir}/db/migrations/`;
  const journal = JSON.parse(readFileSync(`${folder}meta/_journal.json`, "utf8")) as { entries: { tag: string }[] };
  return journal.entries.map((entry) => createHash("sha256").update(readFileSync(`${folder}${entry.tag}.sql`, "utf8")).digest("hex"));
}

export async function openClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "buurtkracht-bench" });
  await client.connect();
  return client;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await openClient(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function readMarker(options: Options, name: string): Promise<Marker | undefined> {
  return withClient(`${options.serverUrl}/postgres`, async (client) => {
    const result = await client.query<{ comment: string | null }>(
      "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1",
      [name],
    );
    const comment = result.rows[0]?.comment;
    if (!comment?.startsWith(MARKER)) return undefined;
    return JSON.parse(comment.slice(MARKER.length)) as Marker;
  });
}

/** A complete bench database for the chosen size: reused when it matches the migrations, built otherwise. */
export async function ensureDatabase(options: Options, log: (line: string) => void): Promise<DatabaseState> {
  const name = databaseName(options.size);
  const url = `${options.serverUrl}/${name}`;
  const hashes = migrationHashes(options.appDir);
  let marker = options.regenerate ? undefined : await readMarker(options, name);
  let reused = true;
  if (marker && marker.migrations.join() !== hashes.join()) {
    log(`database ${name} was built with other migrations; building it again`);
    marker = undefined;
  }
  if (marker) {
    log(`reusing database ${name} (generated ${marker.generatedAt}: ${marker.generation.activities.toLocaleString("en")} activities, ${marker.generation.registrations.toLocaleString("en")} registrations)`);
  } else {
    reused = false;
    marker = await buildDatabase(options, name, url, hashes, log);
  }

  // Time moves on between runs: keep the Havenstad calendar at its intended length.
  const state = await withClient(url, async (client) => {
    let upcoming = await countHavenstadUpcoming(client);
    let toppedUp = 0;
    if (upcoming < HAVENSTAD_UPCOMING) {
      toppedUp = await topUpHavenstad(client, options.size, HAVENSTAD_UPCOMING - upcoming);
      await client.query("analyze activities");
      log(`added ${toppedUp} upcoming Havenstad activities (${upcoming} had not started yet)`);
      upcoming = await countHavenstadUpcoming(client);
    }
    return { upcoming, toppedUp };
  });
  return { url, name, reused, marker, havenstadUpcoming: state.upcoming, havenstadToppedUp: state.toppedUp };
}

async function buildDatabase(options: Options, name: string, url: string, hashes: string[], log: (line: string) => void): Promise<Marker> {
  await withClient(`${options.serverUrl}/postgres`, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  log(`created database ${name}; starting the app once to migrate it and seed the demo network`);
  const app = await startApp({ appDir: options.appDir, databaseUrl: url, buildDir: options.buildDir, port: options.port, instances: 1 });
  await app.stop();

  const missing = await withClient(url, async (client) => Math.max(0, HAVENSTAD_UPCOMING - (await countHavenstadUpcoming(client))));
  log(`generating ${options.size.name} data: ${options.size.municipalities} municipalities, ${options.size.activities.toLocaleString("en")} activities, ${options.size.registrations.toLocaleString("en")} registrations${missing > 0 ? ` (+${missing} upcoming for Havenstad, which the demo seed did not provide)` : ""}`);
  const started = performance.now();
  const generation = await withClient(url, (client) => generateBulk(client, options.size, missing, log));
  log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s; vacuuming and analysing`);
  await withClient(url, async (client) => {
    // Freezing now sets hint bits and the visibility map, so the measured runs neither write
    // pages while reading nor lose index-only scans.
    await client.query("set maintenance_work_mem = '1GB'");
    await client.query("vacuum (freeze, analyze) activities, registrations");
    await client.query("analyze");
  });
  const marker: Marker = { size: options.size.name, generatedAt: new Date().toISOString(), migrations: hashes, generation };
  await withClient(`${options.serverUrl}/postgres`, async (client) => {
    const literal = (MARKER + JSON.stringify(marker)).replaceAll("'", "''");
    await client.query(`comment on database ${name} is '${literal}'`);
  });
  log(`database ${name} is ready (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return marker;
}
