/**
 * The holder's downloads of their own Citytrainer certificate: the PDF and the signed credential,
 * only their own and only while it is not revoked. A revoked certificate answers 410 Gone with a
 * short page that says so.
 */
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { baseUrl } from "~/lib/env.server";
import type { Locale, Translate } from "~/lib/i18n";
import { findOwnCitytrainerCertificate, ownCredential } from "./reads.server";
import { credentialJson } from "./credential";
import { renderCitytrainerPdf } from "./pdf.server";
import { OWN_CERTIFICATE_PAGE, verificationPath } from "./urls";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 410 with a page in the person's language (a resource route has no layout to render into). */
export function revokedPage(t: Translate, locale: Locale): Response {
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t("citytrainer.gone.title"))} — Buurtkracht</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>${escapeHtml(t("citytrainer.gone.title"))}</h1>
<p>${escapeHtml(t("citytrainer.gone.body"))}</p>
<p><a href="${OWN_CERTIFICATE_PAGE}">${escapeHtml(t("citytrainer.gone.back"))}</a></p>
</main>
</body>
</html>`;
  return new Response(html, { status: 410, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export type OwnDownload = { kind: "none" } | { kind: "revoked" } | { kind: "file"; body: Uint8Array<ArrayBuffer> | string; contentType: string; filename: string };

export async function ownCertificateDownload(userId: string, format: "pdf" | "json", locale: Locale): Promise<OwnDownload> {
  const certificate = await findOwnCitytrainerCertificate(userId);
  if (!certificate) return { kind: "none" };
  if (certificate.revokedAt) return { kind: "revoked" };
  const base = `${locale === "nl" ? "citytrainer-certificaat" : "citytrainer-certificate"}-${certificate.verificationCode}`;
  if (format === "json") {
    const credential = await ownCredential(userId, certificate.id);
    if (!credential) return { kind: "none" };
    return { kind: "file", body: credentialJson(credential), contentType: "application/vc+ld+json", filename: `${base}.json` };
  }
  const pdf = await renderCitytrainerPdf(
    {
      holderName: certificate.holderName,
      trackName: certificate.trackName,
      municipalityName: certificate.municipalityName,
      issuedAt: certificate.issuedAt,
      achievedCompetences: certificate.achievedCompetences,
      verificationCode: certificate.verificationCode,
      verificationUrl: baseUrl + verificationPath(certificate.verificationCode),
    },
    locale,
  );
  return { kind: "file", body: new Uint8Array(pdf), contentType: "application/pdf", filename: `${base}.pdf` };
}

/** The answer of the holder's download routes: the file as an attachment; none: 404; revoked: 410 with a page. */
export async function ownCertificateResponse(request: Request, format: "pdf" | "json"): Promise<Response> {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const download = await ownCertificateDownload(user.id, format, locale);
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
