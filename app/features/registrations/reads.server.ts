/** The organiser's view of who is coming. Only staff who may manage the activity reach these. */
import { and, asc, eq, ne } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { registrations } from "~/lib/db/schema";

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
