import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { ownCertificateDownload, revokedPage } from "~/features/certificates/downloads.server";
import type { Route } from "./+types/my-certificate-json";

/** The signed-in person's own Citytrainer certificate as the signed Open Badges credential (JSON-LD); none: 404, revoked: 410. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const download = await ownCertificateDownload(user.id, "json", locale);
  if (download.kind === "none") throw notFound();
  if (download.kind === "revoked") return revokedPage(t, locale);
  return new Response(download.body, {
    headers: {
      "Content-Type": download.contentType,
      "Content-Disposition": `attachment; filename="${download.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
