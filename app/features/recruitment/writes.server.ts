/**
 * Creating and replacing invite links. A link is made the first time its owner needs it (their
 * invite page, a flyer); replacing revokes the old one in the same transaction, so there is never
 * more than one live link per person per municipality, or per team (partial unique indexes
 * invite_links_one_live_per_person / _per_team), and sign-ups attributed to the old link keep it.
 */
import { and, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "~/lib/db/client.server";
import { inviteLinks } from "~/lib/db/schema";
import { refuse, type WriteResult } from "~/lib/write-result";
import { findLivePersonalLink, findLiveTeamLink } from "./links.server";
import { generateInviteCode } from "./policy";
import type { InviterRoles } from "./reads.server";

export type LinkOwner = { kind: "person"; municipalityId: string; userId: string } | { kind: "team"; municipalityId: string; teamId: string };

function liveLinkOf(executor: Executor, owner: LinkOwner) {
  return owner.kind === "person" ? findLivePersonalLink(executor, owner.municipalityId, owner.userId) : findLiveTeamLink(executor, owner.teamId);
}

async function insertLink(executor: Executor, owner: LinkOwner): Promise<void> {
  // A clash with the live-link index (two first visits at once) or, astronomically rarely, with
  // another code leaves nothing inserted; the caller reads what is live now.
  await executor
    .insert(inviteLinks)
    .values({
      municipalityId: owner.municipalityId,
      code: generateInviteCode(),
      ownerUserId: owner.kind === "person" ? owner.userId : null,
      teamId: owner.kind === "team" ? owner.teamId : null,
    })
    .onConflictDoNothing();
}

/** The owner's live link, created on first need. The caller has checked that the owner may have one. */
export async function ensureInviteLink(owner: LinkOwner, executor: Executor = db()): Promise<{ id: string; code: string }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const live = await liveLinkOf(executor, owner);
    if (live) return live;
    await insertLink(executor, owner);
  }
  const live = await liveLinkOf(executor, owner);
  if (!live) throw new Error("no invite link could be created");
  return live;
}

/** Whether the person may hold (and replace) this owner's link, by the roles they have now. */
export function mayHoldLink(roles: InviterRoles, owner: LinkOwner): boolean {
  return owner.kind === "person"
    ? roles.citytrainerIn.some((m) => m.id === owner.municipalityId)
    : roles.teams.some((team) => team.id === owner.teamId && team.municipalityId === owner.municipalityId);
}

/**
 * Revokes the live link and makes a new one, in one transaction. The old row is locked first, so
 * two clicks at once revoke it once and leave exactly one new live link.
 */
export async function replaceInviteLink(roles: InviterRoles, owner: LinkOwner): Promise<WriteResult<{ code: string }>> {
  if (!mayHoldLink(roles, owner)) return refuse("_form", "recruitment.error.notYours");
  return db().transaction(async (tx) => {
    const ownerColumn = owner.kind === "person" ? and(eq(inviteLinks.municipalityId, owner.municipalityId), eq(inviteLinks.ownerUserId, owner.userId)) : eq(inviteLinks.teamId, owner.teamId);
    const [current] = await tx.select({ id: inviteLinks.id }).from(inviteLinks).where(and(ownerColumn, isNull(inviteLinks.revokedAt))).for("update");
    if (current) await tx.update(inviteLinks).set({ revokedAt: new Date() }).where(eq(inviteLinks.id, current.id));
    const fresh = await ensureInviteLink(owner, tx);
    return { ok: true as const, code: fresh.code };
  });
}
