import { cacheableJson, methodNotAllowed, notFoundProblem, preflight } from "~/features/api/http.server";
import { pathParameterProblem } from "~/features/api/params.server";
import { serialiseActivity } from "~/features/api/serialise.server";
import { findListedActivityInNetwork } from "~/features/calendar/reads.server";
import type { Route } from "./+types/api.v1.activity";

export async function loader({ request, params }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const invalid = pathParameterProblem(request, { id: params.id });
  if (invalid) return invalid;
  const activity = await findListedActivityInNetwork(params.id);
  if (!activity) return notFoundProblem(request, "api.problem.activityNotFound");
  return cacheableJson(request, { data: serialiseActivity(activity) }, { maxAge: 60 });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
