/** The addresses of the ceremony pages (project leader). */
export const ceremoniesPath = (slug: string, ceremonyId?: string) => `/beheer/${slug}/eindpresentaties${ceremonyId ? `/${ceremonyId}` : ""}`;
