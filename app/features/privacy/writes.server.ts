/**
 * Writes of the data-subject rights: a person asks for erasure; a project leader (or, for someone
 * without municipal data, the network coordinator) carries it out or turns it down. Carrying it out
 * is ONE transaction: the request is locked, the person is erased through the registry, the
 * confirmation mail is written to the outbox (after the registry emptied the person's mail), the
 * request is closed and the log gets a row that names nobody.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "~/features/authorization/policy";
import { db } from "~/lib/db/client.server";
import { erasureRequests, personalDataAccessLog } from "~/lib/db/schema";
import { queueEmail } from "~/lib/mail.server";
import { erasureDoneMail } from "./emails.server";
import { findHandleableErasureRequest, type ErasureHandlerScope } from "./reads.server";
import { erasePersonalData, resolveDataSubject } from "./registry.server";

/** A person asks for erasure; asking again while one is open changes nothing. */
export async function requestErasure(userId: string, reason: string): Promise<{ created: boolean }> {
  return db().transaction(async (tx) => {
    // One open request per person: the row lock on the account serialises two posts at once.
    await tx.execute(sql`select 1 from users where id = ${userId} for update`);
    const [open] = await tx
      .select({ id: erasureRequests.id })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.userId, userId), eq(erasureRequests.status, "pending")));
    if (open) return { created: false };
    await tx.insert(erasureRequests).values({ userId, reason });
    return { created: true };
  });
}

/** Writing a person's export is logged as access to their data, by themselves. */
export async function recordDataExport(userId: string): Promise<void> {
  await db().insert(personalDataAccessLog).values({
    municipalityId: null,
    actorUserId: userId,
    actorRole: "self",
    subjectUserId: userId,
    resource: "data_export",
    action: "export",
  });
}

function handlerRole(scope: ErasureHandlerScope): string {
  return scope.kind === "municipality" ? "project_leader" : "network_coordinator";
}

export type ErasureOutcome = { ok: true } | { ok: false; reason: "not-found" | "own-account" };

/** Carries out an open erasure request in one transaction. */
export async function carryOutErasure(scope: ErasureHandlerScope, requestId: string, actor: Actor): Promise<ErasureOutcome> {
  return db().transaction(async (tx) => {
    const request = await findHandleableErasureRequest(tx, scope, requestId, { lock: true });
    if (!request) return { ok: false, reason: "not-found" };
    // Erasing oneself from the staff page would end in a page for an account that no longer exists.
    if (request.userId === actor.userId) return { ok: false, reason: "own-account" };
    const person = await resolveDataSubject(tx, request.userId);
    if (!person) return { ok: false, reason: "not-found" };
    await erasePersonalData(tx, person);
    // After the registry deleted the person's mail: the confirmation is the last message to the
    // address, without name, and is removed once sent (privacy/jobs.server.ts).
    await queueEmail(tx, erasureDoneMail(request.email, request.locale, scope.kind === "municipality" ? scope.municipalityId : null));
    await tx
      .update(erasureRequests)
      .set({ status: "completed", handledBy: actor.userId, handledAt: new Date(), userId: null, reason: "", handlerNote: "" })
      .where(eq(erasureRequests.id, request.id));
    await tx.insert(personalDataAccessLog).values({
      municipalityId: scope.kind === "municipality" ? scope.municipalityId : null,
      actorUserId: actor.userId,
      actorRole: handlerRole(scope),
      resource: "erasure",
      action: "erase",
    });
    return { ok: true };
  });
}

/** Turns a request down with a note for the person (e.g. a legal duty to keep something for now). */
export async function rejectErasure(scope: ErasureHandlerScope, requestId: string, actor: Actor, note: string): Promise<ErasureOutcome> {
  return db().transaction(async (tx) => {
    const request = await findHandleableErasureRequest(tx, scope, requestId, { lock: true });
    if (!request) return { ok: false, reason: "not-found" };
    await tx
      .update(erasureRequests)
      .set({ status: "rejected", handledBy: actor.userId, handledAt: new Date(), handlerNote: note })
      .where(eq(erasureRequests.id, request.id));
    return { ok: true };
  });
}
