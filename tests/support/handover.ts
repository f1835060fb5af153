/**
 * Factories for the warm-handover tests: practice supervisors at partner organisations, an
 * under-16 trainee's application with a guardian (and the guardian's given consent on it), and a
 * certificate of participation, all written straight into the database.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { issueParticipationCertificate } from "~/features/training/certificates.server";
import { db } from "~/lib/db/client.server";
import { applications, consentRecords, enrolments, memberships, partnerOrganisations, users } from "~/lib/db/schema";
import { municipalityIdOf } from "./activities";
import { createCourseUser } from "./training-course";

let counter = 0;

/** A partner organisation of the municipality. */
export async function createPartner(name: string, municipalitySlug = "havenstad"): Promise<string> {
  const municipalityId = await municipalityIdOf(municipalitySlug);
  const [row] = await db().insert(partnerOrganisations).values({ municipalityId, name, kind: "sport" }).returning({ id: partnerOrganisations.id });
  return row!.id;
}

/** The id of a partner organisation by name (the demo's). */
export async function partnerIdOf(name: string): Promise<string> {
  const [row] = await db().select({ id: partnerOrganisations.id }).from(partnerOrganisations).where(eq(partnerOrganisations.name, name));
  if (!row) throw new Error(`no partner ${name}`);
  return row.id;
}

/** A practice supervisor (account with two-step verification on) at a partner organisation. */
export async function createSupervisor(email: string, name: string, partnerOrganisationId: string, municipalitySlug = "havenstad"): Promise<string> {
  const userId = await createCourseUser(email, { name });
  // Staff roles need two-step verification; without it every staff page sends them to set it up.
  await db().update(users).set({ twoFactorEnabled: true }).where(eq(users.id, userId));
  const municipalityId = await municipalityIdOf(municipalitySlug);
  await db().insert(memberships).values({ userId, role: "practice_supervisor", municipalityId, partnerOrganisationId });
  return userId;
}

/** The practice_supervisor membership id: the value of the proposal form's supervisor select. */
export async function supervisorMembershipOf(userId: string): Promise<string> {
  const [row] = await db().select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId));
  if (!row) throw new Error(`no membership for ${userId}`);
  return row.id;
}

/** A date of birth that makes someone `years` old today (Amsterdam dates, a month after the birthday). */
export function bornYearsAgo(years: number): string {
  const today = new Date();
  const born = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  born.setUTCMonth(born.getUTCMonth() - 1);
  return born.toISOString().slice(0, 10);
}

/**
 * Gives an enrolment the application it came from: the trainee's date of birth and, when a
 * guardian is named, the guardian's given consent for the course application.
 */
export async function attachApplication(
  enrolment: { id: string; userId: string; email: string },
  options: { cohortId: string; dateOfBirth: string; guardian?: { name: string; email: string }; consentText?: string },
): Promise<string> {
  const [row] = await db().select({ municipalityId: enrolments.municipalityId }).from(enrolments).where(eq(enrolments.id, enrolment.id));
  const municipalityId = row!.municipalityId;
  const [application] = await db()
    .insert(applications)
    .values({
      cohortId: options.cohortId,
      municipalityId,
      status: "admitted",
      name: `Aanmelder ${++counter}`,
      email: enrolment.email,
      dateOfBirth: options.dateOfBirth,
      motivation: "Ik wil trainen",
      ageOnStart: 14,
      needsGuardianConsent: options.guardian !== undefined,
      guardianName: options.guardian?.name ?? null,
      guardianEmail: options.guardian?.email ?? null,
      confirmTokenHash: randomBytes(16).toString("hex"),
      emailConfirmedAt: new Date(),
      userId: enrolment.userId,
    })
    .returning({ id: applications.id });
  await db().update(enrolments).set({ applicationId: application!.id }).where(eq(enrolments.id, enrolment.id));
  if (options.guardian) {
    await db().insert(consentRecords).values({
      municipalityId,
      purpose: "course_application",
      legalBasis: "consent",
      subjectApplicationId: application!.id,
      givenBy: "guardian",
      giverName: options.guardian.name,
      giverEmail: options.guardian.email,
      textVersion: options.consentText ?? "guardian-course-application-2026-12",
      status: "given",
      evidence: "email-link",
      answeredAt: new Date(),
    });
  }
  return application!.id;
}

export async function giveCertificate(municipalityId: string, enrolmentId: string, issuedBy: string): Promise<void> {
  const issued = await issueParticipationCertificate(municipalityId as MunicipalityId, enrolmentId, issuedBy);
  if (!issued.ok) throw new Error("certificate not issued");
}

/** A handover meeting a week from now, as the form's date and time fields. */
export function nextWeek(): { date: string; time: string } {
  const at = new Date(Date.now() + 7 * 86_400_000);
  return { date: at.toISOString().slice(0, 10), time: "15:30" };
}
