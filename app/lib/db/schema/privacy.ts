/**
 * Privacy: consent records, the log of staff access to personal data, and people's requests to
 * have their data erased. Every later capability that needs a consent (a guardian's for an
 * under-16 applicant, photos, research) writes it here through app/features/privacy.
 */
import { sql } from "drizzle-orm";
import { bigserial, check, foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf } from "./columns";
import { users } from "./identity";
import { municipalities } from "./tenancy";
import { applications } from "./training";
import { registrations } from "./activities";

export const CONSENT_PURPOSES = ["course_application", "handover_sharing", "photos", "research"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** AVG article 6(1): the bases the platform uses. */
export const LEGAL_BASES = ["consent", "contract", "legitimate_interest", "public_task"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const CONSENT_GIVERS = ["self", "guardian"] as const;
export const CONSENT_STATUSES = ["requested", "given", "refused", "withdrawn"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
/** What a given photo consent allows: photos seen only by the organisers and the municipality, or also on the public activity page. */
export const PHOTO_CONSENT_SCOPES = ["internal", "public"] as const;
export type PhotoConsentScope = (typeof PHOTO_CONSENT_SCOPES)[number];

/**
 * One consent: for what, on which basis, about whom (an account, or an application before there
 * is one), given by the person or their guardian, how that was verified, and the exact text
 * version they saw. A guardian answers through an emailed link; only the token's hash is kept.
 */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CONSENT_PURPOSES }).notNull(),
    legalBasis: text("legal_basis", { enum: LEGAL_BASES }).notNull(),
    subjectUserId: text("subject_user_id").references(() => users.id, { onDelete: "cascade" }),
    subjectApplicationId: uuid("subject_application_id").references(() => applications.id, { onDelete: "cascade" }),
    /** A participant of an activity without an account (photo consent asked through the sign-up's address). */
    subjectRegistrationId: uuid("subject_registration_id").references(() => registrations.id, { onDelete: "cascade" }),
    givenBy: text("given_by", { enum: CONSENT_GIVERS }).notNull(),
    giverName: text("giver_name").notNull(),
    /** Lower-cased. */
    giverEmail: text("giver_email").notNull(),
    /** Which text was shown: a key of the consent texts in app/features/privacy/consent-texts.ts. */
    textVersion: text("text_version").notNull(),
    /** How the giver was verified, e.g. "email-link": they opened the link sent to giver_email. */
    evidence: text("evidence"),
    status: text("status", { enum: CONSENT_STATUSES }).notNull().default("requested"),
    tokenHash: text("token_hash").unique(),
    locale: text("locale", { enum: ["nl", "en"] }).notNull().default("nl"),
    requestedAt: createdAt(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** A photo consent's answer: internal use only, or also public (set when given). */
    photoScope: text("photo_scope", { enum: PHOTO_CONSENT_SCOPES }),
  },
  (t) => [
    index("consent_records_user_idx").on(t.subjectUserId),
    index("consent_records_application_idx").on(t.subjectApplicationId),
    index("consent_records_registration_idx").on(t.subjectRegistrationId),
    // One open or given photo consent per participant: asking twice (two clicks, two organisers) finds the first.
    uniqueIndex("consent_records_one_live_photo_consent")
      .on(t.subjectRegistrationId)
      .where(sql`${t.purpose} = 'photos' and ${t.status} in ('requested', 'given') and ${t.subjectRegistrationId} is not null`),
    check("consent_records_purpose_valid", sql.raw(oneOf("purpose", CONSENT_PURPOSES))),
    check("consent_records_legal_basis_valid", sql.raw(oneOf("legal_basis", LEGAL_BASES))),
    check("consent_records_given_by_valid", sql.raw(oneOf("given_by", CONSENT_GIVERS))),
    check("consent_records_status_valid", sql.raw(oneOf("status", CONSENT_STATUSES))),
    check("consent_records_has_subject", sql`${t.subjectUserId} is not null or ${t.subjectApplicationId} is not null or ${t.subjectRegistrationId} is not null`),
    check("consent_records_answered_has_date", sql`(${t.status} = 'requested') = (${t.answeredAt} is null)`),
    check("consent_records_photo_scope_valid", sql`${t.photoScope} is null or (${t.purpose} = 'photos' and ${t.photoScope} in ('internal', 'public'))`),
    check("consent_records_given_photo_has_scope", sql`${t.purpose} <> 'photos' or ${t.status} <> 'given' or ${t.photoScope} is not null`),
    check("consent_records_withdrawn_has_date", sql`(${t.status} = 'withdrawn') = (${t.withdrawnAt} is not null)`),
  ],
);

export const AUDITED_RESOURCES = [
  "application",
  "intake_notes",
  "development_plan",
  "attendance",
  "assessments",
  "enrolment",
  "placement",
  "practice_hours",
  "coaching_notes",
  "practice_activity",
  "final_report",
  "certificate",
  "organised_activity",
  "activity_participants",
  "activity_photos",
  "budget_request",
  "team",
  "data_export",
  "erasure",
] as const;
export type AuditedResource = (typeof AUDITED_RESOURCES)[number];
export const AUDIT_ACTIONS = ["view", "change", "export", "erase"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who looked at or changed whose personal data, and when. Written when staff open a trainee's or
 * applicant's page; read by the municipality's project leader and by the person themselves.
 * The subject is an account or, before admission, an application.
 */
export const personalDataAccessLog = pgTable(
  "personal_data_access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The actor's role when it happened, e.g. course_leader. */
    actorRole: text("actor_role").notNull(),
    subjectUserId: text("subject_user_id").references(() => users.id, { onDelete: "cascade" }),
    subjectApplicationId: uuid("subject_application_id"),
    resource: text("resource", { enum: AUDITED_RESOURCES }).notNull(),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("personal_data_access_log_municipality_idx").on(t.municipalityId, t.at),
    index("personal_data_access_log_subject_idx").on(t.subjectUserId, t.at),
    index("personal_data_access_log_application_idx").on(t.subjectApplicationId),
    foreignKey({ name: "personal_data_access_log_application_fk", columns: [t.subjectApplicationId], foreignColumns: [applications.id] }).onDelete(
      "set null",
    ),
    check("personal_data_access_log_resource_valid", sql.raw(oneOf("resource", AUDITED_RESOURCES))),
    check("personal_data_access_log_action_valid", sql.raw(oneOf("action", AUDIT_ACTIONS))),
  ],
);

export const ERASURE_REQUEST_STATUSES = ["pending", "completed", "rejected"] as const;
export type ErasureRequestStatus = (typeof ERASURE_REQUEST_STATUSES)[number];

/**
 * A person's request to erase their data. A project leader of a municipality where the person
 * has data carries it out; the row keeps no personal data beyond the account id, which is set to
 * null when the account itself is erased.
 */
export const erasureRequests = pgTable(
  "erasure_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ERASURE_REQUEST_STATUSES }).notNull().default("pending"),
    reason: text("reason").notNull().default(""),
    requestedAt: createdAt(),
    handledBy: text("handled_by").references(() => users.id, { onDelete: "set null" }),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    /** Why a request was rejected (e.g. a legal duty to keep something), shown to the person. */
    handlerNote: text("handler_note").notNull().default(""),
  },
  (t) => [
    index("erasure_requests_status_idx").on(t.status, t.requestedAt),
    check("erasure_requests_status_valid", sql.raw(oneOf("status", ERASURE_REQUEST_STATUSES))),
  ],
);
