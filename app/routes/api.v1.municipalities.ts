import { apiJson, methodNotAllowed, preflight } from "~/features/api/http.server";
import { serialiseMunicipality } from "~/features/api/serialise.server";
import { listMunicipalities } from "~/features/municipalities/reads.server";
import type { Route } from "./+types/api.v1.municipalities";

export async function loader({ request }: Route.LoaderArgs) {
  if (request.method === "OPTIONS") return preflight(["GET"]);
  const municipalities = await listMunicipalities();
  return apiJson({ data: municipalities.map(serialiseMunicipality) }, { headers: { "Cache-Control": "public, max-age=300" } });
}

export function action({ request }: Route.ActionArgs) {
  return methodNotAllowed(request, ["GET"]);
}
