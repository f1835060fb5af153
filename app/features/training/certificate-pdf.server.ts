/**
 * The certificate of participation as a tagged, accessible PDF: real text in an embedded font
 * (Noto Sans; pdfkit's default Helvetica is never embedded), the document's language and title
 * set, and a structure tree (a heading and paragraphs) that screen readers follow. No links and
 * no form fields: the verification code is printed as text.
 */
import { join } from "node:path";
import PDFDocument from "pdfkit";
import type { Locale } from "~/lib/i18n";
import { translator } from "~/lib/i18n";
import { utcToZonedLocal } from "~/lib/time";

const FONT_FOLDER = join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const REGULAR = join(FONT_FOLDER, "400Regular", "NotoSans_400Regular.ttf");
const BOLD = join(FONT_FOLDER, "700Bold", "NotoSans_700Bold.ttf");

export interface CertificateContent {
  holderName: string;
  trackName: string;
  cohortName: string;
  municipalityName: string;
  courseStartedOn: string;
  courseEndedOn: string;
  issuedAt: Date;
  verificationCode: string;
  /** The public address where the code can be checked, printed as text. */
  verificationUrl: string;
}

function formatDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, month! - 1, day!)),
  );
}

/** The PDF's bytes. */
export function renderCertificatePdf(content: CertificateContent, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const title = t("certificate.pdf.title", { name: content.holderName });
  const doc = new PDFDocument({
    tagged: true,
    pdfVersion: "1.7",
    lang: locale === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    font: REGULAR,
    size: "A4",
    margin: 64,
    info: { Title: title, Author: content.municipalityName, Subject: t("certificate.pdf.heading"), Creator: "Buurtkracht" },
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  const paragraph = (text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) => {
    root.add(
      doc.struct("P", {}, () => {
        doc.font(options.bold ? "bold" : "regular").fontSize(options.size ?? 13).fillColor("#1a1a1a").text(text, { align: "center" });
      }),
    );
    doc.moveDown(options.gap ?? 0.6);
  };

  doc.moveDown(3);
  root.add(
    doc.struct("H1", {}, () => {
      doc.font("bold").fontSize(30).fillColor("#0b3d6b").text(t("certificate.pdf.heading"), { align: "center" });
    }),
  );
  doc.moveDown(1.5);
  paragraph(t("certificate.pdf.awardedTo"));
  paragraph(content.holderName, { size: 24, bold: true, gap: 1.2 });
  paragraph(t("certificate.pdf.forTrack", { track: content.trackName }), { size: 15 });
  paragraph(t("certificate.pdf.cohort", { cohort: content.cohortName, municipality: content.municipalityName }));
  paragraph(
    t("certificate.pdf.dates", { from: formatDate(content.courseStartedOn, locale), to: formatDate(content.courseEndedOn, locale) }),
    { gap: 2 },
  );
  paragraph(t("certificate.pdf.issued", { date: formatDate(utcToZonedLocal(content.issuedAt).date, locale) }), { size: 11 });
  paragraph(t("certificate.pdf.code", { code: content.verificationCode }), { size: 12, bold: true });
  paragraph(t("certificate.pdf.check", { url: content.verificationUrl }), { size: 11 });
  root.end();
  doc.end();
  return done;
}
