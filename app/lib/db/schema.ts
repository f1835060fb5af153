/**
 * The database schema. Migrations in db/migrations are generated from this file
 * (`npm run db:generate`) and applied at start-up. Invariants that protect data (uniqueness,
 * allowed values, scope consistency) are constraints here, not only checks in code.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Identity: the tables better-auth reads and writes (property names are better-auth's field names)
// ---------------------------------------------------------------------------------------------

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
  locale: text("locale").notNull().default("nl"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

export const twoFactors = pgTable(
  "two_factors",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    verified: boolean("verified").default(true),
    failedVerificationCount: integer("failed_verification_count").default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("two_factors_user_idx").on(t.userId), index("two_factors_secret_idx").on(t.secret)],
);

/** better-auth's request rate limiter, kept in PostgreSQL so it holds across app instances. */
export const rateLimits = pgTable("rate_limits", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

/** Failed sign-ins per email address; a lock holds across app instances because it lives here. */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failureCount: integer("failure_count").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

// ---------------------------------------------------------------------------------------------
// Tenancy: municipalities, neighbourhoods, partner organisations, memberships, invitations
// ---------------------------------------------------------------------------------------------

export const municipalities = pgTable(
  "municipalities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    themeColour: text("theme_colour").notNull().default("#1d4f91"),
    logoPath: text("logo_path"),
    introduction: text("introduction").notNull().default(""),
    /** Where residents' replies to the municipality's mails go (the mails' Reply-To); none when unset. */
    contactEmail: text("contact_email"),
    /** Null until its project leader publishes it: only then do its public pages, feeds and API entries exist. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("municipalities_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("municipalities_theme_colour_format", sql`${t.themeColour} ~ '^#[0-9a-f]{6}$'`),
  ],
);

export const neighbourhoods = pgTable(
  "neighbourhoods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("neighbourhoods_name_unique").on(t.municipalityId, t.name)],
);

/**
 * A deleted neighbourhood, kept for a short while so the deletion can be undone: its name and the
 * activities that lost it (they get it back on undo, unless someone gave them another one since).
 */
export const neighbourhoodDeletions = pgTable(
  "neighbourhood_deletions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    neighbourhoodId: uuid("neighbourhood_id").notNull(),
    name: text("name").notNull(),
    activityIds: uuid("activity_ids").array().notNull(),
    deletedBy: text("deleted_by").references(() => users.id, { onDelete: "set null" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
    restoredAt: timestamp("restored_at", { withTimezone: true }),
  },
  (t) => [index("neighbourhood_deletions_municipality_idx").on(t.municipalityId, t.deletedAt)],
);

export const PARTNER_KINDS = [
  "sport",
  "culture",
  "welfare",
  "school",
  "housing",
  "police",
  "business",
  "municipal_department",
  "other",
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const partnerOrganisations = pgTable(
  "partner_organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: PARTNER_KINDS }).notNull(),
    website: text("website"),
    email: text("email"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("partner_organisations_name_unique").on(t.municipalityId, t.name),
    check(
      "partner_organisations_kind_valid",
      sql.raw(`kind in (${PARTNER_KINDS.map((k) => `'${k}'`).join(", ")})`),
    ),
  ],
);

export const ROLES = [
  "network_coordinator",
  "project_leader",
  "course_leader",
  "practice_supervisor",
  "partner_contact",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * A role in a scope. The check constraint keeps scope and role consistent: network roles carry no
 * municipality, municipal roles carry one, partner roles carry the partner and its municipality.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    partnerOrganisationId: uuid("partner_organisation_id").references(() => partnerOrganisations.id, {
      onDelete: "cascade",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("memberships_unique")
      .on(t.userId, t.role, t.municipalityId, t.partnerOrganisationId)
      .nullsNotDistinct(),
    index("memberships_municipality_idx").on(t.municipalityId),
    check(
      "memberships_scope_matches_role",
      sql`(${t.role} = 'network_coordinator' and ${t.municipalityId} is null and ${t.partnerOrganisationId} is null)
       or (${t.role} in ('project_leader', 'course_leader') and ${t.municipalityId} is not null and ${t.partnerOrganisationId} is null)
       or (${t.role} in ('practice_supervisor', 'partner_contact') and ${t.municipalityId} is not null and ${t.partnerOrganisationId} is not null)`,
    ),
  ],
);

/** A role taken away, kept for a short while so it can be given back from the notice (undo). */
export const membershipRemovals = pgTable(
  "membership_removals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    partnerOrganisationId: uuid("partner_organisation_id").references(() => partnerOrganisations.id, { onDelete: "cascade" }),
    removedBy: text("removed_by").references(() => users.id, { onDelete: "set null" }),
    removedAt: timestamp("removed_at", { withTimezone: true }).notNull().defaultNow(),
    restoredAt: timestamp("restored_at", { withTimezone: true }),
  },
  (t) => [index("membership_removals_municipality_idx").on(t.municipalityId, t.removedAt)],
);

/** An emailed invitation to take a role; only the hash of its token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    partnerOrganisationId: uuid("partner_organisation_id").references(() => partnerOrganisations.id, {
      onDelete: "cascade",
    }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_municipality_idx").on(t.municipalityId)],
);

// ---------------------------------------------------------------------------------------------
// Mail: the outbox, written in the same transaction as the change that causes a message
// ---------------------------------------------------------------------------------------------

export const OUTBOX_STATUSES = ["pending", "sent", "held", "failed"] as const;

export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** Attachments as JSON: [{ filename, contentType, content }]. */
    attachments: text("attachments"),
    kind: text("kind").notNull(),
    /** The language the message is written in (its Content-Language). */
    locale: text("locale", { enum: ["nl", "en"] }).notNull().default("nl"),
    /**
     * The URLs in the body that carry a token (reset, sign-in, verification, invitation, cancel),
     * named when the message is written so the mail viewer can hide them from everyone but the
     * recipient.
     */
    secretLinks: text("secret_links").array().notNull().default(sql`'{}'::text[]`),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Set when the retention job emptied the body, links and attachments (docs/retention.md). */
    bodyRemovedAt: timestamp("body_removed_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_emails_created_idx").on(t.createdAt),
    index("outbox_emails_to_idx").on(t.toAddress),
    check("outbox_emails_locale_valid", sql`${t.locale} in ('nl', 'en')`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Activities and registrations
// ---------------------------------------------------------------------------------------------

export const ACTIVITY_CATEGORIES = ["sport", "culture", "welfare", "other"] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export const ACTIVITY_STATUSES = ["draft", "in_review", "published", "cancelled", "completed"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const AGE_GROUPS = ["under_12", "12_15", "16_17", "18_26", "27_66", "67_plus"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    /** Activities of one weekly series share this id. */
    seriesId: uuid("series_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    category: text("category", { enum: ACTIVITY_CATEGORIES }).notNull(),
    location: text("location").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    minAge: integer("min_age"),
    maxAge: integer("max_age"),
    /** null means unlimited places. */
    capacity: integer("capacity"),
    /** Confirmed registrations; kept by the registration writes under a lock on this row. */
    confirmedCount: integer("confirmed_count").notNull().default(0),
    waitlistEnabled: boolean("waitlist_enabled").notNull().default(true),
    registrationRequired: boolean("registration_required").notNull().default(true),
    imagePath: text("image_path"),
    organiserName: text("organiser_name").notNull(),
    /** The person who organises it (a trainee or Citytrainer in later flows); staff otherwise. */
    organiserUserId: text("organiser_user_id").references(() => users.id, { onDelete: "set null" }),
    partnerOrganisationId: uuid("partner_organisation_id").references(() => partnerOrganisations.id, {
      onDelete: "set null",
    }),
    status: text("status", { enum: ACTIVITY_STATUSES }).notNull().default("draft"),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('dutch'::regconfig, coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(location, ''))`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("activities_calendar_idx").on(t.municipalityId, t.status, t.startsAt, t.id),
    index("activities_public_idx").on(t.status, t.startsAt, t.id),
    index("activities_search_idx").using("gin", t.searchVector),
    check("activities_category_valid", sql`${t.category} in ('sport', 'culture', 'welfare', 'other')`),
    check(
      "activities_status_valid",
      sql`${t.status} in ('draft', 'in_review', 'published', 'cancelled', 'completed')`,
    ),
    check("activities_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("activities_capacity_positive", sql`${t.capacity} is null or ${t.capacity} >= 1`),
    check("activities_confirmed_count_nonnegative", sql`${t.confirmedCount} >= 0`),
    check(
      "activities_age_range_valid",
      sql`(${t.minAge} is null or ${t.minAge} >= 0) and (${t.maxAge} is null or ${t.maxAge} <= 120) and (${t.minAge} is null or ${t.maxAge} is null or ${t.minAge} <= ${t.maxAge})`,
    ),
  ],
);

export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ATTENDANCE = ["attended", "no_show"] as const;

export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** Acceptance order: the waitlist is served by this number. */
    sequence: bigserial("sequence", { mode: "number" }).notNull(),
    name: text("name").notNull(),
    /** Lower-cased; null only for a walk-in added by staff without an address. */
    email: text("email"),
    ageGroup: text("age_group", { enum: AGE_GROUPS }).notNull(),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    /** The language of the registration form, used for every later message to this person. */
    locale: text("locale", { enum: ["nl", "en"] }).notNull().default("nl"),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    cancelTokenHash: text("cancel_token_hash").notNull().unique(),
    attendance: text("attendance", { enum: ATTENDANCE }),
    isWalkIn: boolean("is_walk_in").notNull().default(false),
    createdAt: createdAt(),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Set when the retention job removed name, address and account link (docs/retention.md). */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
  },
  (t) => [
    // One live registration per email address per activity; a cancelled one may be followed by a new one.
    uniqueIndex("registrations_live_email_unique")
      .on(t.activityId, t.email)
      .where(sql`${t.status} <> 'cancelled'`),
    index("registrations_activity_status_idx").on(t.activityId, t.status, t.sequence),
    index("registrations_municipality_idx").on(t.municipalityId),
    check("registrations_status_valid", sql`${t.status} in ('confirmed', 'waitlisted', 'cancelled')`),
    check(
      "registrations_age_group_valid",
      sql`${t.ageGroup} in ('under_12', '12_15', '16_17', '18_26', '27_66', '67_plus')`,
    ),
    check("registrations_attendance_valid", sql`${t.attendance} is null or ${t.attendance} in ('attended', 'no_show')`),
    check("registrations_locale_valid", sql`${t.locale} in ('nl', 'en')`),
    check(
      "registrations_email_unless_walk_in",
      sql`${t.email} is not null or ${t.isWalkIn} or ${t.anonymisedAt} is not null`,
    ),
  ],
);

/** Fixed-window counters for rate limits that must hold across app instances. */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
