import { inArray } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { municipalities } from "~/lib/db/schema";
import type { MessageKey } from "~/lib/i18n";
import { can, canInMunicipality, type Actor } from "./policy";

export interface NavigationItem {
  href: string;
  /** A message key, or a literal name (a municipality's) when `literal` is set. */
  label: string;
  literal?: boolean;
}

/** The staff links a person's roles allow, in the order the header shows them. */
export async function staffNavigation(actor: Actor): Promise<NavigationItem[]> {
  const items: NavigationItem[] = [];
  if (can(actor, "network.manage_municipalities")) items.push({ href: "/netwerk", label: "nav.network" satisfies MessageKey });
  const ids = [...new Set(actor.memberships.map((m) => m.municipalityId).filter((id): id is string => id !== null))];
  if (ids.length > 0) {
    const rows = await db()
      .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
      .from(municipalities)
      .where(inArray(municipalities.id, ids))
      .orderBy(municipalities.name);
    for (const row of rows) {
      if (canInMunicipality(actor, "municipality.view_staff_area", row.id)) {
        items.push({ href: `/beheer/${row.slug}`, label: row.name, literal: true });
      }
    }
  }
  if (can(actor, "network.view_mail") || actor.memberships.some((m) => m.role === "project_leader")) {
    items.push({ href: "/beheer/mail", label: "nav.mail" satisfies MessageKey });
  }
  return items;
}
