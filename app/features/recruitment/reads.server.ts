/**
 * What invite links show: the public landing page of a code, the recruiter's own figures (counts
 * only, never who), and the staff's figures per neighbourhood. A recruit is a sign-up with a
 * registration_referrals row that is not cancelled (ADR 032).
 */
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { scopeFromRow, type MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import {
  activities,
  activityCoOrganisers,
  certificates,
  inviteLinks,
  municipalities,
  neighbourhoods,
  organisedActivities,
  registrationReferrals,
  registrations,
  teamMembers,
  teams,
  users,
} from "~/lib/db/schema";
import { findUsableLink } from "./links.server";
import { firstNameOf } from "./policy";

/** How many upcoming activities the landing page lists. */
const LANDING_ACTIVITIES = 8;

export interface InviteLanding {
  code: string;
  municipality: { id: MunicipalityId; slug: string; name: string; themeColour: string; logoPath: string | null };
  /** A person by first name only, or a team by its name. */
  inviter: { kind: "person"; firstName: string } | { kind: "team"; name: string };
  activities: { id: string; title: string; startsAt: Date; location: string }[];
}

/** The landing page of a usable code in a published municipality; null for anything else. */
export async function findInviteLanding(code: unknown): Promise<InviteLanding | null> {
  const link = await findUsableLink(db(), code);
  if (!link) return null;
  const [municipality] = await db()
    .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name, themeColour: municipalities.themeColour, logoPath: municipalities.logoPath })
    .from(municipalities)
    .where(and(eq(municipalities.id, link.municipalityId), isNotNull(municipalities.publishedAt)));
  if (!municipality) return null;
  let inviter: InviteLanding["inviter"];
  if (link.ownerUserId) {
    const [owner] = await db().select({ name: users.name }).from(users).where(eq(users.id, link.ownerUserId));
    if (!owner) return null;
    inviter = { kind: "person", firstName: firstNameOf(owner.name) };
  } else {
    const [team] = await db().select({ name: teams.name }).from(teams).where(eq(teams.id, link.teamId!));
    if (!team) return null;
    inviter = { kind: "team", name: team.name };
  }
  const upcoming = await db()
    .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, location: activities.location })
    .from(activities)
    .where(
      and(
        eq(activities.municipalityId, link.municipalityId),
        eq(activities.status, "published"),
        gt(activities.startsAt, new Date()),
        link.ownerUserId ? organisedByPerson(link.ownerUserId) : organisedByTeam(link.teamId!),
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(LANDING_ACTIVITIES);
  return { code: link.code, municipality: { ...municipality, id: scopeFromRow(municipality.id, true) }, inviter, activities: upcoming };
}

/** Activities a person organises: as the organiser of a resident's plan or a practice activity, or as co-organiser. */
function organisedByPerson(userId: string) {
  return sql`(${activities.organiserUserId} = ${userId}
    or exists (select 1 from ${organisedActivities} where ${organisedActivities.activityId} = ${activities.id} and ${organisedActivities.organiserUserId} = ${userId} and ${organisedActivities.teamId} is null)
    or exists (select 1 from ${activityCoOrganisers} where ${activityCoOrganisers.activityId} = ${activities.id} and ${activityCoOrganisers.userId} = ${userId}))`;
}

function organisedByTeam(teamId: string) {
  return sql`exists (select 1 from ${organisedActivities} where ${organisedActivities.activityId} = ${activities.id} and ${organisedActivities.teamId} = ${teamId})`;
}

export interface InviterRoles {
  /** Municipalities where the person is a certified Citytrainer. */
  citytrainerIn: { id: string; slug: string; name: string }[];
  /** Active teams the person is a member of. */
  teams: { id: string; name: string; municipalityId: string; slug: string }[];
}

/** Why a person may have invite links: their Citytrainer certificates and their active teams. */
export async function findInviterRoles(userId: string): Promise<InviterRoles> {
  const [citytrainerIn, teamRows] = await Promise.all([
    db()
      .selectDistinct({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
      .from(certificates)
      .innerJoin(municipalities, eq(municipalities.id, certificates.municipalityId))
      .where(and(eq(certificates.userId, userId), eq(certificates.kind, "citytrainer"), isNull(certificates.revokedAt)))
      .orderBy(asc(municipalities.name)),
    db()
      .select({ id: teams.id, name: teams.name, municipalityId: teams.municipalityId, slug: municipalities.slug })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .innerJoin(municipalities, eq(municipalities.id, teams.municipalityId))
      .where(and(eq(teamMembers.userId, userId), isNull(teamMembers.leftAt), eq(teams.status, "active")))
      .orderBy(asc(teams.name)),
  ]);
  return { citytrainerIn, teams: teamRows };
}

export interface RecruitmentFigures {
  recruited: number;
  newToPlatform: number;
  perActivity: { activityId: string; title: string; startsAt: Date; recruited: number; newToPlatform: number }[];
}

/** Sign-ups through any link (current or replaced) of a person in a municipality, or of a team: counts only. */
export async function recruitmentFigures(owner: { municipalityId: string; userId: string } | { teamId: string }): Promise<RecruitmentFigures> {
  const ownLinks =
    "teamId" in owner
      ? eq(inviteLinks.teamId, owner.teamId)
      : and(eq(inviteLinks.municipalityId, owner.municipalityId), eq(inviteLinks.ownerUserId, owner.userId));
  const rows = await db()
    .select({
      activityId: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      recruited: sql<number>`count(*)::int`,
      newToPlatform: sql<number>`count(*) filter (where ${registrationReferrals.isNewToPlatform})::int`,
    })
    .from(registrationReferrals)
    .innerJoin(inviteLinks, eq(inviteLinks.id, registrationReferrals.inviteLinkId))
    .innerJoin(registrations, eq(registrations.id, registrationReferrals.registrationId))
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .where(and(ownLinks, ne(registrations.status, "cancelled")))
    .groupBy(activities.id, activities.title, activities.startsAt)
    .orderBy(desc(activities.startsAt), asc(activities.id));
  return {
    recruited: rows.reduce((sum, row) => sum + row.recruited, 0),
    newToPlatform: rows.reduce((sum, row) => sum + row.newToPlatform, 0),
    perActivity: rows,
  };
}

export interface NeighbourhoodRecruitmentRow {
  /** The neighbourhood of the activities signed up for; null for activities without one. */
  neighbourhoodId: string | null;
  neighbourhoodName: string | null;
  recruiter: { kind: "person"; userId: string; name: string } | { kind: "team"; teamId: string; name: string };
  recruited: number;
  newToPlatform: number;
}

/**
 * For the staff's neighbourhood overview: residents recruited and how many were new to the
 * platform, per recruiter (a Citytrainer or a team) and per neighbourhood of the activity. Staff
 * see the recruiter's name (they coach them), still no recruit. `since` counts only sign-ups
 * attributed from then on (the overview's period).
 */
export async function neighbourhoodRecruitment(municipalityId: MunicipalityId, options: { since?: Date } = {}): Promise<NeighbourhoodRecruitmentRow[]> {
  const rows = await db()
    .select({
      neighbourhoodId: activities.neighbourhoodId,
      neighbourhoodName: neighbourhoods.name,
      ownerUserId: inviteLinks.ownerUserId,
      ownerName: users.name,
      teamId: inviteLinks.teamId,
      teamName: teams.name,
      recruited: sql<number>`count(*)::int`,
      newToPlatform: sql<number>`count(*) filter (where ${registrationReferrals.isNewToPlatform})::int`,
    })
    .from(registrationReferrals)
    .innerJoin(inviteLinks, eq(inviteLinks.id, registrationReferrals.inviteLinkId))
    .innerJoin(registrations, eq(registrations.id, registrationReferrals.registrationId))
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .leftJoin(users, eq(users.id, inviteLinks.ownerUserId))
    .leftJoin(teams, eq(teams.id, inviteLinks.teamId))
    .where(
      and(
        eq(registrationReferrals.municipalityId, municipalityId),
        ne(registrations.status, "cancelled"),
        options.since ? gte(registrationReferrals.createdAt, options.since) : undefined,
      ),
    )
    .groupBy(activities.neighbourhoodId, neighbourhoods.name, inviteLinks.ownerUserId, users.name, inviteLinks.teamId, teams.name)
    .orderBy(asc(neighbourhoods.name), desc(sql`count(*)`));
  return rows.map((row) => ({
    neighbourhoodId: row.neighbourhoodId,
    neighbourhoodName: row.neighbourhoodName,
    recruiter: row.teamId
      ? { kind: "team" as const, teamId: row.teamId, name: row.teamName ?? "" }
      : { kind: "person" as const, userId: row.ownerUserId ?? "", name: row.ownerName ?? "" },
    recruited: row.recruited,
    newToPlatform: row.newToPlatform,
  }));
}

/** How many flyers the invite page offers. */
const FLYER_ACTIVITIES = 20;

/**
 * The upcoming published activities a person may print a flyer of: organised by them, with them
 * as co-organiser, or by an active team they are a member of (the same rule as findFlyerActivity).
 */
export async function listFlyerActivities(userId: string): Promise<{ id: string; title: string; startsAt: Date }[]> {
  return db()
    .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt })
    .from(activities)
    .leftJoin(organisedActivities, eq(organisedActivities.activityId, activities.id))
    .where(
      and(
        eq(activities.status, "published"),
        gt(activities.startsAt, new Date()),
        sql`(${organisedActivities.organiserUserId} = ${userId} or ${activities.organiserUserId} = ${userId}
          or exists (select 1 from ${activityCoOrganisers} where ${activityCoOrganisers.activityId} = ${activities.id} and ${activityCoOrganisers.userId} = ${userId})
          or (${organisedActivities.teamId} is not null and exists (select 1 from ${teamMembers} join ${teams} on ${teams.id} = ${teamMembers.teamId}
              where ${teamMembers.teamId} = ${organisedActivities.teamId} and ${teamMembers.userId} = ${userId} and ${teamMembers.leftAt} is null and ${teams.status} = 'active')))`,
      ),
    )
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(FLYER_ACTIVITIES);
}

export interface FlyerFacts {
  activityId: string;
  municipalityId: string;
  slug: string;
  municipalityName: string;
  title: string;
  description: string;
  location: string;
  neighbourhoodName: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  teamId: string | null;
}

/**
 * The activity of a flyer, only for whoever organises it: its organiser, a co-organiser, or an
 * active member of the team it is organised by. Null for everyone else (the route answers 404).
 */
export async function findFlyerActivity(userId: string, activityId: string): Promise<FlyerFacts | null> {
  const [row] = await db()
    .select({
      activityId: activities.id,
      municipalityId: activities.municipalityId,
      slug: municipalities.slug,
      municipalityName: municipalities.name,
      title: activities.title,
      description: activities.description,
      location: activities.location,
      neighbourhoodName: neighbourhoods.name,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      status: activities.status,
      teamId: organisedActivities.teamId,
    })
    .from(activities)
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .leftJoin(organisedActivities, eq(organisedActivities.activityId, activities.id))
    .where(
      and(
        eq(activities.id, activityId),
        sql`(${organisedActivities.organiserUserId} = ${userId} or ${activities.organiserUserId} = ${userId}
          or exists (select 1 from ${activityCoOrganisers} where ${activityCoOrganisers.activityId} = ${activities.id} and ${activityCoOrganisers.userId} = ${userId})
          or (${organisedActivities.teamId} is not null and exists (select 1 from ${teamMembers} where ${teamMembers.teamId} = ${organisedActivities.teamId}
              and ${teamMembers.userId} = ${userId} and ${teamMembers.leftAt} is null)))`,
      ),
    );
  return row ?? null;
}
