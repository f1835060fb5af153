/**
 * Keyset pagination over (starts_at, id). The cursor is opaque to clients: base64url of the last
 * row's exact start (microseconds, as PostgreSQL stores it, so no row is skipped or repeated) and id.
 */
export interface CalendarCursor {
  /** starts_at of the last row, as UTC text with microseconds. */
  startsAt: string;
  id: string;
}

const STARTS_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: CalendarCursor): string {
  return Buffer.from(JSON.stringify([cursor.startsAt, cursor.id]), "utf8").toString("base64url");
}

/** The cursor in a string, or null when the string is not one of ours. */
export function decodeCursor(value: string): CalendarCursor | null {
  if (value.length === 0 || value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [startsAt, id] = parsed as unknown[];
    if (typeof startsAt !== "string" || typeof id !== "string") return null;
    if (!STARTS_AT.test(startsAt) || !UUID.test(id)) return null;
    // Only real moments PostgreSQL accepts: JavaScript rolls "02-31" over into March, PostgreSQL refuses it.
    const milliseconds = `${startsAt.slice(0, 23)}Z`;
    const instant = Date.parse(milliseconds);
    if (Number.isNaN(instant) || new Date(instant).toISOString() !== milliseconds || startsAt < "1970" || startsAt >= "3000") return null;
    return { startsAt, id };
  } catch {
    return null;
  }
}
