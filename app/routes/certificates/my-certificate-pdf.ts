import { ownCertificateResponse } from "~/features/certificates/downloads.server";
import type { Route } from "./+types/my-certificate-pdf";

/** The signed-in person's own Citytrainer certificate as a PDF; none: 404, revoked: 410. */
export async function loader({ request }: Route.LoaderArgs) {
  return ownCertificateResponse(request, "pdf");
}
