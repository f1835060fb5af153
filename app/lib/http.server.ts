/** A redirect target from user input: only a path on this site, never another host. */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
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
