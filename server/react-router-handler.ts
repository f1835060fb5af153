/**
 * React Router behind Express, as @react-router/express does it, except that the request body is
 * the one server/body-limit.ts already counted and kept (React Router never reads the socket
 * itself, so no route can receive more than the limit), and that an answer that failed because
 * the database is unreachable becomes a 503 with Retry-After instead of the error page's 500.
 */
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler as createRouterHandler, type RouterContextProvider, type ServerBuild } from "react-router";
import { writeReadableStreamToWritable } from "@react-router/node";
import { requestFailureContext } from "~/lib/request-context";
import { sendDatabaseUnavailable } from "./error-page";

function requestHeaders(req: Request): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(name, value);
    else headers.set(name, values);
  }
  return headers;
}

function routerRequest(req: Request, res: Response): globalThis.Request {
  const [, forwardedPort] = req.app.enabled("trust proxy") ? (req.get("X-Forwarded-Host")?.split(":") ?? []) : [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((value) => Number.parseInt(value ?? "", 10)).find((value) => Number.isSafeInteger(value));
  const host = `${req.hostname.split(/[\\/?#@]/)[0] || "localhost"}${port ? `:${port}` : ""}`;
  const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  const body = res.locals.requestBody as Buffer | undefined;
  return new Request(url.href, {
    method: req.method,
    headers: requestHeaders(req),
    signal: controller.signal,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body ?? new Uint8Array()),
  });
}

export function createRequestHandler(options: {
  build: ServerBuild;
  getLoadContext: (req: Request, res: Response) => RouterContextProvider;
}) {
  const handle = createRouterHandler(options.build, process.env.NODE_ENV);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const context = options.getLoadContext(req, res);
      const failure = { databaseUnavailable: false };
      context.set(requestFailureContext, failure);
      const response = await handle(routerRequest(req, res), context);
      if (res.destroyed || res.writableEnded) {
        await response.body?.cancel();
        return;
      }
      if (failure.databaseUnavailable && response.status >= 500) {
        await response.body?.cancel();
        sendDatabaseUnavailable(req, res);
        return;
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (!response.body) {
        res.end();
        return;
      }
      await writeReadableStreamToWritable(response.body, res).catch((error: unknown) => {
        if (!(res.destroyed || res.writableEnded)) throw error;
      });
    } catch (error) {
      next(error);
    }
  };
}
