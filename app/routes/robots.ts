import { robotsTxt } from "~/features/calendar/sitemap.server";

/** What crawlers may read: the public calendar and activity pages, nothing behind a sign-in. */
export function loader() {
  return new Response(robotsTxt(), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
