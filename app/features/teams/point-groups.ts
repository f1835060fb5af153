/**
 * Where an action point stands on the team pages: quick wins first (EigenWIJzebuurten: what everyone
 * agreed and can do soon), then open points, other agreed points, done, not agreed. Withdrawn
 * points are not shown.
 */
import type { ActionPointStatus } from "~/lib/db/schema";
import { addDaysToLocalDate } from "~/lib/time";
import { QUICK_WIN_DAYS } from "./agreement";

export type ActionPointGroup = "quick_win" | "open" | "agreed" | "done" | "not_agreed";

export function groupOf(point: { status: ActionPointStatus; dueOn: string }, today: string): ActionPointGroup | null {
  if (point.status === "agreed") return point.dueOn <= addDaysToLocalDate(today, QUICK_WIN_DAYS) ? "quick_win" : "agreed";
  if (point.status === "withdrawn") return null;
  return point.status;
}

export const ACTION_POINT_GROUPS: readonly ActionPointGroup[] = ["quick_win", "open", "agreed", "done", "not_agreed"];

