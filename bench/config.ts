/**
 * Sizes of the generated data and the command-line options of `npm run bench`.
 * Counts of municipalities include the three demo municipalities the app seeds itself.
 */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface DataSize {
  name: string;
  municipalities: number;
  /** Activities generated in bulk (the demo seed and the Havenstad top-up come on top). */
  activities: number;
  registrations: number;
  /** Distinct e-mail addresses the generated registrations draw from (residents reached). */
  residentPool: number;
}

export const SIZES: Record<string, DataSize> = {
  small: { name: "small", municipalities: 20, activities: 50_000, registrations: 200_000, residentPool: 100_000 },
  medium: { name: "medium", municipalities: 100, activities: 250_000, registrations: 2_500_000, residentPool: 500_000 },
  national: { name: "national", municipalities: 342, activities: 1_000_000, registrations: 10_000_000, residentPool: 2_000_000 },
};

/** Upcoming published activities the Havenstad calendar should show (DESIGN.md's target page). */
export const HAVENSTAD_UPCOMING = 300;

export interface Options {
  size: DataSize;
  /** Server holding the bench databases, without a database name. */
  serverUrl: string;
  /** Checkout whose server.js and build are measured (default: this repository). */
  appDir: string;
  buildDir: string;
  build: boolean;
  regenerate: boolean;
  generateOnly: boolean;
  calendarPath: string;
  duration: number;
  connections: number;
  threads: number;
  registrationSeconds: number;
  registrationConcurrency: number;
  instances: number;
  /** Whether --instances was given (otherwise a missed calendar target is measured again with two). */
  instancesGiven: boolean;
  profile: boolean;
  /** PostgreSQL's random_page_cost for the app's sessions (ALTER DATABASE for the run); undefined keeps the server's. */
  randomPageCost: number | undefined;
  only: Set<string> | undefined;
  port: number;
  staticPort: number;
}

export const MEASUREMENTS = ["calendar", "api", "registrations", "assets", "database", "budgets"] as const;

const HELP = `npm run bench -- [options]

  --size small|medium|national   data size (default national)
  --regenerate                   drop and regenerate the bench database even if it is complete
  --generate-only                create/refresh the database and stop
  --no-build                     use the existing build in $BUILD_DIR (default build-bench)
  --calendar-path /havenstad/activiteiten   page load-tested with wrk
  --duration 10 --connections 20 --threads 2   wrk settings
  --registration-seconds 10 --registration-concurrency 20
  --instances 1                  app processes sharing the port (Node cluster); without this option a
                                 calendar that misses the target is measured again with 2
  --profile                      also record a CPU profile of the app during the calendar run
  --random-page-cost 1.1         planner cost of a random page read for this run (default: the server's setting)
  --only calendar,api,registrations,assets,database,budgets
  --server postgres://postgres@127.0.0.1:5432   PostgreSQL server for the bench databases
  --app-dir <path>               measure another checkout of the app (default: this repository)
`;

export function parseOptions(argv: string[]): Options {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument ${arg}\n\n${HELP}`);
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (key === "help") {
      console.log(HELP);
      process.exit(0);
    }
    if (["regenerate", "generate-only", "no-build", "profile"].includes(key)) {
      flags.add(key);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value\n\n${HELP}`);
    values.set(key, value);
  }
  const known = new Set([
    "size",
    "calendar-path",
    "duration",
    "connections",
    "threads",
    "registration-seconds",
    "registration-concurrency",
    "instances",
    "only",
    "server",
    "port",
    "static-port",
    "app-dir",
    "random-page-cost",
  ]);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`Unknown option --${key}\n\n${HELP}`);

  const sizeName = values.get("size") ?? "national";
  const size = SIZES[sizeName];
  if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
  const number = (key: string, fallback: number): number => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${key} must be a positive whole number`);
    return parsed;
  };
  const only = values.get("only");
  if (only) {
    for (const name of only.split(",")) {
      if (!(MEASUREMENTS as readonly string[]).includes(name)) throw new Error(`--only accepts ${MEASUREMENTS.join(", ")}`);
    }
  }
  return {
    size,
    serverUrl: (values.get("server") ?? process.env.BENCH_POSTGRES_SERVER ?? "postgres://postgres@127.0.0.1:5432").replace(/\/+$/, ""),
    appDir: resolve(values.get("app-dir") ?? fileURLToPath(new URL("..", import.meta.url))),
    buildDir: process.env.BUILD_DIR ?? "build-bench",
    build: !flags.has("no-build"),
    regenerate: flags.has("regenerate"),
    generateOnly: flags.has("generate-only"),
    calendarPath: values.get("calendar-path") ?? "/havenstad/activiteiten",
    duration: number("duration", 10),
    connections: number("connections", 20),
    threads: number("threads", Math.min(2, availableParallelism())),
    registrationSeconds: number("registration-seconds", 10),
    registrationConcurrency: number("registration-concurrency", 20),
    instances: number("instances", 1),
    instancesGiven: values.has("instances"),
    profile: flags.has("profile"),
    randomPageCost: values.has("random-page-cost") ? positive(values.get("random-page-cost")!) : undefined,
    only: only ? new Set(only.split(",")) : undefined,
    port: number("port", 3890),
    staticPort: number("static-port", 3891),
  };
}

function positive(raw: string): number {
  const parsed = Number(raw);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error("--random-page-cost must be a positive number");
  return parsed;
}

export function databaseName(size: DataSize): string {
  return `buurtkracht_bench_${size.name}`;
}
