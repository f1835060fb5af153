/**
 * Small helpers around better-auth's `asResponse` answers: the cookies it sets must reach the
 * browser on our own redirect, and its error codes decide what the page says.
 */

/** The Set-Cookie headers of a better-auth response, to send along with a redirect or page. */
export function forwardedCookies(response: Response, into = new Headers()): Headers {
  for (const cookie of response.headers.getSetCookie()) into.append("Set-Cookie", cookie);
  return into;
}

/** The JSON body of a better-auth response (or an empty object when there is none). */
export async function responseBody(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.clone().json();
    return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** better-auth's error code of a failed call, such as "INVALID_EMAIL_OR_PASSWORD". */
export async function errorCode(response: Response): Promise<string | null> {
  if (response.ok) return null;
  const code = (await responseBody(response)).code;
  return typeof code === "string" ? code : `HTTP_${response.status}`;
}

/** Throws for an answer that no user input can cause (a server fault), so it is logged as one. */
export function unexpected(response: Response, what: string): never {
  throw new Error(`better-auth ${what} answered ${response.status}`);
}
