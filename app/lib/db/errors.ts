/**
 * Recognises PostgreSQL constraint violations behind Drizzle's error wrapper, so a write can
 * answer "this name is taken" instead of failing with a 500.
 */
function postgresError(error: unknown): { code?: unknown; constraint?: unknown } | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

/** The name of the unique constraint that `error` violated, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  const pg = postgresError(error);
  if (pg?.code !== "23505") return null;
  return typeof pg.constraint === "string" ? pg.constraint : "";
}

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
// admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down), too_many_connections.
const UNAVAILABLE_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const LOST_CONNECTION = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Connection ended/i;

/**
 * Whether `error` means the database cannot be reached right now (stopped, restarting, failing
 * over, connections cut) rather than that a query was wrong: the answer is then a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 6; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === "string") {
      if (UNREACHABLE_CODES.has(candidate.code) || UNAVAILABLE_STATES.has(candidate.code) || candidate.code.startsWith("08")) return true;
    }
    if (typeof candidate.message === "string" && LOST_CONNECTION.test(candidate.message)) return true;
    // Node reports a refused connection to every address of a host as one AggregateError.
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = candidate.cause;
  }
  return false;
}
