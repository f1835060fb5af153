/**
 * Starts the production build of the app (`node server.js`) as the benchmark's system under
 * test, optionally as several processes sharing one port (bench/cluster.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL(".", import.meta.url));

export interface RunningApp {
  url: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

export interface AppOptions {
  /** The checkout holding server.js, the build folder and db/migrations. */
  appDir: string;
  databaseUrl: string;
  buildDir: string;
  port: number;
  instances: number;
  /** Extra Node flags for the app processes, such as --cpu-prof. */
  nodeFlags?: string[];
  env?: Record<string, string>;
}

/** The environment the app runs with during the benchmark; also written into the results. */
export function appEnvironment(options: AppOptions): Record<string, string> {
  return {
    NODE_ENV: "production",
    TZ: "Europe/Amsterdam",
    BUILD_DIR: options.buildDir,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${options.port}`,
    DATABASE_URL: options.databaseUrl,
    RUN_JOBS: "true",
    LOG_LEVEL: "warn",
    DEMO_DATA: "true",
    // Mail stays in the outbox ("held"), as on a demo installation.
    SMTP_URL: "",
    ...options.env,
  };
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await isListening(url)) throw new Error(`Port ${options.port} is in use; pass --port with a free one`);
  const script = options.instances > 1 ? `${benchDir}cluster.ts` : "server.js";
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeFlags ?? []), script], {
    cwd: options.appDir,
    env: { ...process.env, ...appEnvironment(options), BENCH_INSTANCES: String(options.instances), BENCH_NODE_FLAGS: (options.nodeFlags ?? []).join(" ") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + String(chunk)).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Migrations and the demo seed run before the app listens; a fresh database takes a while.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app did not become ready within 3 minutes:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      // A CPU profile is written on exit; give it time.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (child.exitCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

async function isListening(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
