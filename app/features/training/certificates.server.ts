/**
 * Issuing the certificate of participation. Issuing is idempotent: the unique index on
 * (enrolment, kind) keeps one certificate per enrolment, and issuing again returns that row.
 * What the certificate says (names, dates) is copied in when it is issued.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { certificates, cohorts, cohortSessions, enrolments, municipalities, trackVersions, users } from "~/lib/db/schema";
import { utcToZonedLocal } from "~/lib/time";

/** No 0/O and no 1/I: a code read aloud or typed from paper cannot be mistaken. 32 characters, so a byte maps without bias. */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_PATTERN = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/;

/** A fresh verification code such as "K7QF-2MXA-9RTD" (60 bits of chance). */
export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((byte) => CODE_ALPHABET[byte & 31]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((group) => group.join("")).join("-");
}

export type IssueResult =
  | { ok: true; certificate: typeof certificates.$inferSelect; created: boolean }
  | { ok: false; message: "course.certificate.notFound" };

/**
 * Issues (or returns) the certificate of participation of an enrolment of this municipality. The
 * caller has checked the completion rule and the person's right to issue it.
 */
export async function issueParticipationCertificate(municipalityId: MunicipalityId, enrolmentId: string, issuedBy: string): Promise<IssueResult> {
  return db().transaction(async (tx) => {
    const [source] = await tx
      .select({
        enrolmentId: enrolments.id,
        userId: enrolments.userId,
        cohortId: cohorts.id,
        holderName: users.name,
        cohortName: cohorts.name,
        trackName: trackVersions.name,
        municipalityName: municipalities.name,
        startsOn: cohorts.startsOn,
      })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
      .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
      .innerJoin(municipalities, eq(municipalities.id, enrolments.municipalityId))
      .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.municipalityId, municipalityId)))
      .for("update", { of: enrolments });
    if (!source) return { ok: false, message: "course.certificate.notFound" } as const;
    const existing = await existingCertificate(tx, enrolmentId);
    if (existing) return { ok: true, certificate: existing, created: false } as const;

    const [last] = await tx
      .select({ startsAt: cohortSessions.startsAt })
      .from(cohortSessions)
      .where(and(eq(cohortSessions.cohortId, source.cohortId), isNull(cohortSessions.cancelledAt)))
      .orderBy(desc(cohortSessions.startsAt))
      .limit(1);
    const endedOn = utcToZonedLocal(last?.startsAt ?? new Date()).date;
    // The row lock above makes a second issue wait here and then find the first; a clash of
    // random codes (1 in 2^60) is the only conflict left, and a new code fixes it.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [row] = await tx
        .insert(certificates)
        .values({
          enrolmentId,
          municipalityId,
          userId: source.userId,
          kind: "participation",
          verificationCode: newVerificationCode(),
          holderName: source.holderName,
          trackName: source.trackName,
          cohortName: source.cohortName,
          municipalityName: source.municipalityName,
          courseStartedOn: source.startsOn,
          courseEndedOn: endedOn < source.startsOn ? source.startsOn : endedOn,
          issuedBy,
        })
        .onConflictDoNothing()
        .returning();
      if (row) {
        await tx.update(enrolments).set({ status: "completed" }).where(and(eq(enrolments.id, enrolmentId), eq(enrolments.status, "active")));
        return { ok: true, certificate: row, created: true } as const;
      }
      const raced = await existingCertificate(tx, enrolmentId);
      if (raced) return { ok: true, certificate: raced, created: false } as const;
    }
    throw new Error("could not find a free verification code");
  });
}

async function existingCertificate(tx: Transaction, enrolmentId: string) {
  const [row] = await tx
    .select()
    .from(certificates)
    .where(and(eq(certificates.enrolmentId, enrolmentId), eq(certificates.kind, "participation")));
  return row ?? null;
}
