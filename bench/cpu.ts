/**
 * CPU time of processes from /proc, to split a load test's CPU between the app, PostgreSQL and
 * the load generator (on a 2-core machine they all compete for the same cores).
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (0 when it is gone). */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export function cpuSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
}

/** A process and all its descendants (the cluster primary and its app workers). */
export function processTree(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    try {
      for (const task of readFileSync(`/proc/${found[i]}/task/${found[i]}/children`, "utf8").trim().split(/\s+/)) {
        if (task) found.push(Number(task));
      }
    } catch {
      // The process ended.
    }
  }
  return found;
}

/**
 * PostgreSQL server processes serving connections to one database (their command line reads
 * "postgres: <cluster>: <user> <database> <client> <state>").
 */
export function postgresProcesses(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (command.startsWith("postgres: ") && command.split(" ").includes(database)) pids.push(Number(entry));
    } catch {
      // The process ended.
    }
  }
  return pids;
}

/**
 * Measures the CPU seconds that groups of processes use while `work` runs. Groups are listed
 * again at the end, so processes that start during the run (new pool connections) count too.
 */
export async function measureCpu<T>(groups: Record<string, () => number[]>, work: () => Promise<T>): Promise<{ result: T; cpuSeconds: Record<string, number>; wallSeconds: number }> {
  const machineBefore = machineBusySeconds();
  const groupPids = new Map(Object.entries(groups).map(([name, pids]) => [name, pids()]));
  const before = new Map<number, number>();
  for (const pids of groupPids.values()) for (const pid of pids) before.set(pid, cpuSeconds([pid]));
  const started = performance.now();
  const result = await work();
  const wallSeconds = (performance.now() - started) / 1000;
  const used: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) {
    // A process that ended during the run loses its CPU time here; pool connections stay open under load.
    const all = new Set([...groupPids.get(name)!, ...pids()]);
    used[name] = [...all].reduce((sum, pid) => sum + Math.max(0, cpuSeconds([pid]) - (before.get(pid) ?? 0)), 0);
  }
  used.machine = machineBusySeconds() - machineBefore;
  return { result, cpuSeconds: used, wallSeconds };
}

/** Busy CPU seconds of the whole machine so far (all cores, every process: also other people's work). */
export function machineBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.slice(0, 8).reduce((sum, v) => sum + v, 0);
  return (total - idle) / TICKS_PER_SECOND;
}
