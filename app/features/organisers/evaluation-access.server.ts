/**
 * The gate of a resident's own activity pages (/mijn-activiteiten/:activityId/…): it opens an
 * organised activity for its organiser, for a co-organiser, and — for a team's activity — for the
 * team's current members; anyone else gets the same 404 as an activity that does not exist.
 * Staff reach the same activity through their own pages, never through these.
 */
import { and, eq, isNull } from "drizzle-orm";
import { requireUser, type CurrentUser } from "~/features/accounts/session.server";
import { notFound, scopeFromRow, type MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import { activities, activityCoOrganisers, municipalities, organisedActivities, teamMembers } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import type { OrganisingRole } from "./journey";

export interface OwnOrganisedActivity {
  activityId: string;
  municipalityId: MunicipalityId;
  municipalitySlug: string;
  municipalityName: string;
  title: string;
  status: (typeof activities.$inferSelect)["status"];
  startsAt: Date;
  endsAt: Date;
  organiserUserId: string | null;
  teamId: string | null;
}

/** The person's role on an organised activity: organiser (also any current member of the organising team), co-organiser, or none. */
export async function organisingRoleOf(executor: Executor, userId: string, activityId: string): Promise<Exclude<OrganisingRole, "coach"> | null> {
  if (!isUuid(activityId)) return null;
  const [row] = await executor
    .select({ organiserUserId: organisedActivities.organiserUserId, teamId: organisedActivities.teamId, municipalityId: organisedActivities.municipalityId })
    .from(organisedActivities)
    .where(eq(organisedActivities.activityId, activityId));
  if (!row) return null;
  if (row.organiserUserId === userId) return "organiser";
  if (row.teamId) {
    const [member] = await executor
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, row.teamId), eq(teamMembers.userId, userId), isNull(teamMembers.leftAt)));
    if (member) return "organiser";
  }
  const [co] = await executor
    .select({ userId: activityCoOrganisers.userId })
    .from(activityCoOrganisers)
    .where(and(eq(activityCoOrganisers.activityId, activityId), eq(activityCoOrganisers.userId, userId), eq(activityCoOrganisers.municipalityId, row.municipalityId)));
  return co ? "co_organiser" : null;
}

/** The signed-in organiser's activity and their role on it; 404 for anyone who does not organise it. */
export async function requireOwnOrganisedActivity(
  request: Request,
  activityId: string | undefined,
): Promise<{ user: CurrentUser; role: Exclude<OrganisingRole, "coach">; activity: OwnOrganisedActivity }> {
  const user = await requireUser(request);
  if (!activityId || !isUuid(activityId)) throw notFound();
  const role = await organisingRoleOf(db(), user.id, activityId);
  if (!role) throw notFound();
  const [row] = await db()
    .select({
      activityId: activities.id,
      municipalityId: activities.municipalityId,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
      title: activities.title,
      status: activities.status,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      organiserUserId: organisedActivities.organiserUserId,
      teamId: organisedActivities.teamId,
    })
    .from(organisedActivities)
    .innerJoin(activities, and(eq(activities.id, organisedActivities.activityId), eq(activities.municipalityId, organisedActivities.municipalityId)))
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .where(eq(organisedActivities.activityId, activityId));
  if (!row) throw notFound();
  return { user, role, activity: { ...row, municipalityId: scopeFromRow(row.municipalityId, true) } };
}
