/**
 * `npm run bench`: builds the app, makes sure the national-scale bench database exists (or
 * reuses it), starts the production build against it and measures the public calendar page
 * (against a static server with the same bytes), the activities API, sign-ups per second and
 * the JavaScript and CSS each public page loads. Results go to bench/results/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { appEnvironment, startApp, type RunningApp } from "./app.ts";
import { measurePageAssets, type PageAssets } from "./assets.ts";
import { databaseName, parseOptions, type Options } from "./config.ts";
import { measureCpu, postgresProcesses, processTree } from "./cpu.ts";
import { ensureDatabase, openClient, withClient, type DatabaseState } from "./database.ts";
import { benchQueries, explainQueries, machineFacts, sampleActivity, tableFacts, type MachineFacts, type QueryPlan, type TableFacts } from "./facts.ts";
import { summariseProfile, type ProfileSummary } from "./profile.ts";
import { benchRegistrations, type RegistrationRunResult } from "./registrations.ts";
import { benchBudgetApprovals, budgetMarkdown, type BudgetBenchResult } from "./budgets.ts";
import { calendarMeetsTarget, markdownReport, printSummary, TARGETS } from "./report.ts";
import { round } from "./stats.ts";
import { runWrk, wrkVersion, type WrkResult } from "./wrk.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const resultsDir = fileURLToPath(new URL("results/", import.meta.url));
// A fixed id, so the sign-up activity is found again on later runs.
const SIGN_UP_ACTIVITY_ID = "b0000000-0000-4000-8000-00000000b001";

const startedAt = Date.now();
function log(line: string): void {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${seconds}s] ${line}`);
}

export interface LoadResult {
  wrk: WrkResult;
  /** Wall-clock seconds of the measured run (wrk's duration plus its start and stop). */
  wallSeconds: number;
  /** Committed database transactions per answered request (each statement outside a transaction counts as one). */
  transactionsPerRequest?: number;
  /** CPU seconds per group during the run; "machine" is every process on the machine. */
  cpuSeconds: Record<string, number>;
  /** CPU milliseconds per answered request. */
  cpuMsPerRequest: Record<string, number>;
}

export interface CalendarResult {
  path: string;
  requestedPath: string;
  htmlBytes: number;
  activitiesOnPage: number;
  app: LoadResult;
  staticServer: LoadResult;
  /** App requests per second divided by the static server's. */
  ratio: number;
  appGzip?: LoadResult;
  databaseSampling?: Awaited<ReturnType<ReturnType<typeof sampleActivity>["stop"]>>;
}

export interface BenchResults {
  kind: "buurtkracht-bench";
  size: string;
  machine: MachineFacts;
  tools: { wrk: string };
  app: { instances: number; environment: Record<string, string>; buildDir: string };
  database: {
    name: string;
    reused: boolean;
    generatedAt: string;
    generation: DatabaseState["marker"]["generation"];
    havenstadUpcoming: number;
    havenstadToppedUp: number;
    tables?: TableFacts[];
    queries?: QueryPlan[];
  };
  calendar?: CalendarResult;
  /** The calendar again with more app processes, when one missed the target. */
  calendarMoreInstances?: LoadResult & { instances: number };
  /** The calendar with the app's default page cache for visitors who are not signed in. */
  calendarPageCache?: LoadResult & { instances: number; cacheSeconds: number };
  api?: LoadResult & { path: string };
  registrations?: RegistrationRunResult & {
    storedConfirmed: number;
    confirmedCount: number;
    consistent: boolean;
    databaseSampling: Awaited<ReturnType<ReturnType<typeof sampleActivity>["stop"]>>;
  };
  assets?: PageAssets[];
  /** 200 concurrent budget approvals against one pot with room for half, over two app instances (bench/budgets.ts). */
  budgets?: BudgetBenchResult;
  profile?: ProfileSummary;
  notes: string[];
  durationSeconds: number;
}

function shouldRun(options: Options, name: string): boolean {
  return !options.only || options.only.has(name);
}

function build(options: Options): void {
  log(`building the app in ${options.appDir} into ${options.buildDir}`);
  const result = spawnSync(process.execPath, [`${options.appDir}/node_modules/.bin/react-router`, "build"], {
    cwd: options.appDir,
    env: { ...process.env, BUILD_DIR: options.buildDir, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) throw new Error(`The build failed:\n${String(result.stdout)}\n${String(result.stderr)}`);
}

function appEnvironmentFor(options: Options, databaseUrl: string): Record<string, string> {
  // TRUST_PROXY=1 as behind a load balancer: the sign-up benchmark sends each request from its
  // own client address (X-Forwarded-For), so per-address limits apply as they would to residents.
  return appEnvironment({ appDir: options.appDir, databaseUrl, buildDir: options.buildDir, port: options.port, instances: options.instances, env: { TRUST_PROXY: "1" } });
}

/** Transactions committed in the bench database so far (PostgreSQL flushes these counters about once a second). */
async function committedTransactions(state: DatabaseState): Promise<number> {
  return withClient(state.url, async (client) => {
    const result = await client.query<{ n: string }>("select xact_commit + xact_rollback as n from pg_stat_database where datname = $1", [state.name]);
    return Number(result.rows[0]!.n);
  });
}

async function loadTest(
  url: string,
  options: Options,
  groups: Record<string, () => number[]>,
  headers: string[] = [],
  database?: { state: DatabaseState; otherTransactions: () => number },
): Promise<LoadResult> {
  const before = database ? await committedTransactions(database.state) : 0;
  const measured = await measureCpu(groups, () =>
    runWrk(url, { threads: options.threads, connections: options.connections, seconds: options.duration, headers }),
  );
  const answered = Math.max(1, measured.result.requests);
  let transactionsPerRequest: number | undefined;
  if (database) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The counting query itself and the sampler's queries are not the app's.
    const counted = (await committedTransactions(database.state)) - before - 1 - database.otherTransactions();
    transactionsPerRequest = round(counted / answered, 2);
  }
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(measured.cpuSeconds).map(([name, seconds]) => [name, round((seconds * 1000) / answered, 3)]),
  );
  const cpuSeconds = Object.fromEntries(Object.entries(measured.cpuSeconds).map(([name, seconds]) => [name, round(seconds, 2)]));
  return { wrk: measured.result, wallSeconds: round(measured.wallSeconds, 2), transactionsPerRequest, cpuSeconds, cpuMsPerRequest };
}

async function startStaticServer(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [`${root}bench/static-server.ts`, file, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`The static server exited (${code})`)));
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

async function measureCalendar(options: Options, app: RunningApp, state: DatabaseState, notes: string[]): Promise<CalendarResult> {
  let path = options.calendarPath;
  let response = await fetch(`${app.url}${path}`);
  if (response.status === 404 && path !== "/havenstad") {
    notes.push(`${path} answered 404; the calendar benchmark measured /havenstad instead.`);
    log(`${path} answered 404; measuring /havenstad instead`);
    path = "/havenstad";
    response = await fetch(`${app.url}${path}`);
  }
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  const activityIds = new Set([...html.matchAll(/href="[^"]*\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g)].map((m) => m[1]));
  mkdirSync(resultsDir, { recursive: true });
  const htmlFile = `${resultsDir}calendar-page.tmp`;
  writeFileSync(htmlFile, html);

  const url = `${app.url}${path}`;
  log(`warming up ${path} (${(html.length / 1024).toFixed(0)} KB of HTML, ${activityIds.size} activity links)`);
  await runWrk(url, { threads: options.threads, connections: options.connections, seconds: 3 });
  const groups = { app: () => processTree(app.pid), postgres: () => postgresProcesses(state.name) };

  log(`load-testing ${path}: ${options.duration} s, ${options.connections} connections`);
  const sampler = await openClient(state.url);
  const sampling = sampleActivity(sampler, state.name);
  const appRun = await loadTest(url, options, groups, [], { state, otherTransactions: sampling.samples });
  const databaseSampling = await sampling.stop();
  await sampler.end();
  log(`  app: ${appRun.wrk.requestsPerSecond.toFixed(0)} req/s, p50 ${appRun.wrk.latencyMs.p50.toFixed(1)} ms, p99 ${appRun.wrk.latencyMs.p99.toFixed(1)} ms`);

  log("same bytes from bench/static-server.ts");
  const staticServer = await startStaticServer(htmlFile, options.staticPort);
  let staticRun: LoadResult;
  try {
    const staticUrl = `http://127.0.0.1:${options.staticPort}${path}`;
    await runWrk(staticUrl, { threads: options.threads, connections: options.connections, seconds: 2 });
    staticRun = await loadTest(staticUrl, options, { static: () => [staticServer.pid!] });
  } finally {
    await stopChild(staticServer);
    rmSync(htmlFile, { force: true });
  }
  log(`  static: ${staticRun.wrk.requestsPerSecond.toFixed(0)} req/s, p50 ${staticRun.wrk.latencyMs.p50.toFixed(2)} ms, p99 ${staticRun.wrk.latencyMs.p99.toFixed(2)} ms`);

  log(`${path} again with Accept-Encoding: gzip, as browsers ask`);
  const appGzip = await loadTest(url, options, groups, ["Accept-Encoding: gzip"], { state, otherTransactions: () => 0 });
  log(`  app (gzip): ${appGzip.wrk.requestsPerSecond.toFixed(0)} req/s, p99 ${appGzip.wrk.latencyMs.p99.toFixed(1)} ms`);

  return {
    path,
    requestedPath: options.calendarPath,
    htmlBytes: Buffer.byteLength(html),
    activitiesOnPage: activityIds.size,
    app: appRun,
    staticServer: staticRun,
    ratio: round(appRun.wrk.requestsPerSecond / Math.max(1, staticRun.wrk.requestsPerSecond), 4),
    appGzip,
    databaseSampling,
  };
}

async function measureApi(options: Options, app: RunningApp, state: DatabaseState): Promise<LoadResult & { path: string }> {
  const path = "/api/v1/activities?municipality=havenstad&limit=50";
  const response = await fetch(`${app.url}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  await response.arrayBuffer();
  await runWrk(`${app.url}${path}`, { threads: options.threads, connections: options.connections, seconds: 2 });
  log(`load-testing ${path}`);
  const run = await loadTest(`${app.url}${path}`, options, { app: () => processTree(app.pid), postgres: () => postgresProcesses(state.name) }, [], {
    state,
    otherTransactions: () => 0,
  });
  log(`  api: ${run.wrk.requestsPerSecond.toFixed(0)} req/s, p50 ${run.wrk.latencyMs.p50.toFixed(1)} ms, p99 ${run.wrk.latencyMs.p99.toFixed(1)} ms`);
  return { path, ...run };
}

async function prepareSignUpActivity(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query("begin");
    await client.query("delete from registrations where activity_id = $1", [SIGN_UP_ACTIVITY_ID]);
    await client.query(
      `insert into activities (id, municipality_id, title, description, category, location, starts_at, ends_at,
                               capacity, waitlist_enabled, registration_required, organiser_name, status, published_at)
       select $1, id, 'Benchmark: inschrijvingen', 'Activiteit voor de inschrijfbenchmark.', 'other', 'Online',
              now() + interval '30 days', now() + interval '30 days 2 hours', 10000000, true, true, 'Benchmark', 'published', now()
       from municipalities where slug = 'rivierendal'
       on conflict (id) do update set starts_at = excluded.starts_at, ends_at = excluded.ends_at,
              confirmed_count = 0, status = 'published', capacity = excluded.capacity`,
      [SIGN_UP_ACTIVITY_ID],
    );
    await client.query("commit");
  });
}

/** Sets (or resets) random_page_cost for new sessions of the bench database. */
async function setRandomPageCost(options: Options, state: DatabaseState, value: number | undefined): Promise<void> {
  await withClient(`${options.serverUrl}/postgres`, async (client) => {
    await client.query(
      value === undefined ? `alter database ${state.name} reset random_page_cost` : `alter database ${state.name} set random_page_cost = ${Number(value)}`,
    );
  });
}

/** Removes what the sign-up benchmark wrote, so every run starts from the same data. */
async function cleanUpSignUps(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query("delete from registrations where activity_id = $1", [SIGN_UP_ACTIVITY_ID]);
    await client.query("update activities set confirmed_count = 0 where id = $1", [SIGN_UP_ACTIVITY_ID]);
    await client.query("delete from outbox_emails where to_address like 'bench-%@voorbeeld.example'");
    await client.query("delete from rate_limit_counters where key like 'registration:%'");
  });
}

async function measureRegistrations(options: Options, app: RunningApp, state: DatabaseState) {
  const runId = Date.now().toString(36);
  log(`sign-ups on one activity: ${options.registrationSeconds} s, ${options.registrationConcurrency} concurrent requests`);
  const sampler = await openClient(state.url);
  const sampling = sampleActivity(sampler, state.name);
  const result = await benchRegistrations(app.url, SIGN_UP_ACTIVITY_ID, {
    seconds: options.registrationSeconds,
    concurrency: options.registrationConcurrency,
    runId,
  });
  const databaseSampling = await sampling.stop();
  await sampler.end();
  const check = await withClient(state.url, async (client) => {
    const stored = await client.query<{ n: string }>(
      "select count(*) as n from registrations where activity_id = $1 and status = 'confirmed' and email like $2",
      [SIGN_UP_ACTIVITY_ID, `bench-${runId}-%`],
    );
    const counted = await client.query<{ confirmed_count: number }>("select confirmed_count from activities where id = $1", [SIGN_UP_ACTIVITY_ID]);
    return { storedConfirmed: Number(stored.rows[0]!.n), confirmedCount: counted.rows[0]!.confirmed_count };
  });
  const acknowledged = result.statuses["202"] ?? 0;
  const consistent = check.storedConfirmed === acknowledged && check.confirmedCount === acknowledged;
  log(`  ${result.signUpsPerSecond.toFixed(0)} sign-ups/s, p99 ${result.latencyMs.p99.toFixed(1)} ms; statuses ${JSON.stringify(result.statuses)}; stored ${check.storedConfirmed}, confirmed_count ${check.confirmedCount}`);
  return { ...result, ...check, consistent, databaseSampling };
}

async function activityPagePath(app: RunningApp, calendar: CalendarResult | undefined, state: DatabaseState, calendarPath: string): Promise<string> {
  const html = await (await fetch(`${app.url}${calendar?.path ?? calendarPath}`)).text();
  const link = /href="(\/havenstad\/[^"]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/.exec(html);
  if (link) return link[1]!;
  const id = await withClient(state.url, async (client) => {
    const result = await client.query<{ id: string }>(
      `select a.id from activities a join municipalities m on m.id = a.municipality_id
       where m.slug = 'havenstad' and a.status = 'published' and a.starts_at > now() order by a.starts_at limit 1`,
    );
    return result.rows[0]?.id;
  });
  return `/havenstad/activiteiten/${id}`;
}

async function profileCalendar(options: Options, state: DatabaseState, path: string): Promise<ProfileSummary> {
  const dir = `${resultsDir}profiles/`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`profiling ${path} (node --cpu-prof, ${options.duration} s)`);
  const app = await startApp({
    appDir: options.appDir,
    databaseUrl: state.url,
    buildDir: options.buildDir,
    port: options.port,
    instances: 1,
    nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    env: { TRUST_PROXY: "1" },
  });
  try {
    await runWrk(`${app.url}${path}`, { threads: options.threads, connections: options.connections, seconds: 3 });
    await runWrk(`${app.url}${path}`, { threads: options.threads, connections: options.connections, seconds: options.duration });
  } finally {
    await app.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("The app wrote no CPU profile");
  return summariseProfile(`${dir}${file}`, options.duration + 1);
}

async function measureWithApp(options: Options, state: DatabaseState, results: BenchResults, notes: string[]): Promise<void> {
  await prepareSignUpActivity(state.url);
  log(`starting the app (${options.instances} instance${options.instances > 1 ? "s" : ""}) on port ${options.port}, page cache off: every request is rendered`);
  const app = await startApp({
    appDir: options.appDir,
    databaseUrl: state.url,
    buildDir: options.buildDir,
    port: options.port,
    instances: options.instances,
    env: { TRUST_PROXY: "1", PUBLIC_PAGE_CACHE_SECONDS: "0" },
  });
  try {
    if (shouldRun(options, "calendar")) results.calendar = await measureCalendar(options, app, state, notes);
    if (shouldRun(options, "api")) results.api = await measureApi(options, app, state);
    if (shouldRun(options, "assets")) {
      const activityPage = await activityPagePath(app, results.calendar, state, options.calendarPath);
      const pages = ["/", "/havenstad", results.calendar?.path ?? options.calendarPath, activityPage, "/activiteiten"];
      results.assets = [];
      for (const path of [...new Set(pages)]) {
        const page = await measurePageAssets(app.url, path);
        if (page.status !== 200) notes.push(`${path} answered ${page.status} when its assets were measured.`);
        results.assets.push(page);
        log(`assets of ${path} (${page.status}): ${page.javascriptGzipKB} KB JavaScript, ${page.cssGzipKB} KB CSS (gzip)`);
      }
    }
    if (shouldRun(options, "registrations")) results.registrations = await measureRegistrations(options, app, state);
  } finally {
    await app.stop();
    await cleanUpSignUps(state.url);
  }
}

/** The calendar on a differently started app: more processes, or another environment. */
async function measureCalendarVariant(
  options: Options,
  state: DatabaseState,
  path: string,
  variant: { instances: number; env: Record<string, string>; label: string },
): Promise<LoadResult & { instances: number }> {
  log(`measuring ${path} ${variant.label}`);
  const app = await startApp({
    appDir: options.appDir,
    databaseUrl: state.url,
    buildDir: options.buildDir,
    port: options.port,
    instances: variant.instances,
    env: { TRUST_PROXY: "1", ...variant.env },
  });
  try {
    const url = `${app.url}${path}`;
    await runWrk(url, { threads: options.threads, connections: options.connections, seconds: 3 });
    const run = await loadTest(url, options, { app: () => processTree(app.pid), postgres: () => postgresProcesses(state.name) }, [], {
      state,
      otherTransactions: () => 0,
    });
    log(`  ${variant.label}: ${run.wrk.requestsPerSecond.toFixed(0)} req/s, p50 ${run.wrk.latencyMs.p50.toFixed(1)} ms, p99 ${run.wrk.latencyMs.p99.toFixed(1)} ms`);
    return { instances: variant.instances, ...run };
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const notes: string[] = [];
  const wrk = shouldRun(options, "calendar") || shouldRun(options, "api") ? wrkVersion() : "not used";
  if (options.build) build(options);
  // The budget approvals run on a database of their own; `--only budgets` measures nothing else.
  let budgets: BudgetBenchResult | undefined;
  if (shouldRun(options, "budgets")) {
    budgets = await benchBudgetApprovals(options, log);
    const stamp = new Date().toISOString().slice(0, 16).replace("T", "-").replace(":", "");
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(`${resultsDir}${stamp}-budgets.json`, `${JSON.stringify(budgets, null, 2)}\n`);
    writeFileSync(`${resultsDir}budgets.md`, budgetMarkdown(budgets, new Date().toISOString()));
    if (options.only?.size === 1) return;
  }
  const state = await ensureDatabase(options, log);
  if (options.generateOnly) return;

  const machine = await withClient(state.url, (client) => machineFacts(client));
  const results: BenchResults = {
    kind: "buurtkracht-bench",
    size: options.size.name,
    machine,
    tools: { wrk },
    app: { instances: options.instances, environment: appEnvironmentFor(options, state.url), buildDir: options.buildDir },
    database: {
      name: databaseName(options.size),
      reused: state.reused,
      generatedAt: state.marker.generatedAt,
      generation: state.marker.generation,
      havenstadUpcoming: state.havenstadUpcoming,
      havenstadToppedUp: state.havenstadToppedUp,
    },
    budgets,
    notes,
    durationSeconds: 0,
  };
  if (machine.loadAverageAtStart[0]! > 0.5) {
    notes.push(`The 1-minute load average was ${machine.loadAverageAtStart[0]} at the start: other work was running, so the figures are noisy.`);
  }

  if (shouldRun(options, "database")) {
    log("database facts: table and index sizes, EXPLAIN ANALYZE of the calendar queries");
    await withClient(state.url, async (client) => {
      results.database.tables = await tableFacts(client);
      if (options.randomPageCost !== undefined) await client.query(`set random_page_cost = ${options.randomPageCost}`);
      const queries = await benchQueries(client, TARGETS.calendarQueryLimit);
      results.database.queries = await explainQueries(client, queries);
      // The calendar query's plan depends on the planner's cost of random reads; show the other side too.
      const other = options.randomPageCost === undefined ? "1.1" : "default";
      await client.query(`set random_page_cost = ${other === "default" ? "default" : other}`);
      const [calendar] = await explainQueries(client, queries.slice(0, 1));
      results.database.queries.push({ ...calendar!, name: `${calendar!.name}, with random_page_cost = ${other}` });
    });
  }

  if (options.randomPageCost !== undefined) {
    await setRandomPageCost(options, state, options.randomPageCost);
    notes.push(`The app's database sessions used random_page_cost = ${options.randomPageCost} (--random-page-cost); the server's setting is ${machine.postgresSettings.random_page_cost}.`);
  }
  try {
    await measureWithApp(options, state, results, notes);
    // One process cannot use both cores; when it misses the target, show what two processes do.
    if (results.calendar && calendarMeetsTarget(results) === false && options.instances === 1 && !options.instancesGiven) {
      results.calendarMoreInstances = await measureCalendarVariant(options, state, results.calendar.path, {
        instances: 2,
        env: { PUBLIC_PAGE_CACHE_SECONDS: "0" },
        label: "with 2 app processes, page cache off",
      });
    }
    // As the app runs by default: anonymous visitors may get a page rendered up to a second ago.
    if (results.calendar) {
      const cacheSeconds = 1;
      const run = await measureCalendarVariant(options, state, results.calendar.path, {
        instances: options.instances,
        env: { PUBLIC_PAGE_CACHE_SECONDS: String(cacheSeconds) },
        label: `with the default page cache (${cacheSeconds} s)`,
      });
      results.calendarPageCache = { ...run, cacheSeconds };
    }
    if (options.profile) results.profile = await profileCalendar(options, state, results.calendar?.path ?? options.calendarPath);
  } finally {
    if (options.randomPageCost !== undefined) await setRandomPageCost(options, state, undefined);
  }

  results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
  mkdirSync(resultsDir, { recursive: true });
  const stamp = machine.date.slice(0, 16).replace("T", "-").replace(":", "");
  const file = `${resultsDir}${stamp}-${options.size.name}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${resultsDir}latest.md`, markdownReport(results));
  printSummary(results);
  log(`results: ${file.replace(root, "")} and bench/results/latest.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
