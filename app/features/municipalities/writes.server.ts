/**
 * Writes for running a municipality. Every function takes the MunicipalityId the gate handed out
 * and filters on it, so a form for municipality A can never change municipality B's rows.
 */
import { and, count, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import { forgetPublicMunicipalities, type MunicipalityId, type NetworkScope } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { uniqueViolation } from "~/lib/db/errors";
import { activities, budgetPots, memberships, municipalities, neighbourhoodDeletions, neighbourhoods, partnerOrganisations } from "~/lib/db/schema";
import { refuse, type WriteResult } from "~/lib/write-result";
import type { CreateMunicipalityInput, MunicipalitySettingsInput, PartnerInput } from "./schema";

/** A new municipality of the network (network coordinator). */
export async function createMunicipality(
  _network: NetworkScope,
  input: CreateMunicipalityInput,
): Promise<WriteResult<{ id: string; slug: string }>> {
  const [row] = await db()
    .insert(municipalities)
    .values({ name: input.name, slug: input.slug, themeColour: input.themeColour })
    .onConflictDoNothing({ target: municipalities.slug })
    .returning({ id: municipalities.id, slug: municipalities.slug });
  if (!row) return refuse("slug", "admin.validation.slugTaken");
  return { ok: true, ...row };
}

/**
 * Saves a municipality's settings. `logoPath` undefined keeps the current logo, null removes it.
 */
export async function updateMunicipalitySettings(
  municipalityId: MunicipalityId,
  input: Omit<MunicipalitySettingsInput, "removeLogo"> & { logoPath?: string | null },
): Promise<WriteResult<{ slug: string }>> {
  try {
    const [row] = await db()
      .update(municipalities)
      .set({
        name: input.name,
        slug: input.slug,
        themeColour: input.themeColour,
        introduction: input.introduction,
        contactEmail: input.contactEmail || null,
        ...(input.logoPath !== undefined ? { logoPath: input.logoPath } : {}),
        updatedAt: new Date(),
      })
      .where(eq(municipalities.id, municipalityId))
      .returning({ slug: municipalities.slug });
    if (!row) return refuse("_form", "validation.invalid");
    forgetPublicMunicipalities();
    return { ok: true, slug: row.slug };
  } catch (error) {
    if (uniqueViolation(error) !== null) return refuse("slug", "admin.validation.slugTaken");
    throw error;
  }
}

/**
 * Makes a municipality public: from now on its pages, calendar, feed and API entries exist.
 * Publishing twice keeps the first moment.
 */
export async function publishMunicipality(municipalityId: MunicipalityId): Promise<void> {
  await db()
    .update(municipalities)
    .set({ publishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(municipalities.id, municipalityId), isNull(municipalities.publishedAt)));
  forgetPublicMunicipalities();
}

export async function addNeighbourhood(municipalityId: MunicipalityId, name: string): Promise<WriteResult> {
  const [row] = await db()
    .insert(neighbourhoods)
    .values({ municipalityId, name })
    .onConflictDoNothing()
    .returning({ id: neighbourhoods.id });
  return row ? { ok: true } : refuse("name", "admin.neighbourhoods.nameTaken");
}

export async function renameNeighbourhood(municipalityId: MunicipalityId, id: string, name: string): Promise<WriteResult> {
  try {
    const [row] = await db()
      .update(neighbourhoods)
      .set({ name })
      .where(and(eq(neighbourhoods.id, id), eq(neighbourhoods.municipalityId, municipalityId)))
      .returning({ id: neighbourhoods.id });
    return row ? { ok: true } : refuse("_form", "admin.notFoundInMunicipality");
  } catch (error) {
    if (uniqueViolation(error) !== null) return refuse("name", "admin.neighbourhoods.nameTaken");
    throw error;
  }
}

/** How long a deleted neighbourhood can be brought back (with its activities) from the notice. */
export const NEIGHBOURHOOD_UNDO_MS = 60 * 60 * 1000;

/**
 * Deletes a neighbourhood; its activities keep existing without one. What it held (its name and
 * which activities lost it) is kept for NEIGHBOURHOOD_UNDO_MS so the deletion can be undone.
 */
export async function deleteNeighbourhood(municipalityId: MunicipalityId, id: string, deletedBy: string): Promise<WriteResult<{ deletionId: string }>> {
  return db().transaction(async (tx) => {
    const [neighbourhood] = await tx
      .select({ id: neighbourhoods.id, name: neighbourhoods.name })
      .from(neighbourhoods)
      .where(and(eq(neighbourhoods.id, id), eq(neighbourhoods.municipalityId, municipalityId)))
      .for("update");
    if (!neighbourhood) return refuse("_form", "admin.notFoundInMunicipality");
    // A budget pot's money belongs to its neighbourhood (budget_pots.neighbourhood_id restricts the delete).
    const [pot] = await tx
      .select({ id: budgetPots.id })
      .from(budgetPots)
      .where(and(eq(budgetPots.neighbourhoodId, id), eq(budgetPots.municipalityId, municipalityId)))
      .limit(1);
    if (pot) return refuse("_form", "budgets.neighbourhood.hasPot");
    const losing = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.neighbourhoodId, id), eq(activities.municipalityId, municipalityId)));
    // Deletions past their undo time are of no use any more; they go when the next one comes.
    await tx
      .delete(neighbourhoodDeletions)
      .where(and(eq(neighbourhoodDeletions.municipalityId, municipalityId), lt(neighbourhoodDeletions.deletedAt, new Date(Date.now() - NEIGHBOURHOOD_UNDO_MS))));
    const [deletion] = await tx
      .insert(neighbourhoodDeletions)
      .values({ municipalityId, neighbourhoodId: id, name: neighbourhood.name, activityIds: losing.map((a) => a.id), deletedBy })
      .returning({ id: neighbourhoodDeletions.id });
    await tx.delete(neighbourhoods).where(and(eq(neighbourhoods.id, id), eq(neighbourhoods.municipalityId, municipalityId)));
    return { ok: true, deletionId: deletion!.id } as const;
  });
}

/**
 * Undoes a recent deletion: the neighbourhood comes back with its id and name, and the activities
 * that lost it get it back — unless someone gave them another neighbourhood since.
 */
export async function restoreNeighbourhood(municipalityId: MunicipalityId, deletionId: string): Promise<WriteResult<{ restored: number }>> {
  return db().transaction(async (tx) => {
    const [deletion] = await tx
      .select()
      .from(neighbourhoodDeletions)
      .where(
        and(
          eq(neighbourhoodDeletions.id, deletionId),
          eq(neighbourhoodDeletions.municipalityId, municipalityId),
          isNull(neighbourhoodDeletions.restoredAt),
          gt(neighbourhoodDeletions.deletedAt, new Date(Date.now() - NEIGHBOURHOOD_UNDO_MS)),
        ),
      )
      .for("update");
    if (!deletion) return refuse("_form", "undo.expired");
    const [back] = await tx
      .insert(neighbourhoods)
      .values({ id: deletion.neighbourhoodId, municipalityId, name: deletion.name })
      .onConflictDoNothing()
      .returning({ id: neighbourhoods.id });
    if (!back) return refuse("_form", "undo.neighbourhoodNameTaken");
    const restored =
      deletion.activityIds.length === 0
        ? []
        : await tx
            .update(activities)
            .set({ neighbourhoodId: back.id })
            .where(and(inArray(activities.id, deletion.activityIds), eq(activities.municipalityId, municipalityId), isNull(activities.neighbourhoodId)))
            .returning({ id: activities.id });
    await tx.update(neighbourhoodDeletions).set({ restoredAt: new Date() }).where(eq(neighbourhoodDeletions.id, deletion.id));
    return { ok: true, restored: restored.length } as const;
  });
}

function partnerValues(input: PartnerInput) {
  return { name: input.name, kind: input.kind, website: input.website || null, email: input.email || null };
}

export async function addPartnerOrganisation(municipalityId: MunicipalityId, input: PartnerInput): Promise<WriteResult<{ id: string }>> {
  const [row] = await db()
    .insert(partnerOrganisations)
    .values({ municipalityId, ...partnerValues(input) })
    .onConflictDoNothing()
    .returning({ id: partnerOrganisations.id });
  return row ? { ok: true, id: row.id } : refuse("name", "admin.partners.nameTaken");
}

export async function updatePartnerOrganisation(municipalityId: MunicipalityId, id: string, input: PartnerInput): Promise<WriteResult> {
  try {
    const [row] = await db()
      .update(partnerOrganisations)
      .set({ ...partnerValues(input), updatedAt: new Date() })
      .where(and(eq(partnerOrganisations.id, id), eq(partnerOrganisations.municipalityId, municipalityId)))
      .returning({ id: partnerOrganisations.id });
    return row ? { ok: true } : refuse("_form", "admin.notFoundInMunicipality");
  } catch (error) {
    if (uniqueViolation(error) !== null) return refuse("name", "admin.partners.nameTaken");
    throw error;
  }
}

/**
 * Deletes a partner organisation that nobody works for any more. Memberships would disappear with
 * it (the foreign key cascades), so people must be removed from the team first, on purpose.
 */
export async function deletePartnerOrganisation(municipalityId: MunicipalityId, id: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    // Lock the partner so no invitation can be accepted for it between the check and the delete.
    const [partner] = await tx
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .where(and(eq(partnerOrganisations.id, id), eq(partnerOrganisations.municipalityId, municipalityId)))
      .for("update");
    if (!partner) return refuse("_form", "admin.notFoundInMunicipality");
    const [members] = await tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.partnerOrganisationId, id), eq(memberships.municipalityId, municipalityId)));
    if ((members?.n ?? 0) > 0) return refuse("_form", "admin.partners.hasMembers");
    await tx
      .delete(partnerOrganisations)
      .where(and(eq(partnerOrganisations.id, id), eq(partnerOrganisations.municipalityId, municipalityId)));
    return { ok: true } as const;
  });
}
