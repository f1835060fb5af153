/**
 * Sign-ups per second on one activity through the public API, with a fixed number of
 * keep-alive connections for a fixed time. All sign-ups for one activity are serialised by the
 * activity's row lock (app/features/registrations/writes.server.ts), so this measures the
 * length of that critical section, not just HTTP handling.
 *
 * Every request comes from a different client address (X-Forwarded-For, honoured because the
 * bench starts the app with TRUST_PROXY=1, as behind a load balancer): like real residents, and
 * within the per-address limit without switching limits off.
 */
import { Agent, request } from "node:http";
import { percentile } from "./stats.ts";

export interface RegistrationRunResult {
  seconds: number;
  concurrency: number;
  attempts: number;
  /** Answers per HTTP status. */
  statuses: Record<string, number>;
  /** 202 Accepted per second: acknowledged sign-ups (every address is new, so each is a registration). */
  signUpsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  transportErrors: number;
}

function clientAddress(n: number, run: number): string {
  return `10.${run % 200}.${(n >> 8) & 255}.${n & 255}`;
}

export async function benchRegistrations(
  baseUrl: string,
  activityId: string,
  options: { seconds: number; concurrency: number; runId: string },
): Promise<RegistrationRunResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL(`/api/v1/activities/${activityId}/registrations`, baseUrl);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let transportErrors = 0;
  let next = 0;
  const run = Number.parseInt(options.runId.slice(-4), 36);

  const send = (n: number): Promise<number> =>
    new Promise((resolve) => {
      const body = JSON.stringify({
        // Letters and digits in base 36: a name with four digits in a row is refused (it could be a phone number).
        name: `Bench Deelnemer ${n.toString(36)}`,
        email: `bench-${options.runId}-${n}@voorbeeld.example`,
        ageGroup: "27_66",
      });
      const outgoing = request(
        target,
        {
          method: "POST",
          agent,
          headers: {
            "Content-Type": "application/json",
            "Content-Length": Buffer.byteLength(body),
            "X-Forwarded-For": clientAddress(n, run),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on("error", () => resolve(0));
      outgoing.end(body);
    });

  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const n = next++;
      const sent = performance.now();
      const status = await send(n);
      latencies.push(performance.now() - sent);
      if (status === 0) transportErrors++;
      else statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    seconds: elapsed,
    concurrency: options.concurrency,
    attempts: next,
    statuses,
    signUpsPerSecond: (statuses["202"] ?? 0) / elapsed,
    latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
    transportErrors,
  };
}
