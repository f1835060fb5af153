import { createTransport, type Transporter } from "nodemailer";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "~/lib/db/client.server";
import { outboxEmails } from "~/lib/db/schema";
import { env } from "~/lib/env.server";
import { defineJob, enqueueJob } from "~/lib/jobs.server";
import { logger } from "~/lib/log.server";

export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  municipalityId?: string | null;
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
      htmlBody: email.html ?? null,
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

/** Sends one outbox message over SMTP; a message already sent is not sent again. */
export async function deliverEmail(id: string): Promise<void> {
  const claimed = await db()
    .update(outboxEmails)
    .set({ attempts: sql`${outboxEmails.attempts} + 1` })
    .where(and(eq(outboxEmails.id, id), inArray(outboxEmails.status, ["pending", "failed"])))
    .returning();
  const message = claimed[0];
  if (!message) return;
  try {
    await smtp().sendMail({
      from: env.MAIL_FROM,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody ?? undefined,
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
          lt(outboxEmails.attempts, 10),
          lt(outboxEmails.createdAt, sql`now() - interval '5 minutes'`),
        ),
      )
      .limit(100);
    for (const { id } of stale) await deliverEmail(id).catch(() => undefined);
  },
});
