/**
 * Factories for the final report and ceremony tests: practice supervisors of a partner
 * organisation, and an active placement written straight into the database (status active,
 * shared, answered and started), as the handover would leave it.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { memberships, partnerOrganisations, placements, users } from "~/lib/db/schema";
import { municipalityIdOf } from "./activities";
import { createCourseUser } from "./training-course";

export async function partnerIdOf(name: string, municipalitySlug = "havenstad"): Promise<string> {
  const municipalityId = await municipalityIdOf(municipalitySlug);
  const [row] = await db()
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.name, name), eq(partnerOrganisations.municipalityId, municipalityId)));
  if (!row) throw new Error(`no partner ${name}`);
  return row.id;
}

/** A practice supervisor of a partner organisation (an account with the demo password). */
export async function createSupervisor(email: string, partnerName: string, options: { name?: string; municipalitySlug?: string } = {}): Promise<string> {
  const slug = options.municipalitySlug ?? "havenstad";
  const userId = await createCourseUser(email, { name: options.name ?? `Begeleider ${randomUUID().slice(0, 4)}` });
  // Staff sign in with two-step verification; the session cookie of the tests stands in for it.
  await db().update(users).set({ twoFactorEnabled: true }).where(eq(users.id, userId));
  await db().insert(memberships).values({ userId, role: "practice_supervisor", municipalityId: await municipalityIdOf(slug), partnerOrganisationId: await partnerIdOf(partnerName, slug) });
  return userId;
}

/** An active placement of an enrolment at a partner organisation, with its supervisor. */
export async function createActivePlacement(options: {
  municipalityId: string;
  enrolmentId: string;
  traineeUserId: string;
  partnerOrganisationId: string;
  supervisorUserId: string;
  status?: "active" | "proposed";
}): Promise<string> {
  const now = Date.now();
  const active = (options.status ?? "active") === "active";
  const [row] = await db()
    .insert(placements)
    .values({
      municipalityId: options.municipalityId,
      enrolmentId: options.enrolmentId,
      traineeUserId: options.traineeUserId,
      partnerOrganisationId: options.partnerOrganisationId,
      supervisorUserId: options.supervisorUserId,
      status: options.status ?? "active",
      handoverAt: new Date(now - 30 * 86_400_000),
      handoverPlace: "Buurthuis De Haven",
      sharedAt: new Date(now - 31 * 86_400_000),
      answeredAt: active ? new Date(now - 29 * 86_400_000) : null,
      startedAt: active ? new Date(now - 29 * 86_400_000) : null,
    })
    .returning({ id: placements.id });
  return row!.id;
}
