/**
 * Receipts of a settlement: a photo (JPEG, PNG, WebP) or a PDF, at most 5 MB each. The type is read
 * from the file's own bytes with file-type, never from its name or the browser's claim; photos are
 * re-encoded by sharp in their own format, which drops EXIF (place, device, time). Files live in
 * the private "receipts" folder and go out only through the download route, which checks who asks.
 */
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { MAX_UPLOAD_BYTES, privateFilePath, removePrivateFile } from "~/lib/storage.server";

export const MAX_RECEIPT_BYTES = MAX_UPLOAD_BYTES;
import { MAX_RECEIPTS_PER_POST } from "./schema";

const RECEIPT_TYPES: Readonly<Record<string, "image/jpeg" | "image/png" | "image/webp" | "application/pdf">> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
};

export type ReceiptProblem = "empty" | "tooLarge" | "wrongType" | "tooMany";

export class ReceiptRejectedError extends Error {
  constructor(readonly problem: ReceiptProblem) {
    super(`receipt rejected: ${problem}`);
  }
}

export interface StoredReceipt {
  fileKey: string;
  contentType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
  byteSize: number;
  originalName: string;
}

/** Whether a form part is a real file: a file field left empty still sends a nameless, empty part. */
export function uploadedFiles(value: unknown): File[] {
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((part): part is File => part instanceof File && !(part.size === 0 && part.name === ""));
}

/** The name the device gave, for people to recognise; never used as a path. */
function shownName(name: string, ext: string): string {
  const base = name.replace(/[\u0000-\u001f\u007f/\\]/g, "").trim().slice(0, 120);
  return base || `bonnetje.${ext}`;
}

async function checked(file: File): Promise<{ bytes: Buffer; ext: string; contentType: StoredReceipt["contentType"] }> {
  if (file.size === 0) throw new ReceiptRejectedError("empty");
  if (file.size > MAX_RECEIPT_BYTES) throw new ReceiptRejectedError("tooLarge");
  const raw = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(raw).catch(() => undefined);
  const contentType = detected ? RECEIPT_TYPES[detected.ext] : undefined;
  if (!detected || !contentType || contentType !== detected.mime) throw new ReceiptRejectedError("wrongType");
  if (contentType === "application/pdf") return { bytes: raw, ext: "pdf", contentType };
  try {
    const image = sharp(raw, { limitInputPixels: 40_000_000 }).rotate();
    const bytes =
      contentType === "image/jpeg" ? await image.jpeg({ quality: 85 }).toBuffer() : contentType === "image/png" ? await image.png().toBuffer() : await image.webp({ quality: 85 }).toBuffer();
    return { bytes, ext: detected.ext, contentType };
  } catch {
    throw new ReceiptRejectedError("wrongType");
  }
}

/**
 * Checks every file first and stores them only when all pass, so a refused form leaves no file
 * behind. Throws ReceiptRejectedError.
 */
export async function storeReceipts(files: readonly File[]): Promise<StoredReceipt[]> {
  if (files.length > MAX_RECEIPTS_PER_POST) throw new ReceiptRejectedError("tooMany");
  const ready = [];
  for (const file of files) ready.push({ file, ...(await checked(file)) });
  const stored: StoredReceipt[] = [];
  for (const item of ready) {
    const fileKey = `${randomUUID()}.${item.ext}`;
    const target = privateFilePath("receipts", fileKey)!;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, item.bytes, { flag: "wx" });
    stored.push({ fileKey, contentType: item.contentType, byteSize: item.bytes.byteLength, originalName: shownName(item.file.name, item.ext) });
  }
  return stored;
}

/** Removes files whose write was refused afterwards. */
export async function forgetReceipts(stored: readonly StoredReceipt[]): Promise<void> {
  for (const receipt of stored) await removePrivateFile("receipts", receipt.fileKey);
}
