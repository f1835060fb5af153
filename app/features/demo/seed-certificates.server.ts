/**
 * Demo Citytrainer certificates: issued for the given placements through the same write the
 * project leader's button uses (requirements checked, credential signed, placement completed,
 * mail queued), inside the seed's transaction, and the listed ones revoked with their reason.
 * The placements come from the practice part of the demo seed, which makes them complete.
 */
import { and, eq, inArray } from "drizzle-orm";
import { scopeFromRow } from "~/features/authorization/gate.server";
import { issueCitytrainerCertificate, revokeCitytrainerCertificate } from "~/features/certificates/writes.server";
import type { Transaction } from "~/lib/db/client.server";
import { certificates, placements } from "~/lib/db/schema";

export async function seedDemoCertificates(
  tx: Transaction,
  options: { placementIds: string[]; revoked: { placementId: string; reason: string }[]; now: Date },
): Promise<{ issued: { placementId: string; verificationCode: string }[] }> {
  if (options.placementIds.length === 0) return { issued: [] };
  const rows = await tx
    .select({ id: placements.id, enrolmentId: placements.enrolmentId, municipalityId: placements.municipalityId })
    .from(placements)
    .where(inArray(placements.id, options.placementIds));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issued: { placementId: string; verificationCode: string }[] = [];
  for (const placementId of options.placementIds) {
    const placement = byId.get(placementId);
    if (!placement) throw new Error(`demo placement ${placementId} does not exist`);
    // The seed acts as the installation itself, for the municipality the placement belongs to.
    const municipalityId = scopeFromRow(placement.municipalityId, true);
    const outcome = await issueCitytrainerCertificate(municipalityId, placement.enrolmentId, null, { tx, now: options.now });
    if (!outcome.ok) throw new Error(`demo certificate for placement ${placementId} not issued: ${outcome.reason} ${outcome.missing?.join(", ") ?? ""}`);
    issued.push({ placementId, verificationCode: outcome.verificationCode });
  }
  for (const { placementId, reason } of options.revoked) {
    const placement = byId.get(placementId);
    if (!placement) throw new Error(`demo placement ${placementId} to revoke was not issued here`);
    const [certificate] = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .where(and(eq(certificates.enrolmentId, placement.enrolmentId), eq(certificates.kind, "citytrainer")));
    if (!certificate) throw new Error(`no demo certificate for placement ${placementId}`);
    const outcome = await revokeCitytrainerCertificate(scopeFromRow(placement.municipalityId, true), certificate.id, null, reason, { tx, now: options.now });
    if (!outcome.ok) throw new Error(`demo certificate for placement ${placementId} not revoked: ${outcome.reason}`);
  }
  return { issued };
}
