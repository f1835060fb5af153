/**
 * Every write of the warm handover: proposing a placement, the sharing consent (the trainee's own
 * from 16, a guardian's below), the supervisor's answer, withdrawing a proposal and ending a
 * placement early. Each is one transaction with its mails (outbox), and each state change asks
 * the journey table (journey.ts) first and is a conditional update on the state it expects, so a
 * second click or a replayed form changes nothing.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { answerConsent, findConsentByToken, recordOwnConsent, requestConsent, withdrawConsent } from "~/features/privacy/consent.server";
import { CURRENT_HANDOVER_SHARING_TEXT } from "~/features/privacy/consent-texts";
import { db, type Transaction } from "~/lib/db/client.server";
import { uniqueViolation } from "~/lib/db/errors";
import {
  applications,
  cohortCourseLeaders,
  cohorts,
  enrolments,
  municipalities,
  partnerOrganisations,
  placements,
  trackVersions,
  users,
  type PlacementStatus,
} from "~/lib/db/schema";
import { zonedLocalToUtc } from "~/lib/time";
import { refuse, type WriteResult } from "~/lib/write-result";
import { queueHandoverEmail, type HandoverMailKind, type HandoverMailPlacement, type HandoverMailRecipient } from "./handover-emails.server";
import { currentObservations, findCoveringGuardianConsent, findHandoverTrainee, findSupervisorMembership, handoverRefusal, needsGuardianForSharing } from "./handover-reads.server";
import type { ProposeInput } from "./handover-schema";
import { mayTransition, PLACEMENT_MACHINE, PROPOSE_PLACEMENT_BY, type JourneyRole, type PlacementEvent } from "./journey";
import { getProgrammeSettings } from "./settings-reads.server";

const REFUSALS = {
  no_certificate: "handover.propose.noCertificate",
  withdrawn: "handover.propose.enrolmentWithdrawn",
  live_placement: "handover.propose.livePlacement",
} as const;

/** A placement with what its mails say, read inside the transaction that changes it. */
/** What the handover mails say about a placement (also used by the demo seed for its guardian mail). */
export async function loadMailPlacement(tx: Transaction, placementId: string) {
  const [row] = await tx
    .select({
      id: placements.id,
      municipalityId: placements.municipalityId,
      municipalitySlug: municipalities.slug,
      municipalityName: municipalities.name,
      traineeName: users.name,
      traineeEmail: users.email,
      traineeLocale: users.locale,
      partnerName: partnerOrganisations.name,
      supervisorUserId: placements.supervisorUserId,
      trackName: trackVersions.name,
      cohortId: cohorts.id,
      handoverAt: placements.handoverAt,
      handoverPlace: placements.handoverPlace,
      sharedAt: placements.sharedAt,
    })
    .from(placements)
    .innerJoin(municipalities, eq(municipalities.id, placements.municipalityId))
    .innerJoin(users, eq(users.id, placements.traineeUserId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, placements.partnerOrganisationId))
    .innerJoin(enrolments, eq(enrolments.id, placements.enrolmentId))
    .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(eq(placements.id, placementId));
  if (!row) throw new Error(`placement ${placementId} vanished inside its own transaction`);
  const [supervisor] = row.supervisorUserId
    ? await tx.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, row.supervisorUserId))
    : [];
  const mail: HandoverMailPlacement = { ...row, supervisorName: supervisor?.name ?? "" };
  return { mail, row, supervisor: supervisor ? { ...supervisor, audience: "staff" as const } : null };
}
type MailPlacement = Awaited<ReturnType<typeof loadMailPlacement>>;

async function mailLeaders(tx: Transaction, kind: HandoverMailKind, placement: MailPlacement, reason?: string) {
  const leaders = await tx
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(cohortCourseLeaders)
    .innerJoin(users, eq(users.id, cohortCourseLeaders.userId))
    .where(eq(cohortCourseLeaders.cohortId, placement.row.cohortId));
  for (const leader of leaders) await queueHandoverEmail(tx, kind, placement.mail, { ...leader, audience: "staff" }, { reason });
}

function traineeRecipient(placement: MailPlacement): HandoverMailRecipient {
  return { name: placement.row.traineeName, email: placement.row.traineeEmail, locale: placement.row.traineeLocale, audience: "trainee" };
}

/**
 * Shares the proposal with the supervisor: the consent is recorded on it, the observations are
 * kept as they are now (what the supervisor is shown from then on), and the supervisor is mailed.
 */
async function shareLocked(tx: Transaction, placementId: string, enrolmentId: string, consentId: string): Promise<boolean> {
  const observations = await currentObservations(enrolmentId, tx);
  const [shared] = await tx
    .update(placements)
    .set({ sharingConsentId: consentId, sharedAt: new Date(), sharedObservations: observations, updatedAt: new Date() })
    .where(and(eq(placements.id, placementId), eq(placements.status, "proposed"), isNull(placements.sharedAt)))
    .returning({ id: placements.id });
  if (!shared) return false;
  const placement = await loadMailPlacement(tx, placementId);
  if (placement.supervisor) await queueHandoverEmail(tx, "supervisorShared", placement.mail, placement.supervisor);
  return true;
}

export interface Proposer {
  userId: string;
  /** The proposer's journey roles on this cohort (course_leader, project_leader). */
  roles: readonly JourneyRole[];
}

/**
 * Proposes a placement for one trainee of the cohort. Refused without a certificate of
 * participation (unless the municipality allows handover during the course), for a withdrawn
 * trainee, and when the trainee already has a live placement: the enrolment row lock lines up two
 * proposals for the same trainee, and the unique index on live placements refuses the second one
 * whatever happens (two enrolments of one person in two cohorts).
 */
export async function proposePlacement(
  municipalityId: MunicipalityId,
  cohortId: string,
  enrolmentId: string,
  input: ProposeInput,
  proposer: Proposer,
): Promise<WriteResult<{ placementId: string; consent: "self" | "guardian" | "covered" }>> {
  if (!proposer.roles.some((role) => PROPOSE_PLACEMENT_BY.includes(role))) return refuse("_form", "handover.notAllowed");
  const at = zonedLocalToUtc(input.date, input.time);
  if (!at) return refuse("date", "handover.validation.date");
  if (at.getTime() <= Date.now()) return refuse("date", "handover.validation.inPast");
  try {
    return await db().transaction(async (tx) => {
      await tx.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.id, enrolmentId), eq(enrolments.municipalityId, municipalityId))).for("update");
      const trainee = await findHandoverTrainee(tx, municipalityId, cohortId, enrolmentId);
      if (!trainee) return refuse("_form", "handover.notFound");
      const settings = await getProgrammeSettings(municipalityId, tx);
      const live = await tx
        .select({ id: placements.id })
        .from(placements)
        .where(and(eq(placements.traineeUserId, trainee.userId), inArray(placements.status, ["proposed", "active"])));
      const refusal = handoverRefusal(trainee, settings.handoverDuringCourse, live.length > 0);
      if (refusal) return refuse("_form", REFUSALS[refusal]);
      const supervisor = await findSupervisorMembership(tx, municipalityId, input.supervisor);
      if (!supervisor) return refuse("supervisor", "handover.propose.unknownSupervisor");
      const underSixteen = needsGuardianForSharing(trainee.dateOfBirth);
      const covering = underSixteen ? await findCoveringGuardianConsent(tx, trainee.applicationId) : null;
      if (underSixteen && !covering && (!trainee.guardianEmail || !trainee.guardianName)) return refuse("_form", "handover.propose.noGuardian");

      const [placement] = await tx
        .insert(placements)
        .values({
          municipalityId,
          enrolmentId: trainee.enrolmentId,
          traineeUserId: trainee.userId,
          partnerOrganisationId: supervisor.partnerOrganisationId,
          supervisorUserId: supervisor.userId,
          handoverAt: at,
          handoverPlace: input.place,
          proposalNote: input.note,
          proposedBy: proposer.userId,
        })
        .returning({ id: placements.id });
      const placementId = placement!.id;
      const mailPlacement = await loadMailPlacement(tx, placementId);
      // From 16 the trainee answers on their own page; below, the guardian decides (or already did).
      await queueHandoverEmail(tx, underSixteen ? "proposedMinor" : "proposed", mailPlacement.mail, traineeRecipient(mailPlacement));

      if (covering) {
        await shareLocked(tx, placementId, trainee.enrolmentId, covering.id);
        return { ok: true as const, placementId, consent: "covered" as const };
      }
      if (underSixteen) {
        const locale = trainee.applicationLocale ?? "nl";
        const { record, token } = await requestConsent(tx, {
          municipalityId,
          purpose: "handover_sharing",
          legalBasis: "consent",
          subject: { userId: trainee.userId, applicationId: trainee.applicationId ?? undefined },
          givenBy: "guardian",
          giverName: trainee.guardianName!,
          giverEmail: trainee.guardianEmail!,
          textVersion: CURRENT_HANDOVER_SHARING_TEXT.guardian,
          locale,
        });
        await tx.update(placements).set({ sharingConsentId: record.id }).where(eq(placements.id, placementId));
        await queueHandoverEmail(
          tx,
          "guardianSharing",
          mailPlacement.mail,
          { name: trainee.guardianName!, email: trainee.guardianEmail!, locale, audience: "guardian" },
          { consentToken: token, consentText: CURRENT_HANDOVER_SHARING_TEXT.guardian },
        );
        return { ok: true as const, placementId, consent: "guardian" as const };
      }
      return { ok: true as const, placementId, consent: "self" as const };
    });
  } catch (error) {
    if (uniqueViolation(error) === "placements_one_live_per_trainee") return refuse("_form", REFUSALS.live_placement);
    throw error;
  }
}

export type SharingResult = "given" | "refused" | "unchanged" | "guardian";

/**
 * The trainee's own answer (16 and older) on their practice page. Only a proposal that was not
 * answered yet takes it; under 16 the guardian answers through their link instead.
 */
export async function answerOwnSharing(userId: string, answer: "give" | "refuse", locale: "nl" | "en"): Promise<SharingResult> {
  return db().transaction(async (tx) => {
    const [placement] = await tx
      .select({ id: placements.id, municipalityId: placements.municipalityId, enrolmentId: placements.enrolmentId, sharingConsentId: placements.sharingConsentId, sharedAt: placements.sharedAt })
      .from(placements)
      .where(and(eq(placements.traineeUserId, userId), eq(placements.status, "proposed")))
      .for("update");
    if (!placement || placement.sharingConsentId || placement.sharedAt) return "unchanged";
    const [person] = await tx
      .select({ name: users.name, email: users.email, dateOfBirth: applications.dateOfBirth })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .leftJoin(applications, eq(applications.id, enrolments.applicationId))
      .where(eq(enrolments.id, placement.enrolmentId));
    if (!person) return "unchanged";
    if (needsGuardianForSharing(person.dateOfBirth)) return "guardian";
    const record = await recordOwnConsent(
      tx,
      {
        municipalityId: placement.municipalityId,
        purpose: "handover_sharing",
        legalBasis: "consent",
        subject: { userId },
        giverName: person.name,
        giverEmail: person.email,
        textVersion: CURRENT_HANDOVER_SHARING_TEXT.self,
        locale,
      },
      "signed-in",
      answer === "give" ? "given" : "refused",
    );
    if (answer === "give") {
      await shareLocked(tx, placement.id, placement.enrolmentId, record.id);
      return "given";
    }
    await tx.update(placements).set({ sharingConsentId: record.id, updatedAt: new Date() }).where(eq(placements.id, placement.id));
    await mailLeaders(tx, "leadersRefused", await loadMailPlacement(tx, placement.id));
    return "refused";
  });
}

export type GuardianSharingResult = SharingResult | "withdrawn" | "not_found";

/**
 * A guardian's answer behind their link. Giving consent shares the proposal (while it is still a
 * proposal); refusing or withdrawing tells the course leaders, and a withdrawal before the
 * supervisor answered takes the shared text back from them.
 */
export async function answerGuardianSharing(token: string, intent: "give" | "refuse" | "withdraw"): Promise<GuardianSharingResult> {
  const consent = await findConsentByToken(db(), token);
  if (!consent || consent.purpose !== "handover_sharing" || consent.givenBy !== "guardian") return "not_found";
  return db().transaction(async (tx) => {
    const [placement] = await tx
      .select({ id: placements.id, enrolmentId: placements.enrolmentId, status: placements.status })
      .from(placements)
      .where(eq(placements.sharingConsentId, consent.id))
      .for("update");
    if (!placement) return "not_found";
    if (intent === "withdraw") {
      if (!(await withdrawConsent(tx, consent.id))) return "unchanged";
      // What was shared is taken back: the observations' snapshot always, and before the
      // supervisor answered the whole proposal (an active placement keeps its start, which needs it).
      await tx
        .update(placements)
        .set({ sharedObservations: "", ...(placement.status === "proposed" ? { sharedAt: null } : {}), updatedAt: new Date() })
        .where(eq(placements.id, placement.id));
      await mailLeaders(tx, "leadersRefused", await loadMailPlacement(tx, placement.id));
      return "withdrawn";
    }
    if (placement.status !== "proposed") return "unchanged";
    const answered = await answerConsent(tx, consent.id, intent === "give" ? "given" : "refused", "email-link");
    if (!answered) return "unchanged";
    if (intent === "give") {
      await shareLocked(tx, placement.id, placement.enrolmentId, consent.id);
      return "given";
    }
    await mailLeaders(tx, "leadersRefused", await loadMailPlacement(tx, placement.id));
    return "refused";
  });
}

export interface PlacementActor {
  userId: string;
  roles: readonly JourneyRole[];
}

/** The journey role the actor moves this event as, or null when none of theirs may. */
function actingRole(actor: PlacementActor, status: PlacementStatus, event: PlacementEvent): JourneyRole | null {
  return actor.roles.find((role) => mayTransition(PLACEMENT_MACHINE, status, event, role)) ?? null;
}

const NOT_NOW = refuse("_form", "handover.answer.notNow");

/**
 * Moves a placement by one event of the journey table, as a conditional update on the state it
 * was read in: of two answers at once only the first changes the row.
 */
async function movePlacement(
  municipalityId: MunicipalityId,
  placementId: string,
  status: PlacementStatus,
  event: PlacementEvent,
  actor: PlacementActor,
  set: Partial<typeof placements.$inferInsert>,
  mails: (tx: Transaction, placement: MailPlacement) => Promise<void>,
): Promise<WriteResult> {
  if (!actingRole(actor, status, event)) return NOT_NOW;
  return db().transaction(async (tx) => {
    const [moved] = await tx
      .update(placements)
      .set({ ...set, status: PLACEMENT_MACHINE[event].to, updatedAt: new Date() })
      .where(
        and(
          eq(placements.id, placementId),
          eq(placements.municipalityId, municipalityId),
          eq(placements.status, status),
          // The supervisor answers only what was shared with them.
          event === "accept" || event === "decline" ? sql`${placements.sharedAt} is not null` : undefined,
        ),
      )
      .returning({ id: placements.id });
    if (!moved) return NOT_NOW;
    await mails(tx, await loadMailPlacement(tx, placementId));
    return { ok: true as const };
  });
}

export function acceptPlacement(municipalityId: MunicipalityId, placement: { id: string; status: PlacementStatus }, actor: PlacementActor) {
  const now = new Date();
  return movePlacement(municipalityId, placement.id, placement.status, "accept", actor, { answeredBy: actor.userId, answeredAt: now, startedAt: now }, async (tx, p) => {
    await mailLeaders(tx, "accepted", p);
    await queueHandoverEmail(tx, "accepted", p.mail, traineeRecipient(p));
  });
}

export function declinePlacement(municipalityId: MunicipalityId, placement: { id: string; status: PlacementStatus }, actor: PlacementActor, reason: string) {
  const now = new Date();
  return movePlacement(municipalityId, placement.id, placement.status, "decline", actor, { answeredBy: actor.userId, answeredAt: now, endedAt: now, declineReason: reason }, async (tx, p) => {
    await mailLeaders(tx, "declined", p, reason);
    await queueHandoverEmail(tx, "declined", p.mail, traineeRecipient(p), { reason });
  });
}

export function withdrawPlacement(municipalityId: MunicipalityId, placement: { id: string; status: PlacementStatus }, actor: PlacementActor) {
  return movePlacement(municipalityId, placement.id, placement.status, "withdraw", actor, { endedAt: new Date() }, async (tx, p) => {
    await queueHandoverEmail(tx, "withdrawn", p.mail, traineeRecipient(p));
    if (p.supervisor && p.row.sharedAt) await queueHandoverEmail(tx, "withdrawn", p.mail, p.supervisor);
  });
}

export function endPlacement(municipalityId: MunicipalityId, placement: { id: string; status: PlacementStatus }, actor: PlacementActor, reason: string) {
  return movePlacement(municipalityId, placement.id, placement.status, "end", actor, { endedAt: new Date(), endReason: reason }, async (tx, p) => {
    await queueHandoverEmail(tx, "ended", p.mail, traineeRecipient(p), { reason });
    if (p.supervisor) await queueHandoverEmail(tx, "ended", p.mail, p.supervisor, { reason });
  });
}
