/** Every background job of the platform, registered with pg-boss at start-up. */
import type { z } from "zod";
import type { JobDefinition } from "~/lib/jobs.server";
import { deliverEmailJob, sweepOutboxJob } from "~/lib/mail.server";

export const allJobs: readonly JobDefinition<z.ZodType>[] = [
  deliverEmailJob,
  sweepOutboxJob,
] as unknown as readonly JobDefinition<z.ZodType>[];
