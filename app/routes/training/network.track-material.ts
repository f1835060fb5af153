import { authorizeNetwork, notFound } from "~/features/authorization/gate.server";
import { materialResponse, readMaterial } from "~/features/training/materials.server";
import { findMaterial } from "~/features/training/tracks-reads.server";
import type { Route } from "./+types/network.track-material";

/** A material of a network track, for the network coordinator. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { network } = await authorizeNetwork(request, "network.manage_tracks");
  const material = await findMaterial({ kind: "network", network }, params.id, params.materialId);
  const bytes = material ? await readMaterial(material.storageKey) : null;
  if (!material || !bytes) throw notFound();
  return materialResponse(material, bytes);
}
