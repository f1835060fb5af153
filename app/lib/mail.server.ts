import { createTransport, type Transporter } from "nodemailer";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "~/lib/db/client.server";
import { municipalities, outboxEmails } from "~/lib/db/schema";
import { baseUrl, env } from "~/lib/env.server";
import type { Locale } from "~/lib/i18n";
import { defineJob, enqueueJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";
import { renderMailHtml } from "~/lib/mail-html";

export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The language the message is written in; sent as its Content-Language. */
  locale: Locale;
  kind: string;
  /** The municipality the message is sent for: its mail viewer shows it, its contact gets the replies. */
  municipalityId?: string | null;
  /**
   * Every URL in the text that carries a token (a password reset, sign-in, verification,
   * invitation or cancel link): the mail viewer shows them only to the recipient.
   */
  secretLinks?: readonly string[];
  attachments?: Attachment[];
}

/**
 * Writes a message to the outbox inside the caller's transaction and queues its delivery. If the
 * transaction rolls back, neither the message nor the job exists.
 */
export async function queueEmail(tx: Transaction, email: OutgoingEmail): Promise<string> {
  const [row] = await tx
    .insert(outboxEmails)
    .values({
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      locale: email.locale,
      secretLinks: [...(email.secretLinks ?? [])],
      kind: email.kind,
      municipalityId: email.municipalityId ?? null,
      attachments: email.attachments ? JSON.stringify(email.attachments) : null,
      status: env.SMTP_URL ? "pending" : "held",
    })
    .returning({ id: outboxEmails.id });
  if (env.SMTP_URL) await enqueueJob(tx, deliverEmailJob, { id: row!.id });
  return row!.id;
}

/** Queues an email in a transaction of its own (for messages caused by an auth-library write). */
export async function sendEmailNow(email: OutgoingEmail): Promise<string> {
  return db().transaction((tx) => queueEmail(tx, email));
}

let transport: Transporter | undefined;
function smtp(): Transporter {
  transport ??= createTransport(env.SMTP_URL);
  return transport;
}

/** Replies go to the municipality's contact address where it has one, else to MAIL_REPLY_TO (if set). */
async function replyAddress(municipalityId: string | null): Promise<string | undefined> {
  if (municipalityId) {
    const [row] = await db().select({ contactEmail: municipalities.contactEmail }).from(municipalities).where(eq(municipalities.id, municipalityId));
    if (row?.contactEmail) return row.contactEmail;
  }
  return env.MAIL_REPLY_TO;
}

/** Sends one outbox message over SMTP; a message already sent (or emptied by retention) is not sent again. */
export async function deliverEmail(id: string): Promise<void> {
  const claimed = await db()
    .update(outboxEmails)
    .set({ attempts: sql`${outboxEmails.attempts} + 1` })
    .where(and(eq(outboxEmails.id, id), inArray(outboxEmails.status, ["pending", "failed"]), isNull(outboxEmails.bodyRemovedAt)))
    .returning();
  const message = claimed[0];
  if (!message) return;
  try {
    await smtp().sendMail({
      from: env.MAIL_FROM,
      to: message.toAddress,
      replyTo: await replyAddress(message.municipalityId),
      subject: message.subject,
      text: message.textBody,
      html: renderMailHtml({ subject: message.subject, text: message.textBody, locale: message.locale }, baseUrl),
      // RFC 3834: out-of-office and other automatic replies must not answer these messages.
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All", "Content-Language": message.locale },
      attachments: message.attachments ? (JSON.parse(message.attachments) as Attachment[]) : undefined,
    });
    await db().update(outboxEmails).set({ status: "sent", sentAt: new Date(), lastError: null }).where(eq(outboxEmails.id, id));
  } catch (error) {
    await db()
      .update(outboxEmails)
      .set({ status: "failed", lastError: String(error).slice(0, 500) })
      .where(eq(outboxEmails.id, id));
    logger.warn({ err: error, emailId: id }, "email delivery failed");
    throw error;
  }
}

export const deliverEmailJob = defineJob({
  name: "deliver-email",
  schema: z.object({ id: z.uuid() }),
  handle: ({ id }) => deliverEmail(id),
});

/** Every few minutes: retry failed messages and any pending message whose job was lost. */
export const sweepOutboxJob = defineJob({
  name: "sweep-outbox",
  schema: z.object({}),
  cron: "*/5 * * * *",
  handle: async () => {
    if (!env.SMTP_URL) return;
    const stale = await db()
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        and(
          inArray(outboxEmails.status, ["pending", "failed"]),
          isNull(outboxEmails.bodyRemovedAt),
          lt(outboxEmails.attempts, 10),
          lt(outboxEmails.createdAt, sql`now() - interval '5 minutes'`),
        ),
      )
      .limit(100);
    for (const { id } of stale) await deliverEmail(id).catch(() => undefined);
  },
});

/** Rows one retention statement touches at most, so a first run on a large outbox holds no long lock. */
const RETENTION_BATCH = 5000;

/** After this many days a message's row goes too: whether it was sent is no longer anyone's question. */
export const OUTBOX_ROW_RETENTION_DAYS = 365;

/**
 * Retention of the outbox (docs/retention.md): after MAIL_RETENTION_DAYS a message keeps only who
 * it was for, its subject and status; its body, token links and attachments are emptied. Every
 * token in a mail has expired by then or is hidden from the viewer anyway; an old body is only a risk.
 */
export async function applyOutboxRetention(options = { bodyDays: env.MAIL_RETENTION_DAYS, rowDays: OUTBOX_ROW_RETENTION_DAYS }) {
  let emptied = 0;
  for (;;) {
    const result = await db().execute(sql`
      update outbox_emails set text_body = '', html_body = null, attachments = null, secret_links = '{}', body_removed_at = now()
      where id in (
        select id from outbox_emails
        where body_removed_at is null and created_at < now() - make_interval(days => ${options.bodyDays})
        limit ${RETENTION_BATCH})`);
    emptied += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < RETENTION_BATCH) break;
  }
  let deleted = 0;
  for (;;) {
    const result = await db().execute(sql`
      delete from outbox_emails where id in (
        select id from outbox_emails where created_at < now() - make_interval(days => ${options.rowDays}) limit ${RETENTION_BATCH})`);
    deleted += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < RETENTION_BATCH) break;
  }
  if (emptied + deleted > 0) logger.info({ emptied, deleted }, "outbox retention applied");
}

export const outboxRetentionJob = defineJob({
  name: "retention-outbox",
  schema: z.object({}),
  cron: "10 3 * * *",
  handle: () => applyOutboxRetention(),
});
