import { apiTranslator, cacheableJson, methodNotAllowed, preflight, queryObject, validationProblem } from "~/features/api/http.server";
import { openPublicMunicipalityOrNull } from "~/features/api/municipality.server";
import { listedStatuses } from "~/features/api/params.server";
import { serialiseActivity } from "~/features/api/serialise.server";
import { encodeCursor } from "~/features/calendar/cursor";
import { listUpcomingActivities, listUpcomingActivitiesInNetwork } from "~/features/calendar/reads.server";
import { activityListQuery } from "~/features/calendar/schema";
import { parseInput } from "~/lib/forms.server";
import type { Route } from "./+types/api.v1.activities";

export async function loader({ request }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const { locale, t } = apiTranslator(request);
  const parsed = parseInput(activityListQuery, queryObject(new URL(request.url)), locale, t);
  if (!parsed.ok) return validationProblem(request, parsed.errors);
  const { municipality: slug, neighbourhood, category, from, to, age, q, limit, cursor, status } = parsed.data;
  const filters = { neighbourhoodId: neighbourhood, category, from, to, age, q: q || undefined, statuses: listedStatuses(status) };
  let page;
  if (slug) {
    const municipality = await openPublicMunicipalityOrNull(slug);
    if (!municipality) return validationProblem(request, { municipality: t("api.municipality.unknown") });
    page = await listUpcomingActivities(municipality.id, filters, { limit, after: cursor });
  } else {
    page = await listUpcomingActivitiesInNetwork(filters, { limit, after: cursor });
  }
  // No Last-Modified: places left change with every sign-up, which no change time of the activity records.
  return cacheableJson(request, { data: page.items.map(serialiseActivity), next: page.next ? encodeCursor(page.next) : null }, { maxAge: 60 });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
