/** Mail: the outbox, written in the same transaction as the change that causes a message. */
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { municipalities } from "./tenancy";

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
