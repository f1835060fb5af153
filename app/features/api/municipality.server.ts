import { openPublicMunicipality, type MunicipalityScope } from "~/features/authorization/gate.server";

/**
 * The public scope of a municipality, or null for an unknown slug, so an API route can answer
 * with a problem document instead of the gate's HTML 404. Real failures (database errors) still throw.
 */
export async function openPublicMunicipalityOrNull(slug: string): Promise<MunicipalityScope | null> {
  try {
    return await openPublicMunicipality(slug);
  } catch (error) {
    if (error instanceof Error) throw error;
    return null;
  }
}
