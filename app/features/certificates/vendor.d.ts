/**
 * The verifiable-credential libraries ship JavaScript without type declarations; these are the
 * parts this feature calls, typed as narrowly as it uses them.
 */
declare module "@digitalbazaar/vc" {
  export function issue(options: { credential: object; suite: unknown; documentLoader: DocumentLoader; now?: Date | string }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: object; documentLoader: DocumentLoader; suite: unknown }) => Promise<{ verified: boolean; error?: Error }>;
    now?: Date | string;
  }): Promise<{ verified: boolean; error?: { message?: string; errors?: { message?: string }[] }; statusResult?: { verified: boolean; error?: Error } }>;
  export type DocumentLoader = (url: string) => Promise<{ document: unknown; documentUrl: string; contextUrl: string | null }>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}

declare module "@digitalbazaar/ed25519-multikey" {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): { id: string; algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> };
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, string>>;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
}

declare module "@digitalcredentials/security-document-loader" {
  export function securityLoader(options?: { fetchRemoteContexts?: boolean }): {
    addStatic(url: string, document: unknown): void;
    build(): (url: string) => Promise<{ document: unknown; documentUrl: string; contextUrl: string | null }>;
  };
}

declare module "@digitalbazaar/vc-bitstring-status-list" {
  export interface BitstringStatusList {
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  export function checkStatus(options: {
    credential: object;
    documentLoader: (url: string) => Promise<{ document: unknown }>;
    suite: unknown;
    verifyStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; status?: boolean; error?: Error }>;
}

declare module "jsonld" {
  const jsonld: { canonize(input: unknown, options: Record<string, unknown>): Promise<string> };
  export default jsonld;
}
