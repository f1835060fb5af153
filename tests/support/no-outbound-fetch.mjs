// Preloaded into a test server (NODE_OPTIONS=--import): fetch may reach only this machine, and
// any other address fails loudly and is written to the server's output, where a test looks for it.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
    process.stderr.write(`OUTBOUND FETCH BLOCKED: ${url.href}\n`);
    throw new Error(`outbound fetch blocked in this test server: ${url.href}`);
  }
  return realFetch(input, init);
};
process.stderr.write("outbound fetch guard active\n");
