import { and, asc, count, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { MunicipalityId, NetworkScope } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { activities, memberships, municipalities, neighbourhoodDeletions, neighbourhoods, partnerOrganisations, users } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";

/** The published municipalities of the network, for public pages and the API (public data only). */
export async function listMunicipalities() {
  return db()
    .select({
      id: municipalities.id,
      slug: municipalities.slug,
      name: municipalities.name,
      themeColour: municipalities.themeColour,
      logoPath: municipalities.logoPath,
    })
    .from(municipalities)
    .where(isNotNull(municipalities.publishedAt))
    .orderBy(asc(municipalities.name));
}

/** Network-wide overview for the network coordinator: every municipality with its size, project leaders and whether it is public. */
export async function listNetworkMunicipalities(_network: NetworkScope) {
  const [rows, neighbourhoodCounts, partnerCounts, leaders] = await Promise.all([
    db()
      .select({
        id: municipalities.id,
        slug: municipalities.slug,
        name: municipalities.name,
        themeColour: municipalities.themeColour,
        isPublished: sql<boolean>`${municipalities.publishedAt} is not null`,
      })
      .from(municipalities)
      .orderBy(asc(municipalities.name)),
    // Counted per municipality in their own queries: a correlated subquery in a one-table select
    // loses its table names in Drizzle and then compared each row with itself (every count was 0).
    db().select({ municipalityId: neighbourhoods.municipalityId, n: count() }).from(neighbourhoods).groupBy(neighbourhoods.municipalityId),
    db().select({ municipalityId: partnerOrganisations.municipalityId, n: count() }).from(partnerOrganisations).groupBy(partnerOrganisations.municipalityId),
    db()
      .select({ municipalityId: memberships.municipalityId, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.role, "project_leader"))
      .orderBy(asc(users.name)),
  ]);
  const countOf = (counts: { municipalityId: string; n: number }[], id: string) => counts.find((c) => c.municipalityId === id)?.n ?? 0;
  return rows.map((row) => ({
    ...row,
    neighbourhoodCount: countOf(neighbourhoodCounts, row.id),
    partnerCount: countOf(partnerCounts, row.id),
    projectLeaders: leaders.filter((leader) => leader.municipalityId === row.id).map((leader) => leader.name),
  }));
}

export async function listNeighbourhoods(municipalityId: MunicipalityId) {
  return db()
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.municipalityId, municipalityId))
    .orderBy(asc(neighbourhoods.name));
}

/** A neighbourhood of this municipality and how many activities would lose it, for the "are you sure?" step; null when unknown. */
export async function findNeighbourhoodToDelete(municipalityId: MunicipalityId, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.id, id), eq(neighbourhoods.municipalityId, municipalityId)));
  if (!row) return null;
  const [used] = await db()
    .select({ n: count() })
    .from(activities)
    .where(and(eq(activities.neighbourhoodId, id), eq(activities.municipalityId, municipalityId)));
  return { ...row, activityCount: used?.n ?? 0 };
}

/** A deletion of this municipality that can still be undone (see restoreNeighbourhood), or null. */
export async function findUndoableNeighbourhoodDeletion(municipalityId: MunicipalityId, id: string, undoMs: number) {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({ id: neighbourhoodDeletions.id, name: neighbourhoodDeletions.name })
    .from(neighbourhoodDeletions)
    .where(
      and(
        eq(neighbourhoodDeletions.id, id),
        eq(neighbourhoodDeletions.municipalityId, municipalityId),
        isNull(neighbourhoodDeletions.restoredAt),
        gt(neighbourhoodDeletions.deletedAt, new Date(Date.now() - undoMs)),
      ),
    );
  return row ?? null;
}

/** A partner organisation as the list and the single read both return it. */
const partnerColumns = {
  id: partnerOrganisations.id,
  name: partnerOrganisations.name,
  kind: partnerOrganisations.kind,
  website: partnerOrganisations.website,
  email: partnerOrganisations.email,
};

export async function listPartnerOrganisations(municipalityId: MunicipalityId) {
  return db()
    .select(partnerColumns)
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.municipalityId, municipalityId))
    .orderBy(asc(partnerOrganisations.name));
}

/** One partner organisation of this municipality, or null (also for another municipality's partner). */
export async function findPartnerOrganisation(municipalityId: MunicipalityId, partnerId: string) {
  const [row] = await db()
    .select(partnerColumns)
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.id, partnerId), eq(partnerOrganisations.municipalityId, municipalityId)));
  return row ?? null;
}

/** Figures for the staff home page of a municipality. */
export async function staffOverview(municipalityId: MunicipalityId) {
  const [[n], [p], [m]] = await Promise.all([
    db().select({ n: count() }).from(neighbourhoods).where(eq(neighbourhoods.municipalityId, municipalityId)),
    db().select({ n: count() }).from(partnerOrganisations).where(eq(partnerOrganisations.municipalityId, municipalityId)),
    db().select({ n: count() }).from(memberships).where(eq(memberships.municipalityId, municipalityId)),
  ]);
  return { neighbourhoods: n?.n ?? 0, partners: p?.n ?? 0, team: m?.n ?? 0 };
}

/** Whether another municipality already uses this slug. */
export async function isSlugTaken(slug: string, exceptMunicipalityId?: MunicipalityId): Promise<boolean> {
  const [row] = await db().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, slug));
  return row !== undefined && row.id !== exceptMunicipalityId;
}
