import { activityToIcs } from "~/features/activities/ics.server";
import { publicActivityPath } from "~/features/activities/urls";
import { apiTranslator, CORS_HEADERS, methodNotAllowed, notFoundProblem, preflight, validationProblem } from "~/features/api/http.server";
import { openPublicMunicipalityOrNull } from "~/features/api/municipality.server";
import { FEED_LIMIT } from "~/features/calendar/page.server";
import { listUpcomingActivities } from "~/features/calendar/reads.server";
import { neighbourhoodParam } from "~/features/calendar/schema";
import { baseUrl } from "~/lib/env.server";
import type { Route } from "./+types/api.v1.calendar-ics";

/** A municipality's upcoming activities as a subscribable iCalendar feed (optionally one neighbourhood). */
export async function loader({ request, params }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const municipality = await openPublicMunicipalityOrNull(params.slug);
  if (!municipality) return notFoundProblem(request, "api.problem.municipalityNotFound");
  const neighbourhood = new URL(request.url).searchParams.get("neighbourhood");
  if (neighbourhood !== null && !neighbourhoodParam.safeParse(neighbourhood).success) {
    return validationProblem(request, { neighbourhood: apiTranslator(request).t("validation.invalid") });
  }
  const page = await listUpcomingActivities(municipality.id, { neighbourhoodId: neighbourhood ?? undefined }, { limit: FEED_LIMIT });
  const body = activityToIcs(page.items, {
    calendarName: `Buurtkracht ${municipality.name}`,
    url: (activity) => baseUrl + publicActivityPath(municipality.slug, activity.id),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${municipality.slug}.ics"`,
      "Cache-Control": "public, max-age=300",
      ...CORS_HEADERS,
    },
  });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
