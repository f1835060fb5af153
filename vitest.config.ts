import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ["./tests/support/global-setup.ts"],
    env: { TZ: "Europe/Amsterdam", NODE_ENV: "test" },
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], env: { TZ: "Europe/Amsterdam", NODE_ENV: "test" } } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          env: { TZ: "Europe/Amsterdam", NODE_ENV: "test" },
          testTimeout: 60_000,
          // Starting an app server next to two browser walks on a 2-core machine took over a minute once.
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          env: { TZ: "Europe/Amsterdam", NODE_ENV: "test" },
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
