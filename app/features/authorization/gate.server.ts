/**
 * The authorisation gate: the only place that turns a request into a municipality scope. Every
 * read or write of municipal data takes a `MunicipalityId`, and only this module can make one
 * (the lint rule `buurtkracht/branded-ids` forbids casting to it elsewhere), so a query for
 * municipality B cannot be built from a request that was authorised for municipality A.
 * See docs/decisions/003-tenant-scoping.md.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { data } from "react-router";
import { requireStaffUser, type CurrentUser } from "~/features/accounts/session.server";
import { db } from "~/lib/db/client.server";
import { municipalities } from "~/lib/db/schema";
import { shortLivedCache } from "~/lib/short-lived-cache";
import { can, canInMunicipality, type MunicipalityAction, type NetworkAction } from "./policy";

declare const municipalityIdBrand: unique symbol;
/** A municipality id that passed the gate, for staff work or for public reads. */
export type MunicipalityId = string & { readonly [municipalityIdBrand]: true };

export interface MunicipalityScope {
  id: MunicipalityId;
  slug: string;
  name: string;
  themeColour: string;
  logoPath: string | null;
  introduction: string;
  /** Replies to the municipality's mails go here (Reply-To). */
  contactEmail: string | null;
  /** When its project leader made it public; null while only staff can see it. */
  publishedAt: Date | null;
}

declare const networkScopeBrand: unique symbol;
/** Proof that the actor may use network-wide (cross-municipality) functions. */
export type NetworkScope = { readonly [networkScopeBrand]: true; userId: string };

export function notFound(): Response {
  return data({ message: "not found" }, { status: 404 }) as unknown as Response;
}

const scopeColumns = {
  id: municipalities.id,
  slug: municipalities.slug,
  name: municipalities.name,
  themeColour: municipalities.themeColour,
  logoPath: municipalities.logoPath,
  introduction: municipalities.introduction,
  contactEmail: municipalities.contactEmail,
  publishedAt: municipalities.publishedAt,
};

async function findMunicipality(slug: string, options: { publishedOnly: boolean }): Promise<MunicipalityScope | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const bySlug = eq(municipalities.slug, slug);
  const [row] = await db()
    .select(scopeColumns)
    .from(municipalities)
    .where(options.publishedOnly ? and(bySlug, isNotNull(municipalities.publishedAt)) : bySlug);
  return row ? { ...row, id: row.id as MunicipalityId } : null;
}

/**
 * Public pages of a municipality: anyone may read its published data. Throws 404 for an unknown
 * slug, and for a municipality its project leader has not published yet.
 */
export async function openPublicMunicipality(slug: string): Promise<MunicipalityScope> {
  const municipality = await findPublicMunicipality(slug);
  if (!municipality) throw notFound();
  return municipality;
}

/**
 * Public pages read a municipality's name, colour and logo on every request; they are kept for
 * five seconds per process (and dropped at once in the process that changes them), which saves a
 * database round trip on the busiest pages. Only found municipalities are kept, so a new one is
 * visible at once. Staff pages always read the row afresh.
 */
const publicMunicipalities = shortLivedCache<MunicipalityScope | null>(5_000, { keep: (found) => found !== null });

function findPublicMunicipality(slug: string): Promise<MunicipalityScope | null> {
  return publicMunicipalities.get(slug, () => findMunicipality(slug, { publishedOnly: true }));
}

/** Forgets cached public municipality data after a change to name, slug, colour, logo or publication. */
export function forgetPublicMunicipalities(): void {
  publicMunicipalities.clear();
}

/**
 * Staff pages and actions of a municipality. A person without the right in this municipality gets
 * 404, the same answer as for a municipality that does not exist, so nothing about other
 * municipalities' staff areas leaks.
 */
export async function authorizeMunicipality(
  request: Request,
  slug: string | undefined,
  action: MunicipalityAction,
): Promise<{ user: CurrentUser; municipality: MunicipalityScope }> {
  const user = await requireStaffUser(request);
  const municipality = slug ? await findMunicipality(slug, { publishedOnly: false }) : null;
  if (!municipality || !canInMunicipality(user.actor, action, municipality.id)) throw notFound();
  return { user, municipality };
}

/**
 * Pages that span the municipalities where the actor holds a role (the mail viewer): every
 * municipality in which the actor's own memberships allow `action`. 404 when there is none.
 */
export async function authorizeOwnMunicipalities(
  request: Request,
  action: MunicipalityAction,
): Promise<{ user: CurrentUser; municipalities: MunicipalityScope[] }> {
  const user = await requireStaffUser(request);
  const ids = [...new Set(user.actor.memberships.map((m) => m.municipalityId))].filter(
    (id): id is string => id !== null && canInMunicipality(user.actor, action, id),
  );
  if (ids.length === 0) throw notFound();
  const rows = await db().select(scopeColumns).from(municipalities).where(inArray(municipalities.id, ids)).orderBy(asc(municipalities.name));
  return { user, municipalities: rows.map((row) => ({ ...row, id: row.id as MunicipalityId })) };
}

/** Network-wide pages and actions (network coordinator). */
export async function authorizeNetwork(
  request: Request,
  action: NetworkAction,
): Promise<{ user: CurrentUser; network: NetworkScope }> {
  const user = await requireStaffUser(request);
  if (!can(user.actor, action)) throw notFound();
  return { user, network: { userId: user.id } as NetworkScope };
}

/**
 * For data reached by its own id (an activity, a registration): the row's municipality id, read
 * from the database, becomes a scope only after the policy check the caller passes in.
 */
export function scopeFromRow(municipalityId: string, isAllowed: boolean): MunicipalityId {
  if (!isAllowed) throw notFound();
  return municipalityId as MunicipalityId;
}
