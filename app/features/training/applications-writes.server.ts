/**
 * Every write of the application journey: applying, confirming the address, the guardian's
 * consent and its withdrawal, the applicant's withdrawal, intake and the course leader's
 * decisions, and admission into the cohort. Which status may follow which is decided by
 * application-states.ts; each write here checks it under a row lock on the application.
 *
 * Capacity: admission takes a place with one conditional update on the cohort row (`admitted_count
 * < max_size`), in the same transaction as the enrolment; two course leaders admitting at the same
 * moment cannot both take the last place (ADR 008), and the check constraint on cohorts is the
 * last word. Lock order is always cohort row first, then application rows.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { answerConsent, findConsentByToken, requestConsent, withdrawConsent } from "~/features/privacy/consent.server";
import { CURRENT_GUARDIAN_CONSENT_TEXT } from "~/features/privacy/consent-texts";
import { db, type Transaction } from "~/lib/db/client.server";
import { accounts, applications, cohorts, developmentPlans, enrolments, neighbourhoods, sessions, users } from "~/lib/db/schema";
import type { Locale } from "~/lib/i18n";
import { consumeRateLimit } from "~/lib/rate-limit.server";
import { zonedLocalToUtc } from "~/lib/time";
import { isUuid } from "~/lib/validation";
import { refuse, type WriteResult } from "~/lib/write-result";
import { checkAgeRule } from "./age";
import { canTransition, isVisibleToStaff, nextStatus, type ApplicationEvent } from "./application-states";
import { hashApplicationToken, newApplicationToken } from "./application-tokens.server";
import {
  applicationStatusPath,
  consentPath,
  loadMailCohort,
  PENDING_APPLICATION_DAYS,
  queueApplicationEmail,
  type ApplicationMailKind,
  type MailCohort,
} from "./applications-emails.server";
import { courseLeaderRecipients, firstOnWaitlist, type OpenCohort } from "./applications-reads.server";
import type { ApplicationInput } from "./applications-schema";

/** Application mails one address receives per day; anyone can type in any address. */
export const APPLICATION_MAILS_PER_ADDRESS_PER_DAY = 5;

// ---------------------------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------------------------

export type ApplyResult =
  | { ok: true }
  | { ok: false; field: string; reason: "too_young" | "too_old" | "guardian_required" | "neighbourhood" | "date" };

/**
 * A resident applies for an open cohort. Refused without writing anything when the age on the
 * cohort's first day is outside the track's range, or a guardian is needed and missing. Applying
 * again with an address that already has a live application changes nothing but mails that
 * address a fresh link to it; the answer is the same either way (ADR 020), so the form does not
 * reveal who applied.
 */
export async function submitApplication(cohort: OpenCohort, input: ApplicationInput, locale: Locale): Promise<ApplyResult> {
  const verdict = checkAgeRule(cohort, input.dateOfBirth, cohort.startsOn);
  if (!verdict) return { ok: false, field: "dateOfBirth", reason: "date" };
  if (!verdict.ok) return { ok: false, field: "dateOfBirth", reason: verdict.reason };
  const needsGuardian = verdict.needsGuardianConsent;
  if (needsGuardian && (!input.guardianName || !input.guardianEmail)) {
    return { ok: false, field: input.guardianName ? "guardianEmail" : "guardianName", reason: "guardian_required" };
  }
  if (needsGuardian && input.guardianEmail === input.email) return { ok: false, field: "guardianEmail", reason: "guardian_required" };
  return db().transaction(async (tx) => {
    if (input.neighbourhoodId) {
      const [found] = await tx
        .select({ id: neighbourhoods.id })
        .from(neighbourhoods)
        .where(and(eq(neighbourhoods.id, input.neighbourhoodId), eq(neighbourhoods.municipalityId, cohort.municipalityId)));
      if (!found) return { ok: false, field: "neighbourhoodId", reason: "neighbourhood" } as const;
    }
    const mayMail = await consumeRateLimit(`application-mail:${input.email}`, APPLICATION_MAILS_PER_ADDRESS_PER_DAY, 86_400, tx);
    const { token, hash } = newApplicationToken();
    // One live application per address per cohort (a unique index); a repeat only renews the link.
    const [created] = await tx
      .insert(applications)
      .values({
        cohortId: cohort.id,
        municipalityId: cohort.municipalityId,
        name: input.name,
        email: input.email,
        dateOfBirth: input.dateOfBirth,
        neighbourhoodId: input.neighbourhoodId,
        motivation: input.motivation,
        talents: input.talents,
        interests: input.interests,
        availability: input.availability,
        heardVia: input.heardVia,
        locale,
        ageOnStart: verdict.age,
        needsGuardianConsent: needsGuardian,
        guardianName: needsGuardian ? input.guardianName : null,
        guardianEmail: needsGuardian ? input.guardianEmail : null,
        confirmTokenHash: hash,
        expiresAt: sql`now() + make_interval(days => ${PENDING_APPLICATION_DAYS})`,
      })
      .onConflictDoNothing({ target: [applications.cohortId, applications.email], where: sql`status not in ('declined', 'withdrawn')` })
      .returning({ id: applications.id });
    const mailCohort = await loadMailCohort(tx, cohort.id);
    if (created) {
      if (mayMail) {
        await queueApplicationEmail(tx, "confirm", mailCohort, {
          to: input.email,
          locale,
          name: input.name,
          applicantName: input.name,
          link: applicationStatusPath(token),
          needsGuardianConsent: needsGuardian,
        });
      }
      return { ok: true } as const;
    }
    const [existing] = await tx
      .select({ id: applications.id, name: applications.name, locale: applications.locale })
      .from(applications)
      .where(and(eq(applications.cohortId, cohort.id), eq(applications.email, input.email), sql`${applications.status} not in ('declined', 'withdrawn')`))
      .for("update");
    if (existing && mayMail) {
      await tx.update(applications).set({ confirmTokenHash: hash }).where(eq(applications.id, existing.id));
      await queueApplicationEmail(tx, "alreadyApplied", mailCohort, {
        to: input.email,
        locale: existing.locale,
        name: existing.name,
        applicantName: existing.name,
        link: applicationStatusPath(token),
      });
    }
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// The applicant's link: confirming the address (double opt-in) and withdrawing
// ---------------------------------------------------------------------------------------------

type LockedApplication = typeof applications.$inferSelect;

async function lockApplication(tx: Transaction, where: ReturnType<typeof eq>): Promise<LockedApplication | null> {
  const [row] = await tx.select().from(applications).where(where).for("update");
  return row ?? null;
}

/** The pending application is complete: email confirmed and, if needed, consent given. */
async function submitIfComplete(tx: Transaction, application: LockedApplication, consentGiven: boolean): Promise<boolean> {
  if (application.status !== "pending" || !application.emailConfirmedAt) return false;
  if (application.needsGuardianConsent && !consentGiven) return false;
  await tx
    .update(applications)
    .set({ status: nextStatus(application.status, "complete")!, expiresAt: null })
    .where(eq(applications.id, application.id));
  const cohort = await loadMailCohort(tx, application.cohortId);
  await queueApplicationEmail(tx, "submitted", cohort, {
    to: application.email,
    locale: application.locale,
    name: application.name,
    applicantName: application.name,
  });
  return true;
}

export type ConfirmResult = "confirmed" | "already" | "not_found";

/**
 * The applicant confirms their address by the button behind the emailed link (opening the link
 * changes nothing: mail scanners open links). Only then is a guardian asked for consent, so the
 * form cannot be used to mail an arbitrary address a consent request.
 */
export async function confirmApplicationEmail(token: string): Promise<ConfirmResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return "not_found";
  return db().transaction(async (tx) => {
    const application = await lockApplication(tx, eq(applications.confirmTokenHash, hashApplicationToken(token)));
    if (!application) return "not_found";
    if (application.emailConfirmedAt || application.status !== "pending") return "already";
    const confirmed = { ...application, emailConfirmedAt: new Date() };
    await tx.update(applications).set({ emailConfirmedAt: confirmed.emailConfirmedAt }).where(eq(applications.id, application.id));
    if (application.needsGuardianConsent) {
      const { token: consentToken } = await requestConsent(tx, {
        municipalityId: application.municipalityId,
        purpose: "course_application",
        legalBasis: "consent",
        subject: { applicationId: application.id },
        givenBy: "guardian",
        giverName: application.guardianName!,
        giverEmail: application.guardianEmail!,
        textVersion: CURRENT_GUARDIAN_CONSENT_TEXT,
        locale: application.locale,
      });
      const cohort = await loadMailCohort(tx, application.cohortId);
      await queueApplicationEmail(tx, "guardianConsent", cohort, {
        to: application.guardianEmail!,
        locale: application.locale,
        name: application.guardianName!,
        applicantName: application.name,
        link: consentPath(consentToken),
        consentText: CURRENT_GUARDIAN_CONSENT_TEXT,
      });
    } else {
      await submitIfComplete(tx, confirmed, false);
    }
    return "confirmed";
  });
}

/**
 * What is kept of an application that stopped: enough to know it existed and how it ended (for
 * the cohort's numbers), none of the free text about the person.
 */
const MINIMISED = { motivation: "", talents: "", interests: "", availability: "", intakeNotes: "", intakeLocation: null, neighbourhoodId: null, heardVia: null } as const;

/** Ends an application: withdrawn, data minimised, and an admitted trainee's place given back. */
async function withdrawLocked(tx: Transaction, application: LockedApplication): Promise<void> {
  await tx
    .update(applications)
    .set({ status: "withdrawn", expiresAt: null, ...MINIMISED })
    .where(eq(applications.id, application.id));
  if (application.status === "admitted") await releasePlace(tx, application);
}

/** The enrolment of an admitted application ends and its place in the cohort is free again. */
async function releasePlace(tx: Transaction, application: LockedApplication): Promise<void> {
  const ended = await tx
    .update(enrolments)
    .set({ status: "withdrawn", withdrawnAt: new Date() })
    .where(and(eq(enrolments.applicationId, application.id), eq(enrolments.status, "active")))
    .returning({ id: enrolments.id });
  if (ended.length > 0) {
    await tx
      .update(cohorts)
      .set({ admittedCount: sql`${cohorts.admittedCount} - 1` })
      .where(eq(cohorts.id, application.cohortId));
  }
}

async function lockCohort(tx: Transaction, cohortId: string) {
  await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).for("update");
}

export type WithdrawResult = "withdrawn" | "already" | "not_found";

/** The applicant withdraws by the link in their mail. */
export async function withdrawApplicationByToken(token: string): Promise<WithdrawResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return "not_found";
  const hash = hashApplicationToken(token);
  return db().transaction(async (tx) => {
    const [found] = await tx.select({ cohortId: applications.cohortId }).from(applications).where(eq(applications.confirmTokenHash, hash));
    if (!found) return "not_found";
    await lockCohort(tx, found.cohortId);
    const application = await lockApplication(tx, eq(applications.confirmTokenHash, hash));
    if (!application) return "not_found";
    if (!canTransition(application.status, "withdraw")) return "already";
    const wasVisible = application.status !== "pending";
    await withdrawLocked(tx, application);
    const cohort = await loadMailCohort(tx, application.cohortId);
    await queueApplicationEmail(tx, "withdrawn", cohort, { to: application.email, locale: application.locale, name: application.name, applicantName: application.name });
    if (wasVisible) await mailCourseLeaders(tx, "leadersWithdrawn", cohort, application.name);
    return "withdrawn";
  });
}

async function mailCourseLeaders(tx: Transaction, kind: ApplicationMailKind, cohort: MailCohort, applicantName: string): Promise<void> {
  for (const leader of await courseLeaderRecipients(tx, cohort.id)) {
    await queueApplicationEmail(tx, kind, cohort, {
      to: leader.email,
      locale: leader.locale === "en" ? "en" : "nl",
      name: leader.name,
      applicantName,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The guardian's link: consent given, refused, withdrawn
// ---------------------------------------------------------------------------------------------

export type GuardianResult = "given" | "refused" | "withdrawn" | "unchanged" | "not_found";

/**
 * The guardian answers from the page behind their link. Giving consent submits the application
 * when the address is confirmed; refusing ends it. Withdrawing later stops the processing: the
 * application is withdrawn, its data minimised, an admitted trainee's place freed, and the course
 * leaders are told.
 */
export async function answerGuardianConsent(token: string, intent: "give" | "refuse" | "withdraw"): Promise<GuardianResult> {
  const found = await findConsentByToken(db(), token);
  if (!found?.subjectApplicationId || found.purpose !== "course_application") return "not_found";
  const applicationId = found.subjectApplicationId;
  return db().transaction(async (tx) => {
    const [located] = await tx.select({ cohortId: applications.cohortId }).from(applications).where(eq(applications.id, applicationId));
    if (!located) return "not_found";
    await lockCohort(tx, located.cohortId);
    const application = await lockApplication(tx, eq(applications.id, applicationId));
    if (!application) return "not_found";
    if (intent === "withdraw") {
      const withdrawn = await withdrawConsent(tx, found.id);
      if (!withdrawn) return "unchanged";
      const wasLive = canTransition(application.status, "withdraw");
      if (wasLive) await withdrawLocked(tx, application);
      const cohort = await loadMailCohort(tx, application.cohortId);
      await mailCourseLeaders(tx, "leadersConsentWithdrawn", cohort, application.name);
      return "withdrawn";
    }
    const answered = await answerConsent(tx, found.id, intent === "give" ? "given" : "refused", "email-link");
    if (!answered) return "unchanged";
    if (intent === "refuse") {
      if (canTransition(application.status, "withdraw")) await withdrawLocked(tx, application);
      return "refused";
    }
    await submitIfComplete(tx, application, true);
    return "given";
  });
}

// ---------------------------------------------------------------------------------------------
// Course leaders: intake, notes, decisions. The route has checked canRunCohort and passes the scope.
// ---------------------------------------------------------------------------------------------

async function lockStaffApplication(tx: Transaction, municipalityId: MunicipalityId, cohortId: string, applicationId: string) {
  if (!isUuid(applicationId) || !isUuid(cohortId)) return null;
  await lockCohort(tx, cohortId);
  const application = await lockApplication(tx, eq(applications.id, applicationId));
  if (!application || application.municipalityId !== municipalityId || application.cohortId !== cohortId) return null;
  return application;
}

export async function planIntake(
  municipalityId: MunicipalityId,
  cohortId: string,
  applicationId: string,
  input: { date: string; time: string; location: string },
): Promise<WriteResult> {
  const at = zonedLocalToUtc(input.date, input.time);
  if (!at) return refuse("date", "applications.validation.date");
  if (at.getTime() <= Date.now()) return refuse("date", "applications.intake.inPast");
  return db().transaction(async (tx) => {
    const application = await lockStaffApplication(tx, municipalityId, cohortId, applicationId);
    if (!application || !isVisibleToStaff(application.status)) return refuse("_form", "applications.notFound");
    if (!canTransition(application.status, "plan_intake")) return refuse("_form", "applications.decision.notNow");
    await tx
      .update(applications)
      .set({ status: "intake_planned", intakeAt: at, intakeLocation: input.location })
      .where(eq(applications.id, application.id));
    const cohort = await loadMailCohort(tx, cohortId);
    await queueApplicationEmail(tx, "intakePlanned", cohort, {
      to: application.email,
      locale: application.locale,
      name: application.name,
      applicantName: application.name,
      intakeAt: at,
      intakeLocation: input.location,
    });
    return { ok: true } as const;
  });
}

export async function saveIntakeNotes(municipalityId: MunicipalityId, cohortId: string, applicationId: string, notes: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const application = await lockStaffApplication(tx, municipalityId, cohortId, applicationId);
    if (!application || !isVisibleToStaff(application.status)) return refuse("_form", "applications.notFound");
    // A stopped application keeps no notes (its free text was minimised).
    if (application.status === "withdrawn" || application.status === "declined") return refuse("_form", "applications.decision.notNow");
    await tx.update(applications).set({ intakeNotes: notes }).where(eq(applications.id, application.id));
    return { ok: true } as const;
  });
}

export type Decision = "admit" | "waitlist" | "decline";

/**
 * A course leader's decision, mailed to the applicant and (under the guardian age) the guardian.
 * Admission takes a place first; with none left it is refused with "cohort full", and the page
 * offers the waiting list instead.
 */
export async function decideApplication(
  municipalityId: MunicipalityId,
  cohortId: string,
  applicationId: string,
  decision: Decision,
  decidedBy: string,
): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const application = await lockStaffApplication(tx, municipalityId, cohortId, applicationId);
    if (!application || !isVisibleToStaff(application.status)) return refuse("_form", "applications.notFound");
    if (!canTransition(application.status, decision as ApplicationEvent)) return refuse("_form", "applications.decision.notNow");
    if (decision === "admit") {
      const admitted = await admitLocked(tx, application);
      if (!admitted) return refuse("_form", "applications.decision.full");
    } else {
      await tx
        .update(applications)
        .set({ status: nextStatus(application.status, decision)!, decidedBy, decidedAt: new Date(), ...(decision === "decline" ? MINIMISED : {}) })
        .where(eq(applications.id, application.id));
    }
    if (decision === "admit") await tx.update(applications).set({ decidedBy, decidedAt: new Date() }).where(eq(applications.id, application.id));
    await mailDecision(tx, application, decision);
    return { ok: true } as const;
  });
}

async function mailDecision(tx: Transaction, application: LockedApplication, decision: Decision): Promise<void> {
  const cohort = await loadMailCohort(tx, application.cohortId);
  const kinds = { admit: ["admitted", "guardianAdmitted"], waitlist: ["waitlisted", "guardianWaitlisted"], decline: ["declined", "guardianDeclined"] } as const;
  const [own, guardian] = kinds[decision];
  await queueApplicationEmail(tx, own, cohort, { to: application.email, locale: application.locale, name: application.name, applicantName: application.name });
  if (application.needsGuardianConsent && application.guardianEmail && application.guardianName) {
    await queueApplicationEmail(tx, guardian, cohort, {
      to: application.guardianEmail,
      locale: application.locale,
      name: application.guardianName,
      applicantName: application.name,
    });
  }
}

/**
 * Admits a locked application: takes a place with a conditional update (no row: the cohort is
 * full), links or creates the account, and makes the enrolment with an empty development plan.
 */
async function admitLocked(tx: Transaction, application: LockedApplication): Promise<boolean> {
  const [place] = await tx
    .update(cohorts)
    .set({ admittedCount: sql`${cohorts.admittedCount} + 1` })
    .where(and(eq(cohorts.id, application.cohortId), sql`${cohorts.admittedCount} < ${cohorts.maxSize}`))
    .returning({ id: cohorts.id });
  if (!place) return false;
  const userId = await accountFor(tx, application);
  const [enrolment] = await tx
    .insert(enrolments)
    .values({ cohortId: application.cohortId, municipalityId: application.municipalityId, userId, applicationId: application.id })
    // Someone who left the cohort and applied again comes back on their old enrolment.
    .onConflictDoUpdate({
      target: [enrolments.cohortId, enrolments.userId],
      set: { status: "active", withdrawnAt: null, applicationId: application.id },
    })
    .returning({ id: enrolments.id });
  await tx.insert(developmentPlans).values({ enrolmentId: enrolment!.id, municipalityId: application.municipalityId }).onConflictDoNothing();
  await tx.update(applications).set({ status: "admitted", userId }).where(eq(applications.id, application.id));
  return true;
}

/**
 * The account of an admitted applicant: the existing one with that address, or a new one. A new
 * account's address counts as verified (the applicant confirmed it by the emailed link); it has no
 * password, so the trainee signs in with a sign-in link or sets one through "wachtwoord vergeten",
 * which is how better-auth adds a credential to an account that has none.
 *
 * An existing account that never confirmed its address may have been made by someone else who
 * typed this address (to take the account over once it is verified). The applicant has now proved
 * the address, so the account becomes theirs: verified, and without the unproven password and its
 * sessions.
 */
async function accountFor(tx: Transaction, application: LockedApplication): Promise<string> {
  if (application.userId) return application.userId;
  await tx
    .insert(users)
    .values({ id: randomUUID(), name: application.name, email: application.email, emailVerified: true, locale: application.locale })
    .onConflictDoNothing({ target: users.email });
  const [user] = await tx
    .select({ id: users.id, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(sql`lower(${users.email})`, application.email))
    .for("update");
  if (!user) throw new Error(`No account for ${application.id} after creating one`);
  if (!user.emailVerified) {
    await tx.delete(accounts).where(and(eq(accounts.userId, user.id), eq(accounts.providerId, "credential")));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.update(users).set({ emailVerified: true }).where(eq(users.id, user.id));
  }
  return user.id;
}

/** The course leader ends an admitted trainee's place (they stopped); the place is free for the waiting list. */
export async function withdrawTrainee(municipalityId: MunicipalityId, cohortId: string, applicationId: string): Promise<WriteResult> {
  return db().transaction(async (tx) => {
    const application = await lockStaffApplication(tx, municipalityId, cohortId, applicationId);
    if (!application || application.status !== "admitted") return refuse("_form", "applications.decision.notNow");
    await withdrawLocked(tx, application);
    return { ok: true } as const;
  });
}

/** Offers a free place to the first on the waiting list (lowest sequence): admits them, with the usual mails. */
export async function offerPlaceToWaitlist(municipalityId: MunicipalityId, cohortId: string, decidedBy: string): Promise<WriteResult<{ applicationId: string }>> {
  return db().transaction(async (tx) => {
    if (!isUuid(cohortId)) return refuse("_form", "applications.notFound");
    await lockCohort(tx, cohortId);
    const first = await firstOnWaitlist(tx, municipalityId, cohortId);
    if (!first) return refuse("_form", "applications.waitlist.empty");
    const application = await lockApplication(tx, eq(applications.id, first.id));
    if (!application) return refuse("_form", "applications.waitlist.empty");
    if (!(await admitLocked(tx, application))) return refuse("_form", "applications.decision.full");
    await tx.update(applications).set({ decidedBy, decidedAt: new Date() }).where(eq(applications.id, application.id));
    await mailDecision(tx, application, "admit");
    return { ok: true, applicationId: application.id } as const;
  });
}
