/**
 * Writes of budgets. The invariant: never more granted than a pot holds, also when two project
 * leaders approve different requests at the same moment on two app instances, or one clicks
 * twice. Every write that changes a pot's money takes the locks in ONE order:
 *
 *   1. the pot row (`select … for update`), then
 *   2. the request row (`select … for update`).
 *
 * The pot lock serialises every change to the pot's committed_cents, so "is there room?" and
 * "take the room" happen as one step; the request lock (taken second, always) makes a repeated
 * click wait and then see the decided state, answered as "already decided". The same order
 * everywhere means two writes can never each hold the lock the other waits for (no deadlock).
 * Under that lock each write updates committed_cents and adds its ledger row; the ledger's unique
 * indexes (one reserve, one release, one spend per request) and the pot's check constraint
 * (committed ≤ amount) refuse in the database what a bug here would let through.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { uniqueViolation } from "~/lib/db/errors";
import { budgetLedger, budgetPots, budgetReceipts, budgetRequestLines, budgetRequests, neighbourhoods } from "~/lib/db/schema";
import { mayTransition, nextState } from "~/lib/state-machine";
import { isUuid } from "~/lib/validation";
import { refuse, type WriteResult } from "~/lib/write-result";
import { queueDecisionMail } from "./emails.server";
import {
  autoApproves,
  BUDGET_REQUEST_MACHINE,
  grantableCents,
  potChangeRefusal,
  potCoversNeighbourhood,
  potOpenOn,
  potOpenTo,
  settlementEffect,
  type BudgetEvent,
} from "./policy";
import type { RequesterActivity } from "./reads.server";
import type { StoredReceipt } from "./receipts.server";
import type { DecisionInput, PotInput, RequestInput, SettlementInput } from "./schema";

/** A write refused because the request was already moved on (a second click, or another project leader). */
export interface AlreadyDecided {
  ok: false;
  conflict: true;
  field: "_form";
  message: "budgets.error.alreadyDecided";
}
const alreadyDecided: AlreadyDecided = { ok: false, conflict: true, field: "_form", message: "budgets.error.alreadyDecided" };

/** The hidden key of a new request form: the same key sent twice is one request. */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

/** Step 1 of the lock order: the pot row. */
async function lockPot(tx: Transaction, municipalityId: string, potId: string) {
  const [pot] = await tx
    .select()
    .from(budgetPots)
    .where(and(eq(budgetPots.id, potId), eq(budgetPots.municipalityId, municipalityId)))
    .for("update");
  return pot ?? null;
}

/** Step 2 of the lock order: the request row (only ever after its pot's). */
async function lockRequest(tx: Transaction, municipalityId: string, requestId: string) {
  const [request] = await tx
    .select()
    .from(budgetRequests)
    .where(and(eq(budgetRequests.id, requestId), eq(budgetRequests.municipalityId, municipalityId)))
    .for("update");
  return request ?? null;
}

async function neighbourhoodInMunicipality(tx: Transaction, municipalityId: string, neighbourhoodId: string | null): Promise<boolean> {
  if (neighbourhoodId === null) return true;
  const [row] = await tx
    .select({ id: neighbourhoods.id })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.id, neighbourhoodId), eq(neighbourhoods.municipalityId, municipalityId)));
  return Boolean(row);
}

function potValues(input: PotInput) {
  return {
    name: input.name,
    year: input.year,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    amountCents: input.amount,
    maxPerRequestCents: input.maxPerRequest,
    autoApproveUpToCents: input.autoApproveUpTo,
    eligible: input.eligible,
    neighbourhoodId: input.neighbourhoodId,
  };
}

/** A new pot; its amount is the first fund row of its ledger. */
export async function createPot(municipalityId: MunicipalityId, input: PotInput, userId: string): Promise<WriteResult<{ potId: string }>> {
  return db().transaction(async (tx) => {
    if (!(await neighbourhoodInMunicipality(tx, municipalityId, input.neighbourhoodId))) return refuse("neighbourhoodId", "admin.notFoundInMunicipality");
    const [pot] = await tx
      .insert(budgetPots)
      .values({ municipalityId, ...potValues(input), createdBy: userId })
      .returning({ id: budgetPots.id });
    await tx.insert(budgetLedger).values({ potId: pot!.id, municipalityId, kind: "fund", amountCents: input.amount, createdBy: userId });
    return { ok: true, potId: pot!.id } as const;
  });
}

const POT_CHANGE_MESSAGES = { belowCommitted: "budgets.error.belowCommitted", scopeFixed: "budgets.error.scopeFixed" } as const;

/**
 * Changes a pot's rules. They apply to requests submitted from then on (a request is checked
 * against the rules when it is submitted); the amount never drops below what is committed, and
 * the neighbourhood and year stay once requests exist (docs/decisions/030-budgets.md). A changed
 * amount is a fund row with the difference, so the ledger still sums to the pot's amount.
 */
export async function updatePot(municipalityId: MunicipalityId, potId: string, input: PotInput, userId: string): Promise<WriteResult> {
  if (!isUuid(potId)) return refuse("_form", "admin.notFoundInMunicipality");
  return db().transaction(async (tx) => {
    const pot = await lockPot(tx, municipalityId, potId);
    if (!pot) return refuse("_form", "admin.notFoundInMunicipality");
    if (!(await neighbourhoodInMunicipality(tx, municipalityId, input.neighbourhoodId))) return refuse("neighbourhoodId", "admin.notFoundInMunicipality");
    const [requests] = await tx.select({ n: count() }).from(budgetRequests).where(eq(budgetRequests.potId, potId));
    const refusal = potChangeRefusal(pot, { neighbourhoodId: input.neighbourhoodId, year: input.year, amountCents: input.amount }, requests!.n > 0);
    if (refusal) return refuse(refusal === "belowCommitted" ? "amount" : "neighbourhoodId", POT_CHANGE_MESSAGES[refusal]);
    await tx.update(budgetPots).set(potValues(input)).where(eq(budgetPots.id, potId));
    if (input.amount !== pot.amountCents) {
      await tx.insert(budgetLedger).values({ potId, municipalityId, kind: "fund", amountCents: input.amount - pot.amountCents, createdBy: userId });
    }
    return { ok: true } as const;
  });
}

/** Approves inside the caller's transaction, with the pot and the request locked: reserve, committed, ledger. */
async function reserve(tx: Transaction, pot: { id: string; municipalityId: string }, requestId: string, grantedCents: number, userId: string | null, auto: boolean) {
  await tx
    .update(budgetRequests)
    .set({ status: "approved", grantedCents, autoApproved: auto, decidedBy: userId, decidedAt: new Date() })
    .where(eq(budgetRequests.id, requestId));
  await tx
    .update(budgetPots)
    .set({ committedCents: sql`${budgetPots.committedCents} + ${grantedCents}` })
    .where(eq(budgetPots.id, pot.id));
  await tx.insert(budgetLedger).values({ potId: pot.id, municipalityId: pot.municipalityId, requestId, kind: "reserve", amountCents: grantedCents, createdBy: userId });
}

const SUBMIT_MESSAGES = {
  closed: "budgets.error.potClosed",
  aboveMax: "budgets.error.aboveMax",
} as const;

/**
 * A request for an activity. The idempotency key (a hidden field of the form) makes a repeated
 * submission return the first request. Within the pot's auto-approve amount, and with room in the
 * pot, it is approved at once under the pot's lock; otherwise it waits for the project leader.
 */
export async function submitRequest(
  activity: RequesterActivity,
  userId: string,
  input: RequestInput,
  today: string,
): Promise<WriteResult<{ requestId: string; status: "submitted" | "approved"; repeated: boolean }>> {
  try {
    return await db().transaction(async (tx) => {
      const pot = await lockPot(tx, activity.municipalityId, input.potId);
      if (!pot) return refuse("potId", "budgets.error.choosePot");
      const [earlier] = await tx
        .select({ id: budgetRequests.id, status: budgetRequests.status })
        .from(budgetRequests)
        .where(and(eq(budgetRequests.municipalityId, activity.municipalityId), eq(budgetRequests.requestedBy, userId), eq(budgetRequests.idempotencyKey, input.idempotencyKey)));
      if (earlier) return { ok: true, requestId: earlier.id, status: earlier.status === "approved" ? "approved" : "submitted", repeated: true } as const;
      if (!potOpenOn(pot, today) || !potOpenTo(pot.eligible, activity.applicant) || !potCoversNeighbourhood(pot.neighbourhoodId, activity.neighbourhoodId))
        return refuse("potId", SUBMIT_MESSAGES.closed);
      if (input.amount > pot.maxPerRequestCents) return refuse("amount", SUBMIT_MESSAGES.aboveMax);
      const [request] = await tx
        .insert(budgetRequests)
        .values({
          municipalityId: activity.municipalityId,
          potId: pot.id,
          activityId: activity.activityId,
          teamId: activity.teamId,
          requestedBy: userId,
          idempotencyKey: input.idempotencyKey,
          purpose: input.purpose,
          amountCents: input.amount,
        })
        .returning({ id: budgetRequests.id, purpose: budgetRequests.purpose });
      await tx.insert(budgetRequestLines).values(
        input.lines.map((line, position) => ({ requestId: request!.id, municipalityId: activity.municipalityId, position, description: line.description, amountCents: line.amount })),
      );
      if (autoApproves(input.amount, pot)) {
        await reserve(tx, pot, request!.id, input.amount, null, true);
        await queueDecisionMail(tx, { municipalityId: activity.municipalityId, requestedBy: userId, purpose: input.purpose, activityId: activity.activityId }, {
          kind: "approved",
          grantedCents: input.amount,
          requestedCents: input.amount,
        });
        return { ok: true, requestId: request!.id, status: "approved", repeated: false } as const;
      }
      return { ok: true, requestId: request!.id, status: "submitted", repeated: false } as const;
    });
  } catch (error) {
    // The same key with another pot (two tabs): the first request stands.
    if (uniqueViolation(error) === "budget_requests_idempotency_unique") {
      const [earlier] = await db()
        .select({ id: budgetRequests.id, status: budgetRequests.status })
        .from(budgetRequests)
        .where(and(eq(budgetRequests.municipalityId, activity.municipalityId), eq(budgetRequests.requestedBy, userId), eq(budgetRequests.idempotencyKey, input.idempotencyKey)));
      if (earlier) return { ok: true, requestId: earlier.id, status: earlier.status === "approved" ? "approved" : "submitted", repeated: true };
    }
    throw error;
  }
}

const DECISION_MESSAGES = {
  aboveRequest: "budgets.error.grantAboveRequest",
  noRoom: "budgets.error.noRoom",
  overspendNotTicked: "budgets.error.overspendNotTicked",
  overspendNoRoom: "budgets.error.overspendNoRoom",
} as const;

const EVENT_OF_INTENT: Record<DecisionInput["intent"], BudgetEvent> = {
  approve: "approve",
  decline: "decline",
  accept_settlement: "accept_settlement",
  return_settlement: "return_settlement",
};

/**
 * The project leader's decision on a request or its settlement. Locks the pot, then the request
 * (the order above); a request no longer in the state the decision needs answers "already decided".
 */
export async function decideRequest(
  municipalityId: MunicipalityId,
  requestId: string,
  userId: string,
  input: DecisionInput,
): Promise<WriteResult<{ status: string }> | AlreadyDecided> {
  if (!isUuid(requestId)) return refuse("_form", "admin.notFoundInMunicipality");
  // The pot a request belongs to never changes, so it can be read before the locks.
  const [known] = await db()
    .select({ potId: budgetRequests.potId })
    .from(budgetRequests)
    .where(and(eq(budgetRequests.id, requestId), eq(budgetRequests.municipalityId, municipalityId)));
  if (!known) return refuse("_form", "admin.notFoundInMunicipality");
  return db().transaction(async (tx) => {
    const pot = await lockPot(tx, municipalityId, known.potId);
    const request = await lockRequest(tx, municipalityId, requestId);
    if (!pot || !request) return refuse("_form", "admin.notFoundInMunicipality");
    const event = EVENT_OF_INTENT[input.intent];
    if (!mayTransition(BUDGET_REQUEST_MACHINE, request.status, event, "project_leader")) return alreadyDecided;
    const to = nextState(BUDGET_REQUEST_MACHINE, request.status, event)!;
    const now = new Date();
    const mailTo = { municipalityId, requestedBy: request.requestedBy, purpose: request.purpose, activityId: request.activityId };
    if (input.intent === "approve") {
      const granted = input.amount ?? request.amountCents;
      const check = grantableCents(request.amountCents, granted, pot);
      if (check !== "ok") return refuse("amount", DECISION_MESSAGES[check]);
      await reserve(tx, pot, request.id, granted, userId, false);
      await queueDecisionMail(tx, mailTo, { kind: "approved", grantedCents: granted, requestedCents: request.amountCents });
    } else if (input.intent === "decline") {
      await tx.update(budgetRequests).set({ status: to, declineReason: input.reason, decidedBy: userId, decidedAt: now }).where(eq(budgetRequests.id, request.id));
      await queueDecisionMail(tx, mailTo, { kind: "declined", reason: input.reason });
    } else if (input.intent === "accept_settlement") {
      const granted = request.grantedCents!;
      const spent = request.spentCents!;
      const effect = settlementEffect(granted, spent, input.overspend, pot);
      if (!effect.ok) return refuse("overspend", DECISION_MESSAGES[effect.problem]);
      await tx
        .update(budgetRequests)
        .set({ status: to, overspendAccepted: effect.extraCents > 0, settledBy: userId, settledAt: now })
        .where(eq(budgetRequests.id, request.id));
      await tx
        .update(budgetPots)
        .set({ committedCents: sql`${budgetPots.committedCents} - ${effect.releaseCents} + ${effect.extraCents}` })
        .where(eq(budgetPots.id, pot.id));
      await tx.insert(budgetLedger).values({ potId: pot.id, municipalityId, requestId: request.id, kind: "spend", amountCents: spent, createdBy: userId });
      if (effect.releaseCents > 0)
        await tx.insert(budgetLedger).values({ potId: pot.id, municipalityId, requestId: request.id, kind: "release", amountCents: effect.releaseCents, createdBy: userId });
      await queueDecisionMail(tx, mailTo, { kind: "settled", spentCents: spent, releasedCents: effect.releaseCents });
    } else {
      await tx
        .update(budgetRequests)
        .set({ status: to, spentCents: null, settlementSubmittedAt: null, settlementReturnComment: input.comment })
        .where(eq(budgetRequests.id, request.id));
      await queueDecisionMail(tx, mailTo, { kind: "returned", comment: input.comment });
    }
    return { ok: true, status: to } as const;
  });
}

/** The requester's own request, locked in the same order (pot, then request). */
async function lockOwnRequest(tx: Transaction, activity: RequesterActivity, requestId: string) {
  const [known] = await tx
    .select({ potId: budgetRequests.potId })
    .from(budgetRequests)
    .where(and(eq(budgetRequests.id, requestId), eq(budgetRequests.municipalityId, activity.municipalityId), eq(budgetRequests.activityId, activity.activityId)));
  if (!known) return null;
  const pot = await lockPot(tx, activity.municipalityId, known.potId);
  const request = await lockRequest(tx, activity.municipalityId, requestId);
  return pot && request ? { pot, request } : null;
}

const SETTLEMENT_MESSAGES = {
  notYet: "budgets.error.settleAfterActivity",
  receiptsNeeded: "budgets.error.receiptsNeeded",
} as const;

/**
 * Receipts (optional in this post when some are there already) and the amount spent, with a note;
 * the request waits for the project leader's acceptance. `submit: false` only adds receipts.
 */
export async function submitSettlement(
  activity: RequesterActivity,
  requestId: string,
  userId: string,
  input: (SettlementInput & { submit: true }) | { submit: false },
  receipts: readonly StoredReceipt[],
  now = new Date(),
): Promise<WriteResult | AlreadyDecided> {
  if (!isUuid(requestId)) return refuse("_form", "admin.notFoundInMunicipality");
  return db().transaction(async (tx) => {
    const locked = await lockOwnRequest(tx, activity, requestId);
    if (!locked) return refuse("_form", "admin.notFoundInMunicipality");
    const { request } = locked;
    if (!mayTransition(BUDGET_REQUEST_MACHINE, request.status, "settle", "requester")) return alreadyDecided;
    if (input.submit && activity.startsAt > now) return refuse("spent", SETTLEMENT_MESSAGES.notYet);
    if (receipts.length > 0) {
      await tx.insert(budgetReceipts).values(
        receipts.map((r) => ({ requestId: request.id, municipalityId: activity.municipalityId, fileKey: r.fileKey, contentType: r.contentType, byteSize: r.byteSize, originalName: r.originalName, uploadedBy: userId })),
      );
    }
    if (!input.submit) return { ok: true } as const;
    const [held] = await tx.select({ n: count() }).from(budgetReceipts).where(eq(budgetReceipts.requestId, request.id));
    if (input.spent > 0 && held!.n === 0) return refuse("receipts", SETTLEMENT_MESSAGES.receiptsNeeded);
    await tx
      .update(budgetRequests)
      .set({ status: "settlement_submitted", spentCents: input.spent, settlementNote: input.note || null, settlementSubmittedAt: now, settlementReturnComment: null })
      .where(eq(budgetRequests.id, request.id));
    return { ok: true } as const;
  });
}

/** Withdraws a request that is waiting or approved; an approved one's reservation goes back to the pot. */
export async function withdrawRequest(activity: RequesterActivity, requestId: string, userId: string): Promise<WriteResult | AlreadyDecided> {
  if (!isUuid(requestId)) return refuse("_form", "admin.notFoundInMunicipality");
  return db().transaction(async (tx) => {
    const locked = await lockOwnRequest(tx, activity, requestId);
    if (!locked) return refuse("_form", "admin.notFoundInMunicipality");
    const { pot, request } = locked;
    if (!mayTransition(BUDGET_REQUEST_MACHINE, request.status, "withdraw", "requester")) return alreadyDecided;
    if (request.status === "approved") {
      const granted = request.grantedCents!;
      await tx
        .update(budgetPots)
        .set({ committedCents: sql`${budgetPots.committedCents} - ${granted}` })
        .where(eq(budgetPots.id, pot.id));
      await tx.insert(budgetLedger).values({ potId: pot.id, municipalityId: activity.municipalityId, requestId: request.id, kind: "release", amountCents: granted, createdBy: userId });
    }
    await tx.update(budgetRequests).set({ status: "withdrawn", grantedCents: null }).where(eq(budgetRequests.id, request.id));
    return { ok: true } as const;
  });
}
