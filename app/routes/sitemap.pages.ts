import { pagesSitemap, SITEMAP_CACHE_CONTROL } from "~/features/calendar/sitemap.server";

export async function loader() {
  return new Response(await pagesSitemap(), { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": SITEMAP_CACHE_CONTROL } });
}
