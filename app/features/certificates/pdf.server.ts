/**
 * The Citytrainer certificate as a tagged PDF, through the same renderer as the certificate of
 * participation: name, track, municipality, date, the competences achieved with their levels,
 * the verification address and code as text, and a QR code of that address (a Figure with the
 * address as its alternative text; no link annotation).
 */
import QRCode from "qrcode";
import { formatDate, renderTaggedCertificate } from "~/features/training/certificate-pdf.server";
import type { Locale } from "~/lib/i18n";
import { translator } from "~/lib/i18n";
import { utcToZonedLocal } from "~/lib/time";
import type { AchievedCompetence } from "./writes.server";

export interface CitytrainerPdfContent {
  holderName: string;
  trackName: string;
  municipalityName: string;
  issuedAt: Date;
  achievedCompetences: readonly AchievedCompetence[];
  verificationCode: string;
  verificationUrl: string;
}

export async function renderCitytrainerPdf(content: CitytrainerPdfContent, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const qr = await QRCode.toBuffer(content.verificationUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });
  return renderTaggedCertificate(
    {
      title: t("citytrainer.pdf.title", { name: content.holderName }),
      author: content.municipalityName,
      subject: t("citytrainer.pdf.heading"),
      blocks: [
        { kind: "heading", text: t("citytrainer.pdf.heading") },
        { kind: "paragraph", text: t("citytrainer.pdf.awardedTo") },
        { kind: "paragraph", text: content.holderName, size: 24, bold: true, gap: 1 },
        { kind: "paragraph", text: t("citytrainer.pdf.forTrack", { track: content.trackName }), size: 14 },
        { kind: "paragraph", text: t("citytrainer.pdf.municipality", { municipality: content.municipalityName }) },
        { kind: "paragraph", text: t("citytrainer.pdf.issued", { date: formatDate(utcToZonedLocal(content.issuedAt).date, locale) }), size: 11, gap: 1 },
        ...(content.achievedCompetences.length > 0
          ? [
              { kind: "paragraph" as const, text: t("citytrainer.pdf.competences"), bold: true, size: 12 },
              {
                kind: "list" as const,
                items: content.achievedCompetences.map((c) => t("citytrainer.pdf.competence", { name: c.name, level: c.levelName, number: c.level })),
              },
            ]
          : []),
        { kind: "paragraph", text: t("certificate.pdf.code", { code: content.verificationCode }), size: 12, bold: true },
        { kind: "paragraph", text: t("citytrainer.pdf.check", { url: content.verificationUrl }), size: 11, gap: 0.8 },
        { kind: "image", png: qr, width: 96, alt: t("citytrainer.pdf.qrAlt", { url: content.verificationUrl }) },
      ],
    },
    locale,
  );
}
