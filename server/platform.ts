import { AUTH_SECRET_FILE, loadAuthSecret } from "~/lib/auth-secret.server";
import { connectDatabase, disconnectDatabase } from "~/lib/db/client.server";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/lib/db/embedded.server";
import { runMigrations } from "~/lib/db/migrate.server";
import { env } from "~/lib/env.server";
import { startJobs, stopJobs } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";
import { allJobs } from "~/jobs";
import { seedDemoNetwork } from "~/features/demo/seed.server";

let embedded: EmbeddedDatabase | undefined;

/**
 * Everything before the first request: the database (embedded unless DATABASE_URL is set),
 * migrations, the installation's secret, the job queue and, on an empty database, the demo network.
 */
export async function startPlatform(): Promise<{ databaseUrl: string }> {
  let url = env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres(`${env.DATA_DIR}/postgres`, env.EMBEDDED_POSTGRES_PORT);
    url = embedded.url;
  }
  await runMigrations(url);
  connectDatabase(url);
  await loadAuthSecret(embedded ? { secretFile: `${env.DATA_DIR}/${AUTH_SECRET_FILE}` } : {});
  await startJobs(url, allJobs, { workers: env.RUN_JOBS === "true" });
  if (env.DEMO_DATA === "true") {
    const seeded = await seedDemoNetwork();
    if (seeded) logger.info("demo network created");
  }
  return { databaseUrl: url };
}

export async function stopPlatform(): Promise<void> {
  await stopJobs().catch(() => undefined);
  await disconnectDatabase().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  embedded = undefined;
}
