import { activityToIcs } from "~/features/activities/ics.server";
import { publicActivityPath } from "~/features/activities/urls";
import { notFound, openPublicMunicipality } from "~/features/authorization/gate.server";
import { findListedActivity } from "~/features/calendar/reads.server";
import { baseUrl } from "~/lib/env.server";
import type { Route } from "./+types/calendar.activity-ics";

/**
 * "Add to my calendar": one activity as an iCalendar file. A cancelled one is served too, with
 * STATUS:CANCELLED: opened again, it marks the event a calendar already has (same UID) as cancelled.
 */
export async function loader({ params }: Route.LoaderArgs) {
  const municipality = await openPublicMunicipality(params.slug);
  const activity = await findListedActivity(municipality.id, params.id);
  if (!activity) throw notFound();
  const body = activityToIcs([activity], {
    calendarName: activity.title,
    url: (a) => baseUrl + publicActivityPath(municipality.slug, a.id),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="activiteit-${activity.id}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
