/**
 * What every answer under /api/v1 shares, whichever layer gives it (a route, a body limit, an
 * outage page): the API-Version header, and a 404 problem for any spelling of a path other than
 * the documented one (`/api/v1/activities/`, `/api/v1/Activities`), which React Router would
 * otherwise match case-insensitively and with a trailing slash.
 */
import type { NextFunction, Request, Response } from "express";
import { API_VERSION, isCanonicalApiPath, notFoundProblem } from "~/features/api/http.server";

const API_PATH = /^\/api\/v1(\/|$)/i;

export function apiConventions(req: Request, res: Response, next: NextFunction): void {
  if (!API_PATH.test(req.path)) return next();
  res.setHeader("API-Version", API_VERSION);
  if (isCanonicalApiPath(req.path)) return next();
  // Only the language matters for the answer; the odd path itself may not even parse as a URL.
  const languageOnly = new Request("http://api.invalid/", { headers: { "accept-language": req.get("accept-language") ?? "" } });
  const answer = notFoundProblem(languageOnly, "api.problem.pathNotFound");
  res.status(answer.status);
  answer.headers.forEach((value, name) => res.setHeader(name, value));
  void answer.text().then((body) => res.end(req.method === "HEAD" ? undefined : body), next);
}
