/**
 * What the team pages read. Every query of one team takes its municipality id as well as its id
 * (a team id from another municipality finds nothing), except the resident's own list, which is
 * by their account across municipalities.
 */
import { sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { todayInAmsterdam } from "~/features/training/age";
import { db, type Executor } from "~/lib/db/client.server";
import type { ActionPointStatus, TeamStatus } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { mayBeNamedPublicly } from "./junior";
import { restsOnOnePerson, windowStart, type OnePersonFlag, type TeamWorkItem } from "./one-person";

export interface TeamRow {
  id: string;
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  neighbourhoodId: string | null;
  neighbourhoodName: string | null;
  name: string;
  description: string;
  isJunior: boolean;
  status: TeamStatus;
  isPublic: boolean;
  proposedBy: string | null;
  declineReason: string | null;
  createdAt: Date;
}

const TEAM_COLUMNS = sql`t.id, t.municipality_id as "municipalityId", m.slug as "municipalitySlug", m.name as "municipalityName",
  t.neighbourhood_id as "neighbourhoodId", n.name as "neighbourhoodName", t.name, t.description, t.is_junior as "isJunior",
  t.status, t.is_public as "isPublic", t.proposed_by as "proposedBy", t.decline_reason as "declineReason", t.created_at as "createdAt"`;
const TEAM_FROM = sql`teams t join municipalities m on m.id = t.municipality_id left join neighbourhoods n on n.id = t.neighbourhood_id`;

function toTeam(row: Record<string, unknown>): TeamRow {
  return { ...(row as unknown as TeamRow), createdAt: new Date(row.createdAt as string) };
}

/** A team of this municipality, or null. */
export async function findTeam(executor: Executor, municipalityId: string, teamId: string): Promise<TeamRow | null> {
  if (!isUuid(teamId)) return null;
  const result = await executor.execute(sql`select ${TEAM_COLUMNS} from ${TEAM_FROM} where t.id = ${teamId} and t.municipality_id = ${municipalityId}`);
  return result.rows[0] ? toTeam(result.rows[0]) : null;
}

/** A team by id alone, for the resident's own pages, where the membership is the gate. */
export async function findTeamById(teamId: string): Promise<TeamRow | null> {
  if (!isUuid(teamId)) return null;
  const result = await db().execute(sql`select ${TEAM_COLUMNS} from ${TEAM_FROM} where t.id = ${teamId}`);
  return result.rows[0] ? toTeam(result.rows[0]) : null;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  isKeyFigure: boolean;
  joinedAt: Date;
  /** From the person's latest course application; null when the platform does not know it. */
  dateOfBirth: string | null;
}

/** The team's current members, key figures first, then by when they joined. */
export async function listMembers(executor: Executor, municipalityId: string, teamId: string): Promise<MemberRow[]> {
  const result = await executor.execute(sql`
    select tm.user_id as "userId", u.name, u.email, tm.is_key_figure as "isKeyFigure", tm.created_at as "joinedAt",
      (select a.date_of_birth from applications a where a.user_id = tm.user_id order by a.created_at desc limit 1) as "dateOfBirth"
      from team_members tm join users u on u.id = tm.user_id
     where tm.team_id = ${teamId} and tm.municipality_id = ${municipalityId} and tm.left_at is null
     order by tm.is_key_figure desc, tm.created_at, u.name`);
  return result.rows.map((r) => ({ ...(r as unknown as MemberRow), joinedAt: new Date(r.joinedAt as string) }));
}

/** The date of birth the platform knows of a person (their latest course application), or null. */
export async function knownDateOfBirth(executor: Executor, userId: string): Promise<string | null> {
  const result = await executor.execute(sql`select date_of_birth as "dateOfBirth" from applications where user_id = ${userId} order by created_at desc limit 1`);
  return (result.rows[0]?.dateOfBirth as string | undefined) ?? null;
}

export interface VoteRow {
  userId: string;
  name: string;
  vote: "agree" | "object";
  comment: string;
}

export interface ActionPointRow {
  id: string;
  what: string;
  why: string;
  dueOn: string;
  decideBy: string;
  status: ActionPointStatus;
  proposedBy: string | null;
  proposerName: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  doneAt: Date | null;
  votes: VoteRow[];
}

export async function listActionPoints(executor: Executor, municipalityId: string, teamId: string): Promise<ActionPointRow[]> {
  const points = await executor.execute(sql`
    select p.id, p.what, p.why, p.due_on as "dueOn", p.decide_by as "decideBy", p.status, p.proposed_by as "proposedBy", u.name as "proposerName",
           p.created_at as "createdAt", p.decided_at as "decidedAt", p.done_at as "doneAt"
      from action_points p left join users u on u.id = p.proposed_by
     where p.team_id = ${teamId} and p.municipality_id = ${municipalityId}
     order by p.due_on, p.created_at`);
  const votes = await executor.execute(sql`
    select v.action_point_id as "pointId", v.user_id as "userId", u.name, v.vote, v.comment
      from action_point_votes v join users u on u.id = v.user_id join action_points p on p.id = v.action_point_id
     where p.team_id = ${teamId} and v.municipality_id = ${municipalityId} order by v.created_at`);
  return points.rows.map((r) => ({
    ...(r as unknown as ActionPointRow),
    createdAt: new Date(r.createdAt as string),
    decidedAt: r.decidedAt ? new Date(r.decidedAt as string) : null,
    doneAt: r.doneAt ? new Date(r.doneAt as string) : null,
    votes: votes.rows.filter((v) => v.pointId === r.id).map((v) => ({ userId: v.userId as string, name: v.name as string, vote: v.vote as "agree" | "object", comment: v.comment as string })),
  }));
}

export interface TeamActivityRow {
  activityId: string;
  title: string;
  startsAt: Date;
  status: string;
  organiserUserId: string | null;
  organiserName: string | null;
  createdAt: Date;
  /** The evaluation's turnout, or the confirmed sign-ups of an activity that took place without one; null before it took place. */
  reached: number | null;
}

/** The activities organised as the team (organised_activities.team_id), newest first. */
export async function listTeamActivities(executor: Executor, municipalityId: string, teamId: string): Promise<TeamActivityRow[]> {
  const result = await executor.execute(sql`
    select a.id as "activityId", a.title, a.starts_at as "startsAt", a.status, o.organiser_user_id as "organiserUserId", u.name as "organiserName",
           o.created_at as "createdAt",
           case when e.activity_id is not null then e.turnout
                when a.ends_at < now() and a.status in ('published', 'completed') then a.confirmed_count
                else null end as reached
      from organised_activities o join activities a on a.id = o.activity_id
      left join activity_evaluations e on e.activity_id = a.id
      left join users u on u.id = o.organiser_user_id
     where o.team_id = ${teamId} and o.municipality_id = ${municipalityId}
     order by a.starts_at desc`);
  return result.rows.map((r) => ({
    ...(r as unknown as TeamActivityRow),
    startsAt: new Date(r.startsAt as string),
    createdAt: new Date(r.createdAt as string),
    reached: r.reached === null ? null : Number(r.reached),
  }));
}

export function peopleReached(activities: readonly TeamActivityRow[]): number {
  return activities.reduce((sum, a) => sum + (a.status === "cancelled" ? 0 : (a.reached ?? 0)), 0);
}

/** The team's work of the last months, for the one-person flag. */
export function workItems(activities: readonly TeamActivityRow[], points: readonly ActionPointRow[]): TeamWorkItem[] {
  return [
    ...activities.filter((a) => a.status !== "cancelled").map((a) => ({ kind: "activity" as const, userId: a.organiserUserId, at: a.createdAt })),
    ...points.filter((p) => p.status !== "withdrawn").map((p) => ({ kind: "action_point" as const, userId: p.proposedBy, at: p.createdAt })),
  ];
}

export interface TeamSummary {
  id: string;
  name: string;
  status: TeamStatus;
  isJunior: boolean;
  isPublic: boolean;
  neighbourhoodId: string | null;
  neighbourhoodName: string | null;
  description: string;
  proposerName: string | null;
  createdAt: Date;
  memberCount: number;
  agreedPoints: number;
  donePoints: number;
  openPoints: number;
  activities: number;
  reached: number;
  flags: (OnePersonFlag & { name: string | null })[];
}

/**
 * Every team of a municipality with its figures and one-person flags, by neighbourhood. Also what
 * the neighbourhood overview (/beheer/:slug/wijkoverzicht) shows of teams.
 */
export async function listTeamsForOverview(municipalityId: MunicipalityId, now: Date = new Date()): Promise<TeamSummary[]> {
  const since = windowStart(now).toISOString();
  const teams = await db().execute(sql`
    select t.id, t.name, t.status, t.is_junior as "isJunior", t.is_public as "isPublic", t.neighbourhood_id as "neighbourhoodId", n.name as "neighbourhoodName",
           t.description, pu.name as "proposerName", t.created_at as "createdAt",
           (select count(*)::int from team_members tm where tm.team_id = t.id and tm.left_at is null) as "memberCount",
           (select count(*)::int from action_points p where p.team_id = t.id and p.status = 'agreed') as "agreedPoints",
           (select count(*)::int from action_points p where p.team_id = t.id and p.status = 'done') as "donePoints",
           (select count(*)::int from action_points p where p.team_id = t.id and p.status = 'open') as "openPoints",
           (select count(*)::int from organised_activities o join activities a on a.id = o.activity_id where o.team_id = t.id and a.status <> 'cancelled') as activities,
           (select coalesce(sum(case when e.activity_id is not null then e.turnout when a.ends_at < now() and a.status in ('published', 'completed') then a.confirmed_count else 0 end), 0)::int
              from organised_activities o join activities a on a.id = o.activity_id left join activity_evaluations e on e.activity_id = a.id where o.team_id = t.id) as reached
      from teams t left join neighbourhoods n on n.id = t.neighbourhood_id left join users pu on pu.id = t.proposed_by
     where t.municipality_id = ${municipalityId}
     order by n.name nulls last, t.name`);
  const work = await db().execute(sql`
    select o.team_id as "teamId", 'activity' as kind, o.organiser_user_id as "userId", o.created_at as at
      from organised_activities o join activities a on a.id = o.activity_id
     where o.municipality_id = ${municipalityId} and o.team_id is not null and a.status <> 'cancelled' and o.created_at >= ${since}::timestamptz
    union all
    select p.team_id, 'action_point', p.proposed_by, p.created_at from action_points p
     where p.municipality_id = ${municipalityId} and p.status <> 'withdrawn' and p.created_at >= ${since}::timestamptz`);
  const names = await db().execute(sql`
    select tm.team_id as "teamId", tm.user_id as "userId", u.name from team_members tm join users u on u.id = tm.user_id where tm.municipality_id = ${municipalityId}`);
  return teams.rows.map((row) => {
    const id = row.id as string;
    const items = work.rows
      .filter((w) => w.teamId === id)
      .map((w) => ({ kind: w.kind as TeamWorkItem["kind"], userId: (w.userId as string | null) ?? null, at: new Date(w.at as string) }));
    const flags = restsOnOnePerson(items, now).map((f) => ({ ...f, name: (names.rows.find((n) => n.teamId === id && n.userId === f.userId)?.name as string | undefined) ?? null }));
    return { ...(row as unknown as TeamSummary), createdAt: new Date(row.createdAt as string), flags };
  });
}

export interface MyTeamRow {
  id: string;
  name: string;
  status: TeamStatus;
  isJunior: boolean;
  isKeyFigure: boolean;
  municipalityName: string;
  neighbourhoodName: string | null;
  declineReason: string | null;
  openPoints: number;
}

/** The teams the person is a member of (also proposed and declined ones they proposed). */
export async function listMyTeams(userId: string): Promise<MyTeamRow[]> {
  const result = await db().execute(sql`
    select t.id, t.name, t.status, t.is_junior as "isJunior", tm.is_key_figure as "isKeyFigure", m.name as "municipalityName", n.name as "neighbourhoodName",
           t.decline_reason as "declineReason",
           (select count(*)::int from action_points p where p.team_id = t.id and p.status = 'open') as "openPoints"
      from team_members tm join teams t on t.id = tm.team_id join municipalities m on m.id = t.municipality_id
      left join neighbourhoods n on n.id = t.neighbourhood_id
     where tm.user_id = ${userId} and tm.left_at is null and t.status <> 'archived'
     order by case t.status when 'active' then 0 when 'proposed' then 1 else 2 end, t.name`);
  return result.rows as unknown as MyTeamRow[];
}

export interface PendingInvitationRow {
  teamName: string;
  municipalityName: string;
  inviterName: string | null;
  expiresAt: Date;
}

/** Email invitations to the person's address that are still open (the link itself is only in the mail). */
export async function listPendingInvitations(email: string): Promise<PendingInvitationRow[]> {
  const result = await db().execute(sql`
    select t.name as "teamName", m.name as "municipalityName", u.name as "inviterName", i.expires_at as "expiresAt"
      from team_invitations i join teams t on t.id = i.team_id join municipalities m on m.id = t.municipality_id left join users u on u.id = i.invited_by
     where i.email = ${email.toLowerCase()} and i.accepted_at is null and i.revoked_at is null and i.expires_at > now() and t.status = 'active'
     order by i.created_at desc`);
  return result.rows.map((r) => ({ ...(r as unknown as PendingInvitationRow), expiresAt: new Date(r.expiresAt as string) }));
}

export interface InvitationListRow {
  id: string;
  email: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
}

/** The team's invitations still open (for its key figures). */
export async function listOpenInvitations(executor: Executor, municipalityId: string, teamId: string): Promise<InvitationListRow[]> {
  const result = await executor.execute(sql`
    select id, email, expires_at as "expiresAt", accepted_at as "acceptedAt" from team_invitations
     where team_id = ${teamId} and municipality_id = ${municipalityId} and accepted_at is null and revoked_at is null and expires_at > now()
     order by created_at desc`);
  return result.rows.map((r) => ({ ...(r as unknown as InvitationListRow), expiresAt: new Date(r.expiresAt as string), acceptedAt: null }));
}

export interface NeighbourhoodOption {
  id: string;
  name: string;
  municipalityName: string;
}

/** Where residents can propose a team: the neighbourhoods of published municipalities. */
export async function listProposableNeighbourhoods(): Promise<NeighbourhoodOption[]> {
  const result = await db().execute(sql`
    select n.id, n.name, m.name as "municipalityName" from neighbourhoods n join municipalities m on m.id = n.municipality_id
     where m.published_at is not null order by m.name, n.name`);
  return result.rows as unknown as NeighbourhoodOption[];
}

export interface PublicTeam {
  team: TeamRow;
  firstNames: string[];
  /** Members not named (age unknown or under 16): counted only. */
  othersCount: number;
  donePoints: { id: string; what: string; doneAt: Date | null }[];
  activities: { id: string; title: string; startsAt: Date }[];
  reached: number;
}

/** A team's public page: only an active team whose key figures made it public. */
export async function findPublicTeam(municipalityId: MunicipalityId, teamId: string): Promise<PublicTeam | null> {
  const team = await findTeam(db(), municipalityId, teamId);
  if (!team || team.status !== "active" || !team.isPublic) return null;
  const today = todayInAmsterdam();
  const [members, points, activities] = await Promise.all([
    listMembers(db(), municipalityId, teamId),
    listActionPoints(db(), municipalityId, teamId),
    listTeamActivities(db(), municipalityId, teamId),
  ]);
  const named = members.filter((m) => mayBeNamedPublicly(m.dateOfBirth, today));
  return {
    team,
    firstNames: named.map((m) => m.name.trim().split(/\s+/)[0] ?? "").filter(Boolean),
    othersCount: members.length - named.length,
    donePoints: points.filter((p) => p.status === "done").map((p) => ({ id: p.id, what: p.what, doneAt: p.doneAt })),
    activities: activities.filter((a) => a.status === "published" || a.status === "completed").map((a) => ({ id: a.activityId, title: a.title, startsAt: a.startsAt })),
    reached: peopleReached(activities),
  };
}

/** The public teams of a municipality, for its public page. */
export async function listPublicTeams(municipalityId: MunicipalityId): Promise<{ id: string; name: string; neighbourhoodName: string | null; isJunior: boolean }[]> {
  const result = await db().execute(sql`
    select t.id, t.name, n.name as "neighbourhoodName", t.is_junior as "isJunior" from teams t left join neighbourhoods n on n.id = t.neighbourhood_id
     where t.municipality_id = ${municipalityId} and t.status = 'active' and t.is_public order by t.name`);
  return result.rows as unknown as { id: string; name: string; neighbourhoodName: string | null; isJunior: boolean }[];
}

export interface InvitationByToken {
  id: string;
  teamId: string;
  municipalityId: string;
  teamName: string;
  teamStatus: TeamStatus;
  isJunior: boolean;
  municipalityName: string;
  email: string | null;
  inviterName: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  revokedAt: Date | null;
}

export async function findTeamInvitationByHash(tokenHash: string): Promise<InvitationByToken | null> {
  const result = await db().execute(sql`
    select i.id, i.team_id as "teamId", i.municipality_id as "municipalityId", t.name as "teamName", t.status as "teamStatus", t.is_junior as "isJunior",
           m.name as "municipalityName", i.email, u.name as "inviterName", i.expires_at as "expiresAt", i.accepted_at as "acceptedAt",
           i.accepted_by as "acceptedBy", i.revoked_at as "revokedAt"
      from team_invitations i join teams t on t.id = i.team_id join municipalities m on m.id = i.municipality_id left join users u on u.id = i.invited_by
     where i.token_hash = ${tokenHash}`);
  const row = result.rows[0];
  if (!row) return null;
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return { ...(row as unknown as InvitationByToken), expiresAt: new Date(row.expiresAt as string), acceptedAt: date(row.acceptedAt), revokedAt: date(row.revokedAt) };
}

/** Whether the person is a current member of the team. */
export async function isCurrentMember(executor: Executor, teamId: string, userId: string): Promise<boolean> {
  const result = await executor.execute(sql`select 1 from team_members where team_id = ${teamId} and user_id = ${userId} and left_at is null`);
  return result.rows.length > 0;
}

/** Everything one team's pages show: members, action points, activities and open invitations. */
export async function loadTeamPage(team: Pick<TeamRow, "id" | "municipalityId">) {
  const [members, points, activities, invitations] = await Promise.all([
    listMembers(db(), team.municipalityId, team.id),
    listActionPoints(db(), team.municipalityId, team.id),
    listTeamActivities(db(), team.municipalityId, team.id),
    listOpenInvitations(db(), team.municipalityId, team.id),
  ]);
  return { members, points, activities, invitations };
}

/** Whether the person is a current member of the team (for pages outside a transaction). */
export function isMemberOf(teamId: string, userId: string): Promise<boolean> {
  return isCurrentMember(db(), teamId, userId);
}

/** The date of birth the platform knows of a person, outside a transaction. */
export function dateOfBirthOf(userId: string): Promise<string | null> {
  return knownDateOfBirth(db(), userId);
}
