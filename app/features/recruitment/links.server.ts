/**
 * Looking up an invite link by its public code. A link is usable while it is not revoked and its
 * owner still is what earned it: a Citytrainer with a certificate that is not revoked (of the
 * link's municipality), or a team that is active. Both the landing page and the attribution of a
 * sign-up use this one definition, so a link that shows a page is exactly a link that counts.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "~/lib/db/client.server";
import { certificates, inviteLinks, teams } from "~/lib/db/schema";
import { isInviteCodeShape } from "./policy";

export interface UsableLink {
  id: string;
  code: string;
  municipalityId: string;
  ownerUserId: string | null;
  teamId: string | null;
}

/** The condition "this link may be used now", as SQL over invite_links. */
export const linkIsUsable = sql`${inviteLinks.revokedAt} is null and (
  (${inviteLinks.ownerUserId} is not null and exists (
    select 1 from ${certificates} where ${certificates.userId} = ${inviteLinks.ownerUserId}
      and ${certificates.municipalityId} = ${inviteLinks.municipalityId}
      and ${certificates.kind} = 'citytrainer' and ${certificates.revokedAt} is null))
  or (${inviteLinks.teamId} is not null and exists (
    select 1 from ${teams} where ${teams.id} = ${inviteLinks.teamId} and ${teams.status} = 'active')))`;

export async function findUsableLink(executor: Executor, code: unknown): Promise<UsableLink | null> {
  if (!isInviteCodeShape(code)) return null;
  const [row] = await executor
    .select({ id: inviteLinks.id, code: inviteLinks.code, municipalityId: inviteLinks.municipalityId, ownerUserId: inviteLinks.ownerUserId, teamId: inviteLinks.teamId })
    .from(inviteLinks)
    .where(and(eq(inviteLinks.code, code), linkIsUsable));
  return row ?? null;
}

/** A person's live link in a municipality (usable or not), for their own page. */
export async function findLivePersonalLink(executor: Executor, municipalityId: string, userId: string) {
  const [row] = await executor
    .select({ id: inviteLinks.id, code: inviteLinks.code })
    .from(inviteLinks)
    .where(and(eq(inviteLinks.municipalityId, municipalityId), eq(inviteLinks.ownerUserId, userId), isNull(inviteLinks.revokedAt)));
  return row ?? null;
}

export async function findLiveTeamLink(executor: Executor, teamId: string) {
  const [row] = await executor
    .select({ id: inviteLinks.id, code: inviteLinks.code })
    .from(inviteLinks)
    .where(and(eq(inviteLinks.teamId, teamId), isNull(inviteLinks.revokedAt)));
  return row ?? null;
}
