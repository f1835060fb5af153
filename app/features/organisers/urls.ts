/**
 * Addresses of residents' own organising pages (Citytrainers and team members) and of the staff
 * pages that review them. Every area links through these helpers, so a page moves in one place.
 */
export const OWN_ORGANISING_PATHS = {
  activities: "/mijn-activiteiten",
  newActivity: "/mijn-activiteiten/nieuw",
  invite: "/mijn-activiteiten/uitnodigen",
  budget: "/mijn-activiteiten/budget",
  teams: "/mijn-teams",
} as const;

export type OwnActivityPage = "aanwezig" | "bericht" | "evaluatie" | "budget" | "flyer.pdf";

/** A resident's own activity (plan, status, sign-ups), or one of its parts. */
export function ownActivityPath(activityId: string, page?: OwnActivityPage): string {
  return `/mijn-activiteiten/${activityId}${page ? `/${page}` : ""}`;
}

/** A team's own page for its members, or one of its parts. */
export function ownTeamPath(teamId: string, page?: "uitnodigen" | "actiepunten"): string {
  return `/mijn-teams/${teamId}${page ? `/${page}` : ""}`;
}

/** The landing page of a personal or team invite link (what the QR code holds). */
export function inviteLinkPath(code: string): string {
  return `/doe-mee/${encodeURIComponent(code)}`;
}

/** The public page of a team on the municipality's site (only when the team made it public). */
export function publicTeamPath(slug: string, teamId: string): string {
  return `/${slug}/teams/${teamId}`;
}

export function staffOrganisersPath(slug: string, page?: "beoordelen"): string {
  return `/beheer/${slug}/organisatoren${page ? `/${page}` : ""}`;
}

/** The staff review page of one resident's activity plan. */
export function staffOrganisedActivityPath(slug: string, activityId: string): string {
  return `/beheer/${slug}/organisatoren/activiteiten/${activityId}`;
}

export function staffBudgetsPath(slug: string, potId?: string): string {
  return `/beheer/${slug}/budgetten${potId ? `/${potId}` : ""}`;
}

export function staffBudgetRequestPath(slug: string, requestId: string): string {
  return `/beheer/${slug}/budgetten/aanvragen/${requestId}`;
}

export function staffTeamsPath(slug: string, teamId?: string): string {
  return `/beheer/${slug}/teams${teamId ? `/${teamId}` : ""}`;
}

export function staffNeighbourhoodOverviewPath(slug: string): string {
  return `/beheer/${slug}/wijkoverzicht`;
}

/** An activity photo, as the organisers see it (internal and public ones). */
export function ownActivityPhotoPath(activityId: string, photoId: string): string {
  return `/mijn-activiteiten/${activityId}/fotos/${photoId}`;
}

/** An activity photo for the municipality's staff (audited when it shows a minor). */
export function staffActivityPhotoPath(slug: string, activityId: string, photoId: string): string {
  return `/beheer/${slug}/activiteiten/${activityId}/fotos/${photoId}`;
}

/** A public activity photo on the activity's public page (only photos every consent allows publicly). */
export function publicActivityPhotoPath(slug: string, activityId: string, photoId: string): string {
  return `/${slug}/activiteiten/${activityId}/fotos/${photoId}`;
}
