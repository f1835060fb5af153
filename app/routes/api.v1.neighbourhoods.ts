import { cacheableJson, methodNotAllowed, notFoundProblem, preflight } from "~/features/api/http.server";
import { openPublicMunicipalityOrNull } from "~/features/api/municipality.server";
import { pathParameterProblem } from "~/features/api/params.server";
import { serialiseNeighbourhood } from "~/features/api/serialise.server";
import { listNeighbourhoodOptions } from "~/features/calendar/reads.server";
import type { Route } from "./+types/api.v1.neighbourhoods";

/** A municipality's neighbourhoods: the ids that the activity list and the feed filter on. */
export async function loader({ request, params }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const invalid = pathParameterProblem(request, { slug: params.slug });
  if (invalid) return invalid;
  const municipality = await openPublicMunicipalityOrNull(params.slug);
  if (!municipality) return notFoundProblem(request, "api.problem.municipalityNotFound");
  const neighbourhoods = await listNeighbourhoodOptions(municipality.id);
  return cacheableJson(request, { data: neighbourhoods.map((n) => serialiseNeighbourhood(municipality.slug, n)) }, { maxAge: 300 });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
