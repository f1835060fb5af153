import { and, asc, eq, gt } from "drizzle-orm";
import { isStaff } from "~/features/authorization/policy";
import { db } from "~/lib/db/client.server";
import { memberships, municipalities, partnerOrganisations, twoFactors, users, verifications, type Role } from "~/lib/db/schema";
import { env } from "~/lib/env.server";

export interface MembershipDescription {
  role: Role;
  municipalityName: string | null;
  partnerName: string | null;
}

/** A person's roles with the names of the municipality and partner they hold them in. */
export async function describeMemberships(userId: string): Promise<MembershipDescription[]> {
  return db()
    .select({ role: memberships.role, municipalityName: municipalities.name, partnerName: partnerOrganisations.name })
    .from(memberships)
    .leftJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.partnerOrganisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.role), asc(municipalities.name));
}

/** Whether this installation requires two-factor sign-in of this person (staff roles). */
export async function isTwoFactorRequiredFor(userId: string): Promise<boolean> {
  if (env.STAFF_TWO_FACTOR !== "required") return false;
  const rows = await db()
    .select({ role: memberships.role, municipalityId: memberships.municipalityId, partnerOrganisationId: memberships.partnerOrganisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return isStaff({ userId, memberships: rows });
}

export interface SignInLinkAccount {
  id: string;
  twoFactorEnabled: boolean;
  /** Holds a staff role: an emailed link (one factor, the mailbox) never signs staff in. */
  isStaff: boolean;
}

/** The account behind an email address, as far as sign-in mails need to know it. */
export async function findAccountByEmail(email: string): Promise<SignInLinkAccount | null> {
  const [row] = await db()
    .select({ id: users.id, twoFactorEnabled: users.twoFactorEnabled })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  if (!row) return null;
  const roles = await db()
    .select({ role: memberships.role, municipalityId: memberships.municipalityId, partnerOrganisationId: memberships.partnerOrganisationId })
    .from(memberships)
    .where(eq(memberships.userId, row.id));
  return { ...row, isStaff: isStaff({ userId: row.id, memberships: roles }) };
}

/** Whether an emailed sign-in link may sign this account in (it would skip the password and any code). */
export function maySignInWithLink(account: SignInLinkAccount): boolean {
  return !account.twoFactorEnabled && !account.isStaff;
}

/** The user id a pending two-factor sign-in (better-auth's challenge identifier) belongs to. */
export async function findPendingTwoFactorUser(identifier: string): Promise<string | null> {
  const [row] = await db()
    .select({ value: verifications.value })
    .from(verifications)
    .where(and(eq(verifications.identifier, identifier), gt(verifications.expiresAt, new Date())));
  return row?.value ?? null;
}

/** The email address an unused emailed sign-in link was made for. */
export async function findMagicLinkEmail(token: string): Promise<string | null> {
  const [row] = await db()
    .select({ value: verifications.value })
    .from(verifications)
    .where(and(eq(verifications.identifier, `magic-link:${token}`), gt(verifications.expiresAt, new Date())));
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.value) as { email?: unknown };
    return typeof parsed.email === "string" ? parsed.email : null;
  } catch {
    return null;
  }
}

/** The stored, still unconfirmed authenticator secret of a person (encrypted), if any. */
export async function findUnconfirmedTwoFactorSecret(userId: string): Promise<string | null> {
  const [row] = await db()
    .select({ secret: twoFactors.secret })
    .from(twoFactors)
    .where(and(eq(twoFactors.userId, userId), eq(twoFactors.verified, false)));
  return row?.secret ?? null;
}

/** The stored (encrypted) authenticator secret of a person with two-factor sign-in switched on. */
export async function findTwoFactorSecret(userId: string): Promise<string | null> {
  const [row] = await db()
    .select({ secret: twoFactors.secret })
    .from(twoFactors)
    .where(and(eq(twoFactors.userId, userId), eq(twoFactors.verified, true)));
  return row?.secret ?? null;
}
