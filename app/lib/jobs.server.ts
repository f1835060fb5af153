import { sql } from "drizzle-orm";
import { PgBoss, fromDrizzle } from "pg-boss";
import type { z } from "zod";
import type { Transaction } from "~/lib/db/client.server";
import { logger } from "~/lib/log.server";

/** A background job declared as data: its queue name, the shape of its payload, its handler. */
export interface JobDefinition<Schema extends z.ZodType> {
  name: string;
  schema: Schema;
  handle: (data: z.infer<Schema>) => Promise<void>;
  /** Optional cron schedule (Europe/Amsterdam) on which the job runs with an empty payload. */
  cron?: string;
  retryLimit?: number;
}

export function defineJob<Schema extends z.ZodType>(job: JobDefinition<Schema>): JobDefinition<Schema> {
  return job;
}

let boss: PgBoss | undefined;

/**
 * Starts pg-boss in the platform's database. With `workers` the process also takes jobs; every
 * job is taken by exactly one instance (pg-boss fetches with SKIP LOCKED).
 */
export async function startJobs(
  connectionString: string,
  jobs: readonly JobDefinition<z.ZodType>[],
  options: { workers: boolean },
): Promise<PgBoss> {
  if (boss) return boss;
  const instance = new PgBoss({
    connectionString,
    max: 4,
    supervise: options.workers,
    schedule: options.workers,
    application_name: "buurtkracht-jobs",
  } as ConstructorParameters<typeof PgBoss>[0]);
  instance.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await instance.start();
  for (const job of jobs) {
    await instance.createQueue(job.name, { retryLimit: job.retryLimit ?? 5, retryBackoff: true });
  }
  if (options.workers) {
    for (const job of jobs) {
      await instance.work(job.name, { localConcurrency: 1 }, async ([item]) => {
        if (!item) return;
        const data = job.schema.parse(item.data ?? {});
        await job.handle(data);
      });
      if (job.cron) await instance.schedule(job.name, job.cron, {}, { tz: "Europe/Amsterdam" });
    }
  }
  boss = instance;
  return instance;
}

export async function stopJobs(): Promise<void> {
  const current = boss;
  boss = undefined;
  await current?.stop({ graceful: true, timeout: 5000 });
}

/**
 * Queues a job inside the caller's transaction: the job exists exactly when the change that
 * caused it is committed.
 */
export async function enqueueJob<Schema extends z.ZodType>(
  tx: Transaction,
  job: JobDefinition<Schema>,
  data: z.infer<Schema>,
): Promise<void> {
  if (!boss) return; // Jobs are not running in this process (tests of pure writes); the outbox sweep catches up.
  await boss.send(job.name, data as object, { db: fromDrizzle(tx, sql) });
}
