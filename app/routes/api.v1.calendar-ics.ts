import { activityToIcs, FEED_REFRESH_SECONDS } from "~/features/activities/ics.server";
import { publicActivityPath } from "~/features/activities/urls";
import { apiTranslator, conditionalResponse, methodNotAllowed, notFoundProblem, preflight, validationProblem } from "~/features/api/http.server";
import { openPublicMunicipalityOrNull } from "~/features/api/municipality.server";
import { listedStatuses, pathParameterProblem } from "~/features/api/params.server";
import { FEED_LIMIT } from "~/features/calendar/page.server";
import { latestChange, listUpcomingActivities } from "~/features/calendar/reads.server";
import { neighbourhoodParam } from "~/features/calendar/schema";
import { baseUrl } from "~/lib/env.server";
import type { Route } from "./+types/api.v1.calendar-ics";

/**
 * A municipality's upcoming activities as a subscribable iCalendar feed (optionally one
 * neighbourhood). Cancelled ones stay in it with STATUS:CANCELLED, so subscribed calendars drop
 * or mark them; an unchanged feed is an empty 304 for a calendar app that polls with its ETag.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const invalid = pathParameterProblem(request, { slug: params.slug });
  if (invalid) return invalid;
  const municipality = await openPublicMunicipalityOrNull(params.slug);
  if (!municipality) return notFoundProblem(request, "api.problem.municipalityNotFound");
  const neighbourhood = new URL(request.url).searchParams.get("neighbourhood");
  if (neighbourhood !== null && !neighbourhoodParam.safeParse(neighbourhood).success) {
    return validationProblem(request, { neighbourhood: apiTranslator(request).t("validation.invalid") });
  }
  const page = await listUpcomingActivities(
    municipality.id,
    { neighbourhoodId: neighbourhood ?? undefined, statuses: listedStatuses(undefined) },
    { limit: FEED_LIMIT },
  );
  const body = activityToIcs(page.items, {
    calendarName: `Buurtkracht ${municipality.name}`,
    url: (activity) => baseUrl + publicActivityPath(municipality.slug, activity.id),
    refreshSeconds: FEED_REFRESH_SECONDS,
  });
  return conditionalResponse(request, body, {
    contentType: "text/calendar; charset=utf-8",
    cacheControl: "public, max-age=300",
    lastModified: latestChange(page.items),
    headers: { "Content-Disposition": `inline; filename="${municipality.slug}.ics"` },
  });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
