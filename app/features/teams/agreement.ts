/**
 * The agreement rule of an action point (EigenWIJzebuurten: first the points everyone agrees with).
 * Pure, so the table in tests/unit/teams-agreement.test.ts is the rule's documentation.
 *
 * Who decides: the members of the team at the moment the point was proposed who are still members
 * now. A member who joins later sees the point but does not vote on it (the group that was asked
 * decides; a newcomer cannot hold up or overturn what was already under way), and a member who left
 * no longer counts (their earlier vote is ignored, so leaving can complete an agreement).
 *
 * - Someone who decides objected: not agreed, at once.
 * - Everyone who decides agreed on or before the decide-by day: agreed.
 * - The decide-by day has passed without that: not agreed.
 * - Otherwise it stays open.
 */
export type AgreementOutcome = "open" | "agreed" | "not_agreed";

export interface AgreementMember {
  userId: string;
  joinedAt: Date;
}

export interface AgreementVote {
  userId: string;
  vote: "agree" | "object";
}

export interface AgreementInput {
  /** When the point was proposed. */
  proposedAt: Date;
  /** The last day (Europe/Amsterdam, YYYY-MM-DD) on which members can answer. */
  decideBy: string;
  /** Today in Europe/Amsterdam (YYYY-MM-DD). */
  today: string;
  /** The team's current members (who have not left). */
  members: readonly AgreementMember[];
  votes: readonly AgreementVote[];
}

/** The members whose answer decides the point: current members who were members when it was proposed. */
export function decidingMembers(input: Pick<AgreementInput, "proposedAt" | "members">): string[] {
  return input.members.filter((m) => m.joinedAt.getTime() <= input.proposedAt.getTime()).map((m) => m.userId);
}

/** Whether the period for answering has ended (the decide-by day itself still counts). */
export function isPeriodOver(decideBy: string, today: string): boolean {
  return today > decideBy;
}

export function decideActionPoint(input: AgreementInput): AgreementOutcome {
  const deciding = new Set(decidingMembers(input));
  const counted = input.votes.filter((v) => deciding.has(v.userId));
  if (counted.some((v) => v.vote === "object")) return "not_agreed";
  const agreed = new Set(counted.filter((v) => v.vote === "agree").map((v) => v.userId));
  if (deciding.size > 0 && [...deciding].every((id) => agreed.has(id))) return "agreed";
  return isPeriodOver(input.decideBy, input.today) ? "not_agreed" : "open";
}

/** Days to answer when the proposer does not choose (a week: one meeting cycle of most teams). */
export const DEFAULT_AGREEMENT_DAYS = 7;
/** The longest period a proposer may give (a quick win is decided within weeks, not months). */
export const MAX_AGREEMENT_DAYS = 30;
/** An agreed point due within this many days counts as a quick win and goes on top of the team page. */
export const QUICK_WIN_DAYS = 14;
