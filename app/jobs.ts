/** Every background job of the platform, registered with pg-boss at start-up. */
import type { z } from "zod";
import { signInRecordsRetentionJob } from "~/features/accounts/jobs.server";
import { practiceAlertsJob } from "~/features/practice/alerts-jobs.server";
import { erasureConfirmationRetentionJob, practiceRetentionJob } from "~/features/privacy/jobs.server";
import { registrationRetentionJob } from "~/features/registrations/jobs.server";
import { actionPointPeriodsJob } from "~/features/teams/jobs.server";
import { expiredApplicationsJob } from "~/features/training/applications-jobs.server";
import { sessionRemindersJob } from "~/features/training/cohorts-jobs.server";
import type { JobDefinition } from "~/lib/jobs.server";
import { deliverEmailJob, outboxRetentionJob, sweepOutboxJob } from "~/lib/mail.server";
import { rateLimitRetentionJob } from "~/lib/rate-limit.server";

export const allJobs: readonly JobDefinition<z.ZodType>[] = [
  deliverEmailJob,
  sweepOutboxJob,
  outboxRetentionJob,
  rateLimitRetentionJob,
  signInRecordsRetentionJob,
  registrationRetentionJob,
  expiredApplicationsJob,
  sessionRemindersJob,
  erasureConfirmationRetentionJob,
  practiceRetentionJob,
  practiceAlertsJob,
  actionPointPeriodsJob,
] as unknown as readonly JobDefinition<z.ZodType>[];
