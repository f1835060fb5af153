/**
 * Havenstad's demo budgets: two pots of this year, one for Havenkwartier and one for Noorderpark,
 * with requests in every state — approved and waiting for the settlement, declined with a reason,
 * settled with receipts, one waiting for a decision, one settlement waiting for acceptance — and
 * the Noorderpark pot nearly exhausted. Requests are linked to Havenstad's organised activities and
 * teams when those demo rows exist (other areas seed them; looked up by query, skipped when
 * absent). The two receipt files (a small PDF and a PNG) are made at seed time and stored in the
 * private "receipts" folder. Every pot's ledger sums to its committed total, as the app's own
 * writes would leave it.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import type { Transaction } from "~/lib/db/client.server";
import {
  activities,
  activityCoOrganisers,
  budgetLedger,
  budgetPots,
  budgetReceipts,
  budgetRequestLines,
  budgetRequests,
  municipalities,
  neighbourhoods,
  organisedActivities,
  teamMembers,
  users,
  type BudgetRequestStatus,
} from "~/lib/db/schema";
import { privateFilePath } from "~/lib/storage.server";

const DAY = 86_400_000;

async function demoReceiptPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A6", margin: 24, info: { Title: "Kassabon Bouwmarkt Haven", Creator: "Buurtkracht demo" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.fontSize(12).text("Bouwmarkt Haven");
  doc.fontSize(9).moveDown().text("Verf, 2 liter      € 24,95").text("Kwasten, 6 stuks   € 12,50").text("Afdekfolie         € 8,95").moveDown().text("Totaal             € 46,40");
  doc.end();
  return done;
}

function demoReceiptPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="320"><rect width="240" height="320" fill="#fff"/><text x="20" y="40" font-size="18" font-family="sans-serif">Supermarkt Noord</text><text x="20" y="90" font-size="14" font-family="sans-serif">Limonade   € 18,75</text><text x="20" y="120" font-size="14" font-family="sans-serif">Fruit      € 22,10</text><text x="20" y="170" font-size="16" font-family="sans-serif">Totaal     € 40,85</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function storeDemoReceipt(bytes: Buffer, ext: "pdf" | "png"): Promise<{ fileKey: string; byteSize: number }> {
  const fileKey = `${randomUUID()}.${ext}`;
  const target = privateFilePath("receipts", fileKey)!;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return { fileKey, byteSize: bytes.byteLength };
}

interface Applicant {
  userId: string;
  activityId: string | null;
  teamId: string | null;
}

/**
 * The person's first organised activity in the pot's neighbourhood (as organiser, co-organiser or
 * team member), or none: a neighbourhood's pot only pays for activities in that neighbourhood.
 */
async function applicantFor(tx: Transaction, municipalityId: string, neighbourhoodId: string, email: string, used: Set<string>): Promise<Applicant | null> {
  const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!person) return null;
  const teamIds = tx.select({ teamId: teamMembers.teamId }).from(teamMembers).where(and(eq(teamMembers.userId, person.id), isNull(teamMembers.leftAt)));
  const coOrganised = tx.select({ activityId: activityCoOrganisers.activityId }).from(activityCoOrganisers).where(eq(activityCoOrganisers.userId, person.id));
  const organised = await tx
    .select({ activityId: organisedActivities.activityId, teamId: organisedActivities.teamId })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .where(
      and(
        eq(organisedActivities.municipalityId, municipalityId),
        eq(activities.neighbourhoodId, neighbourhoodId),
        or(eq(organisedActivities.organiserUserId, person.id), inArray(organisedActivities.teamId, teamIds), inArray(organisedActivities.activityId, coOrganised)),
      ),
    )
    .orderBy(asc(organisedActivities.createdAt));
  const free = organised.find((a) => !used.has(a.activityId));
  if (free) used.add(free.activityId);
  return { userId: person.id, activityId: free?.activityId ?? null, teamId: free?.teamId ?? null };
}

interface DemoRequest {
  applicant: Applicant;
  status: BudgetRequestStatus;
  purpose: string;
  lines: [string, number][];
  grantedCents?: number;
  spentCents?: number;
  autoApproved?: boolean;
  declineReason?: string;
  settlementNote?: string;
  daysAgo: number;
  receipts?: { bytes: Buffer; ext: "pdf" | "png"; name: string }[];
}

/** A request in its final state with the ledger rows the app's writes would have booked; returns what it commits. */
async function insertRequest(tx: Transaction, pot: { id: string; municipalityId: string }, decidedBy: string | null, key: string, r: DemoRequest): Promise<number> {
  const amountCents = r.lines.reduce((sum, [, cents]) => sum + cents, 0);
  const created = new Date(Date.now() - r.daysAgo * DAY);
  const decided = new Date(created.getTime() + 2 * DAY);
  const settling = r.status === "settlement_submitted" || r.status === "settled";
  const [row] = await tx
    .insert(budgetRequests)
    .values({
      municipalityId: pot.municipalityId,
      potId: pot.id,
      activityId: r.applicant.activityId,
      teamId: r.applicant.teamId,
      requestedBy: r.applicant.userId,
      idempotencyKey: `demo-${key}`,
      purpose: r.purpose,
      amountCents,
      status: r.status,
      grantedCents: r.grantedCents ?? null,
      autoApproved: r.autoApproved ?? false,
      decidedBy: r.status === "submitted" || r.autoApproved ? null : decidedBy,
      decidedAt: r.status === "submitted" ? null : r.autoApproved ? created : decided,
      declineReason: r.declineReason ?? null,
      spentCents: settling ? (r.spentCents ?? null) : null,
      settlementNote: r.settlementNote ?? null,
      settlementSubmittedAt: settling ? new Date(decided.getTime() + 5 * DAY) : null,
      settledBy: r.status === "settled" ? decidedBy : null,
      settledAt: r.status === "settled" ? new Date(decided.getTime() + 7 * DAY) : null,
      createdAt: created,
    })
    .returning({ id: budgetRequests.id });
  const requestId = row!.id;
  await tx.insert(budgetRequestLines).values(r.lines.map(([description, cents], position) => ({ requestId, municipalityId: pot.municipalityId, position, description, amountCents: cents })));
  for (const receipt of r.receipts ?? []) {
    const stored = await storeDemoReceipt(receipt.bytes, receipt.ext);
    await tx.insert(budgetReceipts).values({
      requestId,
      municipalityId: pot.municipalityId,
      fileKey: stored.fileKey,
      contentType: receipt.ext === "pdf" ? "application/pdf" : "image/png",
      byteSize: stored.byteSize,
      originalName: receipt.name,
      uploadedBy: r.applicant.userId,
    });
  }
  if (r.grantedCents === undefined) return 0;
  const book = (kind: "reserve" | "release" | "spend", cents: number) =>
    tx.insert(budgetLedger).values({ potId: pot.id, municipalityId: pot.municipalityId, requestId, kind, amountCents: cents, createdBy: r.autoApproved ? null : decidedBy });
  await book("reserve", r.grantedCents);
  if (r.status !== "settled") return r.grantedCents;
  const spent = r.spentCents!;
  await book("spend", spent);
  if (spent < r.grantedCents) await book("release", r.grantedCents - spent);
  return spent;
}

export async function seedDemoBudgets(tx: Transaction): Promise<void> {
  const [havenstad] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, "havenstad"));
  if (!havenstad) return;
  const places = await tx
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.municipalityId, havenstad.id), inArray(neighbourhoods.name, ["Havenkwartier", "Noorderpark"])));
  const havenkwartier = places.find((p) => p.name === "Havenkwartier");
  const noorderpark = places.find((p) => p.name === "Noorderpark");
  if (!havenkwartier || !noorderpark) return;
  const [leader] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "projectleider@havenstad.example"));
  const used = new Set<string>();
  const applicants = async (neighbourhoodId: string) => {
    const citytrainer = await applicantFor(tx, havenstad.id, neighbourhoodId, "citytrainer@buurtkracht.example", used);
    if (!citytrainer) return null;
    return {
      citytrainer,
      organiser: (await applicantFor(tx, havenstad.id, neighbourhoodId, "organisator@buurtkracht.example", used)) ?? citytrainer,
      trekker: (await applicantFor(tx, havenstad.id, neighbourhoodId, "trekker@buurtkracht.example", used)) ?? citytrainer,
      citytrainerAgain: { ...citytrainer, activityId: null, teamId: null },
    };
  };
  const inHavenkwartier = await applicants(havenkwartier.id);
  const inNoorderpark = await applicants(noorderpark.id);
  if (!inHavenkwartier || !inNoorderpark) return;
  const year = new Date().getFullYear();
  const pdf = await demoReceiptPdf();
  const png = await demoReceiptPng();

  const pots = [
    {
      name: `Buurtbudget Havenkwartier ${year}`,
      neighbourhoodId: havenkwartier.id,
      amountCents: 150_000,
      maxPerRequestCents: 25_000,
      autoApproveUpToCents: 5_000,
      requests: [
        { applicant: inHavenkwartier.citytrainer, status: "settled", purpose: "Muurschildering bij het speelveld met kinderen uit de buurt.", lines: [["Verf en kwasten", 12_000], ["Afdekfolie en tape", 3_000], ["Limonade en fruit", 5_000]], grantedCents: 18_000, spentCents: 16_540, settlementNote: "De folie hadden we nog, dus minder uitgegeven.", daysAgo: 40, receipts: [{ bytes: pdf, ext: "pdf", name: "bon-bouwmarkt.pdf" }, { bytes: png, ext: "png", name: "bon-supermarkt.png" }] },
        { applicant: inHavenkwartier.organiser, status: "approved", purpose: "Buurtvoetbaltoernooi met een prijs voor elk team.", lines: [["Bekers en medailles", 9_000], ["Water en fruit", 6_000]], grantedCents: 15_000, daysAgo: 12 },
        { applicant: inHavenkwartier.citytrainerAgain, status: "declined", purpose: "Een nieuwe geluidsinstallatie voor het buurthuis.", lines: [["Geluidsinstallatie", 24_000]], declineReason: "Dit budget is voor activiteiten, niet voor vaste spullen van het buurthuis. Vraag het buurthuis of het er een kan lenen.", daysAgo: 25 },
        { applicant: inHavenkwartier.trekker, status: "submitted", purpose: "Kookavond voor nieuwe buren: samen koken en eten.", lines: [["Boodschappen", 9_500], ["Huur keuken buurthuis", 2_500]], daysAgo: 2 },
        { applicant: inHavenkwartier.organiser, status: "settlement_submitted", purpose: "Spelletjesmiddag op het plein.", lines: [["Spellen", 6_000], ["Drinken", 3_000]], grantedCents: 9_000, spentCents: 8_510, settlementNote: "Alle bonnetjes zitten erbij.", daysAgo: 20, receipts: [{ bytes: png, ext: "png", name: "bon-spellen.png" }] },
      ] satisfies DemoRequest[],
    },
    {
      name: `Buurtbudget Noorderpark ${year}`,
      neighbourhoodId: noorderpark.id,
      amountCents: 60_000,
      maxPerRequestCents: 35_000,
      autoApproveUpToCents: 5_000,
      requests: [
        { applicant: inNoorderpark.trekker, status: "settled", purpose: "Opruimactie in het park met lunch voor de vrijwilligers.", lines: [["Grijpers en vuilniszakken", 14_000], ["Lunch", 18_000]], grantedCents: 32_000, spentCents: 32_000, daysAgo: 60, receipts: [{ bytes: pdf, ext: "pdf", name: "kassabon.pdf" }] },
        { applicant: inNoorderpark.citytrainerAgain, status: "approved", purpose: "Zomerfeest in het park.", lines: [["Tenten huren", 15_000], ["Eten en drinken", 7_000]], grantedCents: 22_000, daysAgo: 8 },
        { applicant: inNoorderpark.organiser, status: "approved", purpose: "Knutselochtend met natuurmateriaal.", lines: [["Lijm, papier en scharen", 4_000]], grantedCents: 4_000, autoApproved: true, daysAgo: 3 },
      ] satisfies DemoRequest[],
    },
  ];

  for (const [p, pot] of pots.entries()) {
    const [row] = await tx
      .insert(budgetPots)
      .values({
        municipalityId: havenstad.id,
        neighbourhoodId: pot.neighbourhoodId,
        name: pot.name,
        year,
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        amountCents: pot.amountCents,
        maxPerRequestCents: pot.maxPerRequestCents,
        autoApproveUpToCents: pot.autoApproveUpToCents,
        eligible: "both",
        createdBy: leader?.id ?? null,
      })
      .returning({ id: budgetPots.id, municipalityId: budgetPots.municipalityId });
    await tx.insert(budgetLedger).values({ potId: row!.id, municipalityId: havenstad.id, kind: "fund", amountCents: pot.amountCents, createdBy: leader?.id ?? null });
    let committed = 0;
    for (const [i, request] of pot.requests.entries()) committed += await insertRequest(tx, row!, leader?.id ?? null, `${p}-${i}`, request);
    await tx.update(budgetPots).set({ committedCents: sql`${committed}` }).where(eq(budgetPots.id, row!.id));
  }
}
