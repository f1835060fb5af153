/**
 * The visit's referral: a usable code seen on /doe-mee or in an activity page's ?ref= is kept in
 * a session cookie (ADR 032). Only a code of the page's own municipality is kept, and an unknown
 * or revoked one sets nothing, so the answer shows nothing about codes.
 */
import { db } from "~/lib/db/client.server";
import { findUsableLink } from "./links.server";
import { referralCookie } from "./policy";

export async function referralCookieFromQuery(request: Request, code: string, municipalityId: string): Promise<{ code: string; cookie: string } | null> {
  const link = await findUsableLink(db(), code);
  if (!link || link.municipalityId !== municipalityId) return null;
  return { code: link.code, cookie: referralCookie(link.code, new URL(request.url).protocol === "https:") };
}
