/** Tenancy: municipalities, neighbourhoods, partner organisations, memberships, invitations. */
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./identity";

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
    // Lets rows that name a partner prove it belongs to their municipality (a composite foreign key).
    unique("partner_organisations_id_municipality_unique").on(t.id, t.municipalityId),
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
