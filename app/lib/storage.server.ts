import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { uploadDir } from "~/lib/env.server";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const ACCEPTED_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"]);

export type ImageProblem = "empty" | "tooLarge" | "notAnImage";

export class ImageRejectedError extends Error {
  constructor(readonly problem: ImageProblem) {
    super(`image rejected: ${problem}`);
  }
}

/**
 * Stores an uploaded image: the real type is read from its bytes (not the name or the browser's
 * claim), it is rotated upright, resized to fit `maxSize`, re-encoded as WebP without metadata.
 * Returns the storage key used in URLs under /uploads/.
 */
export async function storeImage(file: File | Blob, maxSize: number): Promise<string> {
  if (file.size === 0) throw new ImageRejectedError("empty");
  if (file.size > MAX_UPLOAD_BYTES) throw new ImageRejectedError("tooLarge");
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ACCEPTED_IMAGE_TYPES.has(detected.mime)) throw new ImageRejectedError("notAnImage");
  let output: Buffer;
  try {
    output = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: maxSize, height: maxSize, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    throw new ImageRejectedError("notAnImage");
  }
  const key = `${randomUUID()}.webp`;
  await mkdir(uploadDir, { recursive: true });
  await writeFile(path.join(uploadDir, key), output);
  return key;
}

const KEY_PATTERN = /^[0-9a-f-]{36}\.webp$/;

/** Reads a stored file by key, or null when there is none. */
export async function readStoredFile(key: string): Promise<Buffer | null> {
  if (!KEY_PATTERN.test(key)) return null;
  try {
    return await readFile(path.join(uploadDir, key));
  } catch {
    return null;
  }
}

export function storedFileUrl(key: string | null | undefined): string | null {
  return key ? `/uploads/${key}` : null;
}

/**
 * Folders of private files: under the upload folder but never served by /uploads/ (that route
 * reads top-level WebP keys only); their files go out only through download routes that check who
 * asks. Each file is named `<uuid>.<extension>`.
 */
export const PRIVATE_FILE_FOLDERS = ["final-reports", "materials", "activity-photos", "receipts"] as const;
export type PrivateFileFolder = (typeof PRIVATE_FILE_FOLDERS)[number];
const PRIVATE_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,8}$/;

/** Where a private file lives, or null for a key that cannot be one of ours (no folders, no `..`). */
export function privateFilePath(folder: PrivateFileFolder, key: string): string | null {
  return PRIVATE_KEY_PATTERN.test(key) ? path.join(uploadDir, folder, key) : null;
}

/** The bytes of a private file, or null when there is none. */
export async function readPrivateFile(folder: PrivateFileFolder, key: string): Promise<Buffer | null> {
  const file = privateFilePath(folder, key);
  if (!file) return null;
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/**
 * Deletes a private file (erasure, or a row that no longer points to it). A file that is already
 * gone counts as deleted; false only for a key that cannot name one of our files.
 */
export async function removePrivateFile(folder: PrivateFileFolder, key: string): Promise<boolean> {
  const file = privateFilePath(folder, key);
  if (!file) return false;
  await rm(file, { force: true });
  return true;
}
