/**
 * Facts that make a benchmark result readable later: the machine, PostgreSQL's settings, table
 * and index sizes, and the plans and times of the calendar queries (EXPLAIN ANALYZE).
 */
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import type pg from "pg";
import { round } from "./stats.ts";

export interface MachineFacts {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
  postgres: string;
  postgresSettings: Record<string, string>;
}

export async function machineFacts(client: pg.ClientBase): Promise<MachineFacts> {
  const version = (await client.query<{ version: string }>("select version()")).rows[0]!.version;
  const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings
     where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'max_connections',
                    'synchronous_commit', 'max_wal_size', 'jit', 'max_parallel_workers_per_gather')`,
  );
  return {
    date: new Date().toISOString(),
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((v) => round(v, 2)),
    postgres: version.split(" on ")[0] ?? version,
    postgresSettings: Object.fromEntries(settings.rows.map((s) => [s.name, s.unit ? `${s.setting} × ${s.unit}` : s.setting])),
  };
}

export interface TableFacts {
  table: string;
  rows: number;
  tableMB: number;
  indexesMB: number;
  totalMB: number;
  indexes: { name: string; sizeMB: number }[];
}

const mb = (bytes: string | number) => round(Number(bytes) / 1024 ** 2, 1);

export async function tableFacts(client: pg.ClientBase): Promise<TableFacts[]> {
  const tables = ["activities", "registrations", "municipalities", "neighbourhoods", "outbox_emails", "rate_limit_counters"];
  const facts: TableFacts[] = [];
  for (const table of tables) {
    const exists = await client.query("select to_regclass($1) as oid", [`public.${table}`]);
    if (!exists.rows[0].oid) continue;
    const sizes = await client.query<{ heap: string; indexes: string; total: string; rows: string }>(
      `select pg_table_size($1::regclass) as heap, pg_indexes_size($1::regclass) as indexes,
              pg_total_relation_size($1::regclass) as total, (select count(*) from ${table}) as rows`,
      [table],
    );
    const indexes = await client.query<{ name: string; size: string }>(
      `select indexrelid::regclass::text as name, pg_relation_size(indexrelid) as size
       from pg_index where indrelid = $1::regclass order by pg_relation_size(indexrelid) desc`,
      [table],
    );
    const row = sizes.rows[0]!;
    facts.push({
      table,
      rows: Number(row.rows),
      tableMB: mb(row.heap),
      indexesMB: mb(row.indexes),
      totalMB: mb(row.total),
      indexes: indexes.rows.map((i) => ({ name: i.name, sizeMB: mb(i.size) })),
    });
  }
  return facts;
}

export interface QueryPlan {
  name: string;
  sql: string;
  /** Median of several runs after a warm-up, from EXPLAIN ANALYZE's "Execution Time". */
  executionMs: number;
  planningMs: number;
  rows: number;
  plan: string;
}

// The public calendar's query as app/features/calendar/reads.server.ts builds it (queryUpcoming)
// for the first page without filters. The app cannot be imported here; if that file changes,
// change this too. The load test samples the live queries (pg_stat_activity) as a cross-check.
const CALENDAR_COLUMNS = `a.id, m.slug, m.name, n.name as neighbourhood_name, a.title, a.description, a.category, a.location,
       a.starts_at, a.ends_at, a.min_age, a.max_age, a.capacity, a.confirmed_count, a.waitlist_enabled,
       a.registration_required, a.image_path, a.organiser_name, a.status, a.created_at, a.updated_at,
       to_char(a.starts_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD"T"HH24:MI:SS') as starts_local,
       (extract(epoch from (a.starts_at at time zone 'Europe/Amsterdam') - (a.starts_at at time zone 'UTC')) / 60)::int as starts_offset,
       to_char(a.ends_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD"T"HH24:MI:SS') as ends_local,
       (extract(epoch from (a.ends_at at time zone 'Europe/Amsterdam') - (a.ends_at at time zone 'UTC')) / 60)::int as ends_offset,
       to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position`;

function calendarQuery(municipalityCondition: string, midnight: string, limit: number): string {
  return `select ${CALENDAR_COLUMNS}
from activities a
join municipalities m on m.id = a.municipality_id
left join neighbourhoods n on n.id = a.neighbourhood_id
where a.status = 'published'
  and a.starts_at >= '${midnight}'
  and a.ends_at > now()${municipalityCondition}
order by a.starts_at, a.id
limit ${limit}`;
}

/**
 * The queries behind the measured pages, with the values the app binds as parameters written
 * in (the app sends unnamed prepared statements, which PostgreSQL plans with the actual values).
 */
export async function benchQueries(client: pg.ClientBase, calendarLimit: number): Promise<{ name: string; sql: string }[]> {
  const values = await client.query<{ havenstad: string; midnight: string; activity: string; email: string }>(
    `select (select id from municipalities where slug = 'havenstad') as havenstad,
            to_char((date_trunc('day', now() at time zone 'Europe/Amsterdam') at time zone 'Europe/Amsterdam') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as midnight,
            r.activity_id as activity, r.email
     from registrations r where r.status = 'confirmed' and r.email is not null
     order by r.sequence desc limit 1`,
  );
  const v = values.rows[0]!;
  const havenstad = `\n  and a.municipality_id = '${v.havenstad}'`;
  return [
    { name: `Havenstad calendar page (limit ${calendarLimit})`, sql: calendarQuery(havenstad, v.midnight, calendarLimit) },
    { name: "API list, Havenstad (limit 51)", sql: calendarQuery(havenstad, v.midnight, 51) },
    { name: "National calendar page (limit 51)", sql: calendarQuery("", v.midnight, 51) },
    {
      name: "Activity page: one published activity",
      sql: `select ${CALENDAR_COLUMNS}
from activities a
join municipalities m on m.id = a.municipality_id
left join neighbourhoods n on n.id = a.neighbourhood_id
where a.id = '${v.activity}' and a.status = 'published'`,
    },
    {
      name: "Sign-up: live registration of an address",
      sql: `select id, status from registrations where activity_id = '${v.activity}' and email = '${v.email}' and status <> 'cancelled'`,
    },
  ];
}

export async function explainQueries(client: pg.ClientBase, queries: { name: string; sql: string }[], runs = 5): Promise<QueryPlan[]> {
  const plans: QueryPlan[] = [];
  for (const query of queries) {
    const times: number[] = [];
    const planning: number[] = [];
    let text = "";
    let rows = 0;
    for (let i = 0; i <= runs; i++) {
      const result = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${query.sql}`);
      text = result.rows.map((r) => r["QUERY PLAN"]).join("\n");
      const execution = /Execution Time: ([\d.]+) ms/.exec(text);
      const plan = /Planning Time: ([\d.]+) ms/.exec(text);
      const actualRows = /^\S.*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/m.exec(text);
      rows = actualRows ? Number(actualRows[1]) : 0;
      // The first run warms the cache; the medians describe a page served repeatedly.
      if (i > 0) {
        times.push(Number(execution?.[1] ?? 0));
        planning.push(Number(plan?.[1] ?? 0));
      }
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    plans.push({ name: query.name, sql: query.sql, executionMs: round(median(times), 3), planningMs: round(median(planning), 3), rows, plan: text });
  }
  return plans;
}

/**
 * Samples pg_stat_activity while a load test runs: which statements the app's connections are
 * busy with and what they wait for. A cheap profile of the database side, and a check that the
 * queries the app really sends match the ones explained above.
 */
export function sampleActivity(client: pg.ClientBase, database: string, intervalMs = 50) {
  const statements = new Map<string, number>();
  const waits = new Map<string, number>();
  let samples = 0;
  let activeTotal = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = await client.query<{ query: string; wait: string | null }>(
        `select query, wait_event_type || ':' || wait_event as wait from pg_stat_activity
         where datname = $1 and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        [database],
      );
      samples++;
      activeTotal += result.rows.length;
      for (const row of result.rows) {
        const key = row.query.replace(/\s+/g, " ").slice(0, 160);
        statements.set(key, (statements.get(key) ?? 0) + 1);
        const wait = row.wait ?? "CPU (no wait event)";
        waits.set(wait, (waits.get(wait) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  const stop = async () => {
    running = false;
    await loop;
    const top = (map: Map<string, number>) =>
      [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([key, count]) => ({ key, share: round(count / Math.max(1, activeTotal), 3) }));
    return { samples, averageActiveConnections: round(activeTotal / Math.max(1, samples), 2), statements: top(statements), waits: top(waits) };
  };
  return { stop, samples: () => samples };
}
