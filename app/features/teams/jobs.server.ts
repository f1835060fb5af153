/**
 * Closes action points whose period has ended without everyone's agreement, every quarter of an
 * hour. Pages read the decide-by day as well, so a point never shows as open after its period.
 */
import { z } from "zod";
import { defineJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";
import { closeExpiredActionPoints } from "./writes.server";

export const actionPointPeriodsJob = defineJob({
  name: "team-action-point-periods",
  schema: z.object({}),
  cron: "*/15 * * * *",
  handle: async () => {
    const closed = await closeExpiredActionPoints();
    if (closed > 0) logger.info({ closed }, "action points closed after their period");
  },
});
