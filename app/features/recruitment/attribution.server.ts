/**
 * Records who recruited a sign-up, inside the sign-up's own transaction (registerForActivity), so
 * a registration and its referral are written together or not at all. A code that is unknown,
 * revoked, of another municipality or the registrant's own is ignored: the sign-up itself never
 * fails because of what the visit carried.
 */
import { and, count, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Transaction } from "~/lib/db/client.server";
import { inviteLinks, registrationReferrals, registrations, teamMembers, users } from "~/lib/db/schema";
import { findUsableLink } from "./links.server";
import { isInviteCodeShape, isNewToPlatform, judgeAttribution, type AttributionVerdict } from "./policy";

export interface ReferredSignUp {
  code: string | null;
  registrationId: string;
  municipalityId: string;
  userId: string | null;
  email: string;
}

export type ReferralOutcome = AttributionVerdict | "no_code" | "unknown";

export async function recordReferral(tx: Transaction, signUp: ReferredSignUp): Promise<ReferralOutcome> {
  if (!isInviteCodeShape(signUp.code)) return "no_code";
  const usable = await findUsableLink(tx, signUp.code);
  if (!usable) {
    // Replaced, certificate revoked, team no longer active: counted as revoked; never seen: unknown.
    const [known] = await tx.select({ id: inviteLinks.id }).from(inviteLinks).where(eq(inviteLinks.code, signUp.code));
    return known ? "revoked" : "unknown";
  }
  const link = { ...usable, revokedAt: null };
  const owners = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      link.ownerUserId
        ? eq(users.id, link.ownerUserId)
        : sql`${users.id} in (select ${teamMembers.userId} from ${teamMembers} where ${teamMembers.teamId} = ${link.teamId} and ${teamMembers.leftAt} is null)`,
    );
  const verdict = judgeAttribution(
    { municipalityId: link.municipalityId, revokedAt: link.revokedAt, ownerUserIds: owners.map((o) => o.id), ownerEmails: owners.map((o) => o.email) },
    { municipalityId: signUp.municipalityId, userId: signUp.userId, email: signUp.email },
  );
  if (verdict !== "attributed") return verdict;
  // Read in this transaction: the registration just inserted is excluded by its id, so only
  // earlier sign-ups (anywhere on the platform, cancelled or anonymised ones with the address kept) count.
  const [earlier] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.email, signUp.email), ne(registrations.id, signUp.registrationId)));
  const [account] = await tx
    .select({ n: count() })
    .from(users)
    .where(or(sql`lower(${users.email}) = ${signUp.email}`, signUp.userId ? eq(users.id, signUp.userId) : isNull(users.id)));
  await tx.insert(registrationReferrals).values({
    registrationId: signUp.registrationId,
    municipalityId: signUp.municipalityId,
    inviteLinkId: link.id,
    isNewToPlatform: isNewToPlatform({ earlierRegistrations: earlier?.n ?? 0, hasAccount: (account?.n ?? 0) > 0 }),
  });
  return "attributed";
}
