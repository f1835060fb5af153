/**
 * Wall-clock time in a named time zone, with Intl only. Activities are entered and shown in the
 * municipality's local time (Europe/Amsterdam) and stored as UTC instants; these helpers convert
 * between the two, including on the days the clocks change.
 */

export const MUNICIPAL_TIME_ZONE = "Europe/Amsterdam";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Amsterdam: +1 h in winter, +2 h in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a local date ("2026-10-25") and time ("14:30") in a time zone, or null when
 * the input is not a real date or time. On the days the clocks change it follows the usual rule
 * (Temporal's "compatible"): a time that occurs twice (02:30 on the last Sunday of October) means
 * the first occurrence; a time that does not exist (02:30 on the last Sunday of March) moves
 * forward by the gap (03:30).
 */
export function zonedLocalToUtc(date: string, time: string, timeZone: string = MUNICIPAL_TIME_ZONE): Date | null {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;

  // The offset in force a day before and a day after covers both sides of any transition.
  const offsetBefore = offsetAt(asUtc - 86_400_000, timeZone);
  const offsetAfter = offsetAt(asUtc + 86_400_000, timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(
    (instant, index) => offsetAt(instant, timeZone) === (index === 0 ? offsetBefore : offsetAfter),
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In the gap: read the wall time with the offset from before the change, which lands after it.
  return new Date(asUtc - offsetBefore);
}

/** The local date ("YYYY-MM-DD") and time ("HH:MM") of an instant in a time zone, for form fields. */
export function utcToZonedLocal(instant: Date, timeZone: string = MUNICIPAL_TIME_ZONE): { date: string; time: string } {
  const w = wallClockAt(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** A local date moved by whole days ("2026-03-22" + 7 → "2026-03-29"), independent of any zone. */
export function addDaysToLocalDate(date: string, days: number): string {
  const d = DATE_PATTERN.exec(date);
  if (!d) throw new Error(`Not a date: ${date}`);
  const moved = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days));
  return moved.toISOString().slice(0, 10);
}

const LANGUAGE_TAGS: Record<string, string> = { nl: "nl-NL", en: "en-GB" };
const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant formatted for people in a time zone, for example "zondag 25 oktober 2026 om 14:30".
 * `locale` is a platform locale ("nl", "en") or a BCP 47 tag.
 */
export function formatInZone(
  instant: Date,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" },
  timeZone: string = MUNICIPAL_TIME_ZONE,
): string {
  const tag = LANGUAGE_TAGS[locale] ?? locale;
  const key = `${tag}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, { ...options, timeZone });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(instant);
}
