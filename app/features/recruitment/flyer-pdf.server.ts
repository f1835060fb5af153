/**
 * The A6 flyer of an activity as a tagged PDF: title, date and time (Europe/Amsterdam), place, a
 * short line about it, the QR code of the activity page carrying the recruiter's code, and the
 * short address as text. Same habits as the certificates (training/certificate-pdf.server.ts):
 * embedded Noto Sans, a structure tree, no link annotations. Text is clipped to its box, so a
 * very long title or description cannot push the QR code onto a second page.
 */
import { join } from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Locale } from "~/lib/i18n";
import { translator } from "~/lib/i18n";
import { formatInZone, utcToZonedLocal } from "~/lib/time";

const FONT_FOLDER = join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const REGULAR = join(FONT_FOLDER, "400Regular", "NotoSans_400Regular.ttf");
const BOLD = join(FONT_FOLDER, "700Bold", "NotoSans_700Bold.ttf");

const MARGIN = 24;
const QR_SIZE = 150;

export interface FlyerContent {
  title: string;
  description: string;
  location: string;
  neighbourhoodName: string | null;
  startsAt: Date;
  endsAt: Date;
  municipalityName: string;
  /** What the QR code holds: the activity page, with ?ref= when there is a code. */
  qrUrl: string;
  /** The address printed as text (the short invite link when there is one). */
  shortUrl: string;
}

/** Text as one clean line of at most `max` characters (no control characters, collapsed spaces). */
export function flyerText(value: string, max: number): string {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, " ").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

export async function renderFlyerPdf(content: FlyerContent, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const title = flyerText(content.title, 90) || t("recruitment.flyer.untitled");
  const qr = await QRCode.toBuffer(content.qrUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 360 });
  const sameDay = utcToZonedLocal(content.startsAt).date === utcToZonedLocal(content.endsAt).date;
  const when = `${formatInZone(content.startsAt, locale)} – ${sameDay ? formatInZone(content.endsAt, locale, { timeStyle: "short" }) : formatInZone(content.endsAt, locale)}`;
  const place = flyerText(content.neighbourhoodName ? `${content.location} (${content.neighbourhoodName})` : content.location, 90);
  const about = flyerText(content.description, 110);

  const doc = new PDFDocument({
    tagged: true,
    pdfVersion: "1.7",
    lang: locale === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    font: REGULAR,
    size: "A6",
    margin: MARGIN,
    info: { Title: t("recruitment.flyer.pdfTitle", { title }), Author: content.municipalityName, Subject: t("recruitment.flyer.subject"), Creator: "Buurtkracht" },
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const root = doc.struct("Document");
  doc.addStructure(root);
  const paragraph = (tag: "H1" | "P", text: string, font: "regular" | "bold", size: number, height: number, colour = "#1a1a1a") => {
    const y = doc.y;
    root.add(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).fillColor(colour).text(text, MARGIN, y, { width, height, ellipsis: true, align: "left" });
      }),
    );
    doc.y = Math.min(y + height, doc.y) + 4;
  };

  paragraph("P", t("recruitment.flyer.kicker", { municipality: flyerText(content.municipalityName, 60) }), "bold", 9, 14, "#0b3d6b");
  paragraph("H1", title, "bold", 16, 56, "#0b3d6b");
  paragraph("P", when, "regular", 10, 28);
  paragraph("P", place, "regular", 10, 28);
  if (about) paragraph("P", about, "regular", 9, 34);

  const qrY = doc.page.height - MARGIN - 36 - QR_SIZE;
  root.add(
    doc.struct("Figure", { alt: t("recruitment.flyer.qrAlt", { url: content.qrUrl }) }, () => {
      doc.image(qr, (doc.page.width - QR_SIZE) / 2, qrY, { width: QR_SIZE });
    }),
  );
  doc.y = qrY + QR_SIZE + 4;
  paragraph("P", t("recruitment.flyer.scan"), "regular", 8, 12);
  // On a line of its own, so the address to type is never broken in two.
  paragraph("P", content.shortUrl, "bold", content.shortUrl.length > 52 ? 7 : 9, 14);
  root.end();
  doc.end();
  return done;
}
