/**
 * Who is coming: the organiser's view (only staff who may manage the activity reach it), and a
 * signed-in person's view of their own sign-ups.
 */
import { and, asc, desc, eq, gt, inArray, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { activities, municipalities, registrations, users } from "~/lib/db/schema";

/**
 * Live registrations of an activity: confirmed people, then the waitlist in acceptance order with
 * each person's position on it.
 */
export async function listParticipants(municipalityId: MunicipalityId, activityId: string) {
  const rows = await db()
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      ageGroup: registrations.ageGroup,
      status: registrations.status,
      attendance: registrations.attendance,
      isWalkIn: registrations.isWalkIn,
      sequence: registrations.sequence,
      createdAt: registrations.createdAt,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.municipalityId, municipalityId),
        eq(registrations.activityId, activityId),
        ne(registrations.status, "cancelled"),
      ),
    )
    .orderBy(asc(registrations.sequence));
  const confirmed = rows.filter((r) => r.status === "confirmed");
  const waitlist = rows.filter((r) => r.status === "waitlisted").map((r, index) => ({ ...r, position: index + 1 }));
  return {
    confirmed,
    waitlist,
    attended: confirmed.filter((r) => r.attendance === "attended").length,
    noShow: confirmed.filter((r) => r.attendance === "no_show").length,
  };
}
export type Participants = Awaited<ReturnType<typeof listParticipants>>;

/**
 * The registrations that belong to a signed-in person: made while signed in, or made with their
 * address before they had an account (or while signed out). The address counts only once the
 * account has confirmed it, so nobody sees sign-ups of an address they do not own.
 */
export function ownedBy(userId: string): SQL {
  return or(
    eq(registrations.userId, userId),
    sql`${registrations.email} = (select lower(${users.email}) from ${users} where ${users.id} = ${userId} and ${users.emailVerified})`,
  )!;
}

// Spelled out with the table name: drizzle leaves columns unqualified in a one-table select, where
// they would bind to the subquery's own rows.
const waitlistPositionColumn = sql<number | null>`case when registrations.status = 'waitlisted' then (
  select count(*)::int from registrations ahead
  where ahead.activity_id = registrations.activity_id and ahead.status = 'waitlisted' and ahead.sequence <= registrations.sequence
) end`;

/** The person's live sign-up for an activity (confirmed or waitlisted, with the place in line), or null. */
export async function findOwnRegistration(userId: string, activityId: string) {
  const [row] = await db()
    .select({ id: registrations.id, status: registrations.status, position: waitlistPositionColumn })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), inArray(registrations.status, ["confirmed", "waitlisted"]), ownedBy(userId)))
    .limit(1);
  return row ? { ...row, status: row.status as "confirmed" | "waitlisted" } : null;
}

/** Activities the public may see; a registration for anything else is not shown to its owner either. */
const VISIBLE_ACTIVITY = inArray(activities.status, ["published", "cancelled", "completed"]);

const ownColumns = {
  id: registrations.id,
  status: registrations.status,
  attendance: registrations.attendance,
  position: waitlistPositionColumn,
  activityId: activities.id,
  activityTitle: activities.title,
  activityStatus: activities.status,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  location: activities.location,
  municipalitySlug: municipalities.slug,
  municipalityName: municipalities.name,
};

/**
 * A signed-in person's sign-ups: upcoming ones (not yet ended, soonest first, including those the
 * organiser cancelled) and past ones (newest first, at most 50). Sign-ups they cancelled
 * themselves are left out.
 */
export async function listOwnRegistrations(userId: string, now: Date = new Date()) {
  const base = () =>
    db()
      .select(ownColumns)
      .from(registrations)
      .innerJoin(activities, eq(activities.id, registrations.activityId))
      .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId));
  const live = ne(registrations.status, "cancelled");
  const [upcoming, past] = await Promise.all([
    base()
      .where(and(ownedBy(userId), live, VISIBLE_ACTIVITY, gt(activities.endsAt, now)))
      .orderBy(asc(activities.startsAt), asc(activities.id)),
    base()
      .where(and(ownedBy(userId), live, VISIBLE_ACTIVITY, lte(activities.endsAt, now)))
      .orderBy(desc(activities.startsAt), desc(activities.id))
      .limit(50),
  ]);
  return { upcoming, past };
}
export type OwnRegistration = Awaited<ReturnType<typeof listOwnRegistrations>>["upcoming"][number];
