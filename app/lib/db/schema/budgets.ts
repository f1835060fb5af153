/**
 * Budgets: the small financial contribution to residents' activities. A project leader sets up
 * yearly pots (for the municipality or one neighbourhood); organisers and teams request an amount
 * with line items; the project leader approves (all or less) or declines; after the activity the
 * organiser settles with receipts and the amount spent, and the project leader accepts, which
 * releases what was not spent. Money is integer cents. Every change to a pot's money is a row in
 * budget_ledger, so a pot's figures are sums that can be recomputed; budget_pots.committed_cents
 * is the running total the approval locks and checks (never above the pot's amount).
 * See docs/decisions/030-budgets.md.
 */
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf, updatedAt } from "./columns";
import { users } from "./identity";
import { activities } from "./activities";
import { municipalities, neighbourhoods } from "./tenancy";
import { teams } from "./teams";

export const POT_ELIGIBILITY = ["citytrainers", "teams", "both"] as const;
export type PotEligibility = (typeof POT_ELIGIBILITY)[number];

export const budgetPots = pgTable(
  "budget_pots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** null: the whole municipality. A neighbourhood with a pot cannot be deleted. */
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    maxPerRequestCents: bigint("max_per_request_cents", { mode: "number" }).notNull(),
    /** Requests up to this amount are approved at once; null: every request is decided by hand. */
    autoApproveUpToCents: bigint("auto_approve_up_to_cents", { mode: "number" }),
    eligible: text("eligible", { enum: POT_ELIGIBILITY }).notNull().default("both"),
    /** Reserved (approved, not yet settled) plus spent (settled): kept under this row's lock. */
    committedCents: bigint("committed_cents", { mode: "number" }).notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("budget_pots_id_municipality_unique").on(t.id, t.municipalityId),
    index("budget_pots_municipality_idx").on(t.municipalityId, t.year),
    check("budget_pots_eligible_valid", sql.raw(oneOf("eligible", POT_ELIGIBILITY))),
    check("budget_pots_amount_range", sql`${t.amountCents} between 0 and 100000000000`),
    check("budget_pots_max_per_request_range", sql`${t.maxPerRequestCents} between 1 and ${t.amountCents}`),
    check("budget_pots_auto_approve_range", sql`${t.autoApproveUpToCents} is null or ${t.autoApproveUpToCents} between 1 and ${t.maxPerRequestCents}`),
    check("budget_pots_period_valid", sql`${t.endsOn} >= ${t.startsOn}`),
    check("budget_pots_year_range", sql`${t.year} between 2000 and 2100`),
    // The invariant the approval lock protects: never more granted than the pot holds.
    check("budget_pots_committed_within_amount", sql`${t.committedCents} between 0 and ${t.amountCents}`),
  ],
);

export const BUDGET_REQUEST_STATUSES = ["submitted", "approved", "declined", "withdrawn", "settlement_submitted", "settled"] as const;
export type BudgetRequestStatus = (typeof BUDGET_REQUEST_STATUSES)[number];

/**
 * A request for a contribution: by an organiser for their activity, or by a team. The idempotency
 * key (a hidden field of the form) makes a repeated submission return the first request.
 */
export const budgetRequests = pgTable(
  "budget_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    potId: uuid("pot_id").notNull(),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    teamId: uuid("team_id"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key").notNull(),
    purpose: text("purpose").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    status: text("status", { enum: BUDGET_REQUEST_STATUSES }).notNull().default("submitted"),
    grantedCents: bigint("granted_cents", { mode: "number" }),
    /** Approved at submission because it was within the pot's auto-approve amount at that moment. */
    autoApproved: boolean("auto_approved").notNull().default(false),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    spentCents: bigint("spent_cents", { mode: "number" }),
    settlementNote: text("settlement_note"),
    settlementSubmittedAt: timestamp("settlement_submitted_at", { withTimezone: true }),
    /** The project leader's comment when they sent a settlement back (the request is approved again). */
    settlementReturnComment: text("settlement_return_comment"),
    /** The project leader accepted spending above the granted amount (within the pot). */
    overspendAccepted: boolean("overspend_accepted").notNull().default(false),
    settledBy: text("settled_by").references(() => users.id, { onDelete: "set null" }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("budget_requests_id_municipality_unique").on(t.id, t.municipalityId),
    uniqueIndex("budget_requests_idempotency_unique").on(t.municipalityId, t.requestedBy, t.idempotencyKey),
    index("budget_requests_pot_idx").on(t.potId, t.status),
    index("budget_requests_activity_idx").on(t.activityId),
    index("budget_requests_team_idx").on(t.teamId),
    foreignKey({
      name: "budget_requests_pot_in_municipality_fk",
      columns: [t.potId, t.municipalityId],
      foreignColumns: [budgetPots.id, budgetPots.municipalityId],
    }).onDelete("cascade"),
    foreignKey({
      name: "budget_requests_team_in_municipality_fk",
      columns: [t.teamId, t.municipalityId],
      foreignColumns: [teams.id, teams.municipalityId],
    }).onDelete("restrict"),
    check("budget_requests_status_valid", sql.raw(oneOf("status", BUDGET_REQUEST_STATUSES))),
    check("budget_requests_amount_positive", sql`${t.amountCents} between 1 and 100000000000`),
    check("budget_requests_purpose_not_blank", sql`length(trim(${t.purpose})) between 1 and 2000`),
    check(
      "budget_requests_granted_when_approved",
      sql`(${t.status} in ('approved', 'settlement_submitted', 'settled')) = (${t.grantedCents} is not null)`,
    ),
    check("budget_requests_granted_within_request", sql`${t.grantedCents} is null or ${t.grantedCents} between 1 and ${t.amountCents}`),
    check("budget_requests_declined_has_reason", sql`${t.status} <> 'declined' or length(trim(coalesce(${t.declineReason}, ''))) > 0`),
    check("budget_requests_decided_has_date", sql`${t.status} in ('submitted', 'withdrawn') or ${t.decidedAt} is not null`),
    check(
      "budget_requests_spent_when_settling",
      sql`(${t.status} in ('settlement_submitted', 'settled')) = (${t.spentCents} is not null)`,
    ),
    // Spending above the grant needs the project leader's explicit acceptance; until they decide,
    // a submitted settlement may report it (migration 0015: the organiser says what they spent).
    check(
      "budget_requests_spent_within_granted",
      sql`${t.spentCents} is null or ${t.spentCents} between 0 and 100000000000 and (${t.spentCents} <= ${t.grantedCents} or ${t.status} = 'settlement_submitted' or (${t.status} = 'settled' and ${t.overspendAccepted}))`,
    ),
    check("budget_requests_settled_has_date", sql`(${t.status} = 'settled') = (${t.settledAt} is not null)`),
  ],
);

/** The line items of a request: what the money is for. */
export const budgetRequestLines = pgTable(
  "budget_request_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  },
  (t) => [
    unique("budget_request_lines_position_unique").on(t.requestId, t.position),
    foreignKey({
      name: "budget_request_lines_request_in_municipality_fk",
      columns: [t.requestId, t.municipalityId],
      foreignColumns: [budgetRequests.id, budgetRequests.municipalityId],
    }).onDelete("cascade"),
    check("budget_request_lines_amount_positive", sql`${t.amountCents} between 1 and 100000000000`),
    check("budget_request_lines_description_not_blank", sql`length(trim(${t.description})) between 1 and 200`),
  ],
);

/** A receipt of a settlement (photo or PDF), stored privately in the "receipts" folder. */
export const budgetReceipts = pgTable(
  "budget_receipts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    fileKey: text("file_key").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** The name the uploader's device gave it, shown to the project leader (never used as a path). */
    originalName: text("original_name").notNull().default(""),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: createdAt(),
  },
  (t) => [
    index("budget_receipts_request_idx").on(t.requestId),
    foreignKey({
      name: "budget_receipts_request_in_municipality_fk",
      columns: [t.requestId, t.municipalityId],
      foreignColumns: [budgetRequests.id, budgetRequests.municipalityId],
    }).onDelete("cascade"),
    check("budget_receipts_content_type_valid", sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`),
  ],
);

export const LEDGER_KINDS = ["fund", "reserve", "release", "spend"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * Every change to a pot's money, never edited: fund (the pot's amount set or changed, ±),
 * reserve (an approval, −available), release (an unspent or withdrawn reservation returned, +),
 * spend (a settlement: the reservation becomes spending). Per request at most one reserve, one
 * release and one spend row (unique indexes): a request is paid out once, however often someone
 * clicks. The pot's figures: amount = Σ fund; reserved = Σ reserve − Σ release − Σ spend-of-reserve;
 * see app/features/budgets/ledger.ts.
 */
export const budgetLedger = pgTable(
  "budget_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    potId: uuid("pot_id").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    requestId: uuid("request_id"),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("budget_ledger_pot_idx").on(t.potId, t.kind),
    uniqueIndex("budget_ledger_one_reserve_per_request").on(t.requestId).where(sql`${t.kind} = 'reserve'`),
    uniqueIndex("budget_ledger_one_release_per_request").on(t.requestId).where(sql`${t.kind} = 'release'`),
    uniqueIndex("budget_ledger_one_spend_per_request").on(t.requestId).where(sql`${t.kind} = 'spend'`),
    foreignKey({
      name: "budget_ledger_pot_in_municipality_fk",
      columns: [t.potId, t.municipalityId],
      foreignColumns: [budgetPots.id, budgetPots.municipalityId],
    }).onDelete("cascade"),
    foreignKey({
      name: "budget_ledger_request_in_municipality_fk",
      columns: [t.requestId, t.municipalityId],
      foreignColumns: [budgetRequests.id, budgetRequests.municipalityId],
    }).onDelete("cascade"),
    check("budget_ledger_kind_valid", sql.raw(oneOf("kind", LEDGER_KINDS))),
    check("budget_ledger_request_unless_fund", sql`(${t.kind} = 'fund') = (${t.requestId} is null)`),
    check("budget_ledger_amount_nonnegative_unless_fund", sql`${t.kind} = 'fund' or ${t.amountCents} >= 0`),
  ],
);
