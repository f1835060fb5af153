/** The gate of the ceremony pages: the municipality's project leader (practice.manage_ceremonies); anyone else gets a 404. */
import { notFound } from "~/features/authorization/gate.server";
import { openStaffPage } from "~/features/municipalities/staff-page.server";
import { findCeremony } from "./ceremonies-reads.server";

export function openCeremoniesPage(request: Request, slug: string | undefined) {
  return openStaffPage(request, slug, "practice.manage_ceremonies", "finale.ceremonies.title");
}

export async function openCeremony(request: Request, slug: string | undefined, ceremonyId: string | undefined) {
  const opened = await openCeremoniesPage(request, slug);
  const ceremony = ceremonyId ? await findCeremony(opened.municipality.id, ceremonyId) : null;
  if (!ceremony) throw notFound();
  return { ...opened, ceremony };
}
