/**
 * Answers the HTTP layer gives itself, before React Router (a body that is too large, a database
 * that is down): a small page in the person's language, or a problem document under /api. They
 * need no database and no rendering, so they still work when those do not.
 */
import type { Request, Response } from "express";
import { apiLocale, problem } from "~/features/api/http.server";
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type MessageKey } from "~/lib/i18n";

const LOCALE_COOKIE = /(?:^|;\s*)buurtkracht_lang=(nl|en)/;

/** The language switch's cookie, else Dutch: the profile's language would need the database. */
function pageLocale(req: Request): Locale {
  const match = LOCALE_COOKIE.exec(req.headers.cookie ?? "")?.[1];
  return isLocale(match) ? match : DEFAULT_LOCALE;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface HttpError {
  status: 413 | 503;
  page: { title: MessageKey; body: MessageKey };
  problem: { code: string; title: MessageKey; detail: MessageKey; values?: Record<string, string | number> };
  headers?: Record<string, string>;
}

export function sendHttpError(req: Request, res: Response, error: HttpError): void {
  res.status(error.status);
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  if (req.path.startsWith("/api/")) {
    const request = new Request("http://api.invalid/", { headers: { "accept-language": req.get("accept-language") ?? "" } });
    const locale = apiLocale(request);
    const t = translator(locale);
    const answer = problem(
      error.status,
      { code: error.problem.code, title: t(error.problem.title), detail: t(error.problem.detail, error.problem.values) },
      { locale, headers: error.headers },
    );
    answer.headers.forEach((value, name) => res.setHeader(name, value));
    void answer.text().then((body) => res.end(req.method === "HEAD" ? undefined : body));
    return;
  }
  const locale = pageLocale(req);
  const t = translator(locale);
  const title = escapeHtml(t(error.page.title));
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Language", locale);
  res.end(
    req.method === "HEAD"
      ? undefined
      : `<!DOCTYPE html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Buurtkracht</title>
</head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; padding: 1.5rem; max-width: 40rem">
<main>
<h1>${title}</h1>
<p>${escapeHtml(t(error.page.body))}</p>
<p><a href="/">${escapeHtml(t("http.backHome"))}</a></p>
</main>
</body>
</html>
`,
  );
}

/** Seconds a client is asked to wait while the database is unreachable (a restart, a failover). */
export const RETRY_AFTER_SECONDS = 10;

export function sendDatabaseUnavailable(req: Request, res: Response): void {
  sendHttpError(req, res, {
    status: 503,
    page: { title: "http.unavailable.title", body: "http.unavailable.body" },
    problem: { code: "unavailable", title: "api.problem.unavailable", detail: "api.problem.unavailableDetail", values: { seconds: RETRY_AFTER_SECONDS } },
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}
