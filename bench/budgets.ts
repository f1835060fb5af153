/**
 * 200 concurrent budget approvals against one pot with room for half of them, over two app
 * instances (two `node server.js` processes on one database), by two project leaders. Checks
 * afterwards that exactly the pot's amount was granted, no request was reserved (paid) twice,
 * and the pot's ledger sums to its committed total; reports the time the burst took.
 *
 * Runs on a database of its own (`buurtkracht_bench_budgets`, made fresh each run and seeded by
 * the app with the demo network): the approvals contend on one pot row, which national data
 * volume does not change.
 */
import { randomUUID } from "node:crypto";
import { startApp, type RunningApp } from "./app.ts";
import type { Options } from "./config.ts";
import { withClient } from "./database.ts";
import { percentile, round } from "./stats.ts";
import { sessionCookieFor } from "../tests/support/session.ts";

export const BUDGET_APPROVALS = 200;
const REQUEST_CENTS = 2500;

export interface BudgetBenchResult {
  approvals: number;
  instances: number;
  potAmountCents: number;
  statuses: Record<string, number>;
  seconds: number;
  approvalsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  grantedCents: number;
  committedCents: number;
  reserveRows: number;
  requestsReservedTwice: number;
  ledgerMatchesCommitted: boolean;
  exactlyPotGranted: boolean;
}

async function prepare(url: string) {
  return withClient(url, async (client) => {
    const municipality = (await client.query<{ id: string }>("select id from municipalities where slug = 'havenstad'")).rows[0]!.id;
    const leaders: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id = randomUUID();
      const email = `bench-projectleider-${i}-${id.slice(0, 6)}@voorbeeld.example`;
      await client.query("insert into users (id, name, email, email_verified, two_factor_enabled) values ($1, $2, $3, true, true)", [id, `Bench Projectleider ${i}`, email]);
      await client.query("insert into memberships (user_id, role, municipality_id) values ($1, 'project_leader', $2)", [id, municipality]);
      leaders.push(email);
    }
    const organiser = randomUUID();
    await client.query("insert into users (id, name, email, email_verified) values ($1, 'Bench Organisator', $2, true)", [organiser, `bench-organisator-${organiser.slice(0, 6)}@voorbeeld.example`]);
    const activity = (
      await client.query<{ id: string }>(
        `insert into activities (municipality_id, title, category, location, starts_at, ends_at, organiser_name, status, capacity)
         values ($1, 'Benchmark: budget', 'other', 'Buurthuis', now() + interval '7 days', now() + interval '7 days 2 hours', 'Bewoner', 'published', 20) returning id`,
        [municipality],
      )
    ).rows[0]!.id;
    await client.query("insert into organised_activities (municipality_id, activity_id, organiser_user_id, idea, goal, target_group) values ($1, $2, $3, 'Idee', 'Doel', 'Buurt')", [municipality, activity, organiser]);
    const amount = (BUDGET_APPROVALS / 2) * REQUEST_CENTS;
    const year = new Date().getFullYear();
    const pot = (
      await client.query<{ id: string }>(
        `insert into budget_pots (municipality_id, name, year, starts_on, ends_on, amount_cents, max_per_request_cents, eligible)
         values ($1, 'Benchmarkpot', $2, $3, $4, $5, $6, 'both') returning id`,
        [municipality, year, `${year}-01-01`, `${year}-12-31`, amount, REQUEST_CENTS],
      )
    ).rows[0]!.id;
    await client.query("insert into budget_ledger (pot_id, municipality_id, kind, amount_cents) values ($1, $2, 'fund', $3)", [pot, municipality, amount]);
    const requests = (
      await client.query<{ id: string }>(
        `insert into budget_requests (municipality_id, pot_id, activity_id, requested_by, idempotency_key, purpose, amount_cents)
         select $1, $2, $3, $4, 'bench-' || n, 'Benchmarkverzoek ' || n, $5 from generate_series(1, $6) as n returning id`,
        [municipality, pot, activity, organiser, REQUEST_CENTS, BUDGET_APPROVALS],
      )
    ).rows.map((r) => r.id);
    return { pot, amount, requests, leaders };
  });
}

export async function benchBudgetApprovals(options: Options, log: (line: string) => void): Promise<BudgetBenchResult> {
  const name = "buurtkracht_bench_budgets";
  await withClient(`${options.serverUrl}/postgres`, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  const url = `${options.serverUrl}/${name}`;
  log(`budget approvals: starting two app instances on ${name} (the first one migrates and seeds it)`);
  const apps: RunningApp[] = [];
  try {
    const common = { appDir: options.appDir, databaseUrl: url, buildDir: options.buildDir, instances: 1, env: { RUN_JOBS: "false" } };
    apps.push(await startApp({ ...common, port: options.port }));
    apps.push(await startApp({ ...common, port: options.port + 1 }));
    const { pot, amount, requests, leaders } = await prepare(url);
    const cookies = await Promise.all(leaders.map(async (email) => (await sessionCookieFor(url, email)).header));
    log(`budget approvals: ${requests.length} at once against a pot with room for ${requests.length / 2}, over 2 instances`);
    const statuses: Record<string, number> = {};
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      requests.map(async (id, i) => {
        const app = apps[i % 2]!;
        const sent = performance.now();
        const response = await fetch(`${app.url}/beheer/havenstad/budgetten/aanvragen/${id}`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, cookie: cookies[i % 2]! },
          body: new URLSearchParams({ intent: "approve" }),
        });
        await response.text();
        latencies.push(performance.now() - sent);
        statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const check = await withClient(url, async (client) => {
      const committed = Number((await client.query<{ c: string }>("select committed_cents as c from budget_pots where id = $1", [pot])).rows[0]!.c);
      const reserves = await client.query<{ n: string; distinct_requests: string; total: string }>(
        "select count(*) as n, count(distinct request_id) as distinct_requests, coalesce(sum(amount_cents), 0) as total from budget_ledger where pot_id = $1 and kind = 'reserve'",
        [pot],
      );
      const granted = Number((await client.query<{ g: string }>("select coalesce(sum(granted_cents), 0) as g from budget_requests where pot_id = $1 and status = 'approved'", [pot])).rows[0]!.g);
      const row = reserves.rows[0]!;
      return { committed, granted, reserveRows: Number(row.n), distinct: Number(row.distinct_requests), ledgerTotal: Number(row.total) };
    });
    const result: BudgetBenchResult = {
      approvals: requests.length,
      instances: 2,
      potAmountCents: amount,
      statuses,
      seconds: round(seconds, 3),
      approvalsPerSecond: round(requests.length / seconds, 1),
      latencyMs: { p50: round(percentile(latencies, 50), 1), p90: round(percentile(latencies, 90), 1), p99: round(percentile(latencies, 99), 1), max: round(latencies.at(-1) ?? 0, 1) },
      grantedCents: check.granted,
      committedCents: check.committed,
      reserveRows: check.reserveRows,
      requestsReservedTwice: check.reserveRows - check.distinct,
      ledgerMatchesCommitted: check.ledgerTotal === check.committed,
      exactlyPotGranted: check.granted === amount && check.committed === amount,
    };
    log(
      `  ${result.seconds} s for ${result.approvals} approvals (p99 ${result.latencyMs.p99} ms); statuses ${JSON.stringify(statuses)}; granted ${check.granted} of ${amount} cents; reserved twice: ${result.requestsReservedTwice}; ledger = committed: ${result.ledgerMatchesCommitted}`,
    );
    return result;
  } finally {
    for (const app of apps) await app.stop();
  }
}

export function budgetMarkdown(result: BudgetBenchResult, when: string): string {
  const ok = result.exactlyPotGranted && result.requestsReservedTwice === 0 && result.ledgerMatchesCommitted;
  return [
    `# Budget approvals benchmark (${when})`,
    "",
    `${result.approvals} concurrent approvals against one pot with room for half of them, over ${result.instances} app instances, by two project leaders.`,
    "",
    "| Figure | Value |",
    "|---|---|",
    `| Time for the burst | ${result.seconds} s (${result.approvalsPerSecond} approvals/s) |`,
    `| Latency p50 / p90 / p99 / max | ${result.latencyMs.p50} / ${result.latencyMs.p90} / ${result.latencyMs.p99} / ${result.latencyMs.max} ms |`,
    `| Answers | ${Object.entries(result.statuses).map(([s, n]) => `${s}: ${n}`).join(", ")} |`,
    `| Pot amount | ${result.potAmountCents} cents |`,
    `| Granted | ${result.grantedCents} cents |`,
    `| Committed (pot row) | ${result.committedCents} cents |`,
    `| Reserve rows in the ledger | ${result.reserveRows} |`,
    `| Requests reserved twice | ${result.requestsReservedTwice} |`,
    `| Ledger sum equals committed | ${result.ledgerMatchesCommitted ? "yes" : "NO"} |`,
    `| **Exactly the pot's amount granted, no request paid twice** | **${ok ? "yes" : "NO"}** |`,
    "",
  ].join("\n");
}
