const REDIRECT_BASE = "http://redirect.invalid";

/**
 * A redirect target from user input: only a path on this site, never another host. The answer is
 * percent-encoded as the URL parser writes it, because a Location header holds only bytes: a raw
 * "/。" would make the redirect itself fail.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Checked before parsing: the URL parser drops tabs and newlines, which would turn "/\t/x" into "//x".
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Internal response header by which a route says its page is the same for every visitor who is not signed in. */
export const PUBLIC_PAGE_MARKER = "x-buurtkracht-public-page";

/**
 * The `headers` export of public pages (network home, municipality, calendar, activity, embed):
 * the HTTP layer may then serve them from its short-lived page cache to visitors who are not
 * signed in (server/page-cache.ts).
 */
export function publicPageHeaders(): Record<string, string> {
  return { [PUBLIC_PAGE_MARKER]: "1" };
}
