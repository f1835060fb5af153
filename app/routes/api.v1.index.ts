import { API_VERSION, cacheableJson, methodNotAllowed, preflight } from "~/features/api/http.server";
import { serialiseApiIndex } from "~/features/api/serialise.server";
import type { Route } from "./+types/api.v1.index";

/** GET /api/v1: the API's entry point, with links to its document and collections. */
export function loader({ request }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  return cacheableJson(request, serialiseApiIndex(API_VERSION), { maxAge: 3600 });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
