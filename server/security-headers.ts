/**
 * The headers every answer carries (docs/decisions/017-http-headers-and-limits.md). Scripts run only by a
 * nonce made fresh for each response: pages that hydrate carry it on React Router's scripts,
 * public pages have no script at all. The API is never framed; HSTS is sent when the site is on
 * https (TLS ends at the proxy, see the README).
 */
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const SESSION_COOKIE = "buurtkracht.session_token";
/** Two years, as the HSTS preload list asks; an HTTP Observatory scan wants at least six months. */
const HSTS_SECONDS = 63_072_000;

export function isEmbedPath(path: string): boolean {
  return /^\/[a-z0-9-]+\/embed(\/|$)/.test(path);
}

/** Calls `beforeHeaders` just before the status line and headers are written, whoever writes them. */
export function onWriteHead(res: Response, beforeHeaders: () => void): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    beforeHeaders();
    return writeHead(...args);
  }) as Response["writeHead"];
}

export function securityHeaders(options: { https: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const nonce = randomBytes(18).toString("base64url");
    res.locals.cspNonce = nonce;
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (options.https) res.setHeader("Strict-Transport-Security", `max-age=${HSTS_SECONDS}`);
    if (req.path.startsWith("/api/")) {
      // JSON, feeds and redirects only: nothing to load, nothing to frame.
      res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      res.setHeader("X-Frame-Options", "DENY");
      next();
      return;
    }
    const embeddable = isEmbedPath(req.path);
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        "img-src 'self' data:",
        // Style attributes carry a municipality's theme colour; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        `script-src 'self' 'nonce-${nonce}'`,
        "object-src 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        embeddable ? "frame-ancestors *" : "frame-ancestors 'self'",
      ].join("; "),
    );
    if (!embeddable) res.setHeader("X-Frame-Options", "SAMEORIGIN");
    next();
  };
}

/**
 * Answers of React Router are private unless they say otherwise: a signed-in person's answer is
 * never stored by a browser or proxy (it shows their name, their roles, other people's data),
 * whatever the route set; an anonymous answer without its own Cache-Control that is not a public
 * page (a sign-up confirmation, a form with messages) is not stored either.
 */
export function privateByDefault() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const signedIn = (req.headers.cookie ?? "").includes(SESSION_COOKIE);
    onWriteHead(res, () => {
      if (signedIn || (res.getHeader("cache-control") === undefined && res.locals.isPublicPage !== true)) {
        res.setHeader("Cache-Control", "no-store");
      }
    });
    next();
  };
}
