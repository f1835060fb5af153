/**
 * Reads a JSON request body defensively: only JSON media types, at most `maxBytes` (counted while
 * streaming, so a wrong or missing Content-Length cannot get a large body past the limit), valid
 * UTF-8, valid JSON. Each failure is a problem answer for the caller to return.
 */
import { apiTranslator, problem } from "./http.server";

export const MAX_JSON_BODY_BYTES = 10 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

export async function readJsonBody(request: Request, maxBytes: number = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  const { locale, t } = apiTranslator(request);
  const fail = (status: number, code: string, title: string, detail: string): JsonBody => ({
    ok: false,
    response: problem(status, { code, title, detail }, { locale }),
  });
  const tooLarge = () =>
    fail(413, "payload_too_large", t("api.problem.payloadTooLarge"), t("api.problem.payloadTooLargeDetail", { max: maxBytes }));
  const badJson = () => fail(400, "invalid_json", t("api.problem.badRequest"), t("api.problem.invalidJson"));

  if (!isJsonMediaType(request.headers.get("content-type"))) {
    return fail(415, "unsupported_media_type", t("api.problem.unsupportedMediaType"), t("api.problem.unsupportedMediaTypeDetail"));
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  if (!request.body) return badJson();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  } catch {
    return badJson();
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return badJson();
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return badJson();
  }
}
