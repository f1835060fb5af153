import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { materialResponse, readMaterial } from "~/features/training/materials.server";
import { findMaterial } from "~/features/training/tracks-reads.server";
import type { Route } from "./+types/staff.track-material";

/**
 * A material of one of the municipality's tracks: for its project leader, and for its course
 * leaders, who teach the modules.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality } = await authorizeMunicipality(request, params.slug, "training.view_cohorts");
  const material = await findMaterial({ kind: "municipality", municipalityId: municipality.id }, params.id, params.materialId);
  const bytes = material ? await readMaterial(material.storageKey) : null;
  if (!material || !bytes) throw notFound();
  return materialResponse(material, bytes);
}
