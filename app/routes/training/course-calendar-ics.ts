import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { courseSessionsToIcs, findFeedOwner, listCourseSessionsFor } from "~/features/training/calendar-feed.server";
import type { Route } from "./+types/course-calendar-ics";

/** How far back the feed reaches: recent sessions stay visible in a calendar app for a while. */
const FEED_HISTORY_MS = 90 * 24 * 60 * 60 * 1000;

/** A person's course calendar as an iCalendar subscription; an unknown or replaced token is 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const userId = await findFeedOwner(params.token);
  if (!userId) throw notFound();
  const { t } = await getTranslator(request);
  const sessions = await listCourseSessionsFor(userId, new Date(Date.now() - FEED_HISTORY_MS));
  return new Response(courseSessionsToIcs(sessions, t), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="cursus.ics"',
      // Personal: never in a shared cache.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
