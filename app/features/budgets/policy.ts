/**
 * The rules of budget requests as data: the request's journey (who moves it from which state),
 * which pots an applicant may use, and what may change in a pot once requests exist. Pure, so
 * tests/unit/budgets.test.ts checks them as tables; the writes ask these before they change a row,
 * and the database's check constraints refuse what these never allow.
 */
import type { BudgetRequestStatus, PotEligibility } from "~/lib/db/schema";
import type { Machine } from "~/lib/state-machine";

export type BudgetRole = "requester" | "project_leader";
export type BudgetEvent = "approve" | "decline" | "withdraw" | "settle" | "accept_settlement" | "return_settlement";

export const BUDGET_REQUEST_MACHINE: Machine<BudgetRequestStatus, BudgetEvent, BudgetRole> = {
  approve: { from: ["submitted"], to: "approved", by: ["project_leader"] },
  decline: { from: ["submitted"], to: "declined", by: ["project_leader"] },
  withdraw: { from: ["submitted", "approved"], to: "withdrawn", by: ["requester"] },
  settle: { from: ["approved"], to: "settlement_submitted", by: ["requester"] },
  accept_settlement: { from: ["settlement_submitted"], to: "settled", by: ["project_leader"] },
  return_settlement: { from: ["settlement_submitted"], to: "approved", by: ["project_leader"] },
};

/** Who asks: a Citytrainer for an activity they organise, or a team (for its activity or as the team). */
export type ApplicantKind = "citytrainer" | "team";

export function potOpenTo(eligible: PotEligibility, applicant: ApplicantKind): boolean {
  return eligible === "both" || (eligible === "citytrainers" ? applicant === "citytrainer" : applicant === "team");
}

/** Whether a pot takes requests on `today` (a local date, YYYY-MM-DD): within its period. */
export function potOpenOn(pot: { startsOn: string; endsOn: string }, today: string): boolean {
  return pot.startsOn <= today && today <= pot.endsOn;
}

/**
 * A pot the activity may ask from: the municipality-wide pots, and the pot of the activity's own
 * neighbourhood (a neighbourhood's money is for that neighbourhood).
 */
export function potCoversNeighbourhood(potNeighbourhoodId: string | null, activityNeighbourhoodId: string | null): boolean {
  return potNeighbourhoodId === null || potNeighbourhoodId === activityNeighbourhoodId;
}

/**
 * What an approval may grant: at most what was asked, at least one cent, and only what the pot
 * still has (amount − committed). Null: the pot has no room for it.
 */
export function grantableCents(requested: number, granted: number, pot: { amountCents: number; committedCents: number }): "ok" | "aboveRequest" | "noRoom" {
  if (granted < 1 || granted > requested) return "aboveRequest";
  return pot.committedCents + granted <= pot.amountCents ? "ok" : "noRoom";
}

/** Whether a request is approved at submission: within the pot's auto-approve amount and with room left. */
export function autoApproves(amountCents: number, pot: { autoApproveUpToCents: number | null; amountCents: number; committedCents: number }): boolean {
  return pot.autoApproveUpToCents !== null && amountCents <= pot.autoApproveUpToCents && pot.committedCents + amountCents <= pot.amountCents;
}

/**
 * Accepting a settlement: what goes back to the pot and what more it must hold. Spending above
 * the grant needs the explicit tick and room in the pot for the difference.
 */
export function settlementEffect(
  grantedCents: number,
  spentCents: number,
  overspendTicked: boolean,
  pot: { amountCents: number; committedCents: number },
): { ok: true; releaseCents: number; extraCents: number } | { ok: false; problem: "overspendNotTicked" | "overspendNoRoom" } {
  if (spentCents <= grantedCents) return { ok: true, releaseCents: grantedCents - spentCents, extraCents: 0 };
  const extraCents = spentCents - grantedCents;
  if (!overspendTicked) return { ok: false, problem: "overspendNotTicked" };
  if (pot.committedCents + extraCents > pot.amountCents) return { ok: false, problem: "overspendNoRoom" };
  return { ok: true, releaseCents: 0, extraCents };
}

/**
 * A pot's rules once requests exist (docs/decisions/030-budgets.md): the amount, period, maximum,
 * auto-approve amount and who may apply can change and apply to requests submitted from then on
 * (a request is checked against the rules when it is submitted); the neighbourhood and the year
 * cannot, because the figures per neighbourhood and per year would silently move.
 */
export function potChangeRefusal(
  current: { neighbourhoodId: string | null; year: number; committedCents: number },
  next: { neighbourhoodId: string | null; year: number; amountCents: number },
  hasRequests: boolean,
): "belowCommitted" | "scopeFixed" | null {
  if (next.amountCents < current.committedCents) return "belowCommitted";
  if (hasRequests && (next.neighbourhoodId !== current.neighbourhoodId || next.year !== current.year)) return "scopeFixed";
  return null;
}
