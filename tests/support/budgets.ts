/**
 * Factories for budget tests: a resident organiser with an organised activity (written straight
 * into the tables the organisers' flow fills), a pot with its first fund row, and multipart posts
 * of receipts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "~/lib/db/client.server";
import { budgetLedger, budgetPots, organisedActivities, users } from "~/lib/db/schema";
import { createTestActivity } from "./activities";

export async function createResident(name = "Test Organisator"): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `organisator-${id.slice(0, 8)}@voorbeeld.nl`;
  await db().insert(users).values({ id, name, email, emailVerified: true });
  return { id, email };
}

/** An activity in the municipality organised by `organiserUserId`; started a day ago unless `startsInDays` says otherwise. */
export async function createOrganisedActivity(municipalityId: string, organiserUserId: string, options: { neighbourhoodId?: string | null; startsInDays?: number; teamId?: string | null } = {}): Promise<string> {
  const startsAt = new Date(Date.now() + (options.startsInDays ?? -1) * 86_400_000);
  const activityId = await createTestActivity({ municipalityId, neighbourhoodId: options.neighbourhoodId ?? null, startsAt, organiserName: "Bewoner" });
  await db().insert(organisedActivities).values({ municipalityId, activityId, organiserUserId, teamId: options.teamId ?? null, idea: "Idee", goal: "Doel", targetGroup: "Buurt" });
  return activityId;
}

export async function createPot(
  municipalityId: string,
  options: { amountCents: number; maxPerRequestCents?: number; autoApproveUpToCents?: number | null; neighbourhoodId?: string | null; name?: string; eligible?: "citytrainers" | "teams" | "both" },
): Promise<string> {
  const year = new Date().getFullYear();
  const [pot] = await db()
    .insert(budgetPots)
    .values({
      municipalityId,
      name: options.name ?? `Testpot ${randomBytes(3).toString("hex")}`,
      year,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      amountCents: options.amountCents,
      maxPerRequestCents: options.maxPerRequestCents ?? options.amountCents,
      autoApproveUpToCents: options.autoApproveUpToCents ?? null,
      eligible: options.eligible ?? "both",
      neighbourhoodId: options.neighbourhoodId ?? null,
    })
    .returning({ id: budgetPots.id });
  await db().insert(budgetLedger).values({ potId: pot!.id, municipalityId, kind: "fund", amountCents: options.amountCents });
  return pot!.id;
}

/** The fields of the request form for one line item of the whole amount. */
export function requestFields(potId: string, amount: string, purpose = "Materiaal voor de buurtmiddag", key = randomBytes(12).toString("hex")): Record<string, string> {
  return { intent: "request", potId, amount, purpose, idempotencyKey: key, lineDescription0: "Materiaal", lineAmount0: amount };
}

/** Posts a multipart form (files as Blobs) the way a browser on the site would. */
export async function postMultipart(baseUrl: string, path: string, cookie: string, fields: Record<string, string>, files: { name: string; type: string; bytes: Buffer }[] = []): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append("receipts", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return fetch(`${baseUrl}${path}`, { method: "POST", redirect: "manual", headers: { origin: baseUrl, cookie }, body: form });
}
