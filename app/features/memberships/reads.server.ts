import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { invitations, memberships, municipalities, partnerOrganisations, users } from "~/lib/db/schema";
import { hashInvitationToken } from "./tokens.server";

/** The people who hold a role in this municipality (including its partner organisations). */
export async function listMunicipalityTeam(municipalityId: MunicipalityId) {
  return db()
    .select({
      id: memberships.id,
      role: memberships.role,
      municipalityId: memberships.municipalityId,
      partnerOrganisationId: memberships.partnerOrganisationId,
      partnerName: partnerOrganisations.name,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, memberships.partnerOrganisationId))
    .where(eq(memberships.municipalityId, municipalityId))
    .orderBy(asc(memberships.role), asc(users.name));
}

/** One membership of this municipality, or null (also for a membership elsewhere). */
export async function findMunicipalityMembership(municipalityId: MunicipalityId, membershipId: string) {
  const [row] = await db()
    .select({
      id: memberships.id,
      role: memberships.role,
      municipalityId: memberships.municipalityId,
      partnerOrganisationId: memberships.partnerOrganisationId,
    })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.municipalityId, municipalityId)));
  return row ?? null;
}

/** Invitations to this municipality that nobody has accepted yet (expired ones too, marked as such). */
export async function listOpenInvitations(municipalityId: MunicipalityId) {
  return db()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      partnerName: partnerOrganisations.name,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, invitations.partnerOrganisationId))
    .where(and(eq(invitations.municipalityId, municipalityId), isNull(invitations.acceptedAt)))
    .orderBy(desc(invitations.createdAt));
}

/** An invitation found by the token from its link, with what it is for; null when unknown. */
export async function findInvitationByToken(token: string) {
  const [row] = await db()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      acceptedBy: invitations.acceptedBy,
      municipalityName: municipalities.name,
      municipalitySlug: municipalities.slug,
      partnerName: partnerOrganisations.name,
      inviterName: users.name,
    })
    .from(invitations)
    .leftJoin(municipalities, eq(municipalities.id, invitations.municipalityId))
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, invitations.partnerOrganisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  return row ?? null;
}

/** One open invitation of this municipality, or null (also for an invitation elsewhere). */
export async function findOpenInvitation(municipalityId: MunicipalityId, invitationId: string) {
  const [row] = await db()
    .select({ id: invitations.id, role: invitations.role, municipalityId: invitations.municipalityId })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.municipalityId, municipalityId), isNull(invitations.acceptedAt)));
  return row ?? null;
}
