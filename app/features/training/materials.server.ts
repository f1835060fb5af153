/**
 * Materials of lesson modules (PDF, slides, documents, pictures). The type is read from the
 * file's own bytes with `file-type`, never from its name or the browser's claim, and only the
 * types below are kept. Files live outside the public /uploads/ folder: they are sent only by the
 * download routes, to staff who may see the track. A stored file never changes, so the copies of
 * a module in later versions share it.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { uploadDir } from "~/lib/env.server";
import { MAX_UPLOAD_BYTES } from "~/lib/storage.server";

/** The largest material: the same cap as an image upload. */
export const MAX_MATERIAL_BYTES = MAX_UPLOAD_BYTES;

/** Accepted content types, by the extension file-type reports for them. */
export const MATERIAL_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odp: "application/vnd.oasis.opendocument.presentation",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  png: "image/png",
  jpg: "image/jpeg",
};

export type MaterialProblem = "missing" | "empty" | "tooLarge" | "wrongType";

export class MaterialRejectedError extends Error {
  constructor(readonly problem: MaterialProblem) {
    super(`material rejected: ${problem}`);
  }
}

export interface StoredMaterial {
  fileName: string;
  contentType: string;
  byteSize: number;
  storageKey: string;
}

const materialsDir = () => path.join(uploadDir, "materials");
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(pdf|pptx|odp|docx|odt|png|jpg)$/;

/** A file name to show and to download under: no folders, no control characters, the real extension. */
export function cleanFileName(name: string, extension: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()!
      .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
      .normalize("NFC")
      .trim()
      .slice(0, 150) || "materiaal";
  const stem = base.replace(/\.[^.]*$/, "") || "materiaal";
  const hasExtension = base.toLowerCase().endsWith(`.${extension}`) || (extension === "jpg" && base.toLowerCase().endsWith(".jpeg"));
  return hasExtension ? base : `${stem}.${extension}`;
}

/** Checks an uploaded file and stores it; throws MaterialRejectedError when it cannot be kept. */
export async function storeMaterial(file: unknown): Promise<StoredMaterial> {
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) throw new MaterialRejectedError("missing");
  if (file.size === 0) throw new MaterialRejectedError("empty");
  if (file.size > MAX_MATERIAL_BYTES) throw new MaterialRejectedError("tooLarge");
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  const contentType = detected ? MATERIAL_TYPES[detected.ext] : undefined;
  if (!detected || !contentType || contentType !== detected.mime) throw new MaterialRejectedError("wrongType");
  const storageKey = `${randomUUID()}.${detected.ext}`;
  await mkdir(materialsDir(), { recursive: true });
  await writeFile(path.join(materialsDir(), storageKey), bytes, { flag: "wx" });
  return { fileName: cleanFileName(file.name, detected.ext), contentType, byteSize: bytes.byteLength, storageKey };
}

/** Removes a file that was stored for a write that was then refused (no row points to it). */
export async function forgetMaterial(storageKey: string): Promise<void> {
  if (KEY_PATTERN.test(storageKey)) await rm(path.join(materialsDir(), storageKey), { force: true });
}

/** The bytes of a stored material, or null. */
export async function readMaterial(storageKey: string): Promise<Buffer | null> {
  if (!KEY_PATTERN.test(storageKey)) return null;
  try {
    return await readFile(path.join(materialsDir(), storageKey));
  } catch {
    return null;
  }
}

/** The download answer for a material: its own type, as an attachment, never cached by others. */
export function materialResponse(material: { fileName: string; contentType: string }, bytes: Buffer): Response {
  const ascii = material.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": material.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(material.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
