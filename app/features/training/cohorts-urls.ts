/**
 * Addresses of the cohort pages and the course calendar, in one place so that pages, mails and
 * feeds of every training area link to the same URL. Plain functions (no server code), so route
 * components can use them too.
 */

/** The page where a signed-in person gets their personal course calendar link. */
export function courseCalendarPath(): string {
  return "/account/cursusagenda";
}

/** The subscription address of a person's course calendar; the token is only ever in this link. */
export function courseFeedPath(token: string): string {
  return `/agenda/${encodeURIComponent(token)}/cursus.ics`;
}

/** A cohort's staff overview; its schedule is `${cohortPath(…)}/rooster`. */
export function cohortPath(municipalitySlug: string, cohortId: string): string {
  return `/beheer/${municipalitySlug}/cohorten/${cohortId}`;
}

/** The public application form of an open cohort. */
export function cohortApplicationPath(municipalitySlug: string, cohortId: string): string {
  return `/${municipalitySlug}/cursus/${cohortId}/aanmelden`;
}
