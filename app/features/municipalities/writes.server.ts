/**
 * Writes for running a municipality. Every function takes the MunicipalityId the gate handed out
 * and filters on it, so a form for municipality A can never change municipality B's rows.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import { forgetPublicMunicipalities, type MunicipalityId, type NetworkScope } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { uniqueViolation } from "~/lib/db/errors";
import { memberships, municipalities, neighbourhoods, partnerOrganisations } from "~/lib/db/schema";
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

/** Deletes a neighbourhood; activities in it keep existing without a neighbourhood. */
export async function deleteNeighbourhood(municipalityId: MunicipalityId, id: string): Promise<WriteResult> {
  const deleted = await db()
    .delete(neighbourhoods)
    .where(and(eq(neighbourhoods.id, id), eq(neighbourhoods.municipalityId, municipalityId)))
    .returning({ id: neighbourhoods.id });
  return deleted.length > 0 ? { ok: true } : refuse("_form", "admin.notFoundInMunicipality");
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
