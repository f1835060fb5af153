/**
 * What a public page makes the browser download besides its HTML: the JavaScript (external
 * scripts, module preloads, their static imports, and inline scripts) and the stylesheets, each
 * gzipped at the level the app's compression middleware uses.
 */
import { gzipSync } from "node:zlib";
import { kilobytes } from "./stats.ts";

export interface AssetFile {
  url: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageAssets {
  path: string;
  status: number;
  htmlBytes: number;
  htmlGzipBytes: number;
  javascript: AssetFile[];
  inlineJavascript: { scripts: number; bytes: number; gzipBytes: number };
  stylesheets: AssetFile[];
  javascriptGzipKB: number;
  cssGzipKB: number;
}

const gzipLevel = 6;

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    found.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  }
  return found;
}

const EXECUTABLE_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

/** External and inline scripts, module preloads and stylesheets named in an HTML document. */
export function referencedAssets(html: string): { scripts: string[]; stylesheets: string[]; inline: string[] } {
  const scripts: string[] = [];
  const stylesheets: string[] = [];
  const inline: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(match[1]!);
    if (!EXECUTABLE_TYPES.has((attrs.get("type") ?? "").toLowerCase())) continue;
    const src = attrs.get("src");
    if (src) scripts.push(src);
    else if (match[2]!.trim()) inline.push(match[2]!);
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(match[1]!);
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const href = attrs.get("href");
    if (!href) continue;
    if (rel.includes("modulepreload")) scripts.push(href);
    else if (rel.includes("stylesheet")) stylesheets.push(href);
  }
  // Inline module scripts import the route modules ("import * as route0 from '/assets/…'").
  for (const code of inline) scripts.push(...staticImports(code));
  return { scripts, stylesheets, inline };
}

/** Specifiers of static imports in (minified) JavaScript; dynamic import() loads later, on demand. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g)) found.push(match[1]!);
  return found;
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export async function measurePageAssets(baseUrl: string, path: string): Promise<PageAssets> {
  const response = await fetch(new URL(path, baseUrl));
  const html = await response.text();
  const htmlBuffer = Buffer.from(html);
  const { scripts, stylesheets, inline } = referencedAssets(html);

  // Follow static imports of the scripts, once per file.
  const javascript = new Map<string, AssetFile>();
  const queue = scripts.map((src) => new URL(src, new URL(path, baseUrl)).href);
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (javascript.has(url) || new URL(url).origin !== new URL(baseUrl).origin) continue;
    const bytes = await fetchBytes(url);
    javascript.set(url, { url: new URL(url).pathname, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: gzipLevel }).length });
    for (const specifier of staticImports(bytes.toString("utf8"))) queue.push(new URL(specifier, url).href);
  }
  const css: AssetFile[] = [];
  for (const href of new Set(stylesheets.map((h) => new URL(h, new URL(path, baseUrl)).href))) {
    const bytes = await fetchBytes(href);
    css.push({ url: new URL(href).pathname, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: gzipLevel }).length });
  }
  const inlineBuffer = Buffer.from(inline.join("\n"));
  const inlineGzip = inline.length > 0 ? gzipSync(inlineBuffer, { level: gzipLevel }).length : 0;
  const js = [...javascript.values()];
  return {
    path,
    status: response.status,
    htmlBytes: htmlBuffer.length,
    htmlGzipBytes: gzipSync(htmlBuffer, { level: gzipLevel }).length,
    javascript: js,
    inlineJavascript: { scripts: inline.length, bytes: inlineBuffer.length, gzipBytes: inlineGzip },
    stylesheets: css,
    javascriptGzipKB: kilobytes(js.reduce((sum, f) => sum + f.gzipBytes, 0) + inlineGzip),
    cssGzipKB: kilobytes(css.reduce((sum, f) => sum + f.gzipBytes, 0)),
  };
}
