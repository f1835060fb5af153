/**
 * The gate for staff pages of one activity: the person must be allowed to make activities in this
 * municipality (project leader, course leader, partner contact), and to manage this activity
 * (canManageActivity). Anything else gets the same 404 as an activity that does not exist.
 */
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { canManageActivity, canSeeParticipants } from "~/features/authorization/policy";
import type { MessageKey } from "~/lib/i18n";
import { activityPartnerChoice } from "./policy";
import { findStaffActivity } from "./reads.server";

export async function authorizeActivities(request: Request, slug: string | undefined) {
  const { user, municipality } = await authorizeMunicipality(request, slug, "activity.create");
  return { user, municipality, partnerChoice: activityPartnerChoice(user.actor, municipality.id) };
}

export async function authorizeActivity(request: Request, slug: string | undefined, activityId: string | undefined) {
  const access = await authorizeActivities(request, slug);
  const activity = activityId ? await findStaffActivity(access.municipality.id, activityId) : null;
  if (!activity || !canManageActivity(access.user.actor, activity)) throw notFound();
  return { ...access, activity };
}

/** The participant list of one activity (names and addresses): canSeeParticipants on top of authorizeActivity. */
export async function authorizeParticipants(request: Request, slug: string | undefined, activityId: string | undefined) {
  const access = await authorizeActivity(request, slug, activityId);
  if (!canSeeParticipants(access.user.actor, access.activity)) throw notFound();
  return access;
}

const NOTICES = {
  aangemaakt: "staffActivities.notice.created",
  "reeks-aangemaakt": "staffActivities.notice.seriesCreated",
  opgeslagen: "staffActivities.notice.saved",
  gepubliceerd: "staffActivities.notice.published",
  "reeks-gepubliceerd": "staffActivities.notice.seriesPublished",
  afgelast: "staffActivities.notice.cancelled",
  afgerond: "staffActivities.notice.completed",
  toegevoegd: "staffActivities.notice.walkInAdded",
  aanwezigheid: "staffActivities.notice.attendanceSaved",
} as const satisfies Record<string, MessageKey>;
export type ActivityNotice = keyof typeof NOTICES;

/** The path to show after a change, with its notice (POST → redirect → GET). */
export function withActivityNotice(path: string, notice: ActivityNotice): string {
  return `${path}?melding=${notice}`;
}

export function readActivityNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as ActivityNotice] : null;
}
