/**
 * Certificates as tagged, accessible PDFs: real text in an embedded font (Noto Sans; pdfkit's
 * default Helvetica is never embedded), the document's language and title set, and a structure
 * tree (a heading, paragraphs, lists, figures with alternative text) that screen readers follow.
 * No links and no form fields: the verification address is printed as text. The certificate of
 * participation is laid out here; the Citytrainer certificate (features/certificates/pdf.server.ts)
 * uses the same renderer.
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

export function formatDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, month! - 1, day!)),
  );
}

/** A block of the certificate, in reading order. */
export type CertificateBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; size?: number; bold?: boolean; gap?: number }
  | { kind: "list"; items: string[] }
  | { kind: "image"; png: Buffer; width: number; alt: string };

/**
 * Any certificate as a tagged PDF: an H1, paragraphs, a list (L/LI/LBody) and images as Figures
 * with their alternative text, centred on an A4 page, every text in the embedded Noto Sans.
 */
export function renderTaggedCertificate(
  document: { title: string; author: string; subject: string; blocks: readonly CertificateBlock[] },
  locale: Locale,
): Promise<Buffer> {
  const doc = new PDFDocument({
    tagged: true,
    pdfVersion: "1.7",
    lang: locale === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    font: REGULAR,
    size: "A4",
    margin: 64,
    info: { Title: document.title, Author: document.author, Subject: document.subject, Creator: "Buurtkracht" },
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
  doc.moveDown(2);
  for (const block of document.blocks) {
    switch (block.kind) {
      case "heading":
        root.add(
          doc.struct("H1", {}, () => {
            doc.font("bold").fontSize(28).fillColor("#0b3d6b").text(block.text, { align: "center" });
          }),
        );
        doc.moveDown(1.2);
        break;
      case "paragraph":
        root.add(
          doc.struct("P", {}, () => {
            doc.font(block.bold ? "bold" : "regular").fontSize(block.size ?? 13).fillColor("#1a1a1a").text(block.text, { align: "center" });
          }),
        );
        doc.moveDown(block.gap ?? 0.6);
        break;
      case "list": {
        const list = doc.struct("L");
        root.add(list);
        for (const item of block.items) {
          const entry = doc.struct("LI");
          list.add(entry);
          entry.add(
            doc.struct("LBody", {}, () => {
              doc.font("regular").fontSize(11).fillColor("#1a1a1a").text(item, { align: "center" });
            }),
          );
          entry.end();
        }
        list.end();
        doc.moveDown(0.8);
        break;
      }
      case "image": {
        const x = (doc.page.width - block.width) / 2;
        const y = doc.y;
        root.add(
          doc.struct("Figure", { alt: block.alt }, () => {
            doc.image(block.png, x, y, { width: block.width });
          }),
        );
        doc.y = y + block.width + 8;
        break;
      }
    }
  }
  root.end();
  doc.end();
  return done;
}

/** The PDF's bytes. */
export function renderCertificatePdf(content: CertificateContent, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  return renderTaggedCertificate(
    {
      title: t("certificate.pdf.title", { name: content.holderName }),
      author: content.municipalityName,
      subject: t("certificate.pdf.heading"),
      blocks: [
        { kind: "heading", text: t("certificate.pdf.heading") },
        { kind: "paragraph", text: t("certificate.pdf.awardedTo") },
        { kind: "paragraph", text: content.holderName, size: 24, bold: true, gap: 1.2 },
        { kind: "paragraph", text: t("certificate.pdf.forTrack", { track: content.trackName }), size: 15 },
        { kind: "paragraph", text: t("certificate.pdf.cohort", { cohort: content.cohortName, municipality: content.municipalityName }) },
        {
          kind: "paragraph",
          text: t("certificate.pdf.dates", { from: formatDate(content.courseStartedOn, locale), to: formatDate(content.courseEndedOn, locale) }),
          gap: 2,
        },
        { kind: "paragraph", text: t("certificate.pdf.issued", { date: formatDate(utcToZonedLocal(content.issuedAt).date, locale) }), size: 11 },
        { kind: "paragraph", text: t("certificate.pdf.code", { code: content.verificationCode }), size: 12, bold: true },
        { kind: "paragraph", text: t("certificate.pdf.check", { url: content.verificationUrl }), size: 11 },
      ],
    },
    locale,
  );
}
