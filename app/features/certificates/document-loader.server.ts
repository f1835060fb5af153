/**
 * The JSON-LD document loader for signing and verifying, with no network at all: the contexts
 * bundled by @digitalcredentials/security-document-loader (VC 2.0, OB 3.0.x, Data Integrity,
 * Bitstring Status List, DID), did:key documents worked out from the key itself, and this
 * installation's own status list credentials read from the database. Any other URL throws, so a
 * credential that names an unknown context fails instead of making the server fetch it.
 */
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { securityLoader } from "@digitalcredentials/security-document-loader";

export type LoadedDocument = { document: unknown; documentUrl: string; contextUrl: null };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

const DID_V1_CONTEXT = "https://www.w3.org/ns/did/v1";
const MULTIKEY_V1_CONTEXT = "https://w3id.org/security/multikey/v1";
/** did:key of an Ed25519 public key (multicodec 0xed01, base58btc): z6Mk… */
const ED25519_DID_KEY = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]{40,50})(?:#(z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}))?$/;

// Without fetchRemoteContexts the bundled loader has no http(s) handler: only static documents.
const bundled = securityLoader({ fetchRemoteContexts: false }).build();

export class UnknownDocumentError extends Error {
  constructor(url: string) {
    super(`Document not available offline: ${url.slice(0, 200)}`);
    this.name = "UnknownDocumentError";
  }
}

/** The DID document of an Ed25519 did:key, or the verification method when the URL has its fragment. */
export async function resolveDidKey(url: string): Promise<LoadedDocument> {
  const match = ED25519_DID_KEY.exec(url);
  if (!match || (match[2] !== undefined && match[2] !== match[1])) throw new UnknownDocumentError(url);
  const publicKeyMultibase = match[1]!;
  const did = `did:key:${publicKeyMultibase}`;
  const methodId = `${did}#${publicKeyMultibase}`;
  // Decoding checks that the multibase really is an Ed25519 public key.
  await Ed25519Multikey.from({ type: "Multikey", id: methodId, controller: did, publicKeyMultibase });
  const method = { id: methodId, type: "Multikey", controller: did, publicKeyMultibase };
  const document = match[2]
    ? { "@context": MULTIKEY_V1_CONTEXT, ...method }
    : {
        "@context": [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
        id: did,
        verificationMethod: [method],
        authentication: [methodId],
        assertionMethod: [methodId],
        capabilityDelegation: [methodId],
        capabilityInvocation: [methodId],
      };
  return { document, documentUrl: url, contextUrl: null };
}

export interface LoaderOptions {
  /** This installation's status list credentials by URL; null when the URL is not one of them. */
  statusList?: (url: string) => Promise<unknown | null>;
}

export function offlineDocumentLoader(options: LoaderOptions = {}): DocumentLoader {
  return async (url: string) => {
    if (url.startsWith("did:key:")) return resolveDidKey(url);
    if (url.startsWith("did:")) throw new UnknownDocumentError(url);
    if (options.statusList) {
      const document = await options.statusList(url);
      if (document) return { document, documentUrl: url, contextUrl: null };
    }
    try {
      const loaded = await bundled(url);
      return { document: loaded.document, documentUrl: url, contextUrl: null };
    } catch {
      throw new UnknownDocumentError(url);
    }
  };
}
