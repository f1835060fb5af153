/**
 * Reads of the Citytrainer certificate: the municipality's issued certificates, a holder's own,
 * the public check by code, and whether a person is a Citytrainer. The stored credential is read
 * only where it is served (the holder's download); no read selects a signing key's secret.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { CODE_PATTERN } from "~/features/training/certificates.server";
import { db } from "~/lib/db/client.server";
import { certificates } from "~/lib/db/schema";
import type { AchievedCompetence } from "./writes.server";

export interface IssuedCertificate {
  id: string;
  enrolmentId: string | null;
  verificationCode: string;
  holderName: string;
  trackName: string;
  cohortName: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
}

/** The municipality's Citytrainer certificates, newest first. */
export async function listCitytrainerCertificates(municipalityId: MunicipalityId): Promise<IssuedCertificate[]> {
  return db()
    .select({
      id: certificates.id,
      enrolmentId: certificates.enrolmentId,
      verificationCode: certificates.verificationCode,
      holderName: certificates.holderName,
      trackName: certificates.trackName,
      cohortName: certificates.cohortName,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      revocationReason: certificates.revocationReason,
    })
    .from(certificates)
    .where(and(eq(certificates.municipalityId, municipalityId), eq(certificates.kind, "citytrainer")))
    .orderBy(desc(certificates.issuedAt), desc(certificates.id));
}

/** Whether the person holds a Citytrainer certificate that is not revoked: what later capabilities (publishing directly) check. */
export async function isCitytrainer(userId: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.kind, "citytrainer"), isNull(certificates.revokedAt)))
    .limit(1);
  return row !== undefined;
}

/** Of these people, the ones who are Citytrainers (for staff lists). */
export async function citytrainersAmong(userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db()
    .select({ userId: certificates.userId })
    .from(certificates)
    .where(
      and(
        eq(certificates.kind, "citytrainer"),
        isNull(certificates.revokedAt),
        sql`${certificates.userId} in (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)})`,
      ),
    );
  return new Set(rows.flatMap((row) => (row.userId ? [row.userId] : [])));
}

export interface OwnCitytrainerCertificate {
  id: string;
  verificationCode: string;
  holderName: string;
  trackName: string;
  municipalityName: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  achievedCompetences: AchievedCompetence[];
}

/** The person's own Citytrainer certificate (the latest), revoked or not. */
export async function findOwnCitytrainerCertificate(userId: string): Promise<OwnCitytrainerCertificate | null> {
  const [row] = await db()
    .select({
      id: certificates.id,
      verificationCode: certificates.verificationCode,
      holderName: certificates.holderName,
      trackName: certificates.trackName,
      municipalityName: certificates.municipalityName,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      revocationReason: certificates.revocationReason,
      achievedCompetences: certificates.achievedCompetences,
    })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.kind, "citytrainer")))
    .orderBy(desc(certificates.issuedAt))
    .limit(1);
  return row ? { ...row, achievedCompetences: (row.achievedCompetences ?? []) as AchievedCompetence[] } : null;
}

/** The signed credential of the person's own certificate, as stored. */
export async function ownCredential(userId: string, certificateId: string): Promise<unknown> {
  const [row] = await db()
    .select({ credential: certificates.credential })
    .from(certificates)
    .where(and(eq(certificates.id, certificateId), eq(certificates.userId, userId), eq(certificates.kind, "citytrainer")));
  return row?.credential ?? null;
}

export interface PublicCertificate {
  kind: "participation" | "citytrainer";
  verificationCode: string;
  holderName: string;
  trackName: string;
  cohortName: string;
  municipalityName: string;
  courseStartedOn: string;
  courseEndedOn: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
  achievedCompetences: AchievedCompetence[];
  /** The issuer's did:key, for a Citytrainer certificate. */
  issuerId: string | null;
}

/** The normalised code, or null when it cannot be one (then it is answered like an unknown code). */
export function normaliseCode(code: string): string | null {
  const normalised = code.trim().toUpperCase();
  return CODE_PATTERN.test(normalised) ? normalised : null;
}

/** What the public check may say about a code: the certificate's own text and its status. */
export async function findPublicCertificate(code: string): Promise<PublicCertificate | null> {
  const normalised = normaliseCode(code);
  if (!normalised) return null;
  const [row] = await db()
    .select({
      kind: certificates.kind,
      verificationCode: certificates.verificationCode,
      holderName: certificates.holderName,
      trackName: certificates.trackName,
      cohortName: certificates.cohortName,
      municipalityName: certificates.municipalityName,
      courseStartedOn: certificates.courseStartedOn,
      courseEndedOn: certificates.courseEndedOn,
      issuedAt: certificates.issuedAt,
      revokedAt: certificates.revokedAt,
      revocationReason: certificates.revocationReason,
      achievedCompetences: certificates.achievedCompetences,
      issuerId: sql<string | null>`${certificates.credential} #>> '{issuer,id}'`,
    })
    .from(certificates)
    .where(eq(certificates.verificationCode, normalised));
  return row ? { ...row, achievedCompetences: (row.achievedCompetences ?? []) as AchievedCompetence[] } : null;
}

/** The holder's own certificate as their page shows it (OwnCitytrainerCertificate), or null. */
export async function ownCertificateView(userId: string, formatDate: (date: Date) => string): Promise<{ code: string; revoked: { date: string; reason: string } | null } | null> {
  const own = await findOwnCitytrainerCertificate(userId);
  if (!own) return null;
  return { code: own.verificationCode, revoked: own.revokedAt ? { date: formatDate(own.revokedAt), reason: own.revocationReason ?? "" } : null };
}

/** The municipalities that issued the person a Citytrainer certificate that is not revoked (where they may organise). */
export async function citytrainerMunicipalityIds(userId: string): Promise<string[]> {
  const rows = await db()
    .selectDistinct({ municipalityId: certificates.municipalityId })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.kind, "citytrainer"), isNull(certificates.revokedAt)));
  return rows.map((row) => row.municipalityId);
}
