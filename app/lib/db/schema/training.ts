/**
 * Training: the Citytrainer course. Tracks are curriculum templates with versions (the network's,
 * and each municipality's own adapted copy); a cohort follows one published version; residents
 * apply, are admitted into an enrolment, and each enrolment has a development plan, attendance per
 * session, assessments per competence and, at the end, a certificate of participation.
 *
 * A published track version is never changed in place: triggers in migration 0007 refuse any
 * change to a published version and to its competences, levels, modules and materials.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn as AnyColumn,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt } from "./columns";
import { users } from "./identity";
import { municipalities, neighbourhoods } from "./tenancy";

// ---------------------------------------------------------------------------------------------
// Tracks (curriculum templates) and their versions
// ---------------------------------------------------------------------------------------------

/**
 * A track: the network's template (municipality_id null), or a municipality's own copy of a
 * network track (municipality_id set, adopted_from_track_id the network track).
 */
export const tracks = pgTable(
  "tracks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    adoptedFromTrackId: uuid("adopted_from_track_id").references((): AnyColumn => tracks.id, { onDelete: "set null" }),
    /**
     * For a municipality's copy: the network version its project leader said "not now" to. The
     * offer to take over stays quiet for that version and comes back with the next one.
     */
    declinedNetworkVersionId: uuid("declined_network_version_id").references((): AnyColumn => trackVersions.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    index("tracks_municipality_idx").on(t.municipalityId),
    // A municipality adopts a network track once; it adapts that one copy.
    uniqueIndex("tracks_adopted_once").on(t.municipalityId, t.adoptedFromTrackId),
    check("tracks_copy_belongs_to_municipality", sql`${t.adoptedFromTrackId} is null or ${t.municipalityId} is not null`),
  ],
);

export const TRACK_VERSION_STATUSES = ["draft", "published"] as const;
export type TrackVersionStatus = (typeof TRACK_VERSION_STATUSES)[number];

/** The content of a track at one version. Drafts are edited; published versions are frozen. */
export const trackVersions = pgTable(
  "track_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackId: uuid("track_id")
      .notNull()
      .references(() => tracks.id, { onDelete: "cascade" }),
    /** Copied from the track so municipal reads filter on one column. */
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    status: text("status", { enum: TRACK_VERSION_STATUSES }).notNull().default("draft"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    minAge: integer("min_age").notNull().default(14),
    maxAge: integer("max_age"),
    /** Applicants younger than this on the cohort's first day need a guardian's consent first. */
    guardianConsentBelowAge: integer("guardian_consent_below_age").notNull().default(16),
    meetingCount: integer("meeting_count").notNull().default(7),
    meetingMinutes: integer("meeting_minutes").notNull().default(150),
    followUpDays: integer("follow_up_days").notNull().default(2),
    followUpMinutes: integer("follow_up_minutes").notNull().default(240),
    practiceHoursTarget: integer("practice_hours_target").notNull().default(15),
    /** Completion rule for the certificate of participation: meetings attended (present or late). */
    completionMinMeetings: integer("completion_min_meetings").notNull().default(6),
    /** Completion rule: every assessment moment of the cohort recorded for every competence. */
    completionRequiresAssessments: boolean("completion_requires_assessments").notNull().default(true),
    /** For a municipality's version: the network version its content was last taken from. */
    basedOnVersionId: uuid("based_on_version_id").references((): AnyColumn => trackVersions.id, { onDelete: "set null" }),
    /** What changed in this version, written by whoever publishes it. */
    changeNote: text("change_note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("track_versions_number_unique").on(t.trackId, t.version),
    // At most one draft per track at a time.
    uniqueIndex("track_versions_one_draft").on(t.trackId).where(sql`${t.status} = 'draft'`),
    index("track_versions_municipality_idx").on(t.municipalityId),
    check("track_versions_status_valid", sql.raw(oneOf("status", TRACK_VERSION_STATUSES))),
    check("track_versions_published_has_date", sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check(
      "track_versions_ages_valid",
      sql`${t.minAge} between 6 and 120 and (${t.maxAge} is null or ${t.maxAge} between ${t.minAge} and 120) and ${t.guardianConsentBelowAge} between 0 and 18`,
    ),
    check(
      "track_versions_numbers_valid",
      sql`${t.meetingCount} between 1 and 50 and ${t.meetingMinutes} between 15 and 600 and ${t.followUpDays} between 0 and 20
        and ${t.followUpMinutes} between 0 and 720 and ${t.practiceHoursTarget} between 0 and 500
        and ${t.completionMinMeetings} between 0 and ${t.meetingCount}`,
    ),
    check("track_versions_version_positive", sql`${t.version} >= 1`),
  ],
);

/** A competence of a track version, assessed on its ordered rubric levels. */
export const trackCompetences = pgTable(
  "track_competences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackVersionId: uuid("track_version_id")
      .notNull()
      .references(() => trackVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Stable across versions: the same competence in a later version keeps its key (for comparing versions). */
    key: uuid("key").notNull().defaultRandom(),
  },
  (t) => [
    unique("track_competences_position_unique").on(t.trackVersionId, t.position),
    unique("track_competences_key_unique").on(t.trackVersionId, t.key),
    check("track_competences_position_positive", sql`${t.position} >= 1`),
  ],
);

/** One level of a competence's rubric; level 1 is the lowest. */
export const competenceLevels = pgTable(
  "competence_levels",
  {
    competenceId: uuid("competence_id")
      .notNull()
      .references(() => trackCompetences.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.competenceId, t.level] }), check("competence_levels_level_range", sql`${t.level} between 1 and 10`)],
);

export const MODULE_ORIGINS = ["network", "own"] as const;

/** A lesson module of a track version: goal, content, materials. */
export const trackModules = pgTable(
  "track_modules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackVersionId: uuid("track_version_id")
      .notNull()
      .references(() => trackVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    goal: text("goal").notNull().default(""),
    content: text("content").notNull().default(""),
    /** A municipality's own addition, kept when it takes over a newer network version. */
    origin: text("origin", { enum: MODULE_ORIGINS }).notNull().default("network"),
    /** Stable across versions, like a competence's key. */
    key: uuid("key").notNull().defaultRandom(),
  },
  (t) => [
    unique("track_modules_position_unique").on(t.trackVersionId, t.position),
    unique("track_modules_key_unique").on(t.trackVersionId, t.key),
    check("track_modules_origin_valid", sql.raw(oneOf("origin", MODULE_ORIGINS))),
  ],
);

/** An uploaded file of a lesson module (PDF, slides, document); the file itself is in storage. */
export const moduleMaterials = pgTable(
  "module_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => trackModules.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** Storage key; files are immutable, so copies of a version share them. */
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("module_materials_module_idx").on(t.moduleId), check("module_materials_size_positive", sql`${t.byteSize} > 0`)],
);

// ---------------------------------------------------------------------------------------------
// Cohorts and their sessions
// ---------------------------------------------------------------------------------------------

/**
 * A group following one published version of a municipality's track. `admitted_count` is kept by
 * the admission writes with a conditional update, and the check constraint makes exceeding
 * `max_size` impossible even for a write that forgets to (docs/decisions/008-capacity-under-concurrency.md).
 */
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    trackVersionId: uuid("track_version_id")
      .notNull()
      .references(() => trackVersions.id, { onDelete: "no action" }),
    name: text("name").notNull(),
    location: text("location").notNull(),
    maxSize: integer("max_size").notNull().default(15),
    admittedCount: integer("admitted_count").notNull().default(0),
    /** The first day of the course: ages are checked against it (Europe/Amsterdam). */
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    applicationsOpenOn: date("applications_open_on", { mode: "string" }).notNull(),
    applicationsCloseOn: date("applications_close_on", { mode: "string" }).notNull(),
    /** Null while the project leader prepares it: only then is it on the public page. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("cohorts_municipality_idx").on(t.municipalityId, t.startsOn),
    unique("cohorts_id_municipality_unique").on(t.id, t.municipalityId),
    check("cohorts_max_size_valid", sql`${t.maxSize} between 1 and 100`),
    check("cohorts_admitted_within_max", sql`${t.admittedCount} >= 0 and ${t.admittedCount} <= ${t.maxSize}`),
    check("cohorts_application_period_valid", sql`${t.applicationsCloseOn} >= ${t.applicationsOpenOn}`),
  ],
);

/** The municipality's course leaders who teach a cohort. */
export const cohortCourseLeaders = pgTable(
  "cohort_course_leaders",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_course_leaders_user_idx").on(t.userId)],
);

export const SESSION_KINDS = ["meeting", "follow_up"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A course meeting or follow-up day of a cohort. */
export const cohortSessions = pgTable(
  "cohort_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    /** The lesson module treated in this meeting, when one is planned (a module of the cohort's version). */
    moduleId: uuid("module_id").references(() => trackModules.id, { onDelete: "set null" }),
    title: text("title").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    location: text("location").notNull(),
    /** Set by the reminder job in the same transaction as the reminder mails: sent once. */
    remindersSentAt: timestamp("reminders_sent_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("cohort_sessions_cohort_idx").on(t.cohortId, t.startsAt),
    index("cohort_sessions_reminder_idx").on(t.startsAt).where(sql`${t.remindersSentAt} is null`),
    check("cohort_sessions_kind_valid", sql.raw(oneOf("kind", SESSION_KINDS))),
    check("cohort_sessions_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * A person's personal calendar feed of the sessions of every cohort they are in (as trainee or
 * course leader); only the hash of its token is stored, and a new token replaces the old one.
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------------------------
// Applications and enrolments
// ---------------------------------------------------------------------------------------------

/**
 * Where an application is. `pending` waits for the applicant's email confirmation and, under the
 * track's guardian age, the guardian's consent (the consent record says which); only `submitted`
 * and later are visible to course leaders beyond the fact that the application exists.
 */
export const APPLICATION_STATUSES = ["pending", "submitted", "intake_planned", "admitted", "waitlisted", "declined", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const HEARD_VIA = ["school", "friends", "social_media", "club", "social_worker", "municipality", "other"] as const;

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("pending"),
    name: text("name").notNull(),
    /** Lower-cased. */
    email: text("email").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    motivation: text("motivation").notNull(),
    talents: text("talents").notNull().default(""),
    interests: text("interests").notNull().default(""),
    availability: text("availability").notNull().default(""),
    heardVia: text("heard_via", { enum: HEARD_VIA }),
    /** The language of the form: every later message to applicant and guardian uses it. */
    locale: text("locale", { enum: ["nl", "en"] }).notNull().default("nl"),
    /** Age on the cohort's first day, computed in Europe/Amsterdam when applying. */
    ageOnStart: integer("age_on_start").notNull(),
    needsGuardianConsent: boolean("needs_guardian_consent").notNull(),
    guardianName: text("guardian_name"),
    guardianEmail: text("guardian_email"),
    /** Hash of the token in the applicant's confirmation mail (double opt-in), and of their status link. */
    confirmTokenHash: text("confirm_token_hash").notNull().unique(),
    emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
    /** A pending application is deleted with all its data after this moment (the retention job). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    intakeAt: timestamp("intake_at", { withTimezone: true }),
    intakeLocation: text("intake_location"),
    intakeNotes: text("intake_notes").notNull().default(""),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Waiting-list order: the first offered a freed place is the lowest number. */
    sequence: bigserial("sequence", { mode: "number" }).notNull(),
    /** The account the application belongs to, from admission on (or earlier, when signed in). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("applications_cohort_idx").on(t.cohortId, t.status, t.sequence),
    index("applications_municipality_idx").on(t.municipalityId),
    index("applications_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    index("applications_user_idx").on(t.userId),
    // One live application per address per cohort.
    uniqueIndex("applications_live_email_unique")
      .on(t.cohortId, t.email)
      .where(sql`${t.status} not in ('declined', 'withdrawn')`),
    foreignKey({ name: "applications_cohort_in_municipality_fk", columns: [t.cohortId, t.municipalityId], foreignColumns: [cohorts.id, cohorts.municipalityId] }).onDelete("cascade"),
    check("applications_status_valid", sql.raw(oneOf("status", APPLICATION_STATUSES))),
    check("applications_heard_via_valid", sql.raw(`heard_via is null or ${oneOf("heard_via", HEARD_VIA)}`)),
    check("applications_locale_valid", sql`${t.locale} in ('nl', 'en')`),
    check("applications_age_valid", sql`${t.ageOnStart} between 0 and 130`),
    check(
      "applications_guardian_when_needed",
      sql`not ${t.needsGuardianConsent} or (${t.guardianName} is not null and ${t.guardianEmail} is not null)`,
    ),
  ],
);

export const ENROLMENT_STATUSES = ["active", "withdrawn", "completed"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** A trainee in a cohort: made on admission; the person is a trainee of this cohort from then on. */
export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "set null" }),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("active"),
    createdAt: createdAt(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    unique("enrolments_one_per_person").on(t.cohortId, t.userId),
    uniqueIndex("enrolments_application_unique").on(t.applicationId),
    index("enrolments_user_idx").on(t.userId),
    foreignKey({ name: "enrolments_cohort_in_municipality_fk", columns: [t.cohortId, t.municipalityId], foreignColumns: [cohorts.id, cohorts.municipalityId] }).onDelete("cascade"),
    check("enrolments_status_valid", sql.raw(oneOf("status", ENROLMENT_STATUSES))),
  ],
);

// ---------------------------------------------------------------------------------------------
// Development plans, attendance, assessments, certificates
// ---------------------------------------------------------------------------------------------

/** The trainee's tailor-made development plan: their own parts and the course leader's observations. */
export const developmentPlans = pgTable("development_plans", {
  enrolmentId: uuid("enrolment_id")
    .primaryKey()
    .references(() => enrolments.id, { onDelete: "cascade" }),
  municipalityId: uuid("municipality_id")
    .notNull()
    .references(() => municipalities.id, { onDelete: "cascade" }),
  ownTalent: text("own_talent").notNull().default(""),
  ownStory: text("own_story").notNull().default(""),
  challenges: text("challenges").notNull().default(""),
  observations: text("observations").notNull().default(""),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

export const LEARNING_GOAL_STATUSES = ["open", "working_on", "achieved", "dropped"] as const;
export type LearningGoalStatus = (typeof LEARNING_GOAL_STATUSES)[number];

/** A learning goal of a development plan (later shared with the practice supervisor). */
export const learningGoals = pgTable(
  "learning_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    status: text("status", { enum: LEARNING_GOAL_STATUSES }).notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("learning_goals_enrolment_idx").on(t.enrolmentId, t.position),
    check("learning_goals_status_valid", sql.raw(oneOf("status", LEARNING_GOAL_STATUSES))),
  ],
);

/**
 * Every change to a development plan or its goals: who changed which part, when, from what to
 * what. The plan's history is read from here.
 */
export const developmentPlanChanges = pgTable(
  "development_plan_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** own_talent, own_story, challenges, observations, or goal:<id>. */
    part: text("part").notNull(),
    previousValue: text("previous_value"),
    newValue: text("new_value"),
    changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("development_plan_changes_enrolment_idx").on(t.enrolmentId, t.changedAt)],
);

export const ATTENDANCE_STATUSES = ["present", "absent_with_notice", "absent"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Attendance: one row per trainee per session. */
export const sessionAttendance = pgTable(
  "session_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => cohortSessions.id, { onDelete: "cascade" }),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
    isLate: boolean("is_late").notNull().default(false),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.enrolmentId] }),
    index("session_attendance_enrolment_idx").on(t.enrolmentId),
    check("session_attendance_status_valid", sql.raw(oneOf("status", ATTENDANCE_STATUSES))),
    check("session_attendance_late_only_when_present", sql`not ${t.isLate} or ${t.status} = 'present'`),
  ],
);

export const ASSESSMENT_MOMENT_KINDS = ["course", "final"] as const;
export type AssessmentMomentKind = (typeof ASSESSMENT_MOMENT_KINDS)[number];

/** An assessment moment of a cohort (e.g. halfway, at the end of the course, the final report). */
export const assessmentMoments = pgTable(
  "assessment_moments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    plannedOn: date("planned_on", { mode: "string" }),
    /** course: during the course; final: the assessment of the final report, whose levels the Citytrainer certificate shows. */
    kind: text("kind", { enum: ASSESSMENT_MOMENT_KINDS }).notNull().default("course"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("assessment_moments_position_unique").on(t.cohortId, t.position),
    uniqueIndex("assessment_moments_one_final").on(t.cohortId).where(sql`${t.kind} = 'final'`),
    check("assessment_moments_kind_valid", sql.raw(oneOf("kind", ASSESSMENT_MOMENT_KINDS))),
  ],
);

/**
 * A course leader's assessment of one trainee on one competence at one moment. The foreign key to
 * the competence's levels keeps the level within its rubric.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    momentId: uuid("moment_id")
      .notNull()
      .references(() => assessmentMoments.id, { onDelete: "cascade" }),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    competenceId: uuid("competence_id")
      .notNull()
      .references(() => trackCompetences.id, { onDelete: "no action" }),
    level: integer("level").notNull(),
    narrative: text("narrative").notNull().default(""),
    assessedBy: text("assessed_by").references(() => users.id, { onDelete: "set null" }),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("assessments_one_per_competence").on(t.momentId, t.enrolmentId, t.competenceId),
    index("assessments_enrolment_idx").on(t.enrolmentId),
    foreignKey({ name: "assessments_level_in_rubric_fk", columns: [t.competenceId, t.level], foreignColumns: [competenceLevels.competenceId, competenceLevels.level] }).onDelete("no action"),
  ],
);

export const CERTIFICATE_KINDS = ["participation", "citytrainer"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/**
 * A certificate issued to a trainee: the certificate of participation now, the Citytrainer
 * certificate later. What it says is kept as issued (names and dates), so it reads the same when
 * the track or cohort is renamed; issuing twice returns the same row.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id").references(() => enrolments.id, { onDelete: "set null" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: CERTIFICATE_KINDS }).notNull(),
    /** Printed on the certificate and checked at /certificaat/<code>. */
    verificationCode: text("verification_code").notNull().unique(),
    holderName: text("holder_name").notNull(),
    trackName: text("track_name").notNull(),
    cohortName: text("cohort_name").notNull(),
    municipalityName: text("municipality_name").notNull(),
    courseStartedOn: date("course_started_on", { mode: "string" }).notNull(),
    courseEndedOn: date("course_ended_on", { mode: "string" }).notNull(),
    issuedBy: text("issued_by").references(() => users.id, { onDelete: "set null" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by").references(() => users.id, { onDelete: "set null" }),
    /** Why it was revoked; shown on the public verification page. */
    revocationReason: text("revocation_reason"),
    /**
     * Citytrainer certificate: the competences and levels achieved, as issued
     * ([{ name, level, levelName }]), and the signed Open Badges 3.0 credential, kept byte for
     * byte as signed so every download is the same document.
     */
    achievedCompetences: jsonb("achieved_competences"),
    credential: jsonb("credential"),
    /** Its entry in the issuer's revocation status list (docs/decisions on certificates). */
    statusListId: uuid("status_list_id"),
    statusListIndex: integer("status_list_index"),
  },
  (t) => [
    uniqueIndex("certificates_one_per_kind").on(t.enrolmentId, t.kind),
    index("certificates_user_idx").on(t.userId),
    check("certificates_kind_valid", sql.raw(oneOf("kind", CERTIFICATE_KINDS))),
    check("certificates_code_format", sql`${t.verificationCode} ~ '^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$'`),
    check("certificates_revoked_has_reason", sql`(${t.revokedAt} is null) or length(trim(coalesce(${t.revocationReason}, ''))) > 0`),
    check(
      "certificates_citytrainer_has_status_entry",
      sql`${t.kind} <> 'citytrainer' or (${t.statusListId} is not null and ${t.statusListIndex} is not null)`,
    ),
    uniqueIndex("certificates_status_list_entry_unique").on(t.statusListId, t.statusListIndex),
  ],
);

