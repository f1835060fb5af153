/**
 * Addresses of activity pages, in one place so that emails, feeds and pages link to the same URL.
 * The public activity page and the cancellation page belong to the public calendar.
 */
export function publicActivityPath(municipalitySlug: string, activityId: string): string {
  return `/${municipalitySlug}/activiteiten/${activityId}`;
}

export function staffActivityPath(municipalitySlug: string, activityId: string): string {
  return `/beheer/${municipalitySlug}/activiteiten/${activityId}`;
}

/** The page where a person cancels their registration; the token comes from their email. */
export function cancellationPath(token: string): string {
  return `/aanmelding/${encodeURIComponent(token)}`;
}
