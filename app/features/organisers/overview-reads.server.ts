/**
 * The project leader's neighbourhood overview: per neighbourhood, who organises (active resident
 * organisers and teams), what waits for review, the budget pots, how many residents were recruited
 * through invite links, and the flags that need attention. Counts only: the pages behind the links
 * show the people. "Active" means organised (or co-organised) an activity that took place or is
 * published in the last ACTIVE_MONTHS months.
 */
import { sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";

export const ACTIVE_MONTHS = 6;
/** A pot with less than this share of its amount available is flagged as nearly exhausted. */
export const POT_NEARLY_EXHAUSTED_SHARE = 0.1;

export interface OverviewPot {
  id: string;
  name: string;
  amountCents: number;
  committedCents: number;
  availableCents: number;
  isNearlyExhausted: boolean;
}

export interface NeighbourhoodOverview {
  /** null: what belongs to no neighbourhood (municipality-wide pots, activities without one). */
  neighbourhoodId: string | null;
  name: string | null;
  activeOrganisers: number;
  activeTeams: number;
  proposedTeams: number;
  inReview: number;
  organised: number;
  recruited: number;
  recruitedNew: number;
  pots: OverviewPot[];
}

type Counts = Omit<NeighbourhoodOverview, "neighbourhoodId" | "name" | "pots">;
const EMPTY: Counts = { activeOrganisers: 0, activeTeams: 0, proposedTeams: 0, inReview: 0, organised: 0, recruited: 0, recruitedNew: 0 };

function key(id: string | null): string {
  return id ?? "";
}

/** The overview of every neighbourhood of the municipality, in name order, and a row for the rest when it has anything. */
export async function loadNeighbourhoodOverview(municipalityId: MunicipalityId, now = new Date()): Promise<NeighbourhoodOverview[]> {
  const since = new Date(now);
  since.setMonth(since.getMonth() - ACTIVE_MONTHS);
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Europe/Amsterdam", year: "numeric" }).format(now));
  const database = db();
  const [neighbourhoods, organisers, teams, activityCounts, recruitment, pots] = await Promise.all([
    database.execute<{ id: string; name: string }>(sql`select id, name from neighbourhoods where municipality_id = ${municipalityId} order by name`),
    database.execute<{ neighbourhood_id: string | null; organisers: number }>(sql`
      select a.neighbourhood_id, count(distinct people.user_id)::int as organisers
      from activities a
      join organised_activities oa on oa.activity_id = a.id
      cross join lateral (
        select oa.organiser_user_id as user_id
        union select co.user_id from activity_co_organisers co where co.activity_id = a.id
      ) people
      where a.municipality_id = ${municipalityId} and a.status in ('published', 'completed')
        and a.starts_at >= ${since} and people.user_id is not null
      group by a.neighbourhood_id`),
    database.execute<{ neighbourhood_id: string | null; active: number; proposed: number }>(sql`
      select neighbourhood_id,
        count(*) filter (where status = 'active')::int as active,
        count(*) filter (where status = 'proposed')::int as proposed
      from teams where municipality_id = ${municipalityId}
      group by neighbourhood_id`),
    database.execute<{ neighbourhood_id: string | null; in_review: number; organised: number }>(sql`
      select a.neighbourhood_id,
        count(*) filter (where a.status = 'in_review')::int as in_review,
        count(*) filter (where a.status = 'completed' and ev.activity_id is not null and a.starts_at >= ${since})::int as organised
      from organised_activities oa
      join activities a on a.id = oa.activity_id
      left join activity_evaluations ev on ev.activity_id = a.id
      where oa.municipality_id = ${municipalityId}
      group by a.neighbourhood_id`),
    database.execute<{ neighbourhood_id: string | null; recruited: number; recruited_new: number }>(sql`
      select a.neighbourhood_id,
        count(*)::int as recruited,
        count(*) filter (where rr.is_new_to_platform)::int as recruited_new
      from registration_referrals rr
      join registrations r on r.id = rr.registration_id
      join activities a on a.id = r.activity_id
      where rr.municipality_id = ${municipalityId} and r.status <> 'cancelled' and rr.created_at >= ${since}
      group by a.neighbourhood_id`),
    database.execute<{ id: string; neighbourhood_id: string | null; name: string; amount_cents: string; committed_cents: string }>(sql`
      select id, neighbourhood_id, name, amount_cents, committed_cents
      from budget_pots where municipality_id = ${municipalityId} and year = ${year}
      order by name`),
  ]);

  const counts = new Map<string, Counts>();
  const bump = (id: string | null, values: Partial<Counts>) => {
    const current = counts.get(key(id)) ?? { ...EMPTY };
    counts.set(key(id), { ...current, ...values });
  };
  for (const row of organisers.rows) bump(row.neighbourhood_id, { activeOrganisers: row.organisers });
  for (const row of teams.rows) bump(row.neighbourhood_id, { activeTeams: row.active, proposedTeams: row.proposed });
  for (const row of activityCounts.rows) bump(row.neighbourhood_id, { inReview: row.in_review, organised: row.organised });
  for (const row of recruitment.rows) bump(row.neighbourhood_id, { recruited: row.recruited, recruitedNew: row.recruited_new });

  const potsBy = new Map<string, OverviewPot[]>();
  for (const row of pots.rows) {
    const amountCents = Number(row.amount_cents);
    const committedCents = Number(row.committed_cents);
    const availableCents = amountCents - committedCents;
    const list = potsBy.get(key(row.neighbourhood_id)) ?? [];
    list.push({ id: row.id, name: row.name, amountCents, committedCents, availableCents, isNearlyExhausted: amountCents > 0 && availableCents < amountCents * POT_NEARLY_EXHAUSTED_SHARE });
    potsBy.set(key(row.neighbourhood_id), list);
  }

  const result: NeighbourhoodOverview[] = neighbourhoods.rows.map((row) => ({
    neighbourhoodId: row.id,
    name: row.name,
    ...(counts.get(row.id) ?? EMPTY),
    pots: potsBy.get(row.id) ?? [],
  }));
  const rest = counts.get("");
  const restPots = potsBy.get("") ?? [];
  if (rest || restPots.length > 0) result.push({ neighbourhoodId: null, name: null, ...(rest ?? EMPTY), pots: restPots });
  return result;
}
