/**
 * The practice alerts: a proposal the supervisor has not answered within the municipality's
 * handover_answer_days (counted from the moment it was shared with them), a proposal still
 * waiting for the trainee's or guardian's consent after the same number of days (softer: nobody
 * else can act on it yet), and an active placement without logged or signed-off hours for
 * placement_quiet_days (counted from the latest of the start, the last entry logged and the last
 * sign-off). One query per municipality; who sees which alert is alertsFor's answer.
 */
import { sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { Actor } from "~/features/authorization/policy";
import { todayInAmsterdam } from "~/features/training/age";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { db } from "~/lib/db/client.server";

/** The programme_settings defaults (a municipality without a row uses these). */
export const DEFAULT_ALERT_SETTINGS = { handoverAnswerDays: 10, placementQuietDays: 28 } as const;
export type AlertSettings = { handoverAnswerDays: number; placementQuietDays: number };

export const ALERT_KINDS = ["answer_overdue", "awaiting_consent", "placement_quiet"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface PracticeAlert {
  kind: AlertKind;
  placementId: string;
  enrolmentId: string;
  cohortId: string;
  traineeName: string;
  partnerName: string;
  supervisorUserId: string | null;
  traineeUserId: string;
  /** Under 18 today: a staff view of the alert is logged (resource placement). */
  isMinor: boolean;
  /** The moment the count of days started (shared, proposed, or the last hours moment). */
  since: Date;
  /** Whole days since then. */
  days: number;
  /** The municipality's limit that was passed. */
  limitDays: number;
}

const DAY = 86_400_000;

/**
 * The municipality's alert settings: a small read of programme_settings, the defaults when it has
 * no row. (getProgrammeSettings in settings-reads.server.ts reads the whole row for the settings page.)
 */
export async function readAlertSettings(municipalityId: MunicipalityId): Promise<AlertSettings> {
  const result = await db().execute<{ handover_answer_days: number; placement_quiet_days: number }>(sql`
    select handover_answer_days, placement_quiet_days from programme_settings where municipality_id = ${municipalityId}`);
  const row = result.rows[0];
  return row ? { handoverAnswerDays: Number(row.handover_answer_days), placementQuietDays: Number(row.placement_quiet_days) } : { ...DEFAULT_ALERT_SETTINGS };
}

interface Row {
  placement_id: string;
  enrolment_id: string;
  cohort_id: string;
  status: "proposed" | "active";
  trainee_name: string;
  partner_name: string;
  supervisor_user_id: string | null;
  trainee_user_id: string;
  is_minor: boolean;
  proposed_at: Date | string;
  shared_at: Date | string | null;
  last_hours_at: Date | string | null;
  answer_days: number;
  quiet_days: number;
}

/** The latest of a placement's start, its last logged entry and its last sign-off (SQL, over placements `p`). */
export const LAST_HOURS_MOMENT = sql`greatest(p.started_at,
  (select max(h.created_at) from practice_hours h where h.placement_id = p.id),
  (select max(h.reviewed_at) from practice_hours h where h.placement_id = p.id and h.status = 'signed_off'))`;

/** Every alert of the municipality at `now`, oldest first. */
export async function listPracticeAlerts(municipalityId: MunicipalityId, now: Date = new Date()): Promise<PracticeAlert[]> {
  const result = await db().execute<Row & Record<string, unknown>>(sql`
    select p.id as placement_id, p.enrolment_id, e.cohort_id, p.status, u.name as trainee_name, po.name as partner_name,
      p.supervisor_user_id, p.trainee_user_id,
      coalesce(a.date_of_birth > (${todayInAmsterdam(now)}::date - interval '18 years'), false) as is_minor,
      p.created_at as proposed_at, p.shared_at, ${LAST_HOURS_MOMENT} as last_hours_at,
      coalesce(s.handover_answer_days, ${DEFAULT_ALERT_SETTINGS.handoverAnswerDays}) as answer_days,
      coalesce(s.placement_quiet_days, ${DEFAULT_ALERT_SETTINGS.placementQuietDays}) as quiet_days
    from placements p
    join enrolments e on e.id = p.enrolment_id
    left join applications a on a.id = e.application_id
    join users u on u.id = p.trainee_user_id
    join partner_organisations po on po.id = p.partner_organisation_id
    left join programme_settings s on s.municipality_id = p.municipality_id
    where p.municipality_id = ${municipalityId} and p.status in ('proposed', 'active')`);
  const alerts: PracticeAlert[] = [];
  for (const row of result.rows) {
    const kind: AlertKind = row.status === "active" ? "placement_quiet" : row.shared_at ? "answer_overdue" : "awaiting_consent";
    const sinceValue = kind === "placement_quiet" ? row.last_hours_at : kind === "answer_overdue" ? row.shared_at : row.proposed_at;
    if (!sinceValue) continue;
    const since = new Date(sinceValue);
    const limitDays = Number(kind === "placement_quiet" ? row.quiet_days : row.answer_days);
    if (now.getTime() - since.getTime() < limitDays * DAY) continue;
    alerts.push({
      kind,
      placementId: row.placement_id,
      enrolmentId: row.enrolment_id,
      cohortId: row.cohort_id,
      traineeName: row.trainee_name,
      partnerName: row.partner_name,
      supervisorUserId: row.supervisor_user_id,
      traineeUserId: row.trainee_user_id,
      isMinor: row.is_minor,
      since,
      days: Math.floor((now.getTime() - since.getTime()) / DAY),
      limitDays,
    });
  }
  return alerts.sort((a, b) => a.since.getTime() - b.since.getTime() || a.placementId.localeCompare(b.placementId));
}

/**
 * The alerts this person is meant to see: the project leader every one of the municipality; a
 * practice supervisor the quiet-placement alerts of the placements they supervise, nothing else.
 */
export function alertsFor(actor: Actor, municipalityId: string, alerts: readonly PracticeAlert[]): PracticeAlert[] {
  if (actor.memberships.some((m) => m.role === "project_leader" && m.municipalityId === municipalityId)) return [...alerts];
  const supervises = actor.memberships.some((m) => m.role === "practice_supervisor" && m.municipalityId === municipalityId);
  if (!supervises) return [];
  return alerts.filter((a) => a.kind === "placement_quiet" && a.supervisorUserId === actor.userId);
}

/** Logs a staff view of the alerts of minors (their placement's state and how long it is stuck). */
export async function logAlertViews(actor: Actor, municipalityId: string, alerts: readonly PracticeAlert[]): Promise<void> {
  const minors = alerts.filter((alert) => alert.isMinor);
  if (minors.length === 0) return;
  await db().transaction(async (tx) => {
    for (const alert of minors) {
      await logPersonalDataAccess(tx, { actor, municipalityId, subject: { userId: alert.traineeUserId }, resource: "placement" });
    }
  });
}
