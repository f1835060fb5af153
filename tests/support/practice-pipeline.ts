/**
 * Fixtures for the pipeline and alert tests: a municipality of their own, partner organisations
 * with practice supervisors, placements in any state and hours, written straight into the database.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { db } from "~/lib/db/client.server";
import { accounts, memberships, municipalities, partnerOrganisations, placements, practiceHours, users, type PlacementStatus } from "~/lib/db/schema";
import { DEMO_PASSWORD } from "./accounts";

const DAY = 86_400_000;
export const daysAgo = (days: number, now = new Date()) => new Date(now.getTime() - days * DAY);

export async function createMunicipality(slug: string, name: string): Promise<string> {
  const [row] = await db().insert(municipalities).values({ slug, name }).returning({ id: municipalities.id });
  return row!.id;
}

export async function createPartner(municipalityId: string, name: string): Promise<string> {
  const [row] = await db().insert(partnerOrganisations).values({ municipalityId, name, kind: "sport" }).returning({ id: partnerOrganisations.id });
  return row!.id;
}

let passwordHash: string | null = null;

/** A person with an account (demo password, two-step verification on) and one role. */
export async function createStaffUser(
  email: string,
  name: string,
  role: "practice_supervisor" | "partner_contact" | "project_leader" | "course_leader",
  municipalityId: string,
  partnerOrganisationId: string | null = null,
): Promise<string> {
  const id = randomUUID();
  passwordHash ??= await hashPassword(DEMO_PASSWORD);
  await db().insert(users).values({ id, name, email, emailVerified: true, twoFactorEnabled: true });
  await db().insert(accounts).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
  await db().insert(memberships).values({ userId: id, role, municipalityId, partnerOrganisationId });
  return id;
}

export interface PlacementFixture {
  municipalityId: string;
  enrolment: { id: string; userId: string };
  partnerId: string;
  supervisorUserId: string | null;
  status: PlacementStatus;
  proposedAt?: Date;
  sharedAt?: Date | null;
  startedAt?: Date | null;
}

/** A placement in the given state, with the dates its constraints ask for. */
export async function createPlacement(fixture: PlacementFixture): Promise<string> {
  const now = new Date();
  const started = fixture.status === "active" || fixture.status === "completed" || fixture.status === "ended";
  const ended = ["completed", "ended", "withdrawn", "declined"].includes(fixture.status);
  const startedAt = started ? (fixture.startedAt ?? now) : null;
  const [row] = await db()
    .insert(placements)
    .values({
      municipalityId: fixture.municipalityId,
      enrolmentId: fixture.enrolment.id,
      traineeUserId: fixture.enrolment.userId,
      partnerOrganisationId: fixture.partnerId,
      supervisorUserId: fixture.supervisorUserId,
      status: fixture.status,
      handoverAt: fixture.proposedAt ?? now,
      handoverPlace: "Clubhuis",
      proposedAt: fixture.proposedAt ?? startedAt ?? now,
      sharedAt: fixture.sharedAt === undefined ? (started ? startedAt : null) : fixture.sharedAt,
      answeredAt: fixture.status === "proposed" || fixture.status === "withdrawn" ? null : (startedAt ?? now),
      startedAt,
      declineReason: fixture.status === "declined" ? "Geen plek" : null,
      endedAt: ended ? now : null,
      endReason: fixture.status === "ended" ? "Verhuisd" : null,
    })
    .returning({ id: placements.id });
  return row!.id;
}

/** Hours of a placement: `hours` long, logged at `createdAt`, signed off at `signedOffAt` (or submitted). */
export async function addHours(
  placement: { id: string; municipalityId: string; traineeUserId: string },
  options: { hours: number; createdAt?: Date; signedOffAt?: Date | null; startsAt?: Date },
): Promise<void> {
  const startsAt = options.startsAt ?? new Date("2026-11-02T09:00:00Z");
  await db()
    .insert(practiceHours)
    .values({
      municipalityId: placement.municipalityId,
      placementId: placement.id,
      traineeUserId: placement.traineeUserId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + options.hours * 3_600_000),
      description: "Training gegeven",
      status: options.signedOffAt ? "signed_off" : "submitted",
      reviewedAt: options.signedOffAt ?? null,
      createdAt: options.createdAt ?? new Date(),
    });
}
