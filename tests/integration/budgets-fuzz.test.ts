/**
 * Hostile posts to every budget form (a new pot, a pot's rules, the decision, the organiser's
 * request, settlement and withdrawal): never a 5xx, and a refused post writes nothing.
 */
import { count } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePots } from "~/features/budgets/reads.server";
import { db } from "~/lib/db/client.server";
import { budgetLedger, budgetPots, budgetReceipts, budgetRequestLines, budgetRequests } from "~/lib/db/schema";
import { municipalityIdOf } from "../support/activities";
import { createOrganisedActivity, createPot, createResident } from "../support/budgets";
import { useTestDatabase } from "../support/database";
import { hostileFormValue } from "../support/hostile-input";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createStaff } from "../support/training-apply";

const database = useTestDatabase();
let server: TestServer;
let leader: string;
let organiser: string;
let potId: string;
let activityId: string;
let requestIds: string[];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: database.url });
  const havenstad = await municipalityIdOf("havenstad");
  const staff = await createStaff(havenstad, "project_leader");
  leader = (await sessionCookieFor(database.url, staff.email)).header;
  const resident = await createResident();
  organiser = (await sessionCookieFor(database.url, resident.email)).header;
  activityId = await createOrganisedActivity(havenstad, resident.id);
  potId = await createPot(havenstad, { amountCents: 50_000, maxPerRequestCents: 10_000, autoApproveUpToCents: 1_000 });
  const rows = await db()
    .insert(budgetRequests)
    .values([0, 1].map((i) => ({ municipalityId: havenstad, potId, activityId, requestedBy: resident.id, idempotencyKey: `fuzz-${i}`, purpose: "Fuzz", amountCents: 2_000 })))
    .returning({ id: budgetRequests.id });
  requestIds = rows.map((r) => r.id);
});
afterAll(async () => {
  await server?.stop();
});

async function counts() {
  const tables = { budgetPots, budgetRequests, budgetRequestLines, budgetReceipts, budgetLedger };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db().select({ n: count() }).from(table))[0]!.n;
  return out;
}

function post(path: string, cookie: string, values: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values),
    redirect: "manual",
  });
}

const hostile = hostileFormValue([
  "approve", "decline", "accept_settlement", "return_settlement", "request", "settle", "add_receipts", "withdraw", "create", "update",
  "1.250,50", "1250.50", "-5", "0,00", "12,345,67", "1.000.001", "2026", "2026-01-01", "2026-12-31", "both", "teams", "citytrainers",
  "abcdefghijklmnopqrstuvwx",
]);

describe("hostile budget form posts", () => {
  it("never cause a 5xx, refused posts write nothing, and every pot still reconciles", async () => {
    const staffFields = ["intent", "name", "year", "startsOn", "endsOn", "amount", "neighbourhoodId", "maxPerRequest", "autoApproveUpTo", "eligible", "reason", "comment", "overspend"];
    const ownFields = ["intent", "potId", "amount", "purpose", "idempotencyKey", "lineDescription0", "lineAmount0", "lineDescription1", "lineAmount1", "requestId", "spent", "note"];
    const targets = [
      { path: "/beheer/havenstad/budgetten", cookie: leader, fields: staffFields },
      { path: `/beheer/havenstad/budgetten/${potId}`, cookie: leader, fields: staffFields },
      { path: `/beheer/havenstad/budgetten/aanvragen/${requestIds[0]}`, cookie: leader, fields: staffFields },
      { path: `/mijn-activiteiten/${activityId}/budget`, cookie: organiser, fields: ownFields },
    ];
    const value = fc.oneof(hostile, fc.constantFrom(potId, ...requestIds, activityId));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), fc.array(fc.tuple(fc.nat(20), value), { maxLength: 12 }), async (index, pairs) => {
        const target = targets[index]!;
        const values: Record<string, string> = {};
        for (const [field, v] of pairs) values[target.fields[field % target.fields.length]!] = v;
        const before = await counts();
        const response = await post(target.path, target.cookie, values);
        expect(response.status, `${target.path} ${JSON.stringify(values).slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await counts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
    for (const check of await reconcilePots(db())) expect(check.ok, check.potName).toBe(true);
  });
});
