import { openPublicMunicipalityOrNull } from "~/features/api/municipality.server";
import { activitiesSitemap, SITEMAP_CACHE_CONTROL } from "~/features/calendar/sitemap.server";
import type { Route } from "./+types/sitemap.activities";

/** One published municipality's upcoming activity pages; a plain 404 for any other slug. */
export async function loader({ params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipalityOrNull(params.slug);
  const body = municipality ? await activitiesSitemap(municipality.id, municipality.slug) : null;
  if (body === null) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": SITEMAP_CACHE_CONTROL } });
}
