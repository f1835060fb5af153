/**
 * Budgets over real HTTP on two app instances sharing one database: never more granted than a pot
 * holds under many concurrent approvals, a double click decides once, auto-approval races, the
 * settlement releases what was not spent, an overspend needs the tick, receipts are checked by
 * their bytes, other municipalities' ids are refused, and markup stays text in page, mail and CSV.
 */
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePots } from "~/features/budgets/reads.server";
import { db } from "~/lib/db/client.server";
import { budgetLedger, budgetPots, budgetReceipts, budgetRequests, neighbourhoods, outboxEmails } from "~/lib/db/schema";
import { readPrivateFile } from "~/lib/storage.server";
import { municipalityIdOf } from "../support/activities";
import { createOrganisedActivity, createPot, createResident, postMultipart, requestFields } from "../support/budgets";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/session";
import { createStaff } from "../support/training-apply";

const database = useTestDatabase();
let servers: TestServer[] = [];
let havenstadId: string;
const leaders: { id: string; cookie: string }[] = [];
let organiser: { id: string; email: string; cookie: string };

beforeAll(async () => {
  servers = [await startTestServer({ databaseUrl: database.url })];
  servers.push(await startTestServer({ databaseUrl: database.url }));
  havenstadId = await municipalityIdOf("havenstad");
  for (let i = 0; i < 2; i++) {
    const staff = await createStaff(havenstadId, "project_leader");
    leaders.push({ id: staff.id, cookie: (await sessionCookieFor(database.url, staff.email)).header });
  }
  const resident = await createResident("Samira Organisator");
  organiser = { ...resident, cookie: (await sessionCookieFor(database.url, resident.email)).header };
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

function post(server: TestServer, path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url, cookie },
    body: new URLSearchParams(fields),
  });
}

/** Inserts `count` waiting requests of `cents` each for one activity, straight into the table. */
async function waitingRequests(potId: string, activityId: string, count: number, cents: number): Promise<string[]> {
  const rows = await db()
    .insert(budgetRequests)
    .values(
      Array.from({ length: count }, (_, i) => ({
        municipalityId: havenstadId,
        potId,
        activityId,
        requestedBy: organiser.id,
        idempotencyKey: `test-${potId}-${i}`,
        purpose: `Verzoek ${i}`,
        amountCents: cents,
      })),
    )
    .returning({ id: budgetRequests.id });
  return rows.map((r) => r.id);
}

async function approveEverywhere(requestIds: string[], fields: Record<string, string> = { intent: "approve" }) {
  return Promise.all(
    requestIds.map(async (id, index) => {
      const response = await post(servers[index % 2]!, `/beheer/havenstad/budgetten/aanvragen/${id}`, leaders[index % 2]!.cookie, fields);
      await response.text();
      return response.status;
    }),
  );
}

async function expectReconciled(potId: string) {
  const [check] = await reconcilePots(db(), { potIds: [potId] });
  expect(check!.ok).toBe(true);
  return check!;
}

describe("many concurrent approvals over two app instances", () => {
  it("grants exactly the pot's amount, reserves no request twice and keeps the ledger equal to committed", async () => {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 20 * 2500 });
    const ids = await waitingRequests(potId, activityId, 40, 2500);
    const statuses = await approveEverywhere(ids);
    expect(statuses.filter((s) => s === 302)).toHaveLength(20);
    expect(statuses.filter((s) => s === 400)).toHaveLength(20);
    const [pot] = await db().select().from(budgetPots).where(eq(budgetPots.id, potId));
    expect(pot!.committedCents).toBe(pot!.amountCents);
    const reserves = await db().select().from(budgetLedger).where(and(eq(budgetLedger.potId, potId), eq(budgetLedger.kind, "reserve")));
    expect(reserves).toHaveLength(20);
    expect(new Set(reserves.map((r) => r.requestId)).size).toBe(20);
    const check = await expectReconciled(potId);
    expect(check.ledger.reservedCents).toBe(50_000);
    expect(check.ledger.availableCents).toBe(0);
  });

  it("decides a request once however often it is clicked", async () => {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 100_000 });
    const [id] = await waitingRequests(potId, activityId, 1, 1000);
    const statuses = await approveEverywhere(Array.from({ length: 10 }, () => id!));
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect(await db().select().from(budgetLedger).where(eq(budgetLedger.requestId, id!))).toHaveLength(1);
    await expectReconciled(potId);
  });
});

describe("requests by an organiser", () => {
  it("auto-approves while the pot has room, also when requests race, and a repeated submission is one request", async () => {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 5 * 1000, maxPerRequestCents: 1000, autoApproveUpToCents: 1000 });
    const path = `/mijn-activiteiten/${activityId}/budget`;
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => (await post(servers[i % 2]!, path, organiser.cookie, requestFields(potId, "10,00"))).status),
    );
    expect(statuses.every((s) => s === 302)).toBe(true);
    const rows = await db().select().from(budgetRequests).where(eq(budgetRequests.potId, potId));
    expect(rows.filter((r) => r.status === "approved" && r.autoApproved)).toHaveLength(5);
    expect(rows.filter((r) => r.status === "submitted")).toHaveLength(5);
    await expectReconciled(potId);

    const twice = requestFields(potId, "5", "Twee keer geklikt");
    const again = await Promise.all([post(servers[0]!, path, organiser.cookie, twice), post(servers[1]!, path, organiser.cookie, twice)]);
    expect(again.map((r) => r.status)).toEqual([302, 302]);
    expect(await db().select().from(budgetRequests).where(eq(budgetRequests.purpose, "Twee keer geklikt"))).toHaveLength(1);
  });

  it("refuses line items that do not add up, an amount above the maximum, and another person's activity", async () => {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 100_000, maxPerRequestCents: 5000 });
    const path = `/mijn-activiteiten/${activityId}/budget`;
    expect((await post(servers[0]!, path, organiser.cookie, { ...requestFields(potId, "20"), lineAmount0: "19,99" })).status).toBe(400);
    expect((await post(servers[0]!, path, organiser.cookie, requestFields(potId, "50,01"))).status).toBe(400);
    expect((await post(servers[0]!, path, organiser.cookie, requestFields(potId, "-5"))).status).toBe(400);
    const stranger = await createResident("Iemand Anders");
    const cookie = (await sessionCookieFor(database.url, stranger.email)).header;
    expect((await post(servers[0]!, path, cookie, requestFields(potId, "20"))).status).toBe(404);
    expect((await fetch(`${servers[0]!.url}${path}`, { headers: { cookie } })).status).toBe(404);
  });
});

describe("settlement", () => {
  async function approvedRequest(amount: string, potCents = 100_000) {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: potCents });
    const path = `/mijn-activiteiten/${activityId}/budget`;
    expect((await post(servers[0]!, path, organiser.cookie, requestFields(potId, amount))).status).toBe(302);
    const [request] = await db().select().from(budgetRequests).where(eq(budgetRequests.potId, potId));
    expect((await post(servers[1]!, `/beheer/havenstad/budgetten/aanvragen/${request!.id}`, leaders[0]!.cookie, { intent: "approve" })).status).toBe(302);
    return { path, potId, requestId: request!.id };
  }

  it("takes a PDF and a JPEG without its EXIF, and releases what was not spent when accepted", async () => {
    const { path, potId, requestId } = await approvedRequest("100,00");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "geheim-exif-merk", Artist: "geheim-exif-merk" } } })
      .toBuffer();
    expect(jpeg.includes("geheim-exif-merk")).toBe(true);
    const response = await postMultipart(servers[0]!.url, path, organiser.cookie, { intent: "settle", requestId, spent: "62,50", note: "Rest niet nodig" }, [
      { name: "bon.pdf", type: "application/pdf", bytes: pdf },
      { name: "bon.jpg", type: "image/jpeg", bytes: jpeg },
    ]);
    expect(response.status).toBe(302);
    const receipts = await db().select().from(budgetReceipts).where(eq(budgetReceipts.requestId, requestId));
    expect(receipts.map((r) => r.contentType).sort()).toEqual(["application/pdf", "image/jpeg"]);
    const storedJpeg = await readPrivateFile("receipts", receipts.find((r) => r.contentType === "image/jpeg")!.fileKey);
    expect(storedJpeg!.includes("geheim-exif-merk")).toBe(false);

    // The receipt goes to the requester and the project leader, not to someone else.
    const download = `${servers[0]!.url}/mijn-activiteiten/budget/bonnetjes/${receipts[0]!.id}`;
    expect((await fetch(download, { headers: { cookie: organiser.cookie } })).status).toBe(200);
    expect((await fetch(download, { headers: { cookie: leaders[1]!.cookie } })).status).toBe(200);
    const stranger = await createResident();
    expect((await fetch(download, { headers: { cookie: (await sessionCookieFor(database.url, stranger.email)).header } })).status).toBe(404);

    expect((await post(servers[1]!, `/beheer/havenstad/budgetten/aanvragen/${requestId}`, leaders[1]!.cookie, { intent: "accept_settlement" })).status).toBe(302);
    const check = await expectReconciled(potId);
    expect(check.ledger.spentCents).toBe(6250);
    expect(check.ledger.reservedCents).toBe(0);
    expect(check.ledger.availableCents).toBe(100_000 - 6250);
    const mails = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, organiser.email), eq(outboxEmails.kind, "budget-settled")));
    expect(mails.length).toBeGreaterThan(0);
  });

  it("refuses an overspend without the tick and accepts it with the tick when the pot has room", async () => {
    const { path, potId, requestId } = await approvedRequest("40");
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    expect((await postMultipart(servers[0]!.url, path, organiser.cookie, { intent: "settle", requestId, spent: "45" }, [{ name: "b.pdf", type: "application/pdf", bytes: pdf }])).status).toBe(302);
    const decide = `/beheer/havenstad/budgetten/aanvragen/${requestId}`;
    expect((await post(servers[0]!, decide, leaders[0]!.cookie, { intent: "accept_settlement" })).status).toBe(400);
    expect((await post(servers[0]!, decide, leaders[0]!.cookie, { intent: "accept_settlement", overspend: "on" })).status).toBe(302);
    const check = await expectReconciled(potId);
    expect(check.ledger.spentCents).toBe(4500);
  });

  it("refuses an HTML file named .pdf and a file above 5 MB", async () => {
    const { path, requestId } = await approvedRequest("10");
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    expect((await postMultipart(servers[0]!.url, path, organiser.cookie, { intent: "add_receipts", requestId }, [{ name: "bon.pdf", type: "application/pdf", bytes: html }])).status).toBe(400);
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(6 * 1024 * 1024, 32)]);
    const response = await postMultipart(servers[0]!.url, path, organiser.cookie, { intent: "add_receipts", requestId }, [{ name: "groot.pdf", type: "application/pdf", bytes: big }]);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await db().select().from(budgetReceipts).where(eq(budgetReceipts.requestId, requestId))).toHaveLength(0);
  });
});

describe("tenancy and hostile input", () => {
  it("answers another municipality's project leader with 404 for Havenstad's request ids", async () => {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 10_000 });
    const [id] = await waitingRequests(potId, activityId, 1, 1000);
    const otherId = await municipalityIdOf("rivierendal");
    const other = await createStaff(otherId, "project_leader");
    const cookie = (await sessionCookieFor(database.url, other.email)).header;
    expect((await post(servers[0]!, `/beheer/rivierendal/budgetten/aanvragen/${id}`, cookie, { intent: "approve" })).status).toBe(404);
    expect((await fetch(`${servers[0]!.url}/beheer/rivierendal/budgetten/${potId}`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${servers[0]!.url}/beheer/havenstad/budgetten/aanvragen/${id}`, { headers: { cookie } })).status).toBe(404);
    const [row] = await db().select().from(budgetRequests).where(eq(budgetRequests.id, id!));
    expect(row!.status).toBe("submitted");
  });

  it("keeps markup in purpose and line items as text in the page, the mail and the CSV", async () => {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const potId = await createPot(havenstadId, { amountCents: 10_000 });
    const purpose = `=cmd|' /c calc'!A1 <script>alert("doel")</script>`;
    const fields = { ...requestFields(potId, "12", purpose), lineDescription0: `=HYPERLINK("http://x")<img src=x onerror=alert(1)>` };
    expect((await post(servers[0]!, `/mijn-activiteiten/${activityId}/budget`, organiser.cookie, fields)).status).toBe(302);
    const [request] = await db().select().from(budgetRequests).where(eq(budgetRequests.potId, potId));
    const page = await (await fetch(`${servers[0]!.url}/beheer/havenstad/budgetten/aanvragen/${request!.id}`, { headers: { cookie: leaders[0]!.cookie } })).text();
    expect(page).not.toContain(`<script>alert("doel")`);
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;script&gt;");
    expect((await post(servers[0]!, `/beheer/havenstad/budgetten/aanvragen/${request!.id}`, leaders[0]!.cookie, { intent: "decline", reason: "<b>nee</b>" })).status).toBe(302);
    const [mail] = await db().select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, organiser.email), eq(outboxEmails.kind, "budget-declined")));
    expect(mail!.textBody).toContain(purpose);
    const html = mail!.htmlBody ?? "";
    expect(html).not.toContain("<script>alert");
    const csv = await (await fetch(`${servers[0]!.url}/beheer/havenstad/budgetten/${potId}/export.csv`, { headers: { cookie: leaders[0]!.cookie } })).text();
    expect(csv).toContain(`'=cmd`);
    expect(csv).not.toMatch(/(^|;)"?=cmd/m);
  });

  it("refuses a pot amount below what is committed with a message, and a neighbourhood with a pot is not deleted", async () => {
    const activityId = await createOrganisedActivity(havenstadId, organiser.id);
    const [neighbourhood] = await db().select().from(neighbourhoods).where(eq(neighbourhoods.municipalityId, havenstadId)).limit(1);
    const potId = await createPot(havenstadId, { amountCents: 10_000, neighbourhoodId: neighbourhood!.id });
    const [id] = await waitingRequests(potId, activityId, 1, 6000);
    expect((await post(servers[0]!, `/beheer/havenstad/budgetten/aanvragen/${id}`, leaders[0]!.cookie, { intent: "approve" })).status).toBe(302);
    const year = String(new Date().getFullYear());
    const pot = { intent: "update", name: "Kleiner", year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, neighbourhoodId: neighbourhood!.id, maxPerRequest: "50", eligible: "both" };
    const refused = await post(servers[0]!, `/beheer/havenstad/budgetten/${potId}`, leaders[0]!.cookie, { ...pot, amount: "59,99" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("niet lager");
    expect((await post(servers[0]!, `/beheer/havenstad/budgetten/${potId}`, leaders[0]!.cookie, { ...pot, amount: "1.250,50" })).status).toBe(302);
    const [changed] = await db().select().from(budgetPots).where(eq(budgetPots.id, potId));
    expect(changed!.amountCents).toBe(125_050);
    await expectReconciled(potId);
    const deleted = await post(servers[0]!, "/beheer/havenstad/wijken", leaders[0]!.cookie, { intent: "delete", id: neighbourhood!.id });
    expect(deleted.status).toBe(400);
    expect(await db().select().from(neighbourhoods).where(eq(neighbourhoods.id, neighbourhood!.id))).toHaveLength(1);
  });
});
