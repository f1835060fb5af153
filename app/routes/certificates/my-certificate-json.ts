import { ownCertificateResponse } from "~/features/certificates/downloads.server";
import type { Route } from "./+types/my-certificate-json";

/** The signed-in person's own Citytrainer certificate as the signed Open Badges credential (JSON-LD); none: 404, revoked: 410. */
export async function loader({ request }: Route.LoaderArgs) {
  return ownCertificateResponse(request, "json");
}
