/**
 * Reads a V8 CPU profile (node --cpu-prof) and says where the app's time went: self time per
 * package (react-dom, pg, express, …, the app's own bundle, garbage collection) and per function.
 */
import { readFileSync } from "node:fs";
import { round } from "./stats.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: (ProfileNode & { children?: number[] })[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Sampled time in which the process was not idle. */
  busyMs: number;
  byPackage: { name: string; share: number; ms: number }[];
  byFunction: { name: string; share: number; ms: number }[];
  /** Time spent in (or below) each function of the app's own bundle: components, loaders, helpers. */
  appInclusive: { name: string; share: number; ms: number }[];
}

function packageOf(frame: ProfileNode["callFrame"]): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1]!;
  if (url.startsWith("node:")) return "node internals";
  if (/\/build[^/]*\/server\//.test(url)) return "app (server bundle)";
  return url.replace(/^file:\/\/.*\/work\/main\//, "");
}

/**
 * Summarises the last `windowSeconds` of the profile (the measured load test; start-up, module
 * loading and the warm-up before it are left out).
 */
export function summariseProfile(file: string, windowSeconds: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const total = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  const windowStart = total - windowSeconds * 1_000_000;

  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);
  const label = (frame: ProfileNode["callFrame"]) =>
    `${frame.functionName || "(anonymous)"}${frame.url ? ` ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}` : ""}`;
  let busy = 0;
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const micros = profile.timeDeltas[i] ?? 0;
    elapsed += micros;
    if (elapsed < windowStart) continue;
    const node = nodes.get(profile.samples[i]!)!;
    if (node.callFrame.functionName === "(idle)") continue;
    busy += micros;
    add(packages, packageOf(node.callFrame), micros);
    add(functions, label(node.callFrame), micros);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
      const frame = nodes.get(id)!.callFrame;
      if (packageOf(frame) !== "app (server bundle)") continue;
      const name = frame.functionName || "(anonymous)";
      if (seen.has(name)) continue;
      seen.add(name);
      add(inclusive, name, micros);
    }
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({ name, share: round(micros / Math.max(1, busy), 3), ms: round(micros / 1000, 0) }));
  return { file, busyMs: round(busy / 1000, 0), byPackage: top(packages, 15), byFunction: top(functions, 25), appInclusive: top(inclusive, 20) };
}
