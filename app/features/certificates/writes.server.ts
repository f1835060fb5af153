/**
 * Issuing and revoking the Citytrainer certificate. Issuing is one transaction: the requirements
 * are checked again under the enrolment's row lock, then the certificate row (with what it says,
 * copied in), its status list entry and the signed credential are written, the placement is
 * completed and the trainee is mailed. Any failure — a requirement no longer met, a credential
 * the OB 3.0 schema refuses — leaves nothing behind.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { CERTIFICATE_MACHINE, mayTransition, PLACEMENT_MACHINE } from "~/features/practice/journey";
import { listTraineePaths } from "~/features/practice/path-facts.server";
import type { Requirement } from "~/features/practice/requirements";
import { newVerificationCode } from "~/features/training/certificates.server";
import { db, type Transaction } from "~/lib/db/client.server";
import {
  assessmentMoments,
  assessments,
  certificates,
  cohorts,
  competenceLevels,
  enrolments,
  municipalities,
  placements,
  trackCompetences,
  trackVersions,
  users,
} from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { translator } from "~/lib/i18n";
import { isUuid } from "~/lib/validation";
import { buildCitytrainerCredential, credentialJson, type CredentialCompetence } from "./credential";
import { achievementCredentialErrors } from "./credential-schema.server";
import { queueCertificateIssuedMail } from "./emails.server";
import { currentSigningKey } from "./keys.server";
import { signCredential } from "./sign.server";
import { statusListUrl, takeStatusEntry } from "./status-list.server";

export interface AchievedCompetence {
  name: string;
  level: number;
  levelName: string;
}

export type IssueOutcome =
  | { ok: true; certificateId: string; verificationCode: string }
  | { ok: false; reason: "not_found" | "already_issued" | "requirements_missing" | "no_placement"; missing?: Requirement[] };

/** The achievement's id: one stable URL per track version. */
export function achievementUrl(trackVersionId: string): string {
  return `${baseUrl}/credentials/achievements/${trackVersionId}`;
}

/** "Gemeente Havenstad": the issuer's name as the credential and the pages show it. */
export function issuerName(municipalityName: string): string {
  return /^gemeente\b/i.test(municipalityName) ? municipalityName : `Gemeente ${municipalityName}`;
}

/**
 * Issues the Citytrainer certificate of an enrolment of this municipality, in the caller's
 * transaction (the demo seed) or in its own. The caller has checked the person's right
 * (certificates.issue); this checks the facts.
 */
export async function issueCitytrainerCertificate(
  municipalityId: MunicipalityId,
  enrolmentId: string,
  issuedBy: string | null,
  options: { tx?: Transaction; now?: Date } = {},
): Promise<IssueOutcome> {
  if (!options.tx) return db().transaction((tx) => issueCitytrainerCertificate(municipalityId, enrolmentId, issuedBy, { ...options, tx }));
  const tx = options.tx;
  if (!isUuid(enrolmentId)) return { ok: false, reason: "not_found" };
  // Issue time in whole seconds and never ahead of the clock: verifiers refuse a validFrom in the future.
  const issuedAt = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);

  // The enrolment's lock makes a second issue for the same person wait and then find the first.
  const [source] = await tx
    .select({
      enrolmentId: enrolments.id,
      userId: enrolments.userId,
      email: users.email,
      holderName: users.name,
      locale: users.locale,
      cohortName: cohorts.name,
      trackVersionId: trackVersions.id,
      trackName: trackVersions.name,
      trackDescription: trackVersions.description,
      municipalityName: municipalities.name,
      municipalitySlug: municipalities.slug,
      cohortId: cohorts.id,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .innerJoin(municipalities, eq(municipalities.id, enrolments.municipalityId))
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.municipalityId, municipalityId)))
    .for("update", { of: enrolments });
  if (!source) return { ok: false, reason: "not_found" };

  const [existing] = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.enrolmentId, enrolmentId), eq(certificates.kind, "citytrainer")));
  if (existing || !mayTransition(CERTIFICATE_MACHINE, "none", "issue", "project_leader")) return { ok: false, reason: "already_issued" };

  const [path] = await listTraineePaths(municipalityId, { enrolmentIds: [enrolmentId] }, tx);
  if (!path) return { ok: false, reason: "not_found" };
  if (path.missing.length > 0) return { ok: false, reason: "requirements_missing", missing: path.missing };
  if (!path.placementId || path.placementStatus !== "active" || !mayTransition(PLACEMENT_MACHINE, "active", "complete", "system")) {
    return { ok: false, reason: "no_placement" };
  }

  const [participation] = await tx
    .select({ startedOn: certificates.courseStartedOn, endedOn: certificates.courseEndedOn })
    .from(certificates)
    .where(and(eq(certificates.enrolmentId, enrolmentId), eq(certificates.kind, "participation"), isNull(certificates.revokedAt)));
  if (!participation) return { ok: false, reason: "requirements_missing", missing: ["participation_certificate"] };

  const competences = await competencesWithLevels(tx, source.trackVersionId);
  const finalLevels = await finalAssessmentLevels(tx, source.cohortId, enrolmentId);
  const achieved: AchievedCompetence[] = competences.flatMap((competence) => {
    const level = finalLevels.get(competence.id);
    const rubric = competence.levels.find((l) => l.level === level);
    return level !== undefined && rubric ? [{ name: competence.name, level, levelName: rubric.name }] : [];
  });

  const key = await currentSigningKey(tx, municipalityId);
  const entry = await takeStatusEntry(tx, municipalityId);
  const certificateId = randomUUID();
  const t = translator("nl");
  const unsigned = buildCitytrainerCredential({
    certificateId,
    issuedAt,
    issuer: { did: key.controller, name: issuerName(source.municipalityName), url: `${baseUrl}/${source.municipalitySlug}` },
    recipientEmail: source.email,
    salt: randomBytes(16).toString("hex"),
    achievement: {
      id: achievementUrl(source.trackVersionId),
      trackName: source.trackName,
      description: source.trackDescription.trim() || t("citytrainer.credential.description", { track: source.trackName }),
      criteria: t("citytrainer.credential.criteria"),
      competences: competences.map((c): CredentialCompetence => ({ key: c.key, name: c.name, description: c.description, levels: c.levels })),
    },
    results: Object.fromEntries(competences.flatMap((c) => (finalLevels.has(c.id) ? [[c.key, finalLevels.get(c.id)!]] : []))),
    status: { listUrl: statusListUrl(entry.listId), index: entry.index },
    wording: { name: t("citytrainer.credential.name", { track: source.trackName }) },
  });
  const schemaErrors = achievementCredentialErrors(unsigned);
  if (schemaErrors.length > 0) throw new Error(`refusing to issue a credential the OB 3.0 schema rejects: ${schemaErrors.join("; ")}`);
  const signed = await signCredential(unsigned, key, issuedAt);
  const signedErrors = achievementCredentialErrors(signed);
  if (signedErrors.length > 0) throw new Error(`refusing to issue a credential the OB 3.0 schema rejects: ${signedErrors.join("; ")}`);

  let verificationCode = "";
  // The enrolment lock rules out a second certificate; only a clash of random codes (1 in 2^60) can conflict.
  for (let attempt = 0; attempt < 5 && !verificationCode; attempt += 1) {
    const code = newVerificationCode();
    const [row] = await tx
      .insert(certificates)
      .values({
        id: certificateId,
        enrolmentId,
        municipalityId,
        userId: source.userId,
        kind: "citytrainer",
        verificationCode: code,
        holderName: source.holderName,
        trackName: source.trackName,
        cohortName: source.cohortName,
        municipalityName: source.municipalityName,
        courseStartedOn: participation.startedOn,
        courseEndedOn: participation.endedOn,
        issuedBy,
        issuedAt,
        achievedCompetences: achieved,
        credential: JSON.parse(credentialJson(signed)),
        statusListId: entry.listId,
        statusListIndex: entry.index,
      })
      .onConflictDoNothing({ target: certificates.verificationCode })
      .returning({ id: certificates.id });
    if (row) verificationCode = code;
  }
  if (!verificationCode) throw new Error("could not find a free verification code");

  const completed = await tx
    .update(placements)
    .set({ status: "completed", endedAt: issuedAt })
    .where(and(eq(placements.id, path.placementId), eq(placements.status, "active")))
    .returning({ id: placements.id });
  if (completed.length !== 1) throw new Error("the placement changed while the certificate was issued");

  await queueCertificateIssuedMail(tx, {
    municipalityId,
    municipalityName: source.municipalityName,
    to: source.email,
    name: source.holderName,
    locale: source.locale,
    trackName: source.trackName,
    verificationCode,
  });
  return { ok: true, certificateId, verificationCode };
}

async function competencesWithLevels(tx: Transaction, trackVersionId: string) {
  const rows = await tx
    .select({
      id: trackCompetences.id,
      key: trackCompetences.key,
      name: trackCompetences.name,
      description: trackCompetences.description,
      position: trackCompetences.position,
      level: competenceLevels.level,
      levelName: competenceLevels.name,
      levelDescription: competenceLevels.description,
    })
    .from(trackCompetences)
    .leftJoin(competenceLevels, eq(competenceLevels.competenceId, trackCompetences.id))
    .where(eq(trackCompetences.trackVersionId, trackVersionId))
    .orderBy(asc(trackCompetences.position), asc(competenceLevels.level));
  const byId = new Map<string, { id: string; key: string; name: string; description: string; levels: { level: number; name: string; description: string }[] }>();
  for (const row of rows) {
    const competence = byId.get(row.id) ?? { id: row.id, key: row.key, name: row.name, description: row.description, levels: [] };
    if (row.level !== null && row.levelName !== null) competence.levels.push({ level: row.level, name: row.levelName, description: row.levelDescription ?? "" });
    byId.set(row.id, competence);
  }
  return [...byId.values()];
}

/** The levels of the cohort's final assessment moment (assessment_moments.kind = 'final'), per competence id. */
async function finalAssessmentLevels(tx: Transaction, cohortId: string, enrolmentId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ competenceId: assessments.competenceId, level: assessments.level })
    .from(assessments)
    .innerJoin(assessmentMoments, eq(assessmentMoments.id, assessments.momentId))
    .where(and(eq(assessmentMoments.cohortId, cohortId), eq(assessmentMoments.kind, "final"), eq(assessments.enrolmentId, enrolmentId)));
  return new Map(rows.map((row) => [row.competenceId, row.level]));
}

export type RevokeOutcome = { ok: true } | { ok: false; reason: "not_found" | "already_revoked" };

/**
 * Revokes a Citytrainer certificate of this municipality with a reason. The status list's bit
 * follows from revoked_at (status-list.server.ts); the conditional update makes a second revoke a no-op.
 */
export async function revokeCitytrainerCertificate(
  municipalityId: MunicipalityId,
  certificateId: string,
  revokedBy: string | null,
  reason: string,
  options: { tx?: Transaction; now?: Date } = {},
): Promise<RevokeOutcome> {
  if (!isUuid(certificateId) || !mayTransition(CERTIFICATE_MACHINE, "valid", "revoke", "project_leader")) return { ok: false, reason: "not_found" };
  const executor = options.tx ?? db();
  const ofMunicipality = and(eq(certificates.id, certificateId), eq(certificates.municipalityId, municipalityId), eq(certificates.kind, "citytrainer"));
  const updated = await executor
    .update(certificates)
    .set({ revokedAt: options.now ?? new Date(), revokedBy, revocationReason: reason })
    .where(and(ofMunicipality, isNull(certificates.revokedAt)))
    .returning({ id: certificates.id });
  if (updated.length === 1) return { ok: true };
  const [exists] = await executor.select({ id: certificates.id }).from(certificates).where(ofMunicipality);
  return { ok: false, reason: exists ? "already_revoked" : "not_found" };
}
