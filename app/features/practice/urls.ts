/** The addresses of the practice pages, in one place: staff pages per placement and the trainee's own pages. */

export function placementPath(slug: string, placementId: string, part: "" | "uren" | "activiteit" | "eindverslag" = ""): string {
  return `/beheer/${slug}/praktijk/${placementId}${part ? `/${part}` : ""}`;
}

export const OWN_PRACTICE_PATHS = {
  overview: "/mijn-praktijk",
  hours: "/mijn-praktijk/uren",
  activity: "/mijn-praktijk/activiteit",
  report: "/mijn-praktijk/eindverslag",
  timeline: "/mijn-traject",
} as const;
