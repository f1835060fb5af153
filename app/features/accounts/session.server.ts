import { eq } from "drizzle-orm";
import { redirect } from "react-router";
import type { Actor, Membership } from "~/features/authorization/policy";
import { isStaff } from "~/features/authorization/policy";
import { db } from "~/lib/db/client.server";
import { memberships } from "~/lib/db/schema";
import { env } from "~/lib/env.server";
import { isLocale, type Locale } from "~/lib/i18n";
import { auth } from "./auth.server";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  twoFactorEnabled: boolean;
  actor: Actor;
}

const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

/** The signed-in person of this request, with their memberships, or null. Read once per request. */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadCurrentUser(request);
    cache.set(request, pending);
  }
  return pending;
}

async function loadCurrentUser(request: Request): Promise<CurrentUser | null> {
  if (!request.headers.get("cookie")?.includes("buurtkracht.session_token")) return null;
  const session = await auth().api.getSession({ headers: request.headers });
  if (!session) return null;
  const rows: Membership[] = await db()
    .select({
      role: memberships.role,
      municipalityId: memberships.municipalityId,
      partnerOrganisationId: memberships.partnerOrganisationId,
    })
    .from(memberships)
    .where(eq(memberships.userId, session.user.id));
  const user = session.user as typeof session.user & { locale?: string; twoFactorEnabled?: boolean | null };
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: isLocale(user.locale) ? user.locale : "nl",
    twoFactorEnabled: user.twoFactorEnabled === true,
    actor: { userId: user.id, memberships: rows },
  };
}

/** Whether this person must set up two-factor sign-in before using staff pages. */
export function needsTwoFactorSetup(user: CurrentUser): boolean {
  return env.STAFF_TWO_FACTOR === "required" && isStaff(user.actor) && !user.twoFactorEnabled;
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const target = url.pathname + url.search;
  return redirect(`/inloggen?redirectTo=${encodeURIComponent(target)}`);
}

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw signInRedirect(request);
  return user;
}

/**
 * The signed-in person on pages that need a role: staff without the required two-factor sign-in
 * are sent to set it up first.
 */
export async function requireStaffUser(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (needsTwoFactorSetup(user)) throw redirect("/account/tweestapsverificatie?required=1");
  return user;
}
