/**
 * Resident teams (EigenWIJzebuurten): residents of one neighbourhood who organise together. A team
 * has members with accounts, key figures among them (trekkers, the contact persons), invitations,
 * and action points that members propose and agree on. The agreement rule (every member agreed
 * within the point's period) is app/features/teams/agreement.ts; the constraints here refuse what
 * it never allows.
 */
import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt } from "./columns";
import { users } from "./identity";
import { municipalities, neighbourhoods } from "./tenancy";

export const TEAM_STATUSES = ["proposed", "active", "declined", "archived"] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];
/** A Junior team's members are at most this old (EigenWIJzebuurten Junior). */
export const JUNIOR_TEAM_MAX_AGE = 25;

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** Required when a team is formed; null only after its neighbourhood was deleted. */
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** What the team wants to do for the neighbourhood, in its own words. */
    description: text("description").notNull().default(""),
    isJunior: boolean("is_junior").notNull().default(false),
    /** proposed by residents → active once a project leader confirms; registered by staff → active at once. */
    status: text("status", { enum: TEAM_STATUSES }).notNull().default("proposed"),
    /** Whether the team's page (what it did) is shown on the municipality's public site. */
    isPublic: boolean("is_public").notNull().default(false),
    proposedBy: text("proposed_by").references(() => users.id, { onDelete: "set null" }),
    confirmedBy: text("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("teams_id_municipality_unique").on(t.id, t.municipalityId),
    uniqueIndex("teams_name_unique").on(t.municipalityId, sql`lower(${t.name})`),
    index("teams_neighbourhood_idx").on(t.municipalityId, t.neighbourhoodId, t.status),
    check("teams_status_valid", sql.raw(oneOf("status", TEAM_STATUSES))),
    check("teams_name_not_blank", sql`length(trim(${t.name})) between 1 and 120`),
    check("teams_confirmed_when_active", sql`${t.status} <> 'active' or ${t.confirmedAt} is not null`),
    check("teams_declined_has_reason", sql`${t.status} <> 'declined' or length(trim(coalesce(${t.declineReason}, ''))) > 0`),
  ],
);

/** A member of a team (an account); key figures are the team's contact persons. */
export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    isKeyFigure: boolean("is_key_figure").notNull().default(false),
    joinedAt: createdAt(),
    /** Set when the member left; a former member's votes and points stay, anonymised on erasure. */
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index("team_members_user_idx").on(t.userId),
    foreignKey({
      name: "team_members_team_in_municipality_fk",
      columns: [t.teamId, t.municipalityId],
      foreignColumns: [teams.id, teams.municipalityId],
    }).onDelete("cascade"),
  ],
);

/**
 * An invitation to join a team: by email (one person, one use) or as a link a key figure shares
 * (email null, usable until it expires or is revoked). Only the token's hash is kept.
 */
export const teamInvitations = pgTable(
  "team_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** Lower-cased; null for a shareable link. */
    email: text("email"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("team_invitations_team_idx").on(t.teamId),
    foreignKey({
      name: "team_invitations_team_in_municipality_fk",
      columns: [t.teamId, t.municipalityId],
      foreignColumns: [teams.id, teams.municipalityId],
    }).onDelete("cascade"),
    check("team_invitations_accepted_has_person", sql`(${t.acceptedAt} is null) or ${t.email} is null or ${t.acceptedBy} is not null`),
  ],
);

export const ACTION_POINT_STATUSES = ["open", "agreed", "not_agreed", "done", "withdrawn"] as const;
export type ActionPointStatus = (typeof ACTION_POINT_STATUSES)[number];

/**
 * An action point: what, why and by when. Members agree or object until `decideBy`; it becomes
 * agreed when every member agreed within that period, not agreed when someone objected or the
 * period passed without everyone's agreement.
 */
export const actionPoints = pgTable(
  "action_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    proposedBy: text("proposed_by").references(() => users.id, { onDelete: "set null" }),
    what: text("what").notNull(),
    why: text("why").notNull(),
    /** When it should be done (a quick win is due soon). */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** The end of the period in which members agree or object. */
    decideBy: date("decide_by", { mode: "string" }).notNull(),
    status: text("status", { enum: ACTION_POINT_STATUSES }).notNull().default("open"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("action_points_id_municipality_unique").on(t.id, t.municipalityId),
    index("action_points_team_idx").on(t.teamId, t.status, t.dueOn),
    foreignKey({
      name: "action_points_team_in_municipality_fk",
      columns: [t.teamId, t.municipalityId],
      foreignColumns: [teams.id, teams.municipalityId],
    }).onDelete("cascade"),
    check("action_points_status_valid", sql.raw(oneOf("status", ACTION_POINT_STATUSES))),
    check("action_points_what_not_blank", sql`length(trim(${t.what})) between 1 and 200`),
    check("action_points_decided_has_date", sql`(${t.status} = 'open') = (${t.decidedAt} is null)`),
    check("action_points_done_has_date", sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
  ],
);

export const ACTION_POINT_VOTES = ["agree", "object"] as const;
export type ActionPointVote = (typeof ACTION_POINT_VOTES)[number];

/** One member's answer to an action point; a member may change it while the point is open. */
export const actionPointVotes = pgTable(
  "action_point_votes",
  {
    actionPointId: uuid("action_point_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    vote: text("vote", { enum: ACTION_POINT_VOTES }).notNull(),
    comment: text("comment").notNull().default(""),
    votedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.actionPointId, t.userId] }),
    foreignKey({
      name: "action_point_votes_point_in_municipality_fk",
      columns: [t.actionPointId, t.municipalityId],
      foreignColumns: [actionPoints.id, actionPoints.municipalityId],
    }).onDelete("cascade"),
    check("action_point_votes_vote_valid", sql.raw(oneOf("vote", ACTION_POINT_VOTES))),
  ],
);
