/** Activities and registrations, and the shared rate-limit counters. */
import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tsvector, updatedAt } from "./columns";
import { users } from "./identity";
import { municipalities, neighbourhoods, partnerOrganisations } from "./tenancy";

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
    /**
     * A name the organiser typed in for the public calendar; null shows the partner organisation,
     * or the municipality when there is none (publicOrganiserName), so a staff member's own name
     * is only public when somebody chose it.
     */
    organiserName: text("organiser_name"),
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
    // Rows of other areas that belong to an activity name it with its municipality (composite keys).
    unique("activities_id_municipality_unique").on(t.id, t.municipalityId),
    index("activities_calendar_idx").on(t.municipalityId, t.status, t.startsAt, t.id),
    index("activities_public_idx").on(t.status, t.startsAt, t.id),
    index("activities_search_idx").using("gin", t.searchVector),
    // Parts of Dutch compound words in titles ("koekjes" in "Kerstkoekjes"): ILIKE '%word%' (pg_trgm).
    index("activities_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
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
