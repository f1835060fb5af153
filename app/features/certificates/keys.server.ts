/**
 * The issuers' signing keys: an Ed25519 Multikey per municipality, made the first time it is
 * needed and named by its did:key, which is the issuer id the credentials carry. Rotation retires
 * the current key and makes a new one; credentials signed earlier keep verifying, because a
 * did:key carries its own public key.
 *
 * The secret half stays inside this module: SigningKey keeps it in a private field, so logging,
 * serialising or returning a key from a loader can never show it, and no read here selects the
 * secret column except the one that signs.
 */
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { signingKeys } from "~/lib/db/schema";

export interface PublicSigningKey {
  id: string;
  /** did:key:z6Mk… */
  controller: string;
  publicKeyMultibase: string;
  createdAt: Date;
  retiredAt: Date | null;
}

/** A key that can sign. toJSON and inspection show only the public half. */
export class SigningKey {
  readonly #secretKeyMultibase: string;
  constructor(
    readonly id: string,
    readonly controller: string,
    readonly publicKeyMultibase: string,
    secretKeyMultibase: string,
  ) {
    this.#secretKeyMultibase = secretKeyMultibase;
  }

  /** The verification method the proofs name: did:key:z6Mk…#z6Mk… */
  get verificationMethod(): string {
    return `${this.controller}#${this.publicKeyMultibase}`;
  }

  /** The signer for a Data Integrity proof. */
  async signer() {
    const pair = await Ed25519Multikey.from({
      type: "Multikey",
      id: this.verificationMethod,
      controller: this.controller,
      publicKeyMultibase: this.publicKeyMultibase,
      secretKeyMultibase: this.#secretKeyMultibase,
    });
    return pair.signer();
  }

  toJSON() {
    return { id: this.id, controller: this.controller, publicKeyMultibase: this.publicKeyMultibase };
  }

  [Symbol.for("nodejs.util.inspect.custom")]() {
    return `SigningKey(${this.controller})`;
  }
}

const publicColumns = {
  id: signingKeys.id,
  controller: signingKeys.controller,
  publicKeyMultibase: signingKeys.publicKeyMultibase,
  createdAt: signingKeys.createdAt,
  retiredAt: signingKeys.retiredAt,
};

async function newKeyValues(municipalityId: MunicipalityId) {
  const pair = await Ed25519Multikey.generate();
  return {
    municipalityId,
    keyType: "Ed25519" as const,
    controller: `did:key:${pair.publicKeyMultibase}`,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase!,
  };
}

/**
 * The municipality's current key, made on first need. Two first issues at once both try to
 * insert; the unique index on the current key per issuer lets one win and the other reads it.
 */
export async function currentSigningKey(tx: Transaction, municipalityId: MunicipalityId): Promise<SigningKey> {
  const find = async () => {
    const [row] = await tx
      .select({ ...publicColumns, secretKeyMultibase: signingKeys.secretKeyMultibase })
      .from(signingKeys)
      .where(and(eq(signingKeys.municipalityId, municipalityId), isNull(signingKeys.retiredAt)));
    return row ? new SigningKey(row.id, row.controller, row.publicKeyMultibase, row.secretKeyMultibase) : null;
  };
  const existing = await find();
  if (existing) return existing;
  await tx.insert(signingKeys).values(await newKeyValues(municipalityId)).onConflictDoNothing();
  const made = await find();
  if (!made) throw new Error("no current signing key after creating one");
  return made;
}

/** Retires the current key (if any) and makes a new one, in one transaction. */
export async function rotateSigningKey(municipalityId: MunicipalityId): Promise<PublicSigningKey> {
  const values = await newKeyValues(municipalityId);
  return db().transaction(async (tx) => {
    await tx
      .update(signingKeys)
      .set({ retiredAt: sql`now()` })
      .where(and(eq(signingKeys.municipalityId, municipalityId), isNull(signingKeys.retiredAt)));
    const [row] = await tx.insert(signingKeys).values(values).returning(publicColumns);
    return row!;
  });
}

/** Every key of the municipality, newest first, without secrets. */
export async function listSigningKeys(municipalityId: MunicipalityId): Promise<PublicSigningKey[]> {
  return db().select(publicColumns).from(signingKeys).where(eq(signingKeys.municipalityId, municipalityId)).orderBy(desc(signingKeys.createdAt));
}

/** The municipality a did:key belongs to, for checking who signed a status list; null for a foreign key. */
export async function municipalityOfKey(controller: string): Promise<string | null> {
  const [row] = await db().select({ municipalityId: signingKeys.municipalityId }).from(signingKeys).where(eq(signingKeys.controller, controller));
  return row?.municipalityId ?? null;
}
