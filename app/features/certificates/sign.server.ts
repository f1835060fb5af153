/**
 * Signing: an embedded Data Integrity proof (cryptosuite eddsa-rdfc-2022, Ed25519) made with
 * @digitalbazaar/vc, over the offline document loader. Ed25519 signatures are deterministic and
 * the proof's time is the issue time, so the same credential and key always give the same proof.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { credentialTime } from "./credential";
import { offlineDocumentLoader, type DocumentLoader } from "./document-loader.server";
import type { SigningKey } from "./keys.server";

export async function signCredential(
  credential: Record<string, unknown>,
  key: SigningKey,
  date: Date,
  documentLoader: DocumentLoader = offlineDocumentLoader(),
): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: await key.signer(), cryptosuite, date: credentialTime(date) });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader, now: date });
}
