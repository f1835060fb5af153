/**
 * Every request body is counted while it arrives and refused with 413 once it passes its limit,
 * before React Router or an action sees any of it: a chunked body without Content-Length is
 * stopped as surely as one that declares its size. Bodies within the limit are kept (at most a few
 * megabytes) and handed to React Router as they came (server/react-router-handler.ts), so no route
 * can read more than the limit, also routes added later.
 */
import type { NextFunction, Request, Response } from "express";
import { MAX_UPLOAD_BYTES } from "~/lib/storage.server";
import { sendHttpError } from "./error-page";

/** Forms without files, the JSON API (which allows less itself) and better-auth's JSON. */
export const FORM_BODY_LIMIT = 64 * 1024;
/**
 * The forms that upload a file (municipality settings, activities, track materials). Above the image limit plus
 * the fields, so a browser that states the size still gets the form's own message about the image.
 */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 3 * 1024 * 1024;

const UPLOAD_PATHS = [
  /^\/beheer\/[^/]+\/instellingen$/,
  /^\/beheer\/[^/]+\/activiteiten\/[^/]+$/,
  // Track pages, where lesson materials are uploaded (the network's and a municipality's).
  /^\/netwerk\/trajecten\/[^/]+$/,
  /^\/beheer\/[^/]+\/trajecten\/[^/]+$/,
  // The trainee's final report, which may carry one file.
  /^\/mijn-praktijk\/eindverslag$/,
  // An organiser's evaluation, where activity photos are uploaded.
  /^\/mijn-activiteiten\/[^/]+\/evaluatie$/,
  // An organiser's budget page, where receipts of a settlement are uploaded.
  /^\/mijn-activiteiten\/[^/]+\/budget$/,
];

/**
 * The limit for a path as React Router will route it ("/x/../beheer/…" is the staff page; a form
 * sent by the page's script goes to the same path with ".data" after it).
 */
export function bodyLimitFor(originalUrl: string): number {
  let path: string;
  try {
    path = decodeURIComponent(new URL(originalUrl, "http://path.invalid").pathname)
      .replace(/\.data$/i, "")
      .replace(/\/$/, "")
      .toLowerCase();
  } catch {
    return FORM_BODY_LIMIT;
  }
  return UPLOAD_PATHS.some((pattern) => pattern.test(path)) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

export function bodyLimit() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = bodyLimitFor(req.originalUrl);
    const tooLarge = () => {
      // Whatever else the client sends is read and dropped, never kept, so that the client can
      // read the answer (closing at once would reset the connection under it). A client that
      // goes on sending long after the answer is cut off.
      req.unpipe();
      req.removeAllListeners("data");
      req.resume();
      res.on("finish", () => {
        setTimeout(() => {
          if (!req.complete) req.socket?.destroy();
        }, 10_000).unref();
      });
      sendHttpError(req, res, {
        status: 413,
        page: { title: "http.tooLarge.title", body: "http.tooLarge.body" },
        problem: { code: "payload_too_large", title: "api.problem.payloadTooLarge", detail: "api.problem.payloadTooLargeDetail", values: { max: limit } },
      });
    };
    const declared = Number(req.get("content-length") ?? 0);
    if (Number.isFinite(declared) && declared > limit) return tooLarge();

    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.byteLength;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => {
      if (refused) return;
      res.locals.requestBody = Buffer.concat(chunks, size);
      next();
    });
    req.once("error", () => {
      refused = true;
      if (!res.headersSent) res.status(400).end();
    });
  };
}
