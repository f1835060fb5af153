/**
 * Reading the staff activity form: fields through the Zod schema, then the optional image
 * through storeImage (type sniffed, resized, metadata stripped). The image is stored only when
 * the fields are valid, so a form sent back with messages leaves no file behind.
 */
import type { z } from "zod";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { Locale, Translate } from "~/lib/i18n";
import { ImageRejectedError, MAX_UPLOAD_BYTES, storeImage } from "~/lib/storage.server";

const IMAGE_MAX_SIZE = 1600;
const IMAGE_MESSAGES = {
  empty: "activityForm.error.imageEmpty",
  tooLarge: "activityForm.error.imageTooLarge",
  notAnImage: "activityForm.error.imageNotAnImage",
} as const;

export async function readActivityForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  locale: Locale,
  t: Translate,
): Promise<
  | { ok: true; data: z.infer<Schema>; image: { imagePath: string } | null; values: Record<string, unknown> }
  | { ok: false; response: ReturnType<typeof invalid> }
> {
  // Refuse an oversized upload before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 256 * 1024) {
    return { ok: false, response: invalid({ image: t("activityForm.error.imageTooLarge") }) };
  }
  const form = await readForm(request);
  const values = formToObject(form);
  const parsed = parseInput(schema, values, locale, t);
  if (!parsed.ok) return { ok: false, response: invalid(parsed.errors, values) };
  const file = form.get("image");
  if (file instanceof File && (file.size > 0 || file.name !== "")) {
    try {
      return { ok: true, data: parsed.data, image: { imagePath: await storeImage(file, IMAGE_MAX_SIZE) }, values };
    } catch (error) {
      if (error instanceof ImageRejectedError) return { ok: false, response: invalid({ image: t(IMAGE_MESSAGES[error.problem]) }, values) };
      throw error;
    }
  }
  return { ok: true, data: parsed.data, image: null, values };
}
