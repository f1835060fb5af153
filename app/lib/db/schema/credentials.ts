/**
 * Verifiable credentials: the keys the installation signs Open Badges 3.0 credentials with, and
 * the revocation status lists those credentials point to. A key belongs to an issuer (a
 * municipality, or the network when municipality_id is null); its private half never leaves the
 * database — no log, export, API or page shows it (app/features/certificates/keys.server.ts).
 */
import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, oneOf } from "./columns";
import { municipalities } from "./tenancy";

export const SIGNING_KEY_TYPES = ["Ed25519"] as const;

/**
 * An Ed25519 key pair as Multikey (multibase-encoded), named by its did:key. Rotation retires the
 * current key and makes a new one; credentials signed with a retired key stay verifiable because
 * a did:key carries its own public key.
 */
export const signingKeys = pgTable(
  "signing_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    keyType: text("key_type", { enum: SIGNING_KEY_TYPES }).notNull().default("Ed25519"),
    /** did:key:z6Mk… — the issuer id the credentials carry. */
    controller: text("controller").notNull().unique(),
    publicKeyMultibase: text("public_key_multibase").notNull(),
    secretKeyMultibase: text("secret_key_multibase").notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    // One current key per issuer (the network's key has no municipality).
    uniqueIndex("signing_keys_one_current_per_issuer")
      .on(sql`coalesce(${t.municipalityId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.retiredAt} is null`),
    check("signing_keys_key_type_valid", sql.raw(oneOf("key_type", SIGNING_KEY_TYPES))),
  ],
);

/**
 * A Bitstring Status List for revocation, one per issuer: certificates take the next free index
 * (a conditional update on next_index, so two issues never share one), and the published status
 * list credential sets the bits of revoked certificates.
 */
export const credentialStatusLists = pgTable(
  "credential_status_lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["revocation"] }).notNull().default("revocation"),
    /** Entries in the list; 131,072 is the minimum the Bitstring Status List spec asks for privacy. */
    size: integer("size").notNull().default(131072),
    nextIndex: integer("next_index").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("credential_status_lists_one_per_issuer").on(t.municipalityId, t.purpose).nullsNotDistinct(),
    check("credential_status_lists_index_within_size", sql`${t.nextIndex} >= 0 and ${t.nextIndex} <= ${t.size}`),
    check("credential_status_lists_purpose_valid", sql`${t.purpose} = 'revocation'`),
  ],
);
