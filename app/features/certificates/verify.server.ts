/**
 * Verifying a credential the way an outside verifier does, but offline: the Data Integrity proof
 * (eddsa-rdfc-2022) against the issuer's did:key, then the revocation bit in the status list the
 * credential names, whose own signature is checked too. Used for the public page's "check a
 * credential file" form and in the tests; an independent verifier (verifier-core) checks the same
 * credentials in tests/integration/citytrainer-certificate.test.ts.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import * as vc from "@digitalbazaar/vc";
import { offlineDocumentLoader, type DocumentLoader } from "./document-loader.server";
import { municipalityOfKey } from "./keys.server";
import { statusListByUrl } from "./status-list.server";

export interface VerificationOutcome {
  /** The proof checks out: nothing in the credential changed since it was signed. */
  signatureValid: boolean;
  /** The status list says revoked (null: the status could not be checked). */
  revoked: boolean | null;
  /** Signed by a key of this installation. */
  issuedHere: boolean;
  problems: string[];
}

function issuerId(credential: Record<string, unknown>): string | null {
  const issuer = credential.issuer;
  if (typeof issuer === "string") return issuer;
  if (issuer && typeof issuer === "object" && typeof (issuer as { id?: unknown }).id === "string") return (issuer as { id: string }).id;
  return null;
}

export async function verifyCredentialDocument(
  credential: unknown,
  documentLoader: DocumentLoader = offlineDocumentLoader({ statusList: statusListByUrl }),
): Promise<VerificationOutcome> {
  if (!credential || typeof credential !== "object" || Array.isArray(credential)) {
    return { signatureValid: false, revoked: null, issuedHere: false, problems: ["not a JSON object"] };
  }
  const document = credential as Record<string, unknown>;
  const suite = new DataIntegrityProof({ cryptosuite });
  const problems: string[] = [];
  let signatureValid = false;
  try {
    // The proof first, on its own; the status is checked below, against a verified status list.
    const result = await vc.verifyCredential({ credential: document, suite, documentLoader, checkStatus: async () => ({ verified: true }) });
    signatureValid = result.verified;
    if (!result.verified) problems.push(result.error?.errors?.[0]?.message ?? result.error?.message ?? "proof not verified");
  } catch (error) {
    problems.push(error instanceof Error ? error.message : "proof not verified");
  }
  const issuer = issuerId(document);
  const issuerMunicipality = issuer ? await municipalityOfKey(issuer) : null;

  let revoked: boolean | null = null;
  if (signatureValid && document.credentialStatus) {
    try {
      // A rotated key signs the list while older credentials name the retired key as issuer, so
      // the library's "same issuer" check is replaced by "a key of the same municipality" below.
      const status = await checkStatus({ credential: document, documentLoader, suite, verifyStatusListCredential: true, verifyMatchingIssuers: false });
      const listIssuer = await statusListIssuer(document, documentLoader);
      if (!status.verified || listIssuer === null || (await municipalityOfKey(listIssuer)) !== issuerMunicipality) {
        problems.push("status list not verified");
      } else {
        revoked = status.status === true;
      }
    } catch (error) {
      problems.push(error instanceof Error ? error.message : "status not checked");
    }
  }
  return { signatureValid, revoked, issuedHere: issuerMunicipality !== null, problems };
}

async function statusListIssuer(credential: Record<string, unknown>, documentLoader: DocumentLoader): Promise<string | null> {
  const status = credential.credentialStatus as { statusListCredential?: unknown } | undefined;
  if (typeof status?.statusListCredential !== "string") return null;
  const { document } = await documentLoader(status.statusListCredential);
  return issuerId(document as Record<string, unknown>);
}
