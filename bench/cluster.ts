/**
 * Runs BENCH_INSTANCES copies of server.js that share one listening port (Node's cluster module
 * hands incoming connections to the workers in turn), so the benchmark can measure N app
 * instances without a separate load balancer. Used by bench/app.ts when --instances > 1.
 */
import cluster from "node:cluster";
import process from "node:process";

const instances = Number(process.env.BENCH_INSTANCES ?? "2");
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);

// Started with the app's checkout as working directory.
cluster.setupPrimary({ exec: `${process.cwd()}/server.js`, execArgv: nodeFlags });
for (let i = 0; i < instances; i++) cluster.fork();

let stopping = false;
cluster.on("exit", (worker, code) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  console.error(`app instance ${worker.process.pid} exited with code ${code}`);
  process.exit(1);
});

function stop(): void {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
