/**
 * What the public check says about a code, for the page and the JSON API alike: valid or revoked
 * (when, why), who issued it, when, for what. An unknown code and a malformed one get the same
 * answer (null), so a guess tells nothing.
 */
import { baseUrl } from "~/lib/env.server";
import { findPublicCertificate } from "./reads.server";
import { verificationPath } from "./urls";
import { issuerName } from "./writes.server";

export interface CertificateVerdict {
  code: string;
  kind: "participation" | "citytrainer";
  status: "valid" | "revoked";
  holderName: string;
  trackName: string;
  cohortName: string;
  issuer: { name: string; id: string | null };
  issuedAt: Date;
  courseStartedOn: string;
  courseEndedOn: string;
  revokedAt: Date | null;
  revocationReason: string | null;
  competences: { name: string; level: number; levelName: string }[];
  verificationUrl: string;
}

export async function certificateVerdict(code: string): Promise<CertificateVerdict | null> {
  const row = await findPublicCertificate(code);
  if (!row) return null;
  return {
    code: row.verificationCode,
    kind: row.kind,
    status: row.revokedAt ? "revoked" : "valid",
    holderName: row.holderName,
    trackName: row.trackName,
    cohortName: row.cohortName,
    issuer: { name: issuerName(row.municipalityName), id: row.kind === "citytrainer" ? row.issuerId : null },
    issuedAt: row.issuedAt,
    courseStartedOn: row.courseStartedOn,
    courseEndedOn: row.courseEndedOn,
    revokedAt: row.revokedAt,
    revocationReason: row.revokedAt ? row.revocationReason : null,
    competences: row.kind === "citytrainer" ? row.achievedCompetences : [],
    verificationUrl: baseUrl + verificationPath(row.verificationCode),
  };
}
