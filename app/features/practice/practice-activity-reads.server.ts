/**
 * Reads of a placement's practice activity: the plan with its activity, the summary colleagues
 * use (pipeline, requirements, timeline), and the people to mail. Every query takes the
 * municipality scope from a gate.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { PracticeActivityView } from "~/features/practice/components/practice-activity-view";
import type { Locale } from "~/lib/i18n";
import { formatInZone } from "~/lib/time";
import { plannedActivityWarnings } from "./practice-activity-policy";
import { db } from "~/lib/db/client.server";
import { activities, cohortCourseLeaders, municipalities, neighbourhoods, practiceActivities, registrations, users, type ActivityStatus } from "~/lib/db/schema";

/** The practice activity of a placement with every field of its activity, or null before the trainee planned one. */
export async function findPracticeActivityDetail(municipalityId: MunicipalityId, placementId: string) {
  const [row] = await db()
    .select({
      practice: practiceActivities,
      activity: {
        id: activities.id,
        title: activities.title,
        description: activities.description,
        category: activities.category,
        neighbourhoodId: activities.neighbourhoodId,
        location: activities.location,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        minAge: activities.minAge,
        maxAge: activities.maxAge,
        capacity: activities.capacity,
        confirmedCount: activities.confirmedCount,
        organiserName: activities.organiserName,
        status: activities.status,
      },
      neighbourhoodName: neighbourhoods.name,
      municipalitySlug: municipalities.slug,
    })
    .from(practiceActivities)
    .innerJoin(activities, eq(activities.id, practiceActivities.activityId))
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(and(eq(practiceActivities.placementId, placementId), eq(practiceActivities.municipalityId, municipalityId)));
  if (!row) return null;
  const [attended] = await db()
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.activityId, row.activity.id), eq(registrations.attendance, "attended"), inArray(registrations.status, ["confirmed", "waitlisted"])));
  return { ...row.practice, activity: row.activity, neighbourhoodName: row.neighbourhoodName, municipalitySlug: row.municipalitySlug, checkedIn: attended?.n ?? 0 };
}
export type PracticeActivityDetail = NonNullable<Awaited<ReturnType<typeof findPracticeActivityDetail>>>;

export interface PracticeActivitySummary {
  activityId: string;
  status: ActivityStatus;
  title: string;
  startsAt: Date;
  evaluatedAt: Date | null;
}

/** The practice activity of a placement in brief, for other parts of the path; null when none is planned. */
export async function findPracticeActivity(municipalityId: MunicipalityId, placementId: string): Promise<PracticeActivitySummary | null> {
  const [row] = await db()
    .select({ activityId: activities.id, status: activities.status, title: activities.title, startsAt: activities.startsAt, evaluatedAt: practiceActivities.evaluatedAt })
    .from(practiceActivities)
    .innerJoin(activities, eq(activities.id, practiceActivities.activityId))
    .where(and(eq(practiceActivities.placementId, placementId), eq(practiceActivities.municipalityId, municipalityId)));
  return row ?? null;
}

export interface MailRecipient {
  name: string;
  email: string;
  locale: string;
}

/** Who reviews a plan: the placement's supervisor, or the cohort's course leaders when the placement has none left. */
export async function findReviewers(municipalityId: MunicipalityId, placement: { supervisorUserId: string | null; cohortId: string }): Promise<MailRecipient[]> {
  const columns = { name: users.name, email: users.email, locale: users.locale };
  if (placement.supervisorUserId) {
    const rows = await db().select(columns).from(users).where(eq(users.id, placement.supervisorUserId));
    if (rows.length > 0) return rows;
  }
  return db()
    .select(columns)
    .from(cohortCourseLeaders)
    .innerJoin(users, eq(users.id, cohortCourseLeaders.userId))
    .where(and(eq(cohortCourseLeaders.cohortId, placement.cohortId), eq(cohortCourseLeaders.municipalityId, municipalityId)))
    .orderBy(asc(users.name));
}

/** The plan as the pages show it, with times formatted for the reader and the youth working-time warnings. */
export function practiceActivityView(detail: PracticeActivityDetail, traineeDateOfBirth: string | null, locale: Locale): PracticeActivityView {
  const { activity } = detail;
  return {
    status: activity.status,
    idea: detail.idea,
    goal: detail.goal,
    targetGroup: detail.targetGroup,
    title: activity.title,
    description: activity.description,
    category: activity.category,
    neighbourhoodName: detail.neighbourhoodName,
    location: activity.location,
    when: `${formatInZone(activity.startsAt, locale)} – ${formatInZone(activity.endsAt, locale, { timeStyle: "short" })}`,
    minAge: activity.minAge,
    maxAge: activity.maxAge,
    capacity: activity.capacity,
    organiserName: activity.organiserName,
    changesRequested: detail.changesRequested,
    warnings: plannedActivityWarnings(traineeDateOfBirth, activity.startsAt, activity.endsAt),
    evaluation:
      detail.evaluatedAt && detail.evaluationTurnout !== null
        ? {
            turnout: detail.evaluationTurnout,
            wentWell: detail.evaluationWentWell ?? "",
            doDifferently: detail.evaluationDoDifferently ?? "",
            on: formatInZone(detail.evaluatedAt, locale, { dateStyle: "long" }),
          }
        : null,
  };
}
