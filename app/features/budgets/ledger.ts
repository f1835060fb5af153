/**
 * A pot's figures as sums over its ledger (budget_ledger): nothing here reads a running total, so
 * the figures can always be recomputed and compared with budget_pots.committed_cents (the running
 * total the approval locks). Per request the ledger holds at most one reserve, one release and
 * one spend row:
 * - approved: reserve(granted) — the money is reserved;
 * - withdrawn after approval: release(granted) — all of it comes back;
 * - settled: spend(spent) and, when less was spent, release(granted − spent); an accepted
 *   overspend has no release and a spend above the reservation.
 */
import type { LedgerKind } from "~/lib/db/schema";

export interface LedgerRow {
  kind: LedgerKind;
  requestId: string | null;
  amountCents: number;
}

export interface PotFigures {
  /** The pot's amount: every fund row (the amount set, and changes to it). */
  amountCents: number;
  /** What approvals granted, settled or not. */
  grantedCents: number;
  /** Granted and not settled yet: reserved for requests still running. */
  reservedCents: number;
  /** Spent on settled requests. */
  spentCents: number;
  /** reserved + spent: what the pot is committed to (never above its amount). */
  committedCents: number;
  availableCents: number;
}

export function figuresFromLedger(rows: readonly LedgerRow[]): PotFigures {
  let amountCents = 0;
  const perRequest = new Map<string, { reserve: number; release: number; spend: number | null }>();
  for (const row of rows) {
    if (row.kind === "fund" || row.requestId === null) {
      amountCents += row.amountCents;
      continue;
    }
    const entry = perRequest.get(row.requestId) ?? { reserve: 0, release: 0, spend: null };
    if (row.kind === "reserve") entry.reserve += row.amountCents;
    else if (row.kind === "release") entry.release += row.amountCents;
    else entry.spend = (entry.spend ?? 0) + row.amountCents;
    perRequest.set(row.requestId, entry);
  }
  let grantedCents = 0;
  let reservedCents = 0;
  let spentCents = 0;
  for (const entry of perRequest.values()) {
    grantedCents += entry.reserve;
    if (entry.spend === null) reservedCents += entry.reserve - entry.release;
    else spentCents += entry.spend;
  }
  const committedCents = reservedCents + spentCents;
  return { amountCents, grantedCents, reservedCents, spentCents, committedCents, availableCents: amountCents - committedCents };
}

/** Sums of figures (a year's pots, or a neighbourhood's). */
export function addFigures(all: readonly PotFigures[]): PotFigures {
  const sum = (key: keyof PotFigures) => all.reduce((total, f) => total + f[key], 0);
  return {
    amountCents: sum("amountCents"),
    grantedCents: sum("grantedCents"),
    reservedCents: sum("reservedCents"),
    spentCents: sum("spentCents"),
    committedCents: sum("committedCents"),
    availableCents: sum("availableCents"),
  };
}
