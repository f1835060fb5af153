/**
 * An activity photo's file: its real type read from its bytes (JPEG, PNG or WebP — never the name
 * or the browser's claim), at most 5 MB, turned upright with `.rotate()` and re-encoded by sharp as
 * a JPEG, which leaves out every bit of metadata (EXIF, GPS, camera serials, XMP). Stored in the
 * private "activity-photos" folder and sent only by the routes that check who asks.
 */
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { MAX_UPLOAD_BYTES, privateFilePath, readPrivateFile, removePrivateFile } from "~/lib/storage.server";

export const MAX_PHOTO_BYTES = MAX_UPLOAD_BYTES;
const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);
/** Longest side of a stored photo: enough for a page and a print, small enough to serve quickly. */
const MAX_PHOTO_SIDE = 2000;

export type PhotoProblem = "empty" | "tooLarge" | "wrongType";

export class PhotoRejectedError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(`photo rejected: ${problem}`);
  }
}

/** Whether the form carried a file at all: an empty file field still sends a nameless, empty part. */
export function hasPhotoUpload(file: unknown): file is File {
  return file instanceof File && !(file.size === 0 && file.name === "");
}

/** Checks and cleans an uploaded photo; throws PhotoRejectedError when it cannot be kept. */
export async function cleanPhoto(file: File): Promise<Buffer> {
  if (file.size === 0) throw new PhotoRejectedError("empty");
  if (file.size > MAX_PHOTO_BYTES) throw new PhotoRejectedError("tooLarge");
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (!detected || !PHOTO_TYPES.has(detected.mime)) throw new PhotoRejectedError("wrongType");
  try {
    return await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw new PhotoRejectedError("wrongType");
  }
}

/** Writes a cleaned photo to the private folder; returns its key. */
export async function storePhotoFile(bytes: Buffer): Promise<string> {
  const key = `${randomUUID()}.jpg`;
  const file = privateFilePath("activity-photos", key)!;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes, { flag: "wx" });
  return key;
}

export const readPhotoFile = (key: string) => readPrivateFile("activity-photos", key);

/** Removes a photo's file (refused upload, deleted photo, withdrawn consent); a missing file is fine. */
export async function removePhotoFile(key: string | null | undefined): Promise<void> {
  if (key) await removePrivateFile("activity-photos", key);
}

/**
 * A photo's answer: inline, never cached by shared caches when internal; a public photo may be
 * cached for a minute only, so a withdrawal takes it off the activity page almost at once.
 */
export function photoResponse(bytes: Buffer, visibility: "internal" | "public"): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": visibility === "public" ? "public, max-age=60" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
