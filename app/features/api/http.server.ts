/**
 * The public API's HTTP conventions (the Dutch API design rules): JSON bodies, errors as RFC 9457
 * problem details (`application/problem+json`), CORS open to every origin (the API is public,
 * uses no cookies and changes nothing that a cookie could authorise), and messages in the
 * language of Accept-Language (Dutch by default).
 */
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from "~/lib/i18n";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Content-Language, Retry-After",
};

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
  detail?: string;
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

/** 422 with one message per invalid field. */
export function validationProblem(request: Request, errors: Record<string, string>): Response {
  const { locale, t } = apiTranslator(request);
  return problem(
    422,
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
