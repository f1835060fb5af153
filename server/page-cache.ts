/**
 * A micro-cache for public pages seen by visitors who are not signed in: the finished HTML of a
 * page is kept for PUBLIC_PAGE_CACHE_SECONDS (default 1) per app instance, per URL and language.
 * Only pages whose route marks them public (`headers = publicPageHeaders`) are kept, only for GET
 * requests without a session cookie, and only 200 answers without Set-Cookie. While one request
 * renders a fresh copy, the others get the copy that just expired, so an expiry never queues
 * everyone behind one render. Places left on the calendar may therefore be one second old; the
 * sign-up itself always decides on the database's current count.
 */
import type { NextFunction, Request, Response } from "express";
import { PUBLIC_PAGE_MARKER } from "~/lib/http.server";

const SESSION_COOKIE = "buurtkracht.session_token";
const MAX_ENTRIES = 2000;

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  expiresAt: number;
  refreshing: boolean;
}

function cacheKey(req: Request): string | null {
  if (req.method !== "GET") return null;
  const cookie = req.headers.cookie ?? "";
  if (cookie.includes(SESSION_COOKIE)) return null;
  const language = /(?:^|;\s*)buurtkracht_lang=(nl|en)/.exec(cookie)?.[1] ?? "default";
  return `${language} ${req.originalUrl}`;
}

function send(res: Response, entry: Entry, state: "hit" | "stale"): void {
  res.status(entry.status);
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
  res.setHeader("Vary", "Cookie");
  res.setHeader("X-Page-Cache", state);
  res.end(entry.body);
}

export function publicPageCache(seconds: number) {
  const entries = new Map<string, Entry>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = seconds > 0 ? cacheKey(req) : null;
    const cached = key ? entries.get(key) : undefined;
    if (cached && (cached.expiresAt > Date.now() || cached.refreshing)) {
      send(res, cached, cached.expiresAt > Date.now() ? "hit" : "stale");
      return;
    }
    if (cached) cached.refreshing = true;

    // Capture what the page handler writes, then decide whether it may be kept.
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const capture = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      capture(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      capture(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response["end"];

    // The marker is internal; what leaves the server is an ordinary cache header.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (res.getHeader(PUBLIC_PAGE_MARKER) !== undefined) {
        res.removeHeader(PUBLIC_PAGE_MARKER);
        res.locals.isPublicPage = true;
        // The page's language comes from a cookie, and a session cookie changes the header.
        res.setHeader("Vary", "Cookie");
        if (key) res.setHeader("Cache-Control", `public, max-age=0, s-maxage=${seconds}`);
      }
      return writeHead(...args);
    }) as Response["writeHead"];

    // Whatever happens to this response, the next request may refresh the page again.
    res.on("close", () => {
      if (cached) cached.refreshing = false;
    });
    res.on("finish", () => {
      if (!key || res.locals.isPublicPage !== true) return;
      const type = String(res.getHeader("content-type") ?? "");
      if (res.statusCode !== 200 || !type.startsWith("text/html") || res.getHeader("set-cookie") !== undefined) return;
      const body = Buffer.concat(chunks);
      // A page with this response's script nonce is this response's alone: another visitor would
      // learn a nonce that still counts.
      const nonce = String(res.locals.cspNonce ?? "");
      if (nonce && body.includes(nonce)) return;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        // Per response: the request id and the policy with its nonce; compression adds its own.
        if (value === undefined || ["x-request-id", "content-security-policy", "content-encoding", "content-length", "vary"].includes(name)) continue;
        headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
      }
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { status: 200, headers, body, expiresAt: Date.now() + seconds * 1000, refreshing: false });
    });
    next();
  };
}
