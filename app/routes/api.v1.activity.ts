import { apiJson, methodNotAllowed, notFoundProblem, preflight } from "~/features/api/http.server";
import { serialiseActivity } from "~/features/api/serialise.server";
import { findPublishedActivityInNetwork } from "~/features/calendar/reads.server";
import type { Route } from "./+types/api.v1.activity";

export async function loader({ request, params }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const activity = await findPublishedActivityInNetwork(params.id);
  if (!activity) return notFoundProblem(request, "api.problem.activityNotFound");
  return apiJson({ data: serialiseActivity(activity) }, { headers: { "Cache-Control": "public, max-age=60" } });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
