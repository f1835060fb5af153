/** Staff reads of activities. Every query takes the municipality scope from the gate. */
import { and, asc, desc, eq, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { ACTIVITY_CATEGORIES, activities, neighbourhoods, partnerOrganisations, practiceActivities, registrations } from "~/lib/db/schema";
import type { PartnerChoice } from "./policy";

import type { StaffListView } from "./schema";
import { isUuid } from "~/lib/validation";

export const STAFF_PAGE_SIZE = 50;

/**
 * Activities this person may manage: everything for project and course leaders, for a partner
 * contact the activities of their organisation and the ones they made (as canManageActivity).
 */
function manageableBy(choice: PartnerChoice, userId: string): SQL | undefined {
  if (choice === "any") return undefined;
  const own = eq(activities.createdBy, userId);
  return choice.length > 0 ? or(inArray(activities.partnerOrganisationId, [...choice]), own) : own;
}

/**
 * A trainee's practice activity before it is published is their plan, shown only on the
 * placement's pages to its supervisor and the cohort's course leaders (and the project leader):
 * not to everyone who manages activities.
 */
const unpublishedPracticePlan = sql<boolean>`(${activities.status} in ('draft', 'in_review') and exists (select 1 from ${practiceActivities} where ${practiceActivities.activityId} = ${activities.id}))`;

export async function listStaffActivities(
  municipalityId: MunicipalityId,
  options: { view: StaffListView; partnerChoice: PartnerChoice; userId: string; page: number },
) {
  const now = new Date();
  const viewFilter =
    options.view === "drafts"
      ? inArray(activities.status, ["draft", "in_review"])
      : options.view === "upcoming"
        ? and(inArray(activities.status, ["published", "cancelled"]), gt(activities.endsAt, now))
        : and(inArray(activities.status, ["published", "cancelled", "completed"]), lte(activities.endsAt, now));
  const rows = await db()
    .select({
      id: activities.id,
      title: activities.title,
      status: activities.status,
      category: activities.category,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      capacity: activities.capacity,
      confirmedCount: activities.confirmedCount,
      registrationRequired: activities.registrationRequired,
      seriesId: activities.seriesId,
      neighbourhoodName: neighbourhoods.name,
      waitlisted: sql<number>`(select count(*)::int from ${registrations} where ${registrations.activityId} = ${activities.id} and ${registrations.status} = 'waitlisted')`,
    })
    .from(activities)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(and(eq(activities.municipalityId, municipalityId), viewFilter, manageableBy(options.partnerChoice, options.userId), sql`not ${unpublishedPracticePlan}`))
    .orderBy(options.view === "past" ? desc(activities.startsAt) : asc(activities.startsAt), asc(activities.id))
    .limit(STAFF_PAGE_SIZE + 1)
    .offset((options.page - 1) * STAFF_PAGE_SIZE);
  return { activities: rows.slice(0, STAFF_PAGE_SIZE), hasMore: rows.length > STAFF_PAGE_SIZE };
}

/** One activity of this municipality with everything the edit page shows, or null. */
export async function findStaffActivity(municipalityId: MunicipalityId, activityId: string) {
  if (!isUuid(activityId)) return null;
  const [row] = await db()
    .select({
      activity: activities,
      neighbourhoodName: neighbourhoods.name,
      partnerName: partnerOrganisations.name,
      waitlisted: sql<number>`(select count(*)::int from ${registrations} where ${registrations.activityId} = ${activities.id} and ${registrations.status} = 'waitlisted')`,
      seriesDrafts: sql<number>`(select count(*)::int from ${activities} s where s.series_id = ${activities.seriesId} and s.status in ('draft', 'in_review') and s.starts_at > now())`,
      unpublishedPracticePlan,
    })
    .from(activities)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, activities.partnerOrganisationId))
    .where(and(eq(activities.id, activityId), eq(activities.municipalityId, municipalityId)));
  if (!row || row.unpublishedPracticePlan) return null;
  const { searchVector: _searchVector, ...activity } = row.activity;
  return { ...activity, neighbourhoodName: row.neighbourhoodName, partnerName: row.partnerName, waitlisted: row.waitlisted, seriesDrafts: row.seriesDrafts };
}
export type StaffActivity = NonNullable<Awaited<ReturnType<typeof findStaffActivity>>>;

/** The choices on the activity form: this municipality's neighbourhoods, and the partners this person may pick. */
export async function activityFormOptions(municipalityId: MunicipalityId, partnerChoice: PartnerChoice) {
  const [neighbourhoodRows, partnerRows] = await Promise.all([
    db()
      .select({ id: neighbourhoods.id, name: neighbourhoods.name })
      .from(neighbourhoods)
      .where(eq(neighbourhoods.municipalityId, municipalityId))
      .orderBy(asc(neighbourhoods.name)),
    db()
      .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.municipalityId, municipalityId))
      .orderBy(asc(partnerOrganisations.name)),
  ]);
  return {
    categories: ACTIVITY_CATEGORIES,
    neighbourhoods: neighbourhoodRows,
    partners: partnerChoice === "any" ? partnerRows : partnerRows.filter((p) => partnerChoice.includes(p.id)),
    allowNoPartner: partnerChoice === "any",
  };
}
