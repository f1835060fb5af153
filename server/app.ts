/**
 * The HTTP application: operational endpoints, security headers, static files, the cross-site
 * request check, then React Router for every page, form and API route. Built by Vite into
 * build/server/index.js and started by server.js.
 */
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { RouterContextProvider } from "react-router";
import { cspNonceContext, requestIdContext } from "~/lib/request-context";
import { sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { isDatabaseUnavailable } from "~/lib/db/errors";
import { expectedMigrationCount } from "~/lib/db/migrate.server";
import { baseUrl, env } from "~/lib/env.server";
import { logger } from "~/lib/log.server";
import { readStoredFile } from "~/lib/storage.server";
import { apiConventions } from "./api-conventions";
import { isCrossSiteRequest } from "./cross-site";
import { bodyLimit } from "./body-limit";
import { sendDatabaseUnavailable } from "./error-page";
import { publicPageCache } from "./page-cache";
import { createRequestHandler } from "./react-router-handler";
import { privateByDefault, securityHeaders } from "./security-headers";
import * as serverBuild from "virtual:react-router/server-build";

export { startPlatform, stopPlatform } from "./platform";


export function createApp(options: { clientDir?: string } = {}) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = (req.get("x-request-id") ?? "").slice(0, 64) || randomUUID();
    // Overwritten on every request so a client cannot choose its own address for rate limits.
    req.headers["x-client-address"] = req.ip ?? "unknown";
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      if (req.path.startsWith("/assets/")) return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        "request",
      );
    });
    next();
  });

  app.use(securityHeaders({ https: baseUrl.startsWith("https:") }));
  app.use(apiConventions);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    try {
      const [row] = (await db().execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`)).rows as {
        applied: number;
      }[];
      const expected = await expectedMigrationCount();
      const ready = (row?.applied ?? 0) >= expected;
      res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "migrations pending", database: "ok", migrations: { applied: row?.applied ?? 0, expected } });
    } catch {
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });

  app.use(compression());

  if (options.clientDir) {
    app.use("/assets", express.static(`${options.clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
    // Only the files that exist at start-up: no file-system lookup for every page request.
    const publicFiles = express.static(options.clientDir, { maxAge: "1h", index: false, dotfiles: "allow" });
    const topLevel = new Set(listPublicFiles(options.clientDir));
    app.use((req, res, next) => (topLevel.has(req.path) ? publicFiles(req, res, next) : next()));
  }

  app.get("/uploads/:key", async (req, res) => {
    const file = await readStoredFile(req.params.key);
    if (!file) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    res.type("image/webp").setHeader("Cache-Control", "public, max-age=86400");
    res.send(file);
  });

  // Cross-site form posts are refused before any action runs (the API under /api/v1 is meant for
  // other sites and uses no cookies).
  app.use((req, res, next) => {
    if (isCrossSiteRequest(req, baseUrl)) {
      res.status(403).type("text/plain; charset=utf-8").send("Cross-site request refused / Verzoek van een andere website geweigerd");
      return;
    }
    next();
  });

  app.use(bodyLimit());
  app.use(privateByDefault());
  app.use(publicPageCache(env.PUBLIC_PAGE_CACHE_SECONDS));
  app.all(
    "/{*splat}",
    createRequestHandler({
      build: serverBuild,
      getLoadContext: (_req, res) => {
        const context = new RouterContextProvider();
        context.set(requestIdContext, String(res.locals.requestId));
        context.set(cspNonceContext, String(res.locals.cspNonce));
        return context;
      },
    }),
  );
  // Errors outside React Router (an upload read, the adapter itself): an outage is a 503 there too.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent || !isDatabaseUnavailable(error)) return next(error);
    logger.warn({ err: error }, "database unavailable");
    sendDatabaseUnavailable(req, res);
  });
  return app;
}

/** Paths (like `/favicon.svg`, `/.well-known/security.txt`) of the static files outside /assets. */
function listPublicFiles(clientDir: string): string[] {
  return readdirSync(clientDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(clientDir.length).replace(/\\/g, "/")}/${entry.name}`.replace(/^\/?/, "/"))
    .filter((path) => !path.startsWith("/assets/"));
}
