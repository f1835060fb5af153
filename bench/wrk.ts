/**
 * Runs wrk (Debian's package; the fastest HTTP load generator available here) and reads its
 * report: requests per second and the latency percentiles from --latency.
 */
import { execFileSync, spawn } from "node:child_process";

export interface WrkResult {
  url: string;
  threads: number;
  connections: number;
  seconds: number;
  headers: string[];
  requests: number;
  requestsPerSecond: number;
  latencyMs: { average: number; p50: number; p75: number; p90: number; p99: number; max: number };
  /** Responses with a status other than 2xx or 3xx. */
  errorResponses: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  transferPerSecond: string;
}

export function wrkVersion(): string {
  try {
    execFileSync("wrk", ["--version"], { stdio: "pipe" });
  } catch (error) {
    // wrk prints its version and exits with status 1.
    const output = String((error as { stdout?: Buffer }).stdout ?? "");
    const match = /wrk (\S+)/.exec(output);
    if (match) return match[1]!;
    throw new Error("wrk is not installed: apt-get install -y wrk", { cause: error });
  }
  return "unknown";
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) throw new Error(`Unexpected wrk duration ${value}`);
  const amount = Number(match[1]);
  const unit = match[2];
  if (unit === "us") return amount / 1000;
  if (unit === "ms") return amount;
  if (unit === "s") return amount * 1000;
  return amount * 60_000;
}

export function parseWrk(output: string): Omit<WrkResult, "url" | "threads" | "connections" | "seconds" | "headers"> {
  const latencyLine = /^\s*Latency\s+(\S+)\s+\S+\s+(\S+)/m.exec(output);
  const percentile = (p: number) => {
    const match = new RegExp(`^\\s*${p}%\\s+(\\S+)`, "m").exec(output);
    if (!match) throw new Error(`wrk printed no ${p}% latency:\n${output}`);
    return toMs(match[1]!);
  };
  const requests = /(\d+) requests in/.exec(output);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const transfer = /Transfer\/sec:\s+(\S+)/.exec(output);
  const errors = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  if (!latencyLine || !requests || !rate) throw new Error(`Could not read wrk's report:\n${output}`);
  return {
    requests: Number(requests[1]),
    requestsPerSecond: Number(rate[1]),
    latencyMs: {
      average: toMs(latencyLine[1]!),
      p50: percentile(50),
      p75: percentile(75),
      p90: percentile(90),
      p99: percentile(99),
      max: toMs(latencyLine[2]!),
    },
    errorResponses: errors ? Number(errors[1]) : 0,
    socketErrors: socket
      ? { connect: Number(socket[1]), read: Number(socket[2]), write: Number(socket[3]), timeout: Number(socket[4]) }
      : { connect: 0, read: 0, write: 0, timeout: 0 },
    transferPerSecond: transfer?.[1] ?? "",
  };
}

export interface WrkOptions {
  threads: number;
  connections: number;
  seconds: number;
  headers?: string[];
}

export async function runWrk(url: string, options: WrkOptions): Promise<WrkResult> {
  const headers = options.headers ?? [];
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "--timeout",
    "10s",
    "--latency",
    ...headers.flatMap((header) => ["-H", header]),
    url,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk) => (text += String(chunk)));
    child.stderr.on("data", (chunk) => (text += String(chunk)));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk failed (${code}):\n${text}`))));
  });
  return { url, threads: options.threads, connections: options.connections, seconds: options.seconds, headers, ...parseWrk(output) };
}
