/**
 * The reference point for the page benchmark: a minimal Node HTTP server that answers every
 * request with the same bytes the app rendered, so the ratio app/static shows what rendering
 * (database, React, middleware) costs on top of Node's HTTP handling.
 *
 *   node bench/static-server.ts <file.html> <port>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, portText] = process.argv.slice(2);
if (!file || !portText) {
  console.error("usage: node bench/static-server.ts <file.html> <port>");
  process.exit(2);
}
const body = readFileSync(file);
const headers = { "Content-Type": "text/html; charset=utf-8", "Content-Length": String(body.length) };

const server = createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(portText), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
