/**
 * Factories for the practice tests: a trainee's application with a date of birth (ages decide the
 * organiser name and the youth working-time warnings), practice supervisors at partner
 * organisations, and an active placement written straight into the database (as if the warm
 * handover had been accepted).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { applications, enrolments, memberships, partnerOrganisations, placements, users } from "~/lib/db/schema";
import { createCourseUser } from "./training-course";

export async function partnerIdOf(municipalityId: string, name: string): Promise<string> {
  const [row] = await db()
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .where(and(eq(partnerOrganisations.municipalityId, municipalityId), eq(partnerOrganisations.name, name)));
  if (!row) throw new Error(`no partner ${name}`);
  return row.id;
}

/** A practice supervisor at a partner organisation (a new account with the demo password). */
export async function createSupervisor(email: string, name: string, municipalityId: string, partnerOrganisationId: string): Promise<string> {
  const id = await createCourseUser(email, { name });
  // Staff roles need two-step verification before any staff page opens.
  await db().update(users).set({ twoFactorEnabled: true }).where(eq(users.id, id));
  await db().insert(memberships).values({ userId: id, role: "practice_supervisor", municipalityId, partnerOrganisationId });
  return id;
}

/** Gives an enrolment the application it came from, with this date of birth ("YYYY-MM-DD"). */
export async function giveDateOfBirth(enrolment: { id: string; userId: string; email: string }, cohortId: string, municipalityId: string, dateOfBirth: string, name: string) {
  const [application] = await db()
    .insert(applications)
    .values({
      cohortId,
      municipalityId,
      status: "admitted",
      name,
      email: enrolment.email,
      dateOfBirth,
      motivation: "Ik wil mijn wijk helpen.",
      ageOnStart: 14,
      needsGuardianConsent: false,
      confirmTokenHash: randomBytes(16).toString("hex"),
      emailConfirmedAt: new Date(),
      userId: enrolment.userId,
    })
    .returning({ id: applications.id });
  await db().update(enrolments).set({ applicationId: application!.id }).where(eq(enrolments.id, enrolment.id));
}

/** An accepted placement: shared, answered and started. */
export async function createActivePlacement(options: {
  municipalityId: string;
  enrolmentId: string;
  traineeUserId: string;
  partnerOrganisationId: string;
  supervisorUserId: string;
}): Promise<string> {
  const day = 86_400_000;
  const [row] = await db()
    .insert(placements)
    .values({
      id: randomUUID(),
      ...options,
      status: "active",
      handoverAt: new Date(Date.now() - 14 * day),
      handoverPlace: "Buurthuis De Haven",
      sharedAt: new Date(Date.now() - 20 * day),
      answeredAt: new Date(Date.now() - 15 * day),
      startedAt: new Date(Date.now() - 14 * day),
    })
    .returning({ id: placements.id });
  return row!.id;
}
