/**
 * CPU time of processes from /proc, to split a load test's CPU between the app, PostgreSQL and
 * the load generator (on a 2-core machine they all compete for the same cores).
 */
import { readFileSync } from "node:fs";

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

/** Measures the CPU seconds that groups of processes use while `work` runs. */
export async function measureCpu<T>(groups: Record<string, () => number[]>, work: () => Promise<T>): Promise<{ result: T; cpuSeconds: Record<string, number>; wallSeconds: number }> {
  const machineBefore = machineBusySeconds();
  const pidsBefore = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids()]));
  const before = Object.fromEntries(Object.entries(pidsBefore).map(([name, pids]) => [name, cpuSeconds(pids)]));
  const started = performance.now();
  const result = await work();
  const wallSeconds = (performance.now() - started) / 1000;
  const used: Record<string, number> = {};
  for (const [name, pids] of Object.entries(pidsBefore)) used[name] = Math.max(0, cpuSeconds(pids) - before[name]!);
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
