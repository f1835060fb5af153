import { cacheableJson, methodNotAllowed, preflight } from "~/features/api/http.server";
import { openApiDocument } from "~/features/api/openapi";
import { baseUrl, env } from "~/lib/env.server";
import type { Route } from "./+types/api.v1.openapi";

export function loader({ request }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  return cacheableJson(request, openApiDocument({ baseUrl, contactEmail: env.API_CONTACT_EMAIL }), { maxAge: 3600 });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
