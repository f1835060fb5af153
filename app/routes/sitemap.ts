import { SITEMAP_CACHE_CONTROL, sitemapIndex } from "~/features/calendar/sitemap.server";

/** The sitemap index: the pages of the network and municipalities, and each published municipality's activities. */
export async function loader() {
  return new Response(await sitemapIndex(), { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": SITEMAP_CACHE_CONTROL } });
}
