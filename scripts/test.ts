// The whole test suite: builds the app (end-to-end tests run the real server), then runs unit,
// integration and end-to-end tests with Vitest in the Europe/Amsterdam time zone.
// With DATABASE_URL set, test databases are created on that server; otherwise on an embedded one.
import { spawnSync } from "node:child_process";

const env = { ...process.env, TZ: "Europe/Amsterdam", NODE_ENV: "test" };
const args = process.argv.slice(2);

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!args.includes("--no-build")) run("react-router", ["build"]);
run("vitest", ["run", ...args.filter((a) => a !== "--no-build")]);
