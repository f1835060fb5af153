/**
 * The journey of an application, in one table: which event may happen in which state, and where
 * it leads. Every write that changes an application's status asks this module first, so what may
 * follow what is read here and nowhere else.
 *
 * pending → submitted once the email address is confirmed and, under the guardian age, the
 * guardian consented. Course leaders then plan an intake and decide. A withdrawal (by the
 * applicant, or by the guardian taking back consent) can end any live application.
 */
import type { ApplicationStatus } from "~/lib/db/schema";

export type ApplicationEvent =
  | "complete"
  | "plan_intake"
  | "admit"
  | "waitlist"
  | "decline"
  | "withdraw";

/** For each event: the states it may start from, and the state it leads to. */
export const APPLICATION_TRANSITIONS: Record<ApplicationEvent, { from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  complete: { from: ["pending"], to: "submitted" },
  plan_intake: { from: ["submitted", "intake_planned", "waitlisted"], to: "intake_planned" },
  admit: { from: ["submitted", "intake_planned", "waitlisted"], to: "admitted" },
  waitlist: { from: ["submitted", "intake_planned"], to: "waitlisted" },
  decline: { from: ["submitted", "intake_planned", "waitlisted"], to: "declined" },
  withdraw: { from: ["pending", "submitted", "intake_planned", "waitlisted", "admitted"], to: "withdrawn" },
};

export function canTransition(status: ApplicationStatus, event: ApplicationEvent): boolean {
  return APPLICATION_TRANSITIONS[event].from.includes(status);
}

/** The state after the event, or null when the event may not happen in this state. */
export function nextStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | null {
  return canTransition(status, event) ? APPLICATION_TRANSITIONS[event].to : null;
}

/** The staff decisions (and intake planning) the application page offers in a state. */
export const STAFF_EVENTS = ["plan_intake", "admit", "waitlist", "decline"] as const satisfies readonly ApplicationEvent[];
export type StaffEvent = (typeof STAFF_EVENTS)[number];

export function staffEventsFrom(status: ApplicationStatus): StaffEvent[] {
  return STAFF_EVENTS.filter((event) => canTransition(status, event));
}

/** Whether course leaders may see the applicant's personal data: not while it still waits for confirmation or consent. */
export function isVisibleToStaff(status: ApplicationStatus): boolean {
  return status !== "pending";
}

/** What a pending application still waits for; nothing left means it can be submitted. */
export function waitingFor(application: {
  emailConfirmed: boolean;
  needsGuardianConsent: boolean;
  consentGiven: boolean;
}): ("email_confirmation" | "guardian_consent")[] {
  const waiting: ("email_confirmation" | "guardian_consent")[] = [];
  if (!application.emailConfirmed) waiting.push("email_confirmation");
  if (application.needsGuardianConsent && !application.consentGiven) waiting.push("guardian_consent");
  return waiting;
}
