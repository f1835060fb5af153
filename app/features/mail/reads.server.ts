/**
 * The in-app mail viewer: without SMTP the outbox is where administrators read what the platform
 * sent. The network coordinator reads everything; a project leader only their municipality's mail;
 * token links only their recipient (secret-links.ts).
 */
import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { MunicipalityId, NetworkScope } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { outboxEmails } from "~/lib/db/schema";
import { hideSecretLinks, mayOpenSecretLinks } from "./secret-links";

export const MAIL_PAGE_SIZE = 25;

/** Whose mail a viewer may read: the whole network, or the mail of some municipalities. */
export type MailScope = { kind: "network"; network: NetworkScope } | { kind: "municipalities"; ids: readonly MunicipalityId[] };

/** The person reading: whose mail they may see, and who they are (their own messages show every link). */
export interface MailViewer {
  scope: MailScope;
  email: string;
  isDemo: boolean;
}

function scopeFilter(scope: MailScope): SQL | undefined {
  if (scope.kind === "network") return undefined;
  // An empty list must match nothing, never everything.
  return scope.ids.length > 0 ? inArray(outboxEmails.municipalityId, [...scope.ids]) : eq(outboxEmails.id, "00000000-0000-0000-0000-000000000000");
}

/** One page of messages, newest first. `page` counts from 1. */
export async function listOutbox(scope: MailScope, page: number) {
  const where = scopeFilter(scope);
  const [rows, [total]] = await Promise.all([
    db()
      .select({
        id: outboxEmails.id,
        toAddress: outboxEmails.toAddress,
        subject: outboxEmails.subject,
        kind: outboxEmails.kind,
        status: outboxEmails.status,
        createdAt: outboxEmails.createdAt,
      })
      .from(outboxEmails)
      .where(where)
      .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
      .limit(MAIL_PAGE_SIZE)
      .offset((page - 1) * MAIL_PAGE_SIZE),
    db().select({ n: count() }).from(outboxEmails).where(where),
  ]);
  const totalCount = total?.n ?? 0;
  return { messages: rows, totalCount, pageCount: Math.max(1, Math.ceil(totalCount / MAIL_PAGE_SIZE)) };
}

/**
 * One message the viewer may read, or null. Token links in someone else's message come back as
 * `hiddenLink`; `hasHiddenLinks` says whether any were.
 */
export async function findOutboxMessage(viewer: MailViewer, id: string, text: { hiddenLink: string }) {
  const [row] = await db()
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      textBody: outboxEmails.textBody,
      secretLinks: outboxEmails.secretLinks,
      kind: outboxEmails.kind,
      status: outboxEmails.status,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
      bodyRemovedAt: outboxEmails.bodyRemovedAt,
    })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.id, id), scopeFilter(viewer.scope)));
  if (!row) return null;
  const { secretLinks, ...message } = row;
  const hasHiddenLinks = secretLinks.length > 0 && !mayOpenSecretLinks(viewer, row.toAddress);
  return {
    ...message,
    textBody: hasHiddenLinks ? hideSecretLinks(row.textBody, secretLinks, text.hiddenLink) : row.textBody,
    hasHiddenLinks,
  };
}
