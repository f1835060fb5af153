/**
 * Every change to a team. Changes to who is a member or key figure lock the team's row first
 * (SELECT … FOR UPDATE), so two key figures stepping down or leaving at the same moment cannot
 * leave a team without one. A vote locks its action point's row, so the last two votes arriving at
 * once are evaluated one after the other and the point is agreed exactly once. Lock order, where
 * both are taken: the team, then its action points (leaving re-evaluates the open points).
 */
import { sql } from "drizzle-orm";
import { hashInvitationToken, newInvitationToken } from "~/features/memberships/tokens.server";
import { todayInAmsterdam } from "~/features/training/age";
import { db, type Transaction } from "~/lib/db/client.server";
import { uniqueViolation } from "~/lib/db/errors";
import type { Locale } from "~/lib/i18n";
import { addDaysToLocalDate } from "~/lib/time";
import { isUuid } from "~/lib/validation";
import { refuse, type WriteResult } from "~/lib/write-result";
import { decideActionPoint, decidingMembers, isPeriodOver, MAX_AGREEMENT_DAYS, type AgreementOutcome } from "./agreement";
import { queueTeamDecisionMail, queueTeamInvitationMail } from "./emails.server";
import { mayJoinTeam } from "./junior";
import { findTeamInvitationByHash, knownDateOfBirth, type TeamRow } from "./reads.server";
import type { ActionPointInput, TeamInput, VoteInput } from "./schema";

const DAY = 86_400_000;
/** An email invitation works two weeks, like a staff invitation. */
export const TEAM_EMAIL_INVITATION_DAYS = 14;
/** A shared link works a month: it is handed round at a neighbourhood meeting and on a chat group. */
export const TEAM_LINK_INVITATION_DAYS = 30;
/** How far ahead an action point may be due (a quick win is weeks away, a plan at most a year). */
export const MAX_DUE_DAYS = 365;

export interface TeamActor {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

async function lockTeam(tx: Transaction, municipalityId: string, teamId: string) {
  const result = await tx.execute(sql`select id, status, is_junior as "isJunior", name from teams where id = ${teamId} and municipality_id = ${municipalityId} for update`);
  return result.rows[0] as { id: string; status: string; isJunior: boolean; name: string } | undefined;
}

async function membership(tx: Transaction, teamId: string, userId: string) {
  const result = await tx.execute(sql`select is_key_figure as "isKeyFigure", left_at as "leftAt" from team_members where team_id = ${teamId} and user_id = ${userId}`);
  return result.rows[0] as { isKeyFigure: boolean; leftAt: Date | null } | undefined;
}

async function neighbourhoodIn(tx: Transaction, neighbourhoodId: string, municipalityId: string | null) {
  const result = await tx.execute(sql`
    select n.municipality_id as "municipalityId" from neighbourhoods n join municipalities m on m.id = n.municipality_id
     where n.id = ${neighbourhoodId} and (${municipalityId}::uuid is null and m.published_at is not null or n.municipality_id = ${municipalityId}::uuid)`);
  return (result.rows[0]?.municipalityId as string | undefined) ?? null;
}

async function addMember(tx: Transaction, municipalityId: string, teamId: string, userId: string, isKeyFigure: boolean): Promise<void> {
  // A former member who comes back starts as a new member: points proposed while they were away are not theirs to decide.
  await tx.execute(sql`
    insert into team_members (team_id, municipality_id, user_id, is_key_figure) values (${teamId}, ${municipalityId}, ${userId}, ${isKeyFigure})
    on conflict (team_id, user_id) do update set left_at = null, created_at = now(), is_key_figure = excluded.is_key_figure
      where team_members.left_at is not null`);
}

async function insertTeam(tx: Transaction, values: { municipalityId: string; input: TeamInput; status: "proposed" | "active"; proposedBy: string | null; confirmedBy: string | null }) {
  const result = await tx.execute(sql`
      insert into teams (municipality_id, neighbourhood_id, name, description, is_junior, status, proposed_by, confirmed_by, confirmed_at)
      values (${values.municipalityId}, ${values.input.neighbourhoodId}, ${values.input.name}, ${values.input.description}, ${values.input.isJunior},
              ${values.status}, ${values.proposedBy}, ${values.confirmedBy}, ${values.status === "active" ? sql`now()` : null})
      returning id`);
  return result.rows[0]!.id as string;
}

/** Inserts the team in a savepoint: a taken name (in this municipality, any case) answers null and leaves the transaction usable. */
async function insertTeamOnce(tx: Transaction, values: Parameters<typeof insertTeam>[1]): Promise<string | null> {
  try {
    return await tx.transaction((inner) => insertTeam(inner, values));
  } catch (error) {
    if (uniqueViolation(error) === "teams_name_unique") return null;
    throw error;
  }
}

/**
 * A project leader or course leader registers a team: active at once. The key figure named by
 * address joins at once when they have an account, and is invited by email otherwise (the first
 * member of a team without key figures becomes one).
 */
export async function registerTeam(municipalityId: string, staff: TeamActor, input: TeamInput, keyFigureEmail: string, municipalityName: string): Promise<WriteResult<{ teamId: string }>> {
  return db().transaction(async (tx) => {
    if (!(await neighbourhoodIn(tx, input.neighbourhoodId, municipalityId))) return refuse("neighbourhoodId", "validation.choose");
    const teamId = await insertTeamOnce(tx, { municipalityId, input, status: "active", proposedBy: null, confirmedBy: staff.id });
    if (!teamId) return refuse("name", "teams.error.nameTaken");
    const existing = await tx.execute(sql`select id from users where lower(email) = ${keyFigureEmail}`);
    const userId = existing.rows[0]?.id as string | undefined;
    if (userId) {
      await addMember(tx, municipalityId, teamId, userId, true);
    } else {
      await createEmailInvitation(tx, { municipalityId, municipalityName, teamId, teamName: input.name, inviter: staff, email: keyFigureEmail });
    }
    return { ok: true, teamId };
  });
}

/** A resident proposes a team in a neighbourhood of a published municipality; they become its key figure and a project leader confirms it. */
export async function proposeTeam(resident: TeamActor, input: TeamInput): Promise<WriteResult<{ teamId: string }>> {
  return db().transaction(async (tx) => {
    const municipalityId = await neighbourhoodIn(tx, input.neighbourhoodId, null);
    if (!municipalityId) return refuse("neighbourhoodId", "validation.choose");
    if (input.isJunior && !mayJoinTeam({ isJunior: true }, await knownDateOfBirth(tx, resident.id), todayInAmsterdam(), input.confirmAge)) {
      return refuse("confirmAge", (await knownDateOfBirth(tx, resident.id)) ? "teams.error.tooOldForJunior" : "teams.error.confirmAge");
    }
    const teamId = await insertTeamOnce(tx, { municipalityId, input, status: "proposed", proposedBy: resident.id, confirmedBy: null });
    if (!teamId) return refuse("name", "teams.error.nameTaken");
    await addMember(tx, municipalityId, teamId, resident.id, true);
    return { ok: true, teamId };
  });
}

async function proposerOf(tx: Transaction, teamId: string) {
  const result = await tx.execute(sql`select u.name, u.email, u.locale from teams t join users u on u.id = t.proposed_by where t.id = ${teamId}`);
  return result.rows[0] as { name: string; email: string; locale: string | null } | undefined;
}

/** A project leader confirms a proposed team: it becomes active. A second click finds it active and changes nothing. */
export async function confirmTeam(municipalityId: string, staffUserId: string, teamId: string): Promise<WriteResult> {
  if (!isUuid(teamId)) return refuse("_form", "teams.error.notProposed");
  return db().transaction(async (tx) => {
    const result = await tx.execute(sql`
      update teams set status = 'active', confirmed_by = ${staffUserId}, confirmed_at = now(), updated_at = now()
       where id = ${teamId} and municipality_id = ${municipalityId} and status = 'proposed' returning name`);
    const row = result.rows[0];
    if (!row) return refuse("_form", "teams.error.notProposed");
    const proposer = await proposerOf(tx, teamId);
    if (proposer) await queueTeamDecisionMail(tx, { to: proposer.email, name: proposer.name, locale: proposer.locale, teamId, teamName: row.name as string, municipalityId, confirmed: true });
    return { ok: true };
  });
}

/** A project leader declines a proposed team, with a reason the proposer reads. */
export async function declineTeam(municipalityId: string, teamId: string, reason: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const result = await tx.execute(sql`
      update teams set status = 'declined', decline_reason = ${reason}, updated_at = now()
       where id = ${teamId} and municipality_id = ${municipalityId} and status = 'proposed' returning name`);
    const row = result.rows[0];
    if (!row) return refuse("_form", "teams.error.notProposed");
    const proposer = await proposerOf(tx, teamId);
    if (proposer) await queueTeamDecisionMail(tx, { to: proposer.email, name: proposer.name, locale: proposer.locale, teamId, teamName: row.name as string, municipalityId, confirmed: false, reason });
    return { ok: true };
  });
}

async function createEmailInvitation(
  tx: Transaction,
  v: { municipalityId: string; municipalityName: string; teamId: string; teamName: string; inviter: TeamActor; email: string },
): Promise<void> {
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + TEAM_EMAIL_INVITATION_DAYS * DAY);
  // An earlier open invitation to the same address is replaced: one live link per person.
  await tx.execute(sql`update team_invitations set revoked_at = now() where team_id = ${v.teamId} and email = ${v.email} and accepted_at is null and revoked_at is null`);
  await tx.execute(sql`
    insert into team_invitations (team_id, municipality_id, email, token_hash, invited_by, expires_at)
    values (${v.teamId}, ${v.municipalityId}, ${v.email}, ${tokenHash}, ${v.inviter.id}, ${expiresAt.toISOString()}::timestamptz)`);
  const invitee = await tx.execute(sql`select locale from users where lower(email) = ${v.email}`);
  const locale = invitee.rows[0]?.locale === "en" ? "en" : invitee.rows[0]?.locale === "nl" ? "nl" : v.inviter.locale;
  await queueTeamInvitationMail(tx, {
    to: v.email,
    locale,
    token,
    teamName: v.teamName,
    inviterName: v.inviter.name,
    municipalityId: v.municipalityId,
    municipalityName: v.municipalityName,
    expiresAt,
  });
}

/** Refuses unless the actor is a current key figure of the active team (the team row is locked). */
async function asKeyFigure(tx: Transaction, team: TeamRow, actorId: string) {
  const locked = await lockTeam(tx, team.municipalityId, team.id);
  if (!locked || locked.status !== "active") return refuse("_form", "teams.error.notActive");
  const me = await membership(tx, team.id, actorId);
  if (!me || me.leftAt || !me.isKeyFigure) return refuse("_form", "teams.error.keyFigureOnly");
  return null;
}

/** A key figure invites someone by email. */
export async function inviteByEmail(team: TeamRow, inviter: TeamActor, email: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const refused = await asKeyFigure(tx, team, inviter.id);
    if (refused) return refused;
    const already = await tx.execute(sql`
      select 1 from team_members tm join users u on u.id = tm.user_id where tm.team_id = ${team.id} and tm.left_at is null and lower(u.email) = ${email}`);
    if (already.rows.length > 0) return refuse("email", "teams.error.alreadyMember");
    await createEmailInvitation(tx, { municipalityId: team.municipalityId, municipalityName: team.municipalityName, teamId: team.id, teamName: team.name, inviter, email });
    return { ok: true };
  });
}

/**
 * A key figure makes a shareable link (an invitation without an address). Only its hash is kept,
 * so the link is shown once, now; a new link replaces the previous one.
 */
export async function createInviteLink(team: TeamRow, inviter: TeamActor): Promise<WriteResult<{ token: string; expiresAt: Date }>> {
  return db().transaction(async (tx) => {
    const refused = await asKeyFigure(tx, team, inviter.id);
    if (refused) return refused;
    await tx.execute(sql`update team_invitations set revoked_at = now() where team_id = ${team.id} and email is null and revoked_at is null`);
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + TEAM_LINK_INVITATION_DAYS * DAY);
    await tx.execute(sql`
      insert into team_invitations (team_id, municipality_id, email, token_hash, invited_by, expires_at)
      values (${team.id}, ${team.municipalityId}, null, ${tokenHash}, ${inviter.id}, ${expiresAt.toISOString()}::timestamptz)`);
    return { ok: true, token, expiresAt };
  });
}

export async function revokeInvitation(team: TeamRow, actorId: string, invitationId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const refused = await asKeyFigure(tx, team, actorId);
    if (refused) return refused;
    await tx.execute(sql`update team_invitations set revoked_at = now() where id = ${invitationId} and team_id = ${team.id} and municipality_id = ${team.municipalityId} and revoked_at is null and accepted_at is null`);
    return { ok: true };
  });
}

export type AcceptOutcome = "joined" | "already" | "unknown" | "expired" | "used" | "wrongAccount" | "notActive" | "confirmAge" | "tooOld";

/** Accepting an invitation with a signed-in account: an email invitation only by that address, a link by anyone until it expires. */
export async function acceptTeamInvitation(token: string, user: { id: string; email: string }, confirmedAge: boolean): Promise<{ outcome: AcceptOutcome; teamId?: string }> {
  const invitation = await findTeamInvitationByHash(hashInvitationToken(token));
  if (!invitation) return { outcome: "unknown" };
  return db().transaction(async (tx) => {
    const team = await lockTeam(tx, invitation.municipalityId, invitation.teamId);
    if (!team || team.status !== "active") return { outcome: "notActive" };
    const current = await tx.execute(sql`
      select accepted_at as "acceptedAt", revoked_at as "revokedAt", expires_at as "expiresAt" from team_invitations where id = ${invitation.id} for update`);
    const row = current.rows[0] as { acceptedAt: string | null; revokedAt: string | null; expiresAt: string } | undefined;
    if (!row) return { outcome: "unknown" };
    const me = await membership(tx, team.id, user.id);
    if (me && !me.leftAt) return { outcome: "already", teamId: team.id };
    if (row.acceptedAt) return { outcome: "used" };
    if (row.revokedAt || new Date(row.expiresAt).getTime() <= Date.now()) return { outcome: "expired" };
    if (invitation.email !== null && invitation.email !== user.email.toLowerCase()) return { outcome: "wrongAccount" };
    const dateOfBirth = await knownDateOfBirth(tx, user.id);
    if (!mayJoinTeam(team, dateOfBirth, todayInAmsterdam(), confirmedAge)) return { outcome: dateOfBirth ? "tooOld" : "confirmAge" };
    const keyFigures = await tx.execute(sql`select 1 from team_members where team_id = ${team.id} and left_at is null and is_key_figure`);
    await addMember(tx, invitation.municipalityId, team.id, user.id, keyFigures.rows.length === 0);
    if (invitation.email !== null) {
      await tx.execute(sql`update team_invitations set accepted_at = now(), accepted_by = ${user.id} where id = ${invitation.id}`);
    }
    return { outcome: "joined", teamId: team.id };
  });
}

/** A key figure makes another current member a key figure too. */
export async function makeKeyFigure(team: TeamRow, actorId: string, userId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const refused = await asKeyFigure(tx, team, actorId);
    if (refused) return refused;
    const result = await tx.execute(sql`update team_members set is_key_figure = true where team_id = ${team.id} and user_id = ${userId} and left_at is null returning user_id`);
    if (result.rows.length === 0) return refuse("_form", "teams.error.notMember");
    return { ok: true };
  });
}

/** Re-evaluates the team's open points after its membership shrank (leaving can complete an agreement). */
async function reevaluateOpenPoints(tx: Transaction, team: { id: string; municipalityId: string }): Promise<void> {
  const open = await tx.execute(sql`select id from action_points where team_id = ${team.id} and status = 'open' order by id for update`);
  for (const point of open.rows) await evaluateLocked(tx, point.id as string, todayInAmsterdam());
}

/** A key figure removes a member (not themselves: that is leaving). */
export async function removeMember(team: TeamRow, actorId: string, userId: string): Promise<WriteResult> {
  if (userId === actorId) return refuse("_form", "teams.error.useLeave");
  return db().transaction(async (tx) => {
    const refused = await asKeyFigure(tx, team, actorId);
    if (refused) return refused;
    const result = await tx.execute(sql`update team_members set left_at = now(), is_key_figure = false where team_id = ${team.id} and user_id = ${userId} and left_at is null returning user_id`);
    if (result.rows.length === 0) return refuse("_form", "teams.error.notMember");
    await reevaluateOpenPoints(tx, team);
    return { ok: true };
  });
}

/** A member leaves. The last key figure names a successor among the members; the last member cannot leave (the team would have nobody). */
export async function leaveTeam(team: TeamRow, userId: string, successorId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const locked = await lockTeam(tx, team.municipalityId, team.id);
    if (!locked) return refuse("_form", "teams.error.notMember");
    const me = await membership(tx, team.id, userId);
    if (!me || me.leftAt) return refuse("_form", "teams.error.notMember");
    const others = await tx.execute(sql`select user_id as "userId", is_key_figure as "isKeyFigure" from team_members where team_id = ${team.id} and left_at is null and user_id <> ${userId}`);
    const rows = others.rows as { userId: string; isKeyFigure: boolean }[];
    if (rows.length === 0) return refuse("_form", "teams.error.lastMember");
    if (me.isKeyFigure && !rows.some((r) => r.isKeyFigure)) {
      if (!successorId) return refuse("successorId", "teams.error.nameSuccessor");
      if (!rows.some((r) => r.userId === successorId)) return refuse("successorId", "validation.invalid");
      await tx.execute(sql`update team_members set is_key_figure = true where team_id = ${team.id} and user_id = ${successorId}`);
    }
    await tx.execute(sql`update team_members set left_at = now(), is_key_figure = false where team_id = ${team.id} and user_id = ${userId}`);
    await reevaluateOpenPoints(tx, team);
    return { ok: true };
  });
}

/** The key figures decide whether the team's page is on the municipality's public site. */
export async function setTeamPublic(team: TeamRow, actorId: string, isPublic: boolean): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const refused = await asKeyFigure(tx, team, actorId);
    if (refused) return refused;
    await tx.execute(sql`update teams set is_public = ${isPublic}, updated_at = now() where id = ${team.id} and municipality_id = ${team.municipalityId}`);
    return { ok: true };
  });
}

/** Checks the point's dates against today: due within a year, decided within a month and not after it is due. */
export function checkActionPointDates(input: Pick<ActionPointInput, "dueOn" | "decideBy">, today: string): { field: "dueOn" | "decideBy"; message: "teams.error.dueRange" | "teams.error.decideRange" } | null {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && addDaysToLocalDate(d, 0) === d;
  if (!valid(input.dueOn) || input.dueOn < today || input.dueOn > addDaysToLocalDate(today, MAX_DUE_DAYS)) return { field: "dueOn", message: "teams.error.dueRange" };
  if (!valid(input.decideBy) || input.decideBy < today || input.decideBy > addDaysToLocalDate(today, MAX_AGREEMENT_DAYS) || input.decideBy > input.dueOn) {
    return { field: "decideBy", message: "teams.error.decideRange" };
  }
  return null;
}

/** A member proposes an action point; proposing it counts as agreeing with it. */
export async function proposeActionPoint(team: TeamRow, userId: string, input: ActionPointInput): Promise<WriteResult<{ actionPointId: string; outcome: AgreementOutcome }>> {
  const today = todayInAmsterdam();
  const dates = checkActionPointDates(input, today);
  if (dates) return refuse(dates.field, dates.message);
  return db().transaction(async (tx) => {
    const current = await tx.execute(sql`select status from teams where id = ${team.id} and municipality_id = ${team.municipalityId}`);
    if (current.rows[0]?.status !== "active") return refuse("_form", "teams.error.notActive");
    const me = await membership(tx, team.id, userId);
    if (!me || me.leftAt) return refuse("_form", "teams.error.notMember");
    const inserted = await tx.execute(sql`
      insert into action_points (team_id, municipality_id, proposed_by, what, why, due_on, decide_by)
      values (${team.id}, ${team.municipalityId}, ${userId}, ${input.what}, ${input.why}, ${input.dueOn}, ${input.decideBy}) returning id`);
    const actionPointId = inserted.rows[0]!.id as string;
    await tx.execute(sql`insert into action_point_votes (action_point_id, municipality_id, user_id, vote) values (${actionPointId}, ${team.municipalityId}, ${userId}, 'agree')`);
    await tx.execute(sql`select id from action_points where id = ${actionPointId} for update`);
    const outcome = await evaluateLocked(tx, actionPointId, today);
    return { ok: true, actionPointId, outcome };
  });
}

/**
 * Evaluates one open action point whose row the caller has locked, and records the outcome when it
 * is decided. Answers the outcome.
 */
async function evaluateLocked(tx: Transaction, actionPointId: string, today: string): Promise<AgreementOutcome> {
  const point = await tx.execute(sql`select team_id as "teamId", created_at as "createdAt", decide_by as "decideBy", status from action_points where id = ${actionPointId}`);
  const row = point.rows[0] as { teamId: string; createdAt: string; decideBy: string; status: string } | undefined;
  if (!row || row.status !== "open") return (row?.status as AgreementOutcome | undefined) ?? "open";
  const members = await tx.execute(sql`select user_id as "userId", created_at as "joinedAt" from team_members where team_id = ${row.teamId} and left_at is null`);
  const votes = await tx.execute(sql`select user_id as "userId", vote from action_point_votes where action_point_id = ${actionPointId}`);
  const outcome = decideActionPoint({
    proposedAt: new Date(row.createdAt),
    decideBy: row.decideBy,
    today,
    members: members.rows.map((m) => ({ userId: m.userId as string, joinedAt: new Date(m.joinedAt as string) })),
    votes: votes.rows.map((v) => ({ userId: v.userId as string, vote: v.vote as "agree" | "object" })),
  });
  if (outcome !== "open") {
    await tx.execute(sql`update action_points set status = ${outcome}, decided_at = now(), updated_at = now() where id = ${actionPointId} and status = 'open'`);
  }
  return outcome;
}

/** A member agrees or objects (and may change their answer) while the point is open and its period runs. */
export async function voteOnActionPoint(team: TeamRow, userId: string, input: VoteInput): Promise<WriteResult<{ outcome: AgreementOutcome }>> {
  const today = todayInAmsterdam();
  return db().transaction(async (tx) => {
    const locked = await tx.execute(sql`
      select status, created_at as "createdAt", decide_by as "decideBy" from action_points
       where id = ${input.actionPointId} and team_id = ${team.id} and municipality_id = ${team.municipalityId} for update`);
    const point = locked.rows[0] as { status: string; createdAt: string; decideBy: string } | undefined;
    if (!point) return refuse("_form", "teams.error.unknownPoint");
    if (point.status !== "open") return refuse("_form", "teams.error.pointDecided");
    if (isPeriodOver(point.decideBy, today)) {
      await evaluateLocked(tx, input.actionPointId, today);
      return refuse("_form", "teams.error.periodOver");
    }
    const members = await tx.execute(sql`select user_id as "userId", created_at as "joinedAt" from team_members where team_id = ${team.id} and left_at is null`);
    const deciding = decidingMembers({
      proposedAt: new Date(point.createdAt),
      members: members.rows.map((m) => ({ userId: m.userId as string, joinedAt: new Date(m.joinedAt as string) })),
    });
    if (!deciding.includes(userId)) return refuse("_form", "teams.error.notDeciding");
    await tx.execute(sql`
      insert into action_point_votes (action_point_id, municipality_id, user_id, vote, comment)
      values (${input.actionPointId}, ${team.municipalityId}, ${userId}, ${input.vote}, ${input.comment})
      on conflict (action_point_id, user_id) do update set vote = excluded.vote, comment = excluded.comment, created_at = now()`);
    return { ok: true, outcome: await evaluateLocked(tx, input.actionPointId, today) };
  });
}

/** A member marks an agreed point as done. */
export async function markActionPointDone(team: TeamRow, userId: string, actionPointId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const me = await membership(tx, team.id, userId);
    if (!me || me.leftAt) return refuse("_form", "teams.error.notMember");
    const result = await tx.execute(sql`
      update action_points set status = 'done', done_at = now(), updated_at = now()
       where id = ${actionPointId} and team_id = ${team.id} and municipality_id = ${team.municipalityId} and status = 'agreed' returning id`);
    if (result.rows.length === 0) return refuse("_form", "teams.error.notAgreed");
    return { ok: true };
  });
}

/**
 * Closes open points whose period has ended (the periodic job; pages also read the decide-by day).
 * Rows are taken with SKIP LOCKED, so two instances never evaluate the same point at once, and a
 * point locked by a vote in progress is evaluated by that vote or the next run.
 */
export async function closeExpiredActionPoints(now: Date = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  let closed = 0;
  for (;;) {
    const handled = await db().transaction(async (tx) => {
      const due = await tx.execute(sql`select id from action_points where status = 'open' and decide_by < ${today}::date order by decide_by, id limit 50 for update skip locked`);
      for (const row of due.rows) if ((await evaluateLocked(tx, row.id as string, today)) !== "open") closed += 1;
      return due.rows.length;
    });
    if (handled < 50) break;
  }
  return closed;
}
