/**
 * The one file a trainee may attach to their final report (PDF, DOCX, ODT, PPTX, JPEG or PNG).
 * Its type is read from the file's own bytes with `file-type`, never from its name or the
 * browser's claim, with the same size cap as other uploads. Files live outside the public
 * /uploads/ folder and are sent only by the download routes, to the trainee and their reviewers.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { cleanFileName } from "~/features/training/materials.server";
import { uploadDir } from "~/lib/env.server";
import { MAX_UPLOAD_BYTES } from "~/lib/storage.server";

export const MAX_REPORT_FILE_BYTES = MAX_UPLOAD_BYTES;

/** Accepted content types, by the extension file-type reports for them. */
const REPORT_FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  png: "image/png",
  jpg: "image/jpeg",
};

export type ReportFileProblem = "empty" | "tooLarge" | "wrongType";

export class ReportFileRejectedError extends Error {
  constructor(readonly problem: ReportFileProblem) {
    super(`report file rejected: ${problem}`);
  }
}

export interface StoredReportFile {
  fileName: string;
  contentType: string;
  byteSize: number;
  storageKey: string;
}

const reportsDir = () => path.join(uploadDir, "final-reports");
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(pdf|docx|odt|pptx|png|jpg)$/;

/** Whether the form carried a file at all: a file field left empty still sends a nameless, empty part. */
export function hasUpload(file: unknown): file is File {
  return file instanceof File && !(file.size === 0 && file.name === "");
}

/** Checks an uploaded file and stores it; throws ReportFileRejectedError when it cannot be kept. */
export async function storeReportFile(file: File): Promise<StoredReportFile> {
  if (file.size === 0) throw new ReportFileRejectedError("empty");
  if (file.size > MAX_REPORT_FILE_BYTES) throw new ReportFileRejectedError("tooLarge");
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  const contentType = detected ? REPORT_FILE_TYPES[detected.ext] : undefined;
  if (!detected || !contentType || contentType !== detected.mime) throw new ReportFileRejectedError("wrongType");
  const storageKey = `${randomUUID()}.${detected.ext}`;
  await mkdir(reportsDir(), { recursive: true });
  await writeFile(path.join(reportsDir(), storageKey), bytes, { flag: "wx" });
  return { fileName: cleanFileName(file.name, detected.ext), contentType, byteSize: bytes.byteLength, storageKey };
}

/** Removes a stored file that no row points to (replaced, removed, or its write was refused). */
export async function forgetReportFile(storageKey: string | null | undefined): Promise<void> {
  if (storageKey && KEY_PATTERN.test(storageKey)) await rm(path.join(reportsDir(), storageKey), { force: true });
}

/** The bytes of a stored file, or null. */
export async function readReportFile(storageKey: string): Promise<Buffer | null> {
  if (!KEY_PATTERN.test(storageKey)) return null;
  try {
    return await readFile(path.join(reportsDir(), storageKey));
  } catch {
    return null;
  }
}
