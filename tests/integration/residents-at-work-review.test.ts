/**
 * Findings of the outside review of "Residents at work" (issue 9), each as the attack that found
 * it, over real HTTP against the built server and real PostgreSQL. One describe per finding.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { budgetRequests } from "~/lib/db/schema";
import { municipalityIdOf } from "../support/activities";
import { createOrganisedActivity, createPot, createResident, requestFields } from "../support/budgets";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";

const database = useTestDatabase();
let server: TestServer;
let havenstadId: string;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  havenstadId = await municipalityIdOf("havenstad");
});

afterAll(async () => {
  await server?.stop();
});

function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie },
    body: new URLSearchParams(fields),
  });
}

describe("a fraction of a cent typed as '0,001' is not read as one euro", () => {
  it("refuses '0,001', '0.001' and '000.000,01' on the request form and writes no request", async () => {
    const organiser = await createResident("Odd Amounts");
    const cookie = (await sessionCookieFor(database.url, organiser.email)).header;
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 1_000_000, maxPerRequestCents: 200_000, autoApproveUpToCents: 200_000 });
    for (const amount of ["0,001", "0.001", "00,001", "000.000,01"]) {
      const response = await post(`/mijn-activiteiten/${activityId}/budget`, cookie, requestFields(potId, amount));
      expect(response.status, amount).toBe(400);
      expect(await response.text()).toContain("Schrijf een bedrag in euro");
    }
    expect(await db().select().from(budgetRequests).where(eq(budgetRequests.potId, potId))).toHaveLength(0);
    // Real thousands grouping still works.
    expect((await post(`/mijn-activiteiten/${activityId}/budget`, cookie, requestFields(potId, "1.000"))).status).toBe(302);
  });
});
