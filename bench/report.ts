/**
 * The readable side of a benchmark run: bench/results/latest.md and the summary printed at the end.
 */
import type { BenchResults, LoadResult } from "./run.ts";
import { round } from "./stats.ts";

/** DESIGN.md's non-functional targets for the public calendar. */
export const TARGETS = {
  calendarRequestsPerSecond: 300,
  calendarP99Ms: 150,
  javascriptGzipKB: 100,
  /** The calendar list shows 50 activities and asks for one more to know whether a next page exists. */
  calendarQueryLimit: 51,
};

const mark = (ok: boolean) => (ok ? "✅ met" : "❌ missed");

function load(result: LoadResult): string {
  return `${round(result.wrk.requestsPerSecond, 0)} req/s · p50 ${round(result.wrk.latencyMs.p50, 2)} ms · p99 ${round(result.wrk.latencyMs.p99, 2)} ms`;
}

function errors(result: LoadResult): string {
  const socket = result.wrk.socketErrors;
  const count = result.wrk.errorResponses + socket.connect + socket.read + socket.write + socket.timeout;
  return count > 0 ? ` (${count} errors)` : "";
}

function cpu(result: LoadResult): string {
  const parts = Object.entries(result.cpuMsPerRequest)
    .filter(([name]) => name !== "machine")
    .map(([name, ms]) => `${name} ${ms} ms`);
  if (result.transactionsPerRequest !== undefined) parts.push(`${result.transactionsPerRequest} database transactions`);
  return parts.join(", ");
}

export function calendarMeetsTarget(results: BenchResults): boolean | undefined {
  const run = results.calendar?.app.wrk;
  if (!run) return undefined;
  return run.requestsPerSecond >= TARGETS.calendarRequestsPerSecond && run.latencyMs.p99 <= TARGETS.calendarP99Ms && run.errorResponses === 0;
}

export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [];
  lines.push(`# Benchmark: ${results.size} data, ${m.date.slice(0, 16).replace("T", " ")} UTC`, "");
  lines.push(
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGB} GB, ${m.platform}; Node ${m.node}; ${m.postgres}; wrk ${results.tools.wrk}. ` +
      `Load average at start: ${m.loadAverageAtStart.join(" / ")}. App: production build, ${results.app.instances} instance(s), ` +
      `pool ${results.app.environment.DATABASE_POOL_SIZE ?? "10 (default)"}; load generator on the same machine.`,
    "",
  );
  const g = results.database.generation;
  lines.push(
    `Database \`${results.database.name}\` (${results.database.reused ? "reused" : "generated in this run"}, generated ${results.database.generatedAt.slice(0, 16).replace("T", " ")}): ` +
      `${g.activities.toLocaleString("en")} generated activities, ${g.registrations.toLocaleString("en")} generated registrations; ` +
      `Havenstad has ${results.database.havenstadUpcoming} upcoming published activities.`,
    "",
  );
  for (const note of results.notes) lines.push(`> ${note}`, "");

  lines.push("## Throughput", "", "| Measurement | Result | Target | |", "|---|---|---|---|");
  const c = results.calendar;
  if (c) {
    const ok = calendarMeetsTarget(results)!;
    lines.push(`| Calendar page \`${c.path}\` (${results.calendar!.activitiesOnPage} activities, ${round(c.htmlBytes / 1024, 0)} KB HTML), rendered for every request | ${load(c.app)}${errors(c.app)} | ≥ ${TARGETS.calendarRequestsPerSecond} req/s, p99 ≤ ${TARGETS.calendarP99Ms} ms | ${mark(ok)} |`);
    lines.push(`| Same bytes, minimal Node static server | ${load(c.staticServer)}${errors(c.staticServer)} | | |`);
    lines.push(`| Ratio app / static | ${round(c.ratio * 100, 2)} % | | |`);
    if (c.appGzip) lines.push(`| Calendar page with \`Accept-Encoding: gzip\` | ${load(c.appGzip)}${errors(c.appGzip)} | | |`);
  }
  const more = results.calendarMoreInstances;
  if (more) {
    const ok = more.wrk.requestsPerSecond >= TARGETS.calendarRequestsPerSecond && more.wrk.latencyMs.p99 <= TARGETS.calendarP99Ms && more.wrk.errorResponses === 0;
    lines.push(`| Calendar page, ${more.instances} app processes | ${load(more)}${errors(more)} | ≥ ${TARGETS.calendarRequestsPerSecond} req/s, p99 ≤ ${TARGETS.calendarP99Ms} ms | ${mark(ok)} |`);
  }
  const cached = results.calendarPageCache;
  if (cached) {
    const ok = cached.wrk.requestsPerSecond >= TARGETS.calendarRequestsPerSecond && cached.wrk.latencyMs.p99 <= TARGETS.calendarP99Ms && cached.wrk.errorResponses === 0;
    lines.push(`| Calendar page as deployed: page cache of ${cached.cacheSeconds} s for visitors not signed in | ${load(cached)}${errors(cached)} | ≥ ${TARGETS.calendarRequestsPerSecond} req/s, p99 ≤ ${TARGETS.calendarP99Ms} ms | ${mark(ok)} |`);
  }
  if (results.api) lines.push(`| API \`${results.api.path}\` | ${load(results.api)}${errors(results.api)} | | |`);
  const r = results.registrations;
  if (r) {
    lines.push(
      `| Sign-ups on one activity (${r.concurrency} concurrent, ${round(r.seconds, 0)} s) | ${round(r.signUpsPerSecond, 0)} sign-ups/s · p50 ${round(r.latencyMs.p50, 1)} ms · p99 ${round(r.latencyMs.p99, 1)} ms · statuses ${JSON.stringify(r.statuses)} | every 202 stored | ${mark(r.consistent)} |`,
    );
  }
  lines.push(
    "",
    `Settings: wrk ${c?.app.wrk.threads ?? results.api?.wrk.threads} threads, ${c?.app.wrk.connections ?? results.api?.wrk.connections} connections, ${c?.app.wrk.seconds ?? results.api?.wrk.seconds} s, loopback.`,
    "",
  );

  if (c || results.api) {
    lines.push("## CPU per request", "", "CPU time used during the run divided by the requests answered (machine = every process, including wrk and anything else running).", "");
    lines.push("| Run | CPU ms per request | Machine busy (all cores) |", "|---|---|---|");
    const row = (name: string, result: LoadResult) =>
      lines.push(`| ${name} | ${cpu(result)} | ${round(result.cpuSeconds.machine ?? 0, 1)} s (${round(((result.cpuSeconds.machine ?? 0) / (m.cores * result.wallSeconds)) * 100, 0)} %) |`);
    if (c) {
      row("Calendar page", c.app);
      row("Static server", c.staticServer);
      if (c.appGzip) row("Calendar page, gzip", c.appGzip);
    }
    if (more) row(`Calendar page, ${more.instances} processes`, more);
    if (results.api) row("API list", results.api);
    lines.push("");
  }

  if (c?.databaseSampling) {
    const s = c.databaseSampling;
    lines.push(
      "## Database during the calendar run (pg_stat_activity samples)",
      "",
      `${s.samples} samples; on average ${s.averageActiveConnections} of the app's connections were executing a statement.`,
      "",
      "| Share of active samples | Statement |",
      "|---|---|",
    );
    for (const statement of s.statements) lines.push(`| ${round(statement.share * 100, 0)} % | \`${statement.key.replaceAll("|", "\\|")}\` |`);
    lines.push("", "| Share | Wait event |", "|---|---|");
    for (const wait of s.waits) lines.push(`| ${round(wait.share * 100, 0)} % | ${wait.key} |`);
    lines.push("");
  }

  if (results.assets) {
    lines.push("## What public pages load (gzip)", "", "| Page | Status | HTML | JavaScript | CSS | JavaScript ≤ 100 KB |", "|---|---|---|---|---|---|");
    for (const page of results.assets) {
      lines.push(
        `| \`${page.path}\` | ${page.status} | ${round(page.htmlGzipBytes / 1024, 1)} KB | ${page.javascriptGzipKB} KB (${page.javascript.length} files${page.inlineJavascript.scripts ? `, ${page.inlineJavascript.scripts} inline` : ""}) | ${page.cssGzipKB} KB (${page.stylesheets.length} files) | ${mark(page.javascriptGzipKB <= TARGETS.javascriptGzipKB)} |`,
      );
    }
    lines.push("");
  }

  if (results.database.tables) {
    lines.push("## Table sizes", "", "| Table | Rows | Table | Indexes | Total |", "|---|---|---|---|---|");
    for (const t of results.database.tables) {
      lines.push(`| ${t.table} | ${t.rows.toLocaleString("en")} | ${t.tableMB} MB | ${t.indexesMB} MB | ${t.totalMB} MB |`);
    }
    lines.push("", "| Index | Size |", "|---|---|");
    for (const t of results.database.tables.filter((t) => t.table === "activities" || t.table === "registrations")) {
      for (const index of t.indexes) lines.push(`| ${index.name} | ${index.sizeMB} MB |`);
    }
    lines.push("");
  }
  if (results.database.queries) {
    lines.push("## Queries (EXPLAIN ANALYZE, median of 5 after a warm-up run)", "", "| Query | Rows | Planning | Execution |", "|---|---|---|---|");
    for (const q of results.database.queries) lines.push(`| ${q.name} | ${q.rows} | ${q.planningMs} ms | ${q.executionMs} ms |`);
    const first = results.database.queries[0];
    if (first) lines.push("", `Plan of “${first.name}”:`, "", "```", first.plan, "```");
    lines.push("");
  }
  if (results.profile) {
    lines.push("## Where the app's CPU time goes (node --cpu-prof, the last seconds of a calendar run)", "", "| Package | Share of busy time |", "|---|---|");
    for (const p of results.profile.byPackage) lines.push(`| ${p.name} | ${round(p.share * 100, 1)} % |`);
    lines.push("", "| Function (self time) | Share |", "|---|---|");
    for (const f of results.profile.byFunction.slice(0, 15)) lines.push(`| \`${f.name}\` | ${round(f.share * 100, 1)} % |`);
    lines.push("", "| App function, including what it calls | Share |", "|---|---|");
    for (const f of results.profile.appInclusive.slice(0, 15)) lines.push(`| \`${f.name}\` | ${round(f.share * 100, 1)} % |`);
    lines.push("");
  }
  lines.push(`Run took ${results.durationSeconds} s. Full data: the JSON file of this run in bench/results/.`, "");
  return lines.join("\n");
}

export function printSummary(results: BenchResults): void {
  const out: string[] = ["", "──────── Buurtkracht benchmark ────────"];
  const m = results.machine;
  out.push(`${results.size} data · ${m.cores} cores · Node ${m.node} · ${m.postgres} · ${results.app.instances} app instance(s) · load at start ${m.loadAverageAtStart[0]}`);
  const c = results.calendar;
  if (c) {
    out.push(`Calendar ${c.path}, rendered for every request: ${load(c.app)}${errors(c.app)}  → target ≥ ${TARGETS.calendarRequestsPerSecond} req/s, p99 ≤ ${TARGETS.calendarP99Ms} ms: ${mark(calendarMeetsTarget(results)!)}`);
    out.push(`  static server, same ${round(c.htmlBytes / 1024, 0)} KB: ${load(c.staticServer)}  → app/static ${round(c.ratio * 100, 2)} %`);
    if (c.appGzip) out.push(`  with gzip: ${load(c.appGzip)}`);
    out.push(`  CPU per request: ${cpu(c.app)}`);
  }
  if (results.calendarMoreInstances) {
    const more = results.calendarMoreInstances;
    out.push(`  with ${more.instances} app processes: ${load(more)}${errors(more)}; CPU per request: ${cpu(more)}`);
  }
  if (results.calendarPageCache) {
    const cached = results.calendarPageCache;
    out.push(`  as deployed, with the ${cached.cacheSeconds}-second page cache for visitors not signed in: ${load(cached)}${errors(cached)}`);
  }
  if (results.api) out.push(`API ${results.api.path}: ${load(results.api)}${errors(results.api)}`);
  const r = results.registrations;
  if (r) out.push(`Sign-ups: ${round(r.signUpsPerSecond, 0)}/s (p99 ${round(r.latencyMs.p99, 1)} ms), statuses ${JSON.stringify(r.statuses)}, all acknowledged stored: ${r.consistent ? "yes" : "NO"}`);
  if (results.assets) {
    for (const page of results.assets) {
      out.push(`JS ${String(page.javascriptGzipKB).padStart(6)} KB · CSS ${String(page.cssGzipKB).padStart(5)} KB gzip  ${page.path} ${page.javascriptGzipKB <= TARGETS.javascriptGzipKB ? "✅" : "❌"}`);
    }
  }
  const calendarQuery = results.database.queries?.[0];
  if (calendarQuery) out.push(`Calendar query: ${calendarQuery.executionMs} ms execution, ${calendarQuery.planningMs} ms planning (EXPLAIN ANALYZE median)`);
  const variant = results.database.queries?.find((q) => q.name.includes("random_page_cost"));
  if (variant) out.push(`  ${variant.name.replace(/^.*, with /, "with ")}: ${variant.executionMs} ms execution, ${variant.planningMs} ms planning`);
  if (results.profile) out.push(`App CPU: ${results.profile.byPackage.slice(0, 6).map((p) => `${p.name} ${round(p.share * 100, 0)}%`).join(", ")}`);
  for (const note of results.notes) out.push(`Note: ${note}`);
  out.push("───────────────────────────────────────", "");
  console.log(out.join("\n"));
}
