import pino from "pino";
import { env } from "~/lib/env.server";

/** Structured JSON log lines on stdout; request logs carry a request id. */
export const logger = pino({
  level: env.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "warn" : env.LOG_LEVEL,
  base: { service: "buurtkracht" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
