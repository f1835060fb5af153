import type { Request } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether an unsafe request came from another site. Browsers send Origin with every form post;
 * a request whose Origin (or, failing that, Referer) is not this site is refused. The public
 * JSON API under /api/v1 is exempt: it is meant for other sites and authenticates no one by cookie.
 */
export function isCrossSiteRequest(req: Request, baseUrl: string): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  // The path as React Router will route it: "/api/v1/../beheer/x" is a staff page, not the API.
  if (normalisedPath(req.originalUrl).startsWith("/api/v1/")) return false;
  const allowed = new Set([new URL(baseUrl).origin, `${req.protocol}://${req.get("host") ?? ""}`]);
  const origin = req.get("origin");
  if (origin && origin !== "null") return !allowed.has(origin);
  if (req.get("sec-fetch-site") === "cross-site") return true;
  const referer = req.get("referer");
  if (referer) {
    try {
      return !allowed.has(new URL(referer).origin);
    } catch {
      return true;
    }
  }
  // No Origin, no Referer: not a browser form post (browsers send Origin on POST); such clients
  // carry no ambient cookies from a victim's browser.
  return origin === "null";
}

function normalisedPath(originalUrl: string): string {
  try {
    return new URL(originalUrl, "http://path.invalid").pathname;
  } catch {
    return "";
  }
}
