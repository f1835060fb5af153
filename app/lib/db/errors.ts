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
