// Starts Buurtkracht: `node server.js` (production build) or `node server.js --dev` (Vite dev server).
// The database, migrations, jobs and demo data are set up by startPlatform() before listening.
import process from "node:process";

const dev = process.argv.includes("--dev");
if (!dev) process.env.NODE_ENV ??= "production";

let app;
let platform;
let vite;
if (dev) {
  const { createServer } = await import("vite");
  vite = await createServer({ server: { middlewareMode: true }, appType: "custom" });
  platform = await vite.ssrLoadModule("./server/app.ts");
  await platform.startPlatform();
  const express = (await import("express")).default;
  app = express();
  app.use(vite.middlewares);
  app.use(async (req, res, next) => {
    try {
      const module = await vite.ssrLoadModule("./server/app.ts");
      module.createApp()(req, res, next);
    } catch (error) {
      if (typeof error === "object" && error instanceof Error) vite.ssrFixStacktrace(error);
      next(error);
    }
  });
} else {
  const buildDir = new URL(`./${process.env.BUILD_DIR ?? "build"}/`, import.meta.url);
  const buildPath = new URL("server/index.js", buildDir).href;
  platform = await import(buildPath);
  await platform.startPlatform();
  app = platform.createApp({ clientDir: new URL("client", buildDir).pathname });
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(JSON.stringify({ level: 30, time: new Date().toISOString(), service: "buurtkracht", msg: `Buurtkracht is running at http://localhost:${port}` }));
});
server.keepAliveTimeout = 65_000;

async function shutdown(signal) {
  console.log(JSON.stringify({ level: 30, time: new Date().toISOString(), service: "buurtkracht", msg: `stopping on ${signal}` }));
  server.close();
  await platform.stopPlatform();
  await vite?.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
