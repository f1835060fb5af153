import { conditionalResponse } from "~/features/api/http.server";
import { statusListCredential } from "~/features/certificates/status-list.server";
import { credentialJson } from "~/features/certificates/credential";
import type { Route } from "./+types/status-list";

/**
 * A revocation status list credential (W3C Bitstring Status List), signed by the issuer: what
 * verifiers fetch to see whether a Citytrainer certificate was revoked. Cached briefly, so a
 * revocation shows within a minute; open to every origin.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const credential = await statusListCredential(params.listId ?? "");
  if (!credential) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return conditionalResponse(request, credentialJson(credential), { contentType: "application/vc+ld+json", cacheControl: "public, max-age=60" });
}
