/**
 * How an activity travels outside the site: schema.org Event data for search engines, a QR code
 * for posters, and the text of a share-by-email link.
 */
import QRCode from "qrcode";
import { availabilityOf } from "./availability";
import type { PublicActivity } from "./reads.server";

/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>` and `&` are escaped so that
 * text like "</script>" in a title cannot end the element, and U+2028/2029 so that older parsers
 * do not see a line break inside a string.
 */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A schema.org Event describing a public activity; a cancelled one says so (EventCancelled) and offers no places. */
export function activityEvent(activity: PublicActivity, urls: { page: string; image: string | null }) {
  const availability = availabilityOf(activity);
  const isCancelled = activity.status === "cancelled";
  const ageRange =
    activity.minAge !== null || activity.maxAge !== null ? `${activity.minAge ?? 0}-${activity.maxAge ?? ""}` : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: activity.title,
    description: activity.description || undefined,
    startDate: activity.starts.iso,
    endDate: activity.ends.iso,
    eventStatus: isCancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: {
      "@type": "Place",
      name: activity.location,
      address: {
        "@type": "PostalAddress",
        addressLocality: activity.municipalityName,
        addressCountry: "NL",
      },
    },
    organizer: { "@type": "Organization", name: activity.organiserName },
    image: urls.image ? [urls.image] : undefined,
    url: urls.page,
    inLanguage: "nl",
    typicalAgeRange: ageRange,
    maximumAttendeeCapacity: activity.registrationRequired && activity.capacity !== null ? activity.capacity : undefined,
    remainingAttendeeCapacity: isCancelled
      ? undefined
      : availability.kind === "open" ? availability.spotsLeft : availability.kind === "waitlist" || availability.kind === "full" ? 0 : undefined,
  };
}

const qrCache = new Map<string, string>();
const QR_CACHE_SIZE = 500;

/** The page address as an SVG QR code (the same SVG for the same address, so it is cached). */
export async function qrCodeSvg(url: string): Promise<string> {
  const cached = qrCache.get(url);
  if (cached) return cached;
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  if (qrCache.size >= QR_CACHE_SIZE) qrCache.delete(qrCache.keys().next().value!);
  qrCache.set(url, svg);
  return svg;
}
