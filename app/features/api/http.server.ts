/**
 * The public API's HTTP conventions (the Dutch API design rules): JSON bodies, errors as RFC 9457
 * problem details (`application/problem+json`), CORS open to every origin (the API is public,
 * uses no cookies and changes nothing that a cookie could authorise), messages in the language of
 * Accept-Language (Dutch by default), and validators (ETag, Last-Modified) on every GET so that a
 * poll of unchanged data is answered with an empty 304.
 */
import { createHash } from "node:crypto";
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from "~/lib/i18n";

/**
 * The full version of the API (semantic versioning), sent as the API-Version header of every
 * /api/v1 answer and given as `info.version` in the OpenAPI document; the major version is the
 * /v1 in the path.
 */
export const API_VERSION = "1.2.0";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "API-Version, Content-Language, ETag, Last-Modified, Retry-After",
};

/** Lower case, no trailing slash, no empty segment: any other spelling of an API path is another (unknown) resource. */
export function isCanonicalApiPath(path: string): boolean {
  if (path.length > 1 && path.endsWith("/")) return false;
  if (path.includes("//")) return false;
  // Percent-escapes may use either case of hex digit; only the letters around them count.
  const letters = path.replace(/%[0-9a-f]{2}/gi, "");
  return letters === letters.toLowerCase();
}

/** The API language from Accept-Language: the preferred of Dutch and English, Dutch by default. */
export function apiLocale(request: Request): Locale {
  const header = request.headers.get("accept-language");
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (entry.language === "nl" || entry.language === "en") return entry.language;
  }
  return DEFAULT_LOCALE;
}

export function apiTranslator(request: Request): { locale: Locale; t: Translate } {
  const locale = apiLocale(request);
  return { locale, t: translator(locale) };
}

/** A JSON answer with the CORS headers. */
export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      ...CORS_HEADERS,
      ...init.headers,
    },
  });
}

export interface ProblemDetails {
  /** A short code that programs can switch on, e.g. "validation", "full". */
  code: string;
  title: string;
  detail: string;
  /** Per field: the message for that field. */
  errors?: Record<string, string>;
}

/** An RFC 9457 problem answer (`type` about:blank: the status and `code` say what went wrong). */
export function problem(
  status: number,
  details: ProblemDetails,
  options: { locale?: Locale; headers?: Record<string, string> } = {},
): Response {
  const body = { type: "about:blank", title: details.title, status, detail: details.detail, code: details.code, errors: details.errors };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/problem+json; charset=utf-8",
      "Content-Language": options.locale ?? DEFAULT_LOCALE,
      "Cache-Control": "no-store",
      ...CORS_HEADERS,
      ...options.headers,
    },
  });
}

/** 400 with one message per invalid field (or parameter). */
export function validationProblem(request: Request, errors: Record<string, string>): Response {
  const { locale, t } = apiTranslator(request);
  return problem(
    400,
    { code: "validation", title: t("api.problem.validation"), detail: t("api.problem.validationDetail"), errors },
    { locale },
  );
}

export function notFoundProblem(request: Request, detailKey: "api.problem.activityNotFound" | "api.problem.municipalityNotFound" | "api.problem.pathNotFound"): Response {
  const { locale, t } = apiTranslator(request);
  return problem(404, { code: "not_found", title: t("api.problem.notFound"), detail: t(detailKey) }, { locale });
}

export function methodNotAllowed(request: Request, allowed: string[]): Response {
  const { locale, t } = apiTranslator(request);
  const methods = [...allowed, "OPTIONS"].join(", ");
  return problem(
    405,
    { code: "method_not_allowed", title: t("api.problem.methodNotAllowed"), detail: t("api.problem.methodNotAllowedDetail", { methods }) },
    { locale, headers: { Allow: methods } },
  );
}

/** The answer to a CORS preflight (OPTIONS) for an endpoint that accepts `methods`. */
export function preflight(methods: string[]): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": [...methods, "OPTIONS"].join(", "),
      "Access-Control-Allow-Headers": "Content-Type, Accept, Accept-Language",
      "Access-Control-Max-Age": "86400",
      Allow: [...methods, "OPTIONS"].join(", "),
    },
  });
}

/** Query parameters as a plain object; a repeated parameter keeps its first value. */
export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of url.searchParams) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

/** A strong hash of the body as a weak validator (weak: compression may change the bytes on the wire). */
function entityTag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matchesEntityTag(header: string, tag: string): boolean {
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim() === "*" || opaque(candidate) === opaque(tag));
}

/** HTTP dates have whole seconds. */
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * A GET answer with an ETag (and Last-Modified when the data has a change time that covers
 * everything in the body), or an empty 304 when the client's copy is current. If-None-Match wins
 * over If-Modified-Since (RFC 9110, 13.2.2).
 */
export function conditionalResponse(
  request: Request,
  body: string,
  init: { contentType: string; cacheControl: string; lastModified?: Date | null; headers?: Record<string, string> },
): Response {
  const etag = entityTag(body);
  const validators: Record<string, string> = { ETag: etag, "Cache-Control": init.cacheControl, ...CORS_HEADERS, ...init.headers };
  if (init.lastModified) validators["Last-Modified"] = new Date(wholeSeconds(init.lastModified)).toUTCString();
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  let current = false;
  if (ifNoneMatch !== null) current = matchesEntityTag(ifNoneMatch, etag);
  else if (ifModifiedSince !== null && init.lastModified) {
    const since = Date.parse(ifModifiedSince);
    current = Number.isFinite(since) && wholeSeconds(init.lastModified) <= since;
  }
  if (current) return new Response(null, { status: 304, headers: validators });
  return new Response(body, { status: 200, headers: { "Content-Type": init.contentType, ...validators } });
}

/** A cacheable JSON answer to a GET (see conditionalResponse). */
export function cacheableJson(request: Request, body: unknown, init: { maxAge: number; lastModified?: Date | null }): Response {
  return conditionalResponse(request, JSON.stringify(body), {
    contentType: "application/json; charset=utf-8",
    cacheControl: `public, max-age=${init.maxAge}`,
    lastModified: init.lastModified,
  });
}
