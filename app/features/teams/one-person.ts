/**
 * "Rests on one person": Movisie's lesson that a residents' initiative leaning on one resident is
 * fragile. A team is flagged when, in the last six months, one member organised at least 80 % of
 * the team's activities, or proposed at least 80 % of its action points, counted over at least four
 * of them (with fewer there is no pattern yet: a new team's first two points are always one
 * person's). Pure, tested as a table in tests/unit/teams-one-person.test.ts.
 */
export const ONE_PERSON_WINDOW_MONTHS = 6;
export const ONE_PERSON_MIN_ITEMS = 4;
export const ONE_PERSON_SHARE = 0.8;

export interface TeamWorkItem {
  kind: "activity" | "action_point";
  /** Who organised the activity or proposed the point; null when unknown (erased). */
  userId: string | null;
  at: Date;
}

export interface OnePersonFlag {
  kind: "activity" | "action_point";
  userId: string;
  count: number;
  total: number;
}

/** The start of the window: the same day six months before `now`. */
export function windowStart(now: Date): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - ONE_PERSON_WINDOW_MONTHS);
  return start;
}

/** The flags of a team (one per kind at most), empty when its work is shared. */
export function restsOnOnePerson(items: readonly TeamWorkItem[], now: Date): OnePersonFlag[] {
  const from = windowStart(now).getTime();
  const flags: OnePersonFlag[] = [];
  for (const kind of ["activity", "action_point"] as const) {
    const recent = items.filter((i) => i.kind === kind && i.at.getTime() >= from && i.at.getTime() <= now.getTime());
    if (recent.length < ONE_PERSON_MIN_ITEMS) continue;
    const counts = new Map<string, number>();
    for (const item of recent) if (item.userId) counts.set(item.userId, (counts.get(item.userId) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (top && top[1] / recent.length >= ONE_PERSON_SHARE) flags.push({ kind, userId: top[0], count: top[1], total: recent.length });
  }
  return flags;
}
