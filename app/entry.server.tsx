/**
 * Server rendering. Pages here never stream (no deferred data), so the whole document is rendered
 * first and sent as one buffer with a Content-Length: one socket write instead of dozens of small
 * ones, which measurably matters for the public calendar under load.
 */
import { PassThrough } from "node:stream";
import type { EntryContext, HandleErrorFunction, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "~/lib/log.server";
import { NonceProvider } from "~/lib/csp-nonce";
import { isDatabaseUnavailable } from "~/lib/db/errors";
import { cspNonceContext, requestFailureContext } from "~/lib/request-context";

export const streamTimeout = 5_000;

/** An unreachable database is noted for the HTTP layer, which then answers 503 (server/react-router-handler.ts). */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    context.get(requestFailureContext).databaseUnavailable = true;
    logger.warn({ err: error }, "database unavailable");
    return;
  }
  logger.error({ err: error }, "request failed");
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    // React Router puts the nonce on every script and stylesheet link it writes. A page without
    // scripts gets none, so that the public page cache may keep it.
    const nonce = hydrates(routerContext) ? loadContext.get(cspNonceContext) || undefined : undefined;
    const page = (
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = new PassThrough();
        sink.on("data", (chunk: Buffer) => chunks.push(chunk));
        sink.on("error", reject);
        sink.on("end", () => {
          clearTimeout(timeout);
          const body = Buffer.concat(chunks);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Content-Length", String(body.byteLength));
          resolve(new Response(body, { status, headers: responseHeaders }));
        });
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timeout);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        logger.error({ err: error }, "rendering failed");
      },
    });
  });
}

/** Whether the page loads client JavaScript: no route on it says `handle: { hydrate: false }` (root.tsx). */
function hydrates(context: EntryContext): boolean {
  return context.staticHandlerContext.matches.every(
    (match) => (context.routeModules[match.route.id]?.handle as { hydrate?: boolean } | undefined)?.hydrate !== false,
  );
}
