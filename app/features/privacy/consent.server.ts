/**
 * Consent records: the one place where the platform asks for, records and withdraws a consent.
 * A guardian's consent is asked by email: the link carries a token of which only the hash is
 * stored, and opening it and answering is the evidence ("email-link"). The same link later lets
 * the guardian withdraw. See docs/decisions/026-privacy-core.md.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor, Transaction } from "~/lib/db/client.server";
import { consentRecords, type ConsentPurpose, type LegalBasis } from "~/lib/db/schema";

export type ConsentRecord = typeof consentRecords.$inferSelect;

export function hashConsentToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ConsentRequest {
  municipalityId: string | null;
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  subject: { userId?: string; applicationId?: string; registrationId?: string };
  givenBy: "self" | "guardian";
  giverName: string;
  giverEmail: string;
  /** The version key of the text the giver is shown (consent-texts.ts). */
  textVersion: string;
  locale: "nl" | "en";
}

/** Asks for a consent; returns the record and the token for the giver's link (shown once, in the mail). */
export async function requestConsent(tx: Transaction, request: ConsentRequest): Promise<{ record: ConsentRecord; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const [record] = await tx
    .insert(consentRecords)
    .values({
      municipalityId: request.municipalityId,
      purpose: request.purpose,
      legalBasis: request.legalBasis,
      subjectUserId: request.subject.userId ?? null,
      subjectApplicationId: request.subject.applicationId ?? null,
      subjectRegistrationId: request.subject.registrationId ?? null,
      givenBy: request.givenBy,
      giverName: request.giverName,
      giverEmail: request.giverEmail.toLowerCase(),
      textVersion: request.textVersion,
      locale: request.locale,
      tokenHash: hashConsentToken(token),
    })
    .returning();
  return { record: record!, token };
}

/**
 * Records a consent the person gives (or refuses) themselves on a page they are signed in to (no
 * link needed). A refusal is kept too: it is the answer the course leader acts on.
 */
export async function recordOwnConsent(
  tx: Transaction,
  request: Omit<ConsentRequest, "givenBy">,
  evidence: string,
  answer: "given" | "refused" = "given",
): Promise<ConsentRecord> {
  const [record] = await tx
    .insert(consentRecords)
    .values({
      municipalityId: request.municipalityId,
      purpose: request.purpose,
      legalBasis: request.legalBasis,
      subjectUserId: request.subject.userId ?? null,
      subjectApplicationId: request.subject.applicationId ?? null,
      givenBy: "self",
      giverName: request.giverName,
      giverEmail: request.giverEmail.toLowerCase(),
      textVersion: request.textVersion,
      locale: request.locale,
      status: answer,
      evidence,
      answeredAt: new Date(),
    })
    .returning();
  return record!;
}

/** The consent a giver's link points to, or null for an unknown token. */
export async function findConsentByToken(executor: Executor, token: string): Promise<ConsentRecord | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [record] = await executor.select().from(consentRecords).where(eq(consentRecords.tokenHash, hashConsentToken(token)));
  return record ?? null;
}

/**
 * The giver's answer to a requested consent. Only a consent that still waits for an answer
 * changes (a second click, or a replayed form, changes nothing); returns the updated record, or
 * null when there was nothing to answer.
 */
export async function answerConsent(
  tx: Transaction,
  consentId: string,
  answer: "given" | "refused",
  evidence: string,
): Promise<ConsentRecord | null> {
  const [record] = await tx
    .update(consentRecords)
    .set({ status: answer, answeredAt: new Date(), evidence })
    .where(and(eq(consentRecords.id, consentId), eq(consentRecords.status, "requested")))
    .returning();
  return record ?? null;
}

/** Withdraws a given consent; null when it was not (or no longer) given. */
export async function withdrawConsent(tx: Transaction, consentId: string): Promise<ConsentRecord | null> {
  const [record] = await tx
    .update(consentRecords)
    .set({ status: "withdrawn", withdrawnAt: new Date() })
    .where(and(eq(consentRecords.id, consentId), eq(consentRecords.status, "given")))
    .returning();
  return record ?? null;
}
