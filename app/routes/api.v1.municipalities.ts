import { cacheableJson, methodNotAllowed, preflight } from "~/features/api/http.server";
import { serialiseMunicipality } from "~/features/api/serialise.server";
import { listMunicipalities } from "~/features/municipalities/reads.server";
import type { Route } from "./+types/api.v1.municipalities";

export async function loader({ request }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const municipalities = await listMunicipalities();
  return cacheableJson(request, { data: municipalities.map(serialiseMunicipality) }, { maxAge: 300 });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
