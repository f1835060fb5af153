import { inArray } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { municipalities } from "~/lib/db/schema";
import type { MessageKey } from "~/lib/i18n";
import { can, canInMunicipality, type Actor, type MunicipalityAction } from "./policy";

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

/** The sections of a municipality's staff area, each shown only to those whose role allows it. */
const STAFF_SECTIONS: readonly { path: string; label: MessageKey; action: MunicipalityAction }[] = [
  { path: "", label: "staff.nav.overview", action: "municipality.view_staff_area" },
  { path: "/activiteiten", label: "staffActivities.title", action: "activity.create" },
  { path: "/cohorten", label: "staff.nav.cohorts", action: "training.view_cohorts" },
  { path: "/doorstroom", label: "pipeline.title", action: "practice.view_pipeline" },
  { path: "/trajecten", label: "staff.nav.tracks", action: "training.manage_tracks" },
  { path: "/eindpresentaties", label: "finale.ceremonies.title", action: "practice.manage_ceremonies" },
  { path: "/citytrainers", label: "citytrainer.staff.title", action: "certificates.issue" },
  { path: "/praktijk", label: "handover.nav.practice", action: "practice.supervise" },
  { path: "/wijkoverzicht", label: "organisers.overview.title", action: "organisers.view_overview" },
  { path: "/organisatoren", label: "organisers.staff.title", action: "organisers.review" },
  { path: "/budgetten", label: "budgets.staff.title", action: "budgets.manage" },
  { path: "/teams", label: "teams.staff.title", action: "teams.register" },
  { path: "/instellingen", label: "staff.nav.settings", action: "municipality.edit_settings" },
  { path: "/wijken", label: "staff.nav.neighbourhoods", action: "municipality.manage_neighbourhoods" },
  { path: "/partners", label: "staff.nav.partners", action: "municipality.manage_partners" },
  { path: "/team", label: "staff.nav.team", action: "municipality.invite_staff" },
  { path: "/privacy", label: "staff.nav.privacy", action: "privacy.view_audit_log" },
];

export function municipalityStaffSections(actor: Actor, municipality: { id: string; slug: string }): NavigationItem[] {
  const items: NavigationItem[] = STAFF_SECTIONS.filter((section) => canInMunicipality(actor, section.action, municipality.id)).map(
    (section) => ({ href: `/beheer/${municipality.slug}${section.path}`, label: section.label }),
  );
  if (canInMunicipality(actor, "municipality.view_mail", municipality.id)) items.push({ href: "/beheer/mail", label: "nav.mail" });
  return items;
}
