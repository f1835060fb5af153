/**
 * Reads of residents' own activities: what makes a person an organiser, their activities, one
 * activity with everyone's role on it, the people who may co-organise, and the staff lists
 * (organisers with their trust, the review queue). Staff reads take the municipality scope from a gate.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { citytrainerMunicipalityIds } from "~/features/certificates/reads.server";
import type { Actor } from "~/features/authorization/policy";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { getProgrammeSettings } from "~/features/practice/settings-reads.server";
import { db, type Executor } from "~/lib/db/client.server";
import type { Locale } from "~/lib/i18n";
import { formatInZone } from "~/lib/time";
import type { PlanFactsProps } from "./components/plan-facts";
import {
  activities,
  activityCoOrganisers,
  activityEvaluations,
  activityMessages,
  applications,
  certificates,
  enrolments,
  memberships,
  municipalities,
  neighbourhoods,
  organisedActivities,
  organiserTrust as organiserTrustTable,
  placements,
  teamMembers,
  teams,
  users,
} from "~/lib/db/schema";
import { ageOn, todayInAmsterdam } from "~/features/training/age";
import { isUuid } from "~/lib/validation";
import { mayReviewPlan, organiserTrust, organisingRoleOf, type OrganiserFacts } from "./policy";

/** The person's certificates and current team memberships. */
export async function loadOrganiserFacts(userId: string, executor: Executor = db()): Promise<OrganiserFacts & { teamNames: Record<string, string> }> {
  const certifiedIn = await citytrainerMunicipalityIds(userId);
  const rows = await executor
    .select({ teamId: teams.id, municipalityId: teams.municipalityId, status: teams.status, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), isNull(teamMembers.leftAt)))
    .orderBy(asc(teams.name));
  return {
    userId,
    certifiedIn,
    teams: rows.map(({ teamId, municipalityId, status }) => ({ teamId, municipalityId, status })),
    teamNames: Object.fromEntries(rows.map((row) => [row.teamId, row.name])),
  };
}

/** The municipalities the person may organise in, by name (the plan form's choice). */
export async function municipalitiesByIds(ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db().select({ id: municipalities.id, name: municipalities.name, slug: municipalities.slug }).from(municipalities).where(inArray(municipalities.id, [...ids])).orderBy(asc(municipalities.name));
}

const activityColumns = {
  id: activities.id,
  municipalityId: activities.municipalityId,
  seriesId: activities.seriesId,
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
};

/** Everyone's part in one organised activity: its organiser, co-organisers and team members. */
async function rolesContext(activityId: string, teamId: string | null) {
  const coOrganisers = await db()
    .select({ userId: activityCoOrganisers.userId, name: users.name })
    .from(activityCoOrganisers)
    .innerJoin(users, eq(users.id, activityCoOrganisers.userId))
    .where(eq(activityCoOrganisers.activityId, activityId))
    .orderBy(asc(users.name));
  const members = teamId
    ? await db().select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), isNull(teamMembers.leftAt)))
    : [];
  return { coOrganisers, teamMemberIds: members.map((m) => m.userId) };
}

/** One organised activity with its plan and the people organising it; null for an unknown id. */
export async function findOrganisedActivity(activityId: string) {
  if (!isUuid(activityId)) return null;
  const [row] = await db()
    .select({
      plan: organisedActivities,
      activity: activityColumns,
      neighbourhoodName: neighbourhoods.name,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
      teamName: teams.name,
      organiserName: users.name,
    })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .leftJoin(teams, eq(teams.id, organisedActivities.teamId))
    .leftJoin(users, eq(users.id, organisedActivities.organiserUserId))
    .where(eq(organisedActivities.activityId, activityId));
  if (!row) return null;
  const context = await rolesContext(activityId, row.plan.teamId);
  const seriesCount = row.activity.seriesId
    ? ((await db().select({ n: count() }).from(activities).where(eq(activities.seriesId, row.activity.seriesId)))[0]?.n ?? 1)
    : 1;
  const [hasEvaluation] = await db().select({ id: activityEvaluations.activityId }).from(activityEvaluations).where(eq(activityEvaluations.activityId, activityId));
  return {
    ...row,
    ...context,
    seriesCount,
    evaluated: hasEvaluation !== undefined,
    ref: {
      municipalityId: row.activity.municipalityId,
      organiserUserId: row.plan.organiserUserId,
      teamId: row.plan.teamId,
      coOrganiserIds: context.coOrganisers.map((c) => c.userId),
      teamMemberIds: context.teamMemberIds,
    },
  };
}
export type OrganisedActivityDetail = NonNullable<Awaited<ReturnType<typeof findOrganisedActivity>>>;

/** The role of the person on the activity (organiser, co-organiser or none). */
export function roleOn(userId: string, detail: OrganisedActivityDetail) {
  return organisingRoleOf(userId, detail.ref);
}

/**
 * The person's own, co-organised and team activities, newest plans first. A weekly series is one
 * entry per state (its earliest date), with the number of its dates in that state.
 */
export async function listOwnOrganisedActivities(userId: string) {
  const teamIds = (await db().select({ teamId: teamMembers.teamId }).from(teamMembers).where(and(eq(teamMembers.userId, userId), isNull(teamMembers.leftAt)))).map((r) => r.teamId);
  const coOrganised = db().select({ id: activityCoOrganisers.activityId }).from(activityCoOrganisers).where(eq(activityCoOrganisers.userId, userId));
  const rows = await db()
    .select({
      activityId: activities.id,
      seriesId: activities.seriesId,
      title: activities.title,
      status: activities.status,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      confirmedCount: activities.confirmedCount,
      capacity: activities.capacity,
      changesRequested: organisedActivities.changesRequested,
      organiserUserId: organisedActivities.organiserUserId,
      teamName: teams.name,
      waitlisted: sql<number>`(select count(*)::int from registrations r where r.activity_id = ${activities.id} and r.status = 'waitlisted')`,
    })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .leftJoin(teams, eq(teams.id, organisedActivities.teamId))
    .where(
      or(
        eq(organisedActivities.organiserUserId, userId),
        inArray(organisedActivities.activityId, coOrganised),
        teamIds.length > 0 ? inArray(organisedActivities.teamId, teamIds) : sql`false`,
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id));
  return rows;
}

/** The people who may co-organise in the municipality: its certified Citytrainers and members of its active teams. */
export async function listCoOrganiserCandidates(municipalityId: string, exceptUserId: string) {
  const certified = db()
    .select({ userId: sql<string>`${certificates.userId}`.as("user_id") })
    .from(certificates)
    .where(and(eq(certificates.municipalityId, municipalityId), eq(certificates.kind, "citytrainer"), isNull(certificates.revokedAt), isNotNull(certificates.userId)));
  const members = db()
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.municipalityId, municipalityId), eq(teams.status, "active"), isNull(teamMembers.leftAt)));
  const ids = [...new Set([...(await certified).map((r) => r.userId), ...(await members).map((r) => r.userId)])].filter((id) => id !== exceptUserId);
  if (ids.length === 0) return [];
  return db().select({ userId: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.name));
}

/** Earlier announcements of the activity, newest first (subject, body, when, how many got it). */
export async function listActivityMessages(activityId: string) {
  return db()
    .select({ id: activityMessages.id, subject: activityMessages.subject, body: activityMessages.body, recipientCount: activityMessages.recipientCount, sentAt: activityMessages.sentAt })
    .from(activityMessages)
    .where(eq(activityMessages.activityId, activityId))
    .orderBy(desc(activityMessages.sentAt));
}

/** The supervisors of the person's placements in the municipality (who may review their plans). */
export async function supervisorsOf(municipalityId: string, userId: string | null, executor: Executor = db()): Promise<string[]> {
  if (!userId) return [];
  const rows = await executor
    .select({ supervisor: placements.supervisorUserId })
    .from(placements)
    .where(and(eq(placements.municipalityId, municipalityId), eq(placements.traineeUserId, userId), isNotNull(placements.supervisorUserId)));
  return [...new Set(rows.flatMap((r) => (r.supervisor ? [r.supervisor] : [])))];
}

/** The person's trust in the municipality right now: the override if any, else the setting. */
export async function currentTrust(municipalityId: string, userId: string, executor: Executor = db()) {
  const settings = await getProgrammeSettings(municipalityId, executor);
  const [override] = await executor
    .select({ trust: organiserTrustTable.trust })
    .from(organiserTrustTable)
    .where(and(eq(organiserTrustTable.municipalityId, municipalityId), eq(organiserTrustTable.userId, userId)));
  return organiserTrust(settings.certifiedPublishDirectly, override?.trust ?? null);
}

/** Plans of the municipality in review, the ones this coach may review, earliest submitted first. */
export async function listReviewQueue(actor: Actor, municipalityId: MunicipalityId) {
  const rows = await db()
    .select({
      activityId: activities.id,
      seriesId: activities.seriesId,
      title: activities.title,
      startsAt: activities.startsAt,
      submittedAt: organisedActivities.submittedAt,
      organiserUserId: organisedActivities.organiserUserId,
      organiserName: users.name,
      teamName: teams.name,
    })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .leftJoin(users, eq(users.id, organisedActivities.organiserUserId))
    .leftJoin(teams, eq(teams.id, organisedActivities.teamId))
    .where(and(eq(organisedActivities.municipalityId, municipalityId), eq(activities.status, "in_review")))
    .orderBy(asc(organisedActivities.submittedAt), asc(activities.startsAt));
  const seen = new Set<string>();
  const out: typeof rows = [];
  for (const row of rows) {
    if (row.seriesId && seen.has(row.seriesId)) continue;
    if (row.seriesId) seen.add(row.seriesId);
    if (mayReviewPlan(actor, municipalityId, { userId: row.organiserUserId, supervisorIds: await supervisorsOf(municipalityId, row.organiserUserId) })) out.push(row);
  }
  return out;
}

/** The municipality's organisers: certified Citytrainers and the members who planned team activities, with trust and counts. */
export async function listOrganisers(municipalityId: MunicipalityId) {
  const certified = await db()
    .selectDistinct({ userId: certificates.userId })
    .from(certificates)
    .where(and(eq(certificates.municipalityId, municipalityId), eq(certificates.kind, "citytrainer"), isNull(certificates.revokedAt), isNotNull(certificates.userId)));
  const planners = await db()
    .selectDistinct({ userId: organisedActivities.organiserUserId })
    .from(organisedActivities)
    .where(and(eq(organisedActivities.municipalityId, municipalityId), isNotNull(organisedActivities.teamId), isNotNull(organisedActivities.organiserUserId)));
  const certifiedIds = new Set(certified.flatMap((r) => (r.userId ? [r.userId] : [])));
  const ids = [...new Set([...certifiedIds, ...planners.flatMap((r) => (r.userId ? [r.userId] : []))])];
  if (ids.length === 0) return [];
  const people = await db().select({ userId: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.name));
  const settings = await getProgrammeSettings(municipalityId);
  const overrides = await db()
    .select({ userId: organiserTrustTable.userId, trust: organiserTrustTable.trust })
    .from(organiserTrustTable)
    .where(and(eq(organiserTrustTable.municipalityId, municipalityId), inArray(organiserTrustTable.userId, ids)));
  const counts = await db()
    .select({
      userId: organisedActivities.organiserUserId,
      organised: sql<number>`count(*) filter (where ${activities.status} = 'completed' and ${activityEvaluations.activityId} is not null)::int`,
      inReview: sql<number>`count(*) filter (where ${activities.status} = 'in_review')::int`,
    })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .leftJoin(activityEvaluations, eq(activityEvaluations.activityId, activities.id))
    .where(and(eq(organisedActivities.municipalityId, municipalityId), inArray(organisedActivities.organiserUserId, ids)))
    .groupBy(organisedActivities.organiserUserId);
  return people.map((person) => {
    const override = overrides.find((o) => o.userId === person.userId)?.trust ?? null;
    const tally = counts.find((c) => c.userId === person.userId);
    return {
      ...person,
      certified: certifiedIds.has(person.userId),
      ...organiserTrust(settings.certifiedPublishDirectly, override),
      organised: tally?.organised ?? 0,
      inReview: tally?.inReview ?? 0,
    };
  });
}

/** The people to mail about a plan: the organiser and the co-organisers (named ones and the team's other members). */
export async function planRecipients(executor: Executor, activityId: string, organiserUserId: string | null, teamId: string | null) {
  const ids = new Set<string>();
  if (organiserUserId) ids.add(organiserUserId);
  for (const row of await executor.select({ userId: activityCoOrganisers.userId }).from(activityCoOrganisers).where(eq(activityCoOrganisers.activityId, activityId))) ids.add(row.userId);
  if (teamId) for (const row of await executor.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), isNull(teamMembers.leftAt)))) ids.add(row.userId);
  if (ids.size === 0) return [];
  return executor.select({ userId: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, [...ids]));
}

/** The coaches to tell that a plan waits: the project leaders, and the organiser's practice supervisors. */
export async function planReviewers(executor: Executor, municipalityId: string, organiserUserId: string | null) {
  const supervisors = await supervisorsOf(municipalityId, organiserUserId, executor);
  const leaders = await executor
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.role, "project_leader")));
  const ids = [...new Set([...leaders.map((l) => l.userId), ...supervisors])];
  if (ids.length === 0) return [];
  return executor.select({ userId: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, ids));
}

/**
 * Of these organisers, the ones whose staff views go into the access log: under 16 today by the
 * date of birth on their course application, or without one (we cannot tell, so they count as young).
 */
export async function youngOrganisers(municipalityId: string, userIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const rows = await db()
    .select({ userId: enrolments.userId, dateOfBirth: applications.dateOfBirth })
    .from(enrolments)
    .innerJoin(applications, eq(applications.id, enrolments.applicationId))
    .where(and(eq(enrolments.municipalityId, municipalityId), inArray(enrolments.userId, ids)));
  const today = todayInAmsterdam();
  return ids.filter((id) => {
    const births = rows.filter((r) => r.userId === id);
    if (births.length === 0) return true;
    return births.some((r) => (ageOn(r.dateOfBirth, today) ?? 0) < 16);
  });
}

/** Whether the site's menu shows "Mijn activiteiten": the person may organise somewhere, or helps organise something. */
export async function hasOwnOrganising(userId: string): Promise<boolean> {
  const result = await db().execute<{ yes: boolean }>(sql`
    select exists (select 1 from certificates where user_id = ${userId} and kind = 'citytrainer' and revoked_at is null)
        or exists (select 1 from team_members m join teams t on t.id = m.team_id where m.user_id = ${userId} and m.left_at is null and t.status = 'active')
        or exists (select 1 from activity_co_organisers where user_id = ${userId}) as yes`);
  return result.rows[0]?.yes === true;
}

/** The plan's facts as the organiser's page and the coach's review page show them (PlanFacts). */
export function planFactsOf(detail: NonNullable<Awaited<ReturnType<typeof findOrganisedActivity>>>, locale: Locale): PlanFactsProps["plan"] & { title: string } {
  const { activity, plan } = detail;
  return {
    title: activity.title,
    description: activity.description,
    idea: plan.idea,
    goal: plan.goal,
    targetGroup: plan.targetGroup,
    location: activity.location,
    neighbourhoodName: detail.neighbourhoodName,
    when: `${formatInZone(activity.startsAt, locale)} – ${formatInZone(activity.endsAt, locale, { timeStyle: "short" })}`,
    seriesCount: detail.seriesCount,
    capacity: activity.capacity,
    minAge: activity.minAge,
    maxAge: activity.maxAge,
    teamName: detail.teamName,
    organiserName: detail.organiserName,
    publicName: activity.organiserName,
    coOrganisers: detail.coOrganisers.map((c) => c.name),
  };
}
