/**
 * Invitations and memberships. An invitation and its email are written in one transaction, so
 * nobody is invited without a message and no message goes out for an invitation that failed.
 */
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { MunicipalityId, NetworkScope } from "~/features/authorization/gate.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { invitations, membershipRemovals, memberships, municipalities, partnerOrganisations, users, type Role } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { translator, type Locale } from "~/lib/i18n";
import { queueEmail } from "~/lib/mail.server";
import { refuse, type WriteResult } from "~/lib/write-result";
import type { InviteInput } from "./schema";
import { hashInvitationToken, INVITATION_LIFETIME_MS, newInvitationToken } from "./tokens.server";
import { isUuid } from "~/lib/validation";

/** The person who sends an invitation; the email is written in their language. */
export interface Inviter {
  id: string;
  name: string;
  locale: Locale;
}

interface InvitationTarget {
  email: string;
  role: Role;
  municipalityId: string;
  municipalityName: string;
  partnerOrganisationId: string | null;
  partnerName: string | null;
}

async function holdsRole(tx: Transaction, target: InvitationTarget): Promise<boolean> {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(sql`lower(${users.email})`, target.email),
        eq(memberships.role, target.role),
        eq(memberships.municipalityId, target.municipalityId),
        target.partnerOrganisationId
          ? eq(memberships.partnerOrganisationId, target.partnerOrganisationId)
          : isNull(memberships.partnerOrganisationId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

async function createInvitation(tx: Transaction, inviter: Inviter, target: InvitationTarget): Promise<void> {
  const { token, tokenHash } = newInvitationToken();
  await tx.insert(invitations).values({
    email: target.email,
    role: target.role,
    municipalityId: target.municipalityId,
    partnerOrganisationId: target.partnerOrganisationId,
    tokenHash,
    invitedBy: inviter.id,
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
  });
  const t = translator(inviter.locale);
  const role = t(`role.${target.role}`);
  const place = target.partnerName
    ? t("mail.invitation.placePartner", { partner: target.partnerName, municipality: target.municipalityName })
    : target.municipalityName;
  const url = `${baseUrl}/uitnodiging/${token}`;
  await queueEmail(tx, {
    to: target.email,
    kind: "invitation",
    locale: inviter.locale,
    municipalityId: target.municipalityId,
    subject: t("mail.invitation.subject", { role, place }),
    text: t("mail.invitation.body", { inviter: inviter.name, role, place, url, days: 14 }),
    secretLinks: [url],
  });
}

/**
 * A project leader (or the network coordinator) invites someone into this municipality. A
 * partner organisation must belong to this municipality; one from elsewhere is refused.
 */
export async function inviteStaff(municipalityId: MunicipalityId, inviter: Inviter, input: InviteInput): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const [municipality] = await tx
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, municipalityId));
    if (!municipality) return refuse("_form", "admin.notFoundInMunicipality");
    let partnerName: string | null = null;
    if (input.partnerOrganisationId) {
      const [partner] = await tx
        .select({ name: partnerOrganisations.name })
        .from(partnerOrganisations)
        .where(and(eq(partnerOrganisations.id, input.partnerOrganisationId), eq(partnerOrganisations.municipalityId, municipalityId)));
      if (!partner) return refuse("partnerOrganisationId", "admin.invite.partnerNotFound");
      partnerName = partner.name;
    }
    const target: InvitationTarget = {
      email: input.email,
      role: input.role,
      municipalityId,
      municipalityName: municipality.name,
      partnerOrganisationId: input.partnerOrganisationId,
      partnerName,
    };
    if (await holdsRole(tx, target)) return refuse("email", "admin.invite.alreadyMember");
    await createInvitation(tx, inviter, target);
    return { ok: true } as const;
  });
}

/** The network coordinator appoints a project leader for a municipality by invitation. */
export async function appointProjectLeader(
  _network: NetworkScope,
  inviter: Inviter,
  input: { municipalityId: string; email: string },
): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const [municipality] = await tx
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, input.municipalityId));
    if (!municipality) return refuse("municipalityId", "validation.invalid");
    const target: InvitationTarget = {
      email: input.email,
      role: "project_leader",
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      partnerOrganisationId: null,
      partnerName: null,
    };
    if (await holdsRole(tx, target)) return refuse("email", "admin.invite.alreadyMember");
    await createInvitation(tx, inviter, target);
    return { ok: true } as const;
  });
}

export type AcceptResult =
  | { status: "accepted"; municipalitySlug: string | null }
  | { status: "unknown" | "used" | "expired" | "wrongAccount" };

/**
 * Accepts an invitation for the signed-in person. Accepting twice gives the same result and one
 * membership; an invitation for another email address, a used or an expired one is refused.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<AcceptResult> {
  const tokenHash = hashInvitationToken(token);
  return db().transaction(async (tx) => {
    const [found] = await tx
      .select({ id: invitations.id, partnerOrganisationId: invitations.partnerOrganisationId })
      .from(invitations)
      .where(eq(invitations.tokenHash, tokenHash));
    if (!found) return { status: "unknown" } as const;
    // Lock order partner → invitation, the same order as deleting a partner (which cascades to its
    // invitations), so the two cannot deadlock.
    if (found.partnerOrganisationId) {
      await tx
        .select({ id: partnerOrganisations.id })
        .from(partnerOrganisations)
        .where(eq(partnerOrganisations.id, found.partnerOrganisationId))
        .for("key share");
    }
    const [invitation] = await tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        municipalityId: invitations.municipalityId,
        partnerOrganisationId: invitations.partnerOrganisationId,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        acceptedBy: invitations.acceptedBy,
        municipalitySlug: municipalities.slug,
      })
      .from(invitations)
      .leftJoin(municipalities, eq(municipalities.id, invitations.municipalityId))
      .where(eq(invitations.id, found.id))
      .for("update", { of: invitations });
    if (!invitation) return { status: "unknown" } as const;
    if (invitation.acceptedAt) {
      return invitation.acceptedBy === user.id
        ? ({ status: "accepted", municipalitySlug: invitation.municipalitySlug } as const)
        : ({ status: "used" } as const);
    }
    if (invitation.expiresAt.getTime() <= Date.now()) return { status: "expired" } as const;
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) return { status: "wrongAccount" } as const;
    await tx
      .insert(memberships)
      .values({
        userId: user.id,
        role: invitation.role,
        municipalityId: invitation.municipalityId,
        partnerOrganisationId: invitation.partnerOrganisationId,
      })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: user.id }).where(eq(invitations.id, invitation.id));
    return { status: "accepted", municipalitySlug: invitation.municipalitySlug } as const;
  });
}

/** How long a role taken away can be given back from the notice. */
export const MEMBERSHIP_UNDO_MS = 60 * 60 * 1000;

/**
 * Takes a role away: the membership of this municipality with this id (nothing elsewhere). What it
 * was is kept for MEMBERSHIP_UNDO_MS, so the notice can give it back.
 */
export async function removeMembership(municipalityId: MunicipalityId, membershipId: string, removedBy: string): Promise<WriteResult<{ removalId: string }>> {
  return db().transaction(async (tx) => {
    const [deleted] = await tx
      .delete(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.municipalityId, municipalityId)))
      .returning();
    if (!deleted) return refuse("_form", "admin.notFoundInMunicipality");
    await tx
      .delete(membershipRemovals)
      .where(and(eq(membershipRemovals.municipalityId, municipalityId), lt(membershipRemovals.removedAt, new Date(Date.now() - MEMBERSHIP_UNDO_MS))));
    const [removal] = await tx
      .insert(membershipRemovals)
      .values({ userId: deleted.userId, role: deleted.role, municipalityId, partnerOrganisationId: deleted.partnerOrganisationId, removedBy })
      .returning({ id: membershipRemovals.id });
    return { ok: true, removalId: removal!.id } as const;
  });
}

/** A recent removal of this municipality that may still be undone, or null. */
export async function findUndoableRemoval(municipalityId: MunicipalityId, removalId: string) {
  if (!isUuid(removalId)) return null;
  const [row] = await db()
    .select({ id: membershipRemovals.id, role: membershipRemovals.role, municipalityId: membershipRemovals.municipalityId, partnerOrganisationId: membershipRemovals.partnerOrganisationId, userId: membershipRemovals.userId, name: users.name })
    .from(membershipRemovals)
    .innerJoin(users, eq(users.id, membershipRemovals.userId))
    .where(
      and(
        eq(membershipRemovals.id, removalId),
        eq(membershipRemovals.municipalityId, municipalityId),
        isNull(membershipRemovals.restoredAt),
        gt(membershipRemovals.removedAt, new Date(Date.now() - MEMBERSHIP_UNDO_MS)),
      ),
    );
  return row ?? null;
}

/** Gives a role back that was taken away within the last hour (the caller checked canInvite for it). */
export async function restoreMembership(municipalityId: MunicipalityId, removalId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const [removal] = await tx
      .select()
      .from(membershipRemovals)
      .where(
        and(
          eq(membershipRemovals.id, removalId),
          eq(membershipRemovals.municipalityId, municipalityId),
          isNull(membershipRemovals.restoredAt),
          gt(membershipRemovals.removedAt, new Date(Date.now() - MEMBERSHIP_UNDO_MS)),
        ),
      )
      .for("update");
    if (!removal) return refuse("_form", "undo.expired");
    await tx
      .insert(memberships)
      .values({ userId: removal.userId, role: removal.role, municipalityId, partnerOrganisationId: removal.partnerOrganisationId })
      .onConflictDoNothing();
    await tx.update(membershipRemovals).set({ restoredAt: new Date() }).where(eq(membershipRemovals.id, removal.id));
    return { ok: true } as const;
  });
}

/** Withdraws an invitation that has not been accepted; its link stops working. */
export async function revokeInvitation(municipalityId: MunicipalityId, invitationId: string): Promise<WriteResult> {
  const deleted = await db()
    .delete(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.municipalityId, municipalityId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return deleted.length > 0 ? { ok: true } : refuse("_form", "admin.notFoundInMunicipality");
}
