/**
 * Residents at work: Citytrainers and resident teams organise activities of their own (the
 * calendar's `activities` row plus what only a resident's plan has), with co-organisers, a review
 * unless the organiser is trusted, messages to participants, an evaluation with photos (only of
 * people whose photo consent is recorded), and personal invite links that attribute sign-ups to
 * the resident who recruited them. States and who may move them: app/features/organisers/journey.ts.
 */
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt } from "./columns";
import { users } from "./identity";
import { activities, registrations } from "./activities";
import { municipalities } from "./tenancy";
import { consentRecords } from "./privacy";
import { teams } from "./teams";

export const ORGANISER_TRUST = ["trusted", "not_trusted"] as const;
export type OrganiserTrust = (typeof ORGANISER_TRUST)[number];

/**
 * A project leader's choice for one organiser, overriding the municipality's setting
 * (programme_settings.certified_publish_directly): trusted organisers publish without review.
 */
export const organiserTrust = pgTable(
  "organiser_trust",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    trust: text("trust", { enum: ORGANISER_TRUST }).notNull(),
    setBy: text("set_by").references(() => users.id, { onDelete: "set null" }),
    setAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.userId] }), check("organiser_trust_valid", sql.raw(oneOf("trust", ORGANISER_TRUST)))],
);

/**
 * A resident's own activity: organised by a Citytrainer (organiser_user_id) or by a team (team_id,
 * planned by one of its members). Its status is the activity's (draft → in_review → published →
 * completed); this row keeps the idea, goal and target group, the reviewer's last comment, and
 * whether it was published without review because the organiser was trusted.
 */
export const organisedActivities = pgTable(
  "organised_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id").notNull().unique(),
    /** The person who plans it (for a team: the member who made the plan). */
    organiserUserId: text("organiser_user_id").references(() => users.id, { onDelete: "set null" }),
    teamId: uuid("team_id"),
    idea: text("idea").notNull(),
    goal: text("goal").notNull(),
    targetGroup: text("target_group").notNull(),
    /** The reviewer's comment when they asked for changes; cleared on approval. */
    changesRequested: text("changes_requested"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** Published at submission because the organiser was trusted at that moment. */
    publishedWithoutReviewAt: timestamp("published_without_review_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("organised_activities_activity_municipality_unique").on(t.activityId, t.municipalityId),
    index("organised_activities_organiser_idx").on(t.organiserUserId),
    index("organised_activities_team_idx").on(t.teamId),
    index("organised_activities_municipality_idx").on(t.municipalityId),
    foreignKey({
      name: "organised_activities_activity_in_municipality_fk",
      columns: [t.activityId, t.municipalityId],
      foreignColumns: [activities.id, activities.municipalityId],
    }).onDelete("cascade"),
    foreignKey({
      name: "organised_activities_team_in_municipality_fk",
      columns: [t.teamId, t.municipalityId],
      foreignColumns: [teams.id, teams.municipalityId],
    }).onDelete("cascade"),
  ],
);

/** Other Citytrainers or team members who organise an activity with its organiser. */
export const activityCoOrganisers = pgTable(
  "activity_co_organisers",
  {
    activityId: uuid("activity_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.userId] }),
    index("activity_co_organisers_user_idx").on(t.userId),
    foreignKey({
      name: "activity_co_organisers_activity_in_municipality_fk",
      columns: [t.activityId, t.municipalityId],
      foreignColumns: [activities.id, activities.municipalityId],
    }).onDelete("cascade"),
  ],
);

/**
 * A personal invite link (and its QR code): a Citytrainer's or a team's. A sign-up that came
 * through it records the link (registrations.invite_link_id). The code is public by design (it is
 * printed on flyers); it says who recruited, nothing more.
 */
export const inviteLinks = pgTable(
  "invite_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** Short, random, URL-safe; what /doe-mee/:code and `ref` carry. */
    code: text("code").notNull().unique(),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid("team_id"),
    createdAt: createdAt(),
    /** A replaced link no longer attributes new sign-ups; earlier ones keep it. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    check("invite_links_one_owner", sql`(${t.ownerUserId} is null) <> (${t.teamId} is null)`),
    check("invite_links_code_format", sql`${t.code} ~ '^[A-Za-z0-9_-]{6,32}$'`),
    uniqueIndex("invite_links_one_live_per_person").on(t.municipalityId, t.ownerUserId).where(sql`${t.revokedAt} is null and ${t.ownerUserId} is not null`),
    uniqueIndex("invite_links_one_live_per_team").on(t.teamId).where(sql`${t.revokedAt} is null and ${t.teamId} is not null`),
    foreignKey({
      name: "invite_links_team_in_municipality_fk",
      columns: [t.teamId, t.municipalityId],
      foreignColumns: [teams.id, teams.municipalityId],
    }).onDelete("cascade"),
  ],
);

/**
 * A sign-up that came through an invite link: which link, and whether it was the first sign-up
 * ever with that email address on the platform (a resident new to the platform). The recruiter
 * sees only counts; the row holds no personal data beyond the registration it points to.
 */
export const registrationReferrals = pgTable(
  "registration_referrals",
  {
    registrationId: uuid("registration_id")
      .primaryKey()
      .references(() => registrations.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    inviteLinkId: uuid("invite_link_id")
      .notNull()
      .references(() => inviteLinks.id, { onDelete: "cascade" }),
    isNewToPlatform: boolean("is_new_to_platform").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("registration_referrals_link_idx").on(t.inviteLinkId)],
);

/**
 * The organiser's evaluation after the activity: turnout (pre-filled from check-ins), people
 * reached for the first time, what went well and what to do differently. With an evaluation a
 * completed activity counts as organised for the organiser's record.
 */
export const activityEvaluations = pgTable(
  "activity_evaluations",
  {
    activityId: uuid("activity_id").primaryKey(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    turnout: integer("turnout").notNull(),
    firstTimeCount: integer("first_time_count").notNull(),
    wentWell: text("went_well").notNull(),
    doDifferently: text("do_differently").notNull(),
    evaluatedBy: text("evaluated_by").references(() => users.id, { onDelete: "set null" }),
    evaluatedAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "activity_evaluations_activity_in_municipality_fk",
      columns: [t.activityId, t.municipalityId],
      foreignColumns: [activities.id, activities.municipalityId],
    }).onDelete("cascade"),
    check("activity_evaluations_turnout_range", sql`${t.turnout} between 0 and 100000`),
    check("activity_evaluations_first_time_range", sql`${t.firstTimeCount} between 0 and ${t.turnout}`),
  ],
);

export const PHOTO_VISIBILITY = ["internal", "public"] as const;
export type PhotoVisibility = (typeof PHOTO_VISIBILITY)[number];

/**
 * A photo of an activity, stored privately after sharp stripped its metadata. Everyone on it is a
 * row in activity_photo_subjects with a given photo consent; it is public only when every one of
 * those consents allows publication.
 */
export const activityPhotos = pgTable(
  "activity_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** Private file key in the "activity-photos" folder. */
    fileKey: text("file_key").notNull(),
    visibility: text("visibility", { enum: PHOTO_VISIBILITY }).notNull().default("internal"),
    caption: text("caption").notNull().default(""),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: createdAt(),
  },
  (t) => [
    unique("activity_photos_id_municipality_unique").on(t.id, t.municipalityId),
    index("activity_photos_activity_idx").on(t.activityId),
    foreignKey({
      name: "activity_photos_activity_in_municipality_fk",
      columns: [t.activityId, t.municipalityId],
      foreignColumns: [activities.id, activities.municipalityId],
    }).onDelete("cascade"),
    check("activity_photos_visibility_valid", sql.raw(oneOf("visibility", PHOTO_VISIBILITY))),
  ],
);

/** Who is on a photo, and the consent that allows it (the consent must be given; checked on upload). */
export const activityPhotoSubjects = pgTable(
  "activity_photo_subjects",
  {
    photoId: uuid("photo_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consentRecords.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.photoId, t.registrationId] }),
    index("activity_photo_subjects_consent_idx").on(t.consentId),
    foreignKey({
      name: "activity_photo_subjects_photo_in_municipality_fk",
      columns: [t.photoId, t.municipalityId],
      foreignColumns: [activityPhotos.id, activityPhotos.municipalityId],
    }).onDelete("cascade"),
  ],
);

/**
 * A short announcement the organiser sent to the activity's participants (a change of place),
 * kept as the log of what went to whom and when; the mails themselves are in the outbox.
 */
export const activityMessages = pgTable(
  "activity_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    sentBy: text("sent_by").references(() => users.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    recipientCount: integer("recipient_count").notNull(),
    sentAt: createdAt(),
  },
  (t) => [
    index("activity_messages_activity_idx").on(t.activityId, t.sentAt),
    foreignKey({
      name: "activity_messages_activity_in_municipality_fk",
      columns: [t.activityId, t.municipalityId],
      foreignColumns: [activities.id, activities.municipalityId],
    }).onDelete("cascade"),
    check("activity_messages_subject_length", sql`length(trim(${t.subject})) between 1 and 120`),
    check("activity_messages_body_length", sql`length(trim(${t.body})) between 1 and 2000`),
    check("activity_messages_recipients_nonnegative", sql`${t.recipientCount} >= 0`),
  ],
);
