/**
 * Reads of budgets: pots with their figures from the ledger, a pot's requests, one request with
 * its lines and receipts, a person's own requests, the pots an activity may ask from, and the
 * reconciliation that recomputes every pot from its ledger.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { scopeFromRow, type MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
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
  teams,
  users,
  type BudgetRequestStatus,
} from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { addFigures, figuresFromLedger, type LedgerRow, type PotFigures } from "./ledger";
import { potCoversNeighbourhood, potOpenOn, potOpenTo, type ApplicantKind } from "./policy";

const potColumns = {
  id: budgetPots.id,
  municipalityId: budgetPots.municipalityId,
  neighbourhoodId: budgetPots.neighbourhoodId,
  neighbourhoodName: neighbourhoods.name,
  name: budgetPots.name,
  year: budgetPots.year,
  startsOn: budgetPots.startsOn,
  endsOn: budgetPots.endsOn,
  amountCents: budgetPots.amountCents,
  maxPerRequestCents: budgetPots.maxPerRequestCents,
  autoApproveUpToCents: budgetPots.autoApproveUpToCents,
  eligible: budgetPots.eligible,
  committedCents: budgetPots.committedCents,
};

export type PotRow = Awaited<ReturnType<typeof findPot>> & object;

async function ledgerByPot(executor: Executor, potIds: readonly string[]): Promise<Map<string, LedgerRow[]>> {
  const byPot = new Map<string, LedgerRow[]>(potIds.map((id) => [id, []]));
  if (potIds.length === 0) return byPot;
  const rows = await executor
    .select({ potId: budgetLedger.potId, kind: budgetLedger.kind, requestId: budgetLedger.requestId, amountCents: budgetLedger.amountCents })
    .from(budgetLedger)
    .where(inArray(budgetLedger.potId, [...potIds]));
  for (const row of rows) byPot.get(row.potId)?.push(row);
  return byPot;
}

/** The municipality's pots (newest year first) with their figures, totals per year and per neighbourhood. */
export async function listPots(municipalityId: MunicipalityId) {
  const pots = await db()
    .select(potColumns)
    .from(budgetPots)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, budgetPots.neighbourhoodId))
    .where(eq(budgetPots.municipalityId, municipalityId))
    .orderBy(desc(budgetPots.year), asc(budgetPots.name));
  const ledger = await ledgerByPot(db(), pots.map((p) => p.id));
  const waiting = await db()
    .select({ potId: budgetRequests.potId, status: budgetRequests.status, n: sql<number>`count(*)::int` })
    .from(budgetRequests)
    .where(and(eq(budgetRequests.municipalityId, municipalityId), inArray(budgetRequests.status, ["submitted", "settlement_submitted"])))
    .groupBy(budgetRequests.potId, budgetRequests.status);
  const withFigures = pots.map((pot) => ({
    ...pot,
    figures: figuresFromLedger(ledger.get(pot.id) ?? []),
    awaitingDecision: waiting.find((w) => w.potId === pot.id && w.status === "submitted")?.n ?? 0,
    awaitingSettlement: waiting.find((w) => w.potId === pot.id && w.status === "settlement_submitted")?.n ?? 0,
  }));
  const years = [...new Set(withFigures.map((p) => p.year))].map((year) => {
    const ofYear = withFigures.filter((p) => p.year === year);
    const places = [...new Set(ofYear.map((p) => p.neighbourhoodName ?? ""))];
    return {
      year,
      pots: ofYear,
      total: addFigures(ofYear.map((p) => p.figures)),
      perNeighbourhood: places.map((name) => ({ name: name || null, figures: addFigures(ofYear.filter((p) => (p.neighbourhoodName ?? "") === name).map((p) => p.figures)) })),
    };
  });
  return years;
}

export async function findPot(municipalityId: MunicipalityId, potId: string) {
  if (!isUuid(potId)) return null;
  const [pot] = await db()
    .select(potColumns)
    .from(budgetPots)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, budgetPots.neighbourhoodId))
    .where(and(eq(budgetPots.id, potId), eq(budgetPots.municipalityId, municipalityId)));
  return pot ?? null;
}

const requestListColumns = {
  id: budgetRequests.id,
  potId: budgetRequests.potId,
  status: budgetRequests.status,
  amountCents: budgetRequests.amountCents,
  grantedCents: budgetRequests.grantedCents,
  spentCents: budgetRequests.spentCents,
  purpose: budgetRequests.purpose,
  autoApproved: budgetRequests.autoApproved,
  createdAt: budgetRequests.createdAt,
  decidedAt: budgetRequests.decidedAt,
  settledAt: budgetRequests.settledAt,
  activityId: budgetRequests.activityId,
  activityTitle: activities.title,
  activityNeighbourhoodId: activities.neighbourhoodId,
  teamId: budgetRequests.teamId,
  teamName: teams.name,
  requesterName: users.name,
};

function requestListQuery(executor: Executor) {
  return executor
    .select(requestListColumns)
    .from(budgetRequests)
    .leftJoin(activities, eq(activities.id, budgetRequests.activityId))
    .leftJoin(teams, eq(teams.id, budgetRequests.teamId))
    .leftJoin(users, eq(users.id, budgetRequests.requestedBy));
}

export type RequestListRow = Awaited<ReturnType<typeof listPotRequests>>[number];

/** A pot's requests, oldest waiting first. */
export async function listPotRequests(municipalityId: MunicipalityId, potId: string) {
  return requestListQuery(db())
    .where(and(eq(budgetRequests.municipalityId, municipalityId), eq(budgetRequests.potId, potId)))
    .orderBy(asc(budgetRequests.createdAt));
}

/** A pot's figures per neighbourhood of the activities it paid for (a municipality-wide pot spreads over several). */
export async function potFiguresPerNeighbourhood(municipalityId: MunicipalityId, potId: string) {
  const rows = await db()
    .select({
      kind: budgetLedger.kind,
      requestId: budgetLedger.requestId,
      amountCents: budgetLedger.amountCents,
      neighbourhoodName: neighbourhoods.name,
    })
    .from(budgetLedger)
    .innerJoin(budgetRequests, eq(budgetRequests.id, budgetLedger.requestId))
    .leftJoin(activities, eq(activities.id, budgetRequests.activityId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, activities.neighbourhoodId))
    .where(and(eq(budgetLedger.potId, potId), eq(budgetLedger.municipalityId, municipalityId)));
  const names = [...new Set(rows.map((r) => r.neighbourhoodName ?? ""))].sort();
  return names.map((name) => ({ name: name || null, figures: figuresFromLedger(rows.filter((r) => (r.neighbourhoodName ?? "") === name)) }));
}

export interface Reconciliation {
  potId: string;
  potName: string;
  ledger: PotFigures;
  committedCents: number;
  amountCents: number;
  /** What the requests' own columns say is committed (granted of running requests + spent of settled ones). */
  requestsCommittedCents: number;
  ok: boolean;
}

/**
 * Recomputes each pot's figures from its ledger and compares them with the running total the
 * approvals keep (committed_cents), the pot's amount, and the requests' own amounts. Any
 * difference is a bug: the pot page says "figures checked" only when there is none.
 */
export async function reconcilePots(executor: Executor, where: { municipalityId?: string; potIds?: readonly string[] } = {}): Promise<Reconciliation[]> {
  const conditions = [];
  if (where.municipalityId) conditions.push(eq(budgetPots.municipalityId, where.municipalityId));
  if (where.potIds) conditions.push(inArray(budgetPots.id, [...where.potIds]));
  const pots = await executor
    .select({ id: budgetPots.id, name: budgetPots.name, committedCents: budgetPots.committedCents, amountCents: budgetPots.amountCents })
    .from(budgetPots)
    .where(conditions.length ? and(...conditions) : undefined);
  const ledger = await ledgerByPot(executor, pots.map((p) => p.id));
  const fromRequests = pots.length
    ? await executor
        .select({
          potId: budgetRequests.potId,
          committed: sql<string>`coalesce(sum(case when ${budgetRequests.status} = 'settled' then ${budgetRequests.spentCents} when ${budgetRequests.status} in ('approved', 'settlement_submitted') then ${budgetRequests.grantedCents} else 0 end), 0)`,
        })
        .from(budgetRequests)
        .where(inArray(budgetRequests.potId, pots.map((p) => p.id)))
        .groupBy(budgetRequests.potId)
    : [];
  return pots.map((pot) => {
    const figures = figuresFromLedger(ledger.get(pot.id) ?? []);
    const requestsCommittedCents = Number(fromRequests.find((r) => r.potId === pot.id)?.committed ?? 0);
    return {
      potId: pot.id,
      potName: pot.name,
      ledger: figures,
      committedCents: pot.committedCents,
      amountCents: pot.amountCents,
      requestsCommittedCents,
      ok:
        figures.committedCents === pot.committedCents &&
        figures.amountCents === pot.amountCents &&
        requestsCommittedCents === pot.committedCents &&
        pot.committedCents <= pot.amountCents,
    };
  });
}

/** One request with everything its pages show; null when it is not this municipality's. */
export async function findRequest(municipalityId: string, requestId: string) {
  if (!isUuid(requestId)) return null;
  const [request] = await db()
    .select({
      id: budgetRequests.id,
      municipalityId: budgetRequests.municipalityId,
      municipalitySlug: municipalities.slug,
      potId: budgetRequests.potId,
      potName: budgetPots.name,
      potAmountCents: budgetPots.amountCents,
      potCommittedCents: budgetPots.committedCents,
      status: budgetRequests.status,
      amountCents: budgetRequests.amountCents,
      grantedCents: budgetRequests.grantedCents,
      spentCents: budgetRequests.spentCents,
      purpose: budgetRequests.purpose,
      autoApproved: budgetRequests.autoApproved,
      declineReason: budgetRequests.declineReason,
      settlementNote: budgetRequests.settlementNote,
      settlementReturnComment: budgetRequests.settlementReturnComment,
      overspendAccepted: budgetRequests.overspendAccepted,
      createdAt: budgetRequests.createdAt,
      decidedAt: budgetRequests.decidedAt,
      settlementSubmittedAt: budgetRequests.settlementSubmittedAt,
      settledAt: budgetRequests.settledAt,
      activityId: budgetRequests.activityId,
      activityTitle: activities.title,
      activityStartsAt: activities.startsAt,
      teamId: budgetRequests.teamId,
      teamName: teams.name,
      requestedBy: budgetRequests.requestedBy,
      requesterName: users.name,
    })
    .from(budgetRequests)
    .innerJoin(budgetPots, eq(budgetPots.id, budgetRequests.potId))
    .innerJoin(municipalities, eq(municipalities.id, budgetRequests.municipalityId))
    .leftJoin(activities, eq(activities.id, budgetRequests.activityId))
    .leftJoin(teams, eq(teams.id, budgetRequests.teamId))
    .leftJoin(users, eq(users.id, budgetRequests.requestedBy))
    .where(and(eq(budgetRequests.id, requestId), eq(budgetRequests.municipalityId, municipalityId)));
  if (!request) return null;
  const lines = await db()
    .select({ description: budgetRequestLines.description, amountCents: budgetRequestLines.amountCents })
    .from(budgetRequestLines)
    .where(eq(budgetRequestLines.requestId, request.id))
    .orderBy(asc(budgetRequestLines.position));
  const receipts = await db()
    .select({ id: budgetReceipts.id, originalName: budgetReceipts.originalName, contentType: budgetReceipts.contentType, byteSize: budgetReceipts.byteSize, uploadedAt: budgetReceipts.uploadedAt })
    .from(budgetReceipts)
    .where(eq(budgetReceipts.requestId, request.id))
    .orderBy(asc(budgetReceipts.uploadedAt));
  return { ...request, lines, receipts };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

/** The teams a person is a member of now (left members see nothing more of a team's money). */
function myTeamIds(userId: string) {
  return db()
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), isNull(teamMembers.leftAt)));
}

/** A person's own requests and those of their teams, newest first, with their municipality's slug. */
export async function listOwnRequests(userId: string) {
  return db()
    .select({ ...requestListColumns, potName: budgetPots.name, municipalitySlug: municipalities.slug })
    .from(budgetRequests)
    .innerJoin(budgetPots, eq(budgetPots.id, budgetRequests.potId))
    .innerJoin(municipalities, eq(municipalities.id, budgetRequests.municipalityId))
    .leftJoin(activities, eq(activities.id, budgetRequests.activityId))
    .leftJoin(teams, eq(teams.id, budgetRequests.teamId))
    .leftJoin(users, eq(users.id, budgetRequests.requestedBy))
    .where(or(eq(budgetRequests.requestedBy, userId), inArray(budgetRequests.teamId, myTeamIds(userId))))
    .orderBy(desc(budgetRequests.createdAt));
}

export interface RequesterActivity {
  activityId: string;
  municipalityId: MunicipalityId;
  municipalitySlug: string;
  title: string;
  startsAt: Date;
  neighbourhoodId: string | null;
  teamId: string | null;
  teamName: string | null;
  applicant: ApplicantKind;
}

/**
 * A resident's organised activity, when they may ask money for it: its organiser, a co-organiser,
 * or a current member of its team. Anyone else (and any other id) gets null, which pages answer
 * with 404. The municipality comes from the activity's own row.
 */
export async function findRequesterActivity(userId: string, activityId: string): Promise<RequesterActivity | null> {
  if (!isUuid(activityId)) return null;
  const [row] = await db()
    .select({
      activityId: activities.id,
      municipalityId: activities.municipalityId,
      municipalitySlug: municipalities.slug,
      title: activities.title,
      startsAt: activities.startsAt,
      neighbourhoodId: activities.neighbourhoodId,
      teamId: organisedActivities.teamId,
      teamName: teams.name,
      organiserUserId: organisedActivities.organiserUserId,
    })
    .from(organisedActivities)
    .innerJoin(activities, eq(activities.id, organisedActivities.activityId))
    .innerJoin(municipalities, eq(municipalities.id, activities.municipalityId))
    .leftJoin(teams, eq(teams.id, organisedActivities.teamId))
    .where(eq(organisedActivities.activityId, activityId));
  if (!row) return null;
  let allowed = row.organiserUserId === userId;
  if (!allowed) {
    const [co] = await db()
      .select({ userId: activityCoOrganisers.userId })
      .from(activityCoOrganisers)
      .where(and(eq(activityCoOrganisers.activityId, activityId), eq(activityCoOrganisers.userId, userId)));
    allowed = Boolean(co);
  }
  if (!allowed && row.teamId) {
    const [member] = await db()
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, row.teamId), eq(teamMembers.userId, userId), isNull(teamMembers.leftAt)));
    allowed = Boolean(member);
  }
  if (!allowed) return null;
  return {
    activityId: row.activityId,
    // The activity's own municipality (the person passed the organiser check above): every read and write of this request stays inside it.
    municipalityId: scopeFromRow(row.municipalityId, allowed),
    municipalitySlug: row.municipalitySlug,
    title: row.title,
    startsAt: row.startsAt,
    neighbourhoodId: row.neighbourhoodId,
    teamId: row.teamId,
    teamName: row.teamName,
    applicant: row.teamId ? "team" : "citytrainer",
  };
}

/** The pots this activity may ask from today: its municipality's, open, for its kind of applicant, municipality-wide or of its neighbourhood. */
export async function eligiblePots(activity: RequesterActivity, today: string) {
  const pots = await db()
    .select(potColumns)
    .from(budgetPots)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, budgetPots.neighbourhoodId))
    .where(eq(budgetPots.municipalityId, activity.municipalityId))
    .orderBy(asc(budgetPots.name));
  return pots.filter(
    (pot) => potOpenOn(pot, today) && potOpenTo(pot.eligible, activity.applicant) && potCoversNeighbourhood(pot.neighbourhoodId, activity.neighbourhoodId),
  );
}

/** The requests made for one activity (by anyone who may see it: organisers and team members see the same list). */
export async function listActivityRequests(activity: RequesterActivity) {
  const rows = await requestListQuery(db())
    .where(and(eq(budgetRequests.municipalityId, activity.municipalityId), eq(budgetRequests.activityId, activity.activityId)))
    .orderBy(desc(budgetRequests.createdAt));
  return rows;
}

/** Whether the person may see a request's receipts: its requester, or a key figure of its team. */
export async function isReceiptViewer(userId: string, request: { requestedBy: string | null; teamId: string | null }): Promise<boolean> {
  if (request.requestedBy === userId) return true;
  if (!request.teamId) return false;
  const [keyFigure] = await db()
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, request.teamId), eq(teamMembers.userId, userId), eq(teamMembers.isKeyFigure, true), isNull(teamMembers.leftAt)));
  return Boolean(keyFigure);
}

/** A receipt by its own id, with what the download check needs. */
export async function findReceipt(receiptId: string) {
  if (!isUuid(receiptId)) return null;
  const [row] = await db()
    .select({
      id: budgetReceipts.id,
      municipalityId: budgetReceipts.municipalityId,
      fileKey: budgetReceipts.fileKey,
      contentType: budgetReceipts.contentType,
      originalName: budgetReceipts.originalName,
      requestedBy: budgetRequests.requestedBy,
      teamId: budgetRequests.teamId,
    })
    .from(budgetReceipts)
    .innerJoin(budgetRequests, eq(budgetRequests.id, budgetReceipts.requestId))
    .where(eq(budgetReceipts.id, receiptId));
  return row ?? null;
}

/** Rows of the export for the municipality's administration: every request of one pot. */
export async function exportRows(municipalityId: MunicipalityId, potId: string) {
  return db()
    .select({
      ...requestListColumns,
      potName: budgetPots.name,
      potNeighbourhood: neighbourhoods.name,
      settlementSubmittedAt: budgetRequests.settlementSubmittedAt,
      declineReason: budgetRequests.declineReason,
    })
    .from(budgetRequests)
    .innerJoin(budgetPots, eq(budgetPots.id, budgetRequests.potId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, budgetPots.neighbourhoodId))
    .leftJoin(activities, eq(activities.id, budgetRequests.activityId))
    .leftJoin(teams, eq(teams.id, budgetRequests.teamId))
    .leftJoin(users, eq(users.id, budgetRequests.requestedBy))
    .where(and(eq(budgetRequests.municipalityId, municipalityId), eq(budgetRequests.potId, potId)))
    .orderBy(asc(budgetRequests.createdAt));
}

export const WAITING_STATUSES: readonly BudgetRequestStatus[] = ["submitted", "settlement_submitted"];

/** The municipality's neighbourhoods, for the pot form. */
export async function neighbourhoodOptions(municipalityId: MunicipalityId) {
  return db()
    .select({ id: neighbourhoods.id, name: neighbourhoods.name })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.municipalityId, municipalityId))
    .orderBy(asc(neighbourhoods.name));
}
