import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { renderCertificatePdf } from "~/features/training/certificate-pdf.server";
import { findOwnCertificate } from "~/features/training/course-reads.server";
import { baseUrl } from "~/lib/env.server";
import type { Route } from "./+types/my-certificate-pdf";

/** The certificate of participation as a PDF, for its holder only (anyone else: 404). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { locale } = await getTranslator(request);
  const id = (params.certificateId ?? "").replace(/\.pdf$/, "");
  const certificate = await findOwnCertificate(user.id, id);
  if (!certificate) throw notFound();
  const pdf = await renderCertificatePdf(
    {
      holderName: certificate.holderName,
      trackName: certificate.trackName,
      cohortName: certificate.cohortName,
      municipalityName: certificate.municipalityName,
      courseStartedOn: certificate.courseStartedOn,
      courseEndedOn: certificate.courseEndedOn,
      issuedAt: certificate.issuedAt,
      verificationCode: certificate.verificationCode,
      verificationUrl: `${baseUrl}/certificaat/${certificate.verificationCode}`,
    },
    locale,
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${locale === "nl" ? "bewijs-van-deelname" : "certificate-of-participation"}-${certificate.verificationCode}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
