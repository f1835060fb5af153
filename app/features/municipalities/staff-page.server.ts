/**
 * What every staff page of a municipality shows around its content: the municipality's theme in
 * the header, the sections this person may use, and a notice after a successful change.
 */
import { getTranslator } from "~/features/accounts/locale.server";
import type { CurrentUser } from "~/features/accounts/session.server";
import { authorizeMunicipality, type MunicipalityScope } from "~/features/authorization/gate.server";
import { municipalityStaffSections } from "~/features/authorization/navigation.server";
import type { MunicipalityAction } from "~/features/authorization/policy";
import type { MessageKey } from "~/lib/i18n";

export function staffPageData(user: CurrentUser, municipality: MunicipalityScope) {
  return {
    municipalityTheme: {
      name: municipality.name,
      slug: municipality.slug,
      themeColour: municipality.themeColour,
      logoPath: municipality.logoPath,
    },
    sections: municipalityStaffSections(user.actor, municipality),
  };
}

const NOTICES = {
  opgeslagen: "form.saved",
  toegevoegd: "admin.notice.added",
  verwijderd: "admin.notice.deleted",
  uitgenodigd: "admin.notice.invited",
  ingetrokken: "admin.notice.revoked",
  aangemaakt: "admin.notice.created",
  gepubliceerd: "publication.notice.published",
  hersteld: "undo.notice.restored",
} as const satisfies Record<string, MessageKey>;
export type Notice = keyof typeof NOTICES;

/** The path to go to after a successful change, with the notice to show there (POST → redirect → GET). */
export function withNotice(path: string, notice: Notice): string {
  return `${path}?melding=${notice}`;
}

/** The notice named in this request's URL, if it is one of ours. */
export function readNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as Notice] : null;
}

/**
 * The loader's start of a municipality staff page that shows notices: the gate (404 unless the
 * person may do `action` here), then what the page's header needs and its title,
 * "<page> — <municipality>".
 */
export async function openStaffPage(request: Request, slug: string | undefined, action: MunicipalityAction, titleKey: MessageKey) {
  const { user, municipality } = await authorizeMunicipality(request, slug, action);
  const { locale, t } = await getTranslator(request);
  return {
    user,
    municipality,
    locale,
    page: {
      ...staffPageData(user, municipality),
      notice: readNotice(request),
      title: `${t(titleKey)} — ${municipality.name}`,
    },
  };
}
