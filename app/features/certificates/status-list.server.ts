/**
 * Revocation as a Bitstring Status List (W3C): one list per issuer, one index per certificate,
 * and a status list credential, signed by the issuer's current key, in which the bit of every
 * revoked certificate is set. The credential is worked out from the certificates on each request
 * (revoking is a column on the certificate, the bit follows from it) and comes out byte for byte
 * the same while nothing changes: its time is that of the last revocation.
 */
import { createList } from "@digitalbazaar/vc-bitstring-status-list";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { scopeFromRow, type MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { certificates, credentialStatusLists } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { isUuid } from "~/lib/validation";
import { canonicalize, credentialTime, VC_V2_CONTEXT } from "./credential";
import { offlineDocumentLoader } from "./document-loader.server";
import { currentSigningKey } from "./keys.server";
import { signCredential } from "./sign.server";

export const STATUS_LIST_PATH = "/credentials/status/";

export function statusListUrl(listId: string): string {
  return `${baseUrl}${STATUS_LIST_PATH}${listId}`;
}

/** The list id in one of this installation's status list URLs, else null. */
export function statusListIdOf(url: string): string | null {
  const prefix = `${baseUrl}${STATUS_LIST_PATH}`;
  if (!url.startsWith(prefix)) return null;
  const id = url.slice(prefix.length);
  return isUuid(id) ? id : null;
}

export interface StatusEntry {
  listId: string;
  index: number;
}

/**
 * The next free index of the municipality's revocation list. The conditional update takes the
 * list row's lock, so concurrent issues queue here and each gets its own index; a full list
 * (next_index = size) updates nothing and issuing stops with an error instead of reusing a bit.
 */
export async function takeStatusEntry(tx: Transaction, municipalityId: MunicipalityId): Promise<StatusEntry> {
  await tx.insert(credentialStatusLists).values({ municipalityId, purpose: "revocation" }).onConflictDoNothing();
  const [row] = await tx
    .update(credentialStatusLists)
    .set({ nextIndex: sql`${credentialStatusLists.nextIndex} + 1` })
    .where(
      and(
        eq(credentialStatusLists.municipalityId, municipalityId),
        eq(credentialStatusLists.purpose, "revocation"),
        sql`${credentialStatusLists.nextIndex} < ${credentialStatusLists.size}`,
      ),
    )
    .returning({ listId: credentialStatusLists.id, next: credentialStatusLists.nextIndex });
  if (!row) throw new Error("the revocation status list is full");
  return { listId: row.listId, index: row.next - 1 };
}

/** The signed status list credential of a list, or null for an unknown list. */
export async function statusListCredential(listId: string): Promise<Record<string, unknown> | null> {
  if (!isUuid(listId)) return null;
  return db().transaction(async (tx) => {
    const [list] = await tx.select().from(credentialStatusLists).where(eq(credentialStatusLists.id, listId));
    if (!list || !list.municipalityId) return null;
    const revoked = await tx
      .select({ index: certificates.statusListIndex, revokedAt: certificates.revokedAt })
      .from(certificates)
      .where(and(eq(certificates.statusListId, listId), isNotNull(certificates.revokedAt)));
    const bits = await createList({ length: list.size });
    let changedAt = list.createdAt;
    for (const row of revoked) {
      if (row.index !== null) bits.setStatus(row.index, true);
      if (row.revokedAt && row.revokedAt > changedAt) changedAt = row.revokedAt;
    }
    // A status list is public (verifiers anywhere fetch it): reading it needs no role.
    const key = await currentSigningKey(tx, scopeFromRow(list.municipalityId, true));
    const url = statusListUrl(listId);
    const unsigned = canonicalize({
      "@context": [VC_V2_CONTEXT],
      id: url,
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: key.controller,
      validFrom: credentialTime(changedAt),
      credentialSubject: { id: `${url}#list`, type: "BitstringStatusList", statusPurpose: "revocation", encodedList: await bits.encode() },
    }) as Record<string, unknown>;
    const signed = await signCredential(unsigned, key, changedAt, offlineDocumentLoader());
    return canonicalize(signed) as Record<string, unknown>;
  });
}

/** For the document loader: this installation's status list credentials by URL. */
export async function statusListByUrl(url: string): Promise<Record<string, unknown> | null> {
  const listId = statusListIdOf(url);
  return listId ? statusListCredential(listId) : null;
}
