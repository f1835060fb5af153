/**
 * Practice: the path from course to Citytrainer. The warm handover proposes a placement at a
 * partner organisation with one of its practice supervisors; the placement holds the practice
 * hours, the coaching notes, the trainee's own practice activity, the final report and the final
 * presentation at a ceremony. The states and who may move them are in
 * app/features/practice/journey.ts; the constraints here refuse what that table never allows.
 */
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt } from "./columns";
import { users } from "./identity";
import { activities } from "./activities";
import { municipalities, partnerOrganisations } from "./tenancy";
import { consentRecords } from "./privacy";
import { enrolments, learningGoals } from "./training";

/** How a municipality runs the practice part; a missing row means the defaults. */
export const programmeSettings = pgTable(
  "programme_settings",
  {
    municipalityId: uuid("municipality_id")
      .primaryKey()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** Whether a course leader may propose a placement before the certificate of participation. */
    handoverDuringCourse: boolean("handover_during_course").notNull().default(false),
    /** Days a supervisor has to answer a proposal before the project leader is alerted. */
    handoverAnswerDays: integer("handover_answer_days").notNull().default(10),
    /** Days without logged or signed-off hours before a placement counts as stalled. */
    placementQuietDays: integer("placement_quiet_days").notNull().default(28),
    /**
     * Whether certified Citytrainers publish their activities without review (trusted organisers);
     * a project leader can override it per organiser (organiser_trust).
     */
    certifiedPublishDirectly: boolean("certified_publish_directly").notNull().default(false),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("programme_settings_answer_days_range", sql`${t.handoverAnswerDays} between 1 and 60`),
    check("programme_settings_quiet_days_range", sql`${t.placementQuietDays} between 7 and 180`),
  ],
);

export const PLACEMENT_STATUSES = ["proposed", "declined", "withdrawn", "active", "completed", "ended"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
/** A trainee has at most one placement in these states. */
export const LIVE_PLACEMENT_STATUSES = ["proposed", "active"] as const satisfies readonly PlacementStatus[];

/**
 * A placement: proposed by the course leader at the warm handover, answered by the practice
 * supervisor, active while the trainee practises, completed when the Citytrainer certificate is
 * issued (or ended early with a reason). What the supervisor was shown is kept as shared: the
 * course leader's observations at the time of the proposal, and the learning goals of the
 * enrolment, which the trainee agreed to share (sharing_consent_id).
 */
export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    traineeUserId: text("trainee_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerOrganisationId: uuid("partner_organisation_id").notNull(),
    supervisorUserId: text("supervisor_user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: PLACEMENT_STATUSES }).notNull().default("proposed"),
    handoverAt: timestamp("handover_at", { withTimezone: true }).notNull(),
    handoverPlace: text("handover_place").notNull(),
    /** The proposal's note to the supervisor (why this place, what to expect). */
    proposalNote: text("proposal_note").notNull().default(""),
    /** The course leader's observations as they were shared with the supervisor. */
    sharedObservations: text("shared_observations").notNull().default(""),
    /** The trainee's (or, under 16, the guardian's) consent to share learning goals and observations. */
    sharingConsentId: uuid("sharing_consent_id").references(() => consentRecords.id, { onDelete: "set null" }),
    /** Set when the consent was given: only then does the supervisor see the proposal. */
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    proposedBy: text("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedAt: createdAt(),
    answeredBy: text("answered_by").references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    /** When the project leader was mailed that the proposal is unanswered (once per proposal). */
    answerOverdueMailedAt: timestamp("answer_overdue_mailed_at", { withTimezone: true }),
    /** The quiet spell the stalled-placement mail was sent for: the last hours moment at the time. */
    quietMailedFor: timestamp("quiet_mailed_for", { withTimezone: true }),
    quietMailedAt: timestamp("quiet_mailed_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live placement (proposed or active) per trainee.
    uniqueIndex("placements_one_live_per_trainee")
      .on(t.traineeUserId)
      .where(sql`${t.status} in ('proposed', 'active')`),
    index("placements_municipality_idx").on(t.municipalityId, t.status),
    index("placements_partner_idx").on(t.partnerOrganisationId, t.status),
    index("placements_supervisor_idx").on(t.supervisorUserId),
    index("placements_enrolment_idx").on(t.enrolmentId),
    unique("placements_id_municipality_unique").on(t.id, t.municipalityId),
    foreignKey({
      name: "placements_partner_in_municipality_fk",
      columns: [t.partnerOrganisationId, t.municipalityId],
      foreignColumns: [partnerOrganisations.id, partnerOrganisations.municipalityId],
    }).onDelete("cascade"),
    check("placements_status_valid", sql.raw(oneOf("status", PLACEMENT_STATUSES))),
    check("placements_answered_unless_proposed", sql`(${t.status} in ('proposed', 'withdrawn')) or ${t.answeredAt} is not null`),
    check("placements_declined_has_reason", sql`${t.status} <> 'declined' or length(trim(coalesce(${t.declineReason}, ''))) > 0`),
    check("placements_started_when_accepted", sql`(${t.status} in ('active', 'completed', 'ended')) = (${t.startedAt} is not null)`),
    check("placements_ended_has_date", sql`(${t.status} in ('completed', 'ended', 'withdrawn', 'declined')) = (${t.endedAt} is not null)`),
    check("placements_ended_early_has_reason", sql`${t.status} <> 'ended' or length(trim(coalesce(${t.endReason}, ''))) > 0`),
    check("placements_accepted_after_sharing", sql`${t.status} not in ('active', 'completed', 'ended') or ${t.sharedAt} is not null`),
  ],
);

export const HOUR_KINDS = ["placement", "activity_preparation", "activity"] as const;
export type HourKind = (typeof HOUR_KINDS)[number];
export const HOUR_STATUSES = ["submitted", "signed_off", "returned"] as const;
export type HourStatus = (typeof HOUR_STATUSES)[number];

/**
 * Practice hours the trainee logged. Only signed-off hours count toward the track's target.
 * guard_warnings holds the codes of the minors' working-time rules the entry breaks (computed
 * when it is logged, app/features/practice/hours-guard.ts); the supervisor must confirm such an
 * entry before signing it off, and the database refuses a sign-off without that confirmation.
 */
export const practiceHours = pgTable(
  "practice_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    placementId: uuid("placement_id").notNull(),
    traineeUserId: text("trainee_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: HOUR_KINDS }).notNull().default("placement"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    description: text("description").notNull(),
    learningGoalId: uuid("learning_goal_id").references(() => learningGoals.id, { onDelete: "set null" }),
    status: text("status", { enum: HOUR_STATUSES }).notNull().default("submitted"),
    /** The trainee said the day falls in a school holiday: a weekday then counts as "another day" for the guard. */
    schoolHoliday: boolean("school_holiday").notNull().default(false),
    guardWarnings: text("guard_warnings").array().notNull().default(sql`'{}'::text[]`),
    guardConfirmedBy: text("guard_confirmed_by").references(() => users.id, { onDelete: "set null" }),
    guardConfirmedAt: timestamp("guard_confirmed_at", { withTimezone: true }),
    returnComment: text("return_comment"),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("practice_hours_placement_idx").on(t.placementId, t.startsAt),
    index("practice_hours_municipality_idx").on(t.municipalityId, t.status),
    foreignKey({
      name: "practice_hours_placement_in_municipality_fk",
      columns: [t.placementId, t.municipalityId],
      foreignColumns: [placements.id, placements.municipalityId],
    }).onDelete("cascade"),
    check("practice_hours_kind_valid", sql.raw(oneOf("kind", HOUR_KINDS))),
    check("practice_hours_status_valid", sql.raw(oneOf("status", HOUR_STATUSES))),
    check("practice_hours_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("practice_hours_at_most_twelve_hours", sql`${t.endsAt} - ${t.startsAt} <= interval '12 hours'`),
    check("practice_hours_returned_has_comment", sql`${t.status} <> 'returned' or length(trim(coalesce(${t.returnComment}, ''))) > 0`),
    check("practice_hours_reviewed_has_date", sql`(${t.status} = 'submitted') = (${t.reviewedAt} is null)`),
    check(
      "practice_hours_guard_confirmed_before_sign_off",
      sql`${t.status} <> 'signed_off' or cardinality(${t.guardWarnings}) = 0 or ${t.guardConfirmedAt} is not null`,
    ),
  ],
);

/** A practice supervisor's (or course leader's) coaching note on a placement. */
export const coachingNotes = pgTable(
  "coaching_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    placementId: uuid("placement_id").notNull(),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("coaching_notes_placement_idx").on(t.placementId, t.createdAt),
    foreignKey({
      name: "coaching_notes_placement_in_municipality_fk",
      columns: [t.placementId, t.municipalityId],
      foreignColumns: [placements.id, placements.municipalityId],
    }).onDelete("cascade"),
  ],
);

/**
 * The trainee's own practice activity: an activity (the calendar's model, with the trainee as
 * organiser) and what only a practice activity has — the idea, its goal and target group, the
 * reviewer's last comment, and the trainee's evaluation afterwards. Its status is the activity's
 * status (draft → in_review → published → completed).
 */
export const practiceActivities = pgTable(
  "practice_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    placementId: uuid("placement_id").notNull(),
    activityId: uuid("activity_id")
      .notNull()
      .unique()
      .references(() => activities.id, { onDelete: "cascade" }),
    idea: text("idea").notNull(),
    goal: text("goal").notNull(),
    targetGroup: text("target_group").notNull(),
    /** The reviewer's comment when they asked for changes; cleared on approval. */
    changesRequested: text("changes_requested"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedBy: text("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    evaluationTurnout: integer("evaluation_turnout"),
    evaluationWentWell: text("evaluation_went_well"),
    evaluationDoDifferently: text("evaluation_do_differently"),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One practice activity per placement.
    uniqueIndex("practice_activities_one_per_placement").on(t.placementId),
    foreignKey({
      name: "practice_activities_placement_in_municipality_fk",
      columns: [t.placementId, t.municipalityId],
      foreignColumns: [placements.id, placements.municipalityId],
    }).onDelete("cascade"),
    check("practice_activities_turnout_nonnegative", sql`${t.evaluationTurnout} is null or ${t.evaluationTurnout} between 0 and 100000`),
    check(
      "practice_activities_evaluation_complete",
      sql`(${t.evaluatedAt} is null) = (${t.evaluationTurnout} is null) and (${t.evaluatedAt} is null) = (${t.evaluationWentWell} is null)`,
    ),
  ],
);

export const FINAL_REPORT_STATUSES = ["draft", "submitted", "assessed"] as const;
export type FinalReportStatus = (typeof FINAL_REPORT_STATUSES)[number];

/**
 * The trainee's final report on their practice (text, optionally one file). The supervisor and
 * course leader assess it on the track's competences at the cohort's final assessment moment
 * (assessment_moments.kind = 'final'); it is assessed when every competence has a level there.
 */
export const finalReports = pgTable(
  "final_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    placementId: uuid("placement_id").notNull(),
    body: text("body").notNull().default(""),
    filePath: text("file_path"),
    fileName: text("file_name"),
    fileType: text("file_type"),
    fileSize: integer("file_size"),
    status: text("status", { enum: FINAL_REPORT_STATUSES }).notNull().default("draft"),
    /** The reviewer's comment when they sent the report back; kept until it is submitted again. */
    returnComment: text("return_comment"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    assessedAt: timestamp("assessed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("final_reports_one_per_placement").on(t.placementId),
    foreignKey({
      name: "final_reports_placement_in_municipality_fk",
      columns: [t.placementId, t.municipalityId],
      foreignColumns: [placements.id, placements.municipalityId],
    }).onDelete("cascade"),
    check("final_reports_status_valid", sql.raw(oneOf("status", FINAL_REPORT_STATUSES))),
    check("final_reports_submitted_has_date", sql`(${t.status} = 'draft') = (${t.submittedAt} is null)`),
    check("final_reports_assessed_has_date", sql`(${t.status} = 'assessed') = (${t.assessedAt} is not null)`),
    check("final_reports_file_complete", sql`(${t.filePath} is null) = (${t.fileName} is null) and (${t.filePath} is null) = (${t.fileSize} is null)`),
  ],
);

/**
 * A ceremony where trainees give their final presentation (Eindpresentatie). It can be published
 * as a public activity so family and friends sign up (activity_id).
 */
export const ceremonies = pgTable(
  "ceremonies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    location: text("location").notNull(),
    programme: text("programme").notNull().default(""),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("ceremonies_municipality_idx").on(t.municipalityId, t.startsAt),
    unique("ceremonies_id_municipality_unique").on(t.id, t.municipalityId),
    check("ceremonies_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A trainee's final presentation, assigned to a ceremony; marked given afterwards. */
export const finalPresentations = pgTable(
  "final_presentations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    ceremonyId: uuid("ceremony_id").notNull(),
    placementId: uuid("placement_id").notNull(),
    position: integer("position").notNull().default(1),
    title: text("title").notNull().default(""),
    givenAt: timestamp("given_at", { withTimezone: true }),
    markedBy: text("marked_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("final_presentations_one_per_placement").on(t.placementId),
    index("final_presentations_ceremony_idx").on(t.ceremonyId, t.position),
    foreignKey({
      name: "final_presentations_ceremony_in_municipality_fk",
      columns: [t.ceremonyId, t.municipalityId],
      foreignColumns: [ceremonies.id, ceremonies.municipalityId],
    }).onDelete("cascade"),
    foreignKey({
      name: "final_presentations_placement_in_municipality_fk",
      columns: [t.placementId, t.municipalityId],
      foreignColumns: [placements.id, placements.municipalityId],
    }).onDelete("cascade"),
    check("final_presentations_position_positive", sql`${t.position} >= 1`),
  ],
);
