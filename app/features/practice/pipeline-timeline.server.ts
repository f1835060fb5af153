/**
 * A person's own path from application to Citytrainer certificate, for their timeline
 * (/mijn-traject): one query gives, per application or enrolment of the account, the moments
 * that passed and the states of what is still open. The step and the open requirements come from
 * the same path facts as the pipeline (path-facts.server.ts), so both views agree.
 */
import { sql } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import type { ActivityStatus, ApplicationStatus, EnrolmentStatus, FinalReportStatus, PlacementStatus } from "~/lib/db/schema";

export interface OwnPath {
  key: string;
  municipalityId: string;
  enrolmentId: string | null;
  cohortName: string;
  trackName: string;
  municipalityName: string;
  applicationStatus: ApplicationStatus | null;
  appliedAt: Date | null;
  admittedAt: Date | null;
  enrolmentStatus: EnrolmentStatus | null;
  firstSessionAt: Date | null;
  lastSessionAt: Date | null;
  sessionsHeld: number;
  sessionsAttended: number;
  participationIssuedAt: Date | null;
  placementId: string | null;
  placementStatus: PlacementStatus | null;
  partnerName: string | null;
  proposedAt: Date | null;
  sharedAt: Date | null;
  startedAt: Date | null;
  signedOffMinutes: number;
  targetHours: number;
  activityStatus: ActivityStatus | null;
  activityEvaluatedAt: Date | null;
  finalReportStatus: FinalReportStatus | null;
  ceremonyAt: Date | null;
  presentationGivenAt: Date | null;
  citytrainerIssuedAt: Date | null;
}

const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));

/** Every path of the account, newest first: its enrolments, and its applications that led to none (yet). */
export async function listOwnPaths(userId: string, now: Date = new Date()): Promise<OwnPath[]> {
  const result = await db().execute<Record<string, unknown>>(sql`
    with base as (
      select e.id as enrolment_id, e.application_id from enrolments e where e.user_id = ${userId}
      union all
      select null, a.id from applications a
       where a.user_id = ${userId} and not exists (select 1 from enrolments x where x.application_id = a.id)
    )
    select coalesce(b.enrolment_id::text, b.application_id::text) as key, c.municipality_id, b.enrolment_id,
      c.name as cohort_name, tv.name as track_name, m.name as municipality_name,
      a.status as application_status, a.created_at as applied_at,
      coalesce(case when a.status = 'admitted' then a.decided_at end, e.created_at) as admitted_at,
      e.status as enrolment_status,
      (select min(cs.starts_at) from cohort_sessions cs where cs.cohort_id = c.id and cs.cancelled_at is null) as first_session_at,
      (select max(cs.starts_at) from cohort_sessions cs where cs.cohort_id = c.id and cs.cancelled_at is null) as last_session_at,
      (select count(*)::int from cohort_sessions cs where cs.cohort_id = c.id and cs.cancelled_at is null and cs.kind = 'meeting' and cs.starts_at <= ${now.toISOString()}::timestamptz) as sessions_held,
      (select count(*)::int from session_attendance sa join cohort_sessions cs on cs.id = sa.session_id
        where sa.enrolment_id = e.id and sa.status = 'present' and cs.kind = 'meeting') as sessions_attended,
      (select min(pc.issued_at) from certificates pc where pc.enrolment_id = e.id and pc.kind = 'participation' and pc.revoked_at is null) as participation_issued_at,
      p.id as placement_id, p.status as placement_status, po.name as partner_name, p.created_at as proposed_at, p.shared_at, p.started_at,
      coalesce((select sum(extract(epoch from (h.ends_at - h.starts_at)) / 60)::int
                  from practice_hours h join placements hp on hp.id = h.placement_id
                 where hp.enrolment_id = e.id and h.status = 'signed_off'), 0) as signed_off_minutes,
      tv.practice_hours_target as target_hours,
      act.status as activity_status, pa.evaluated_at as activity_evaluated_at,
      (select fr.status from final_reports fr where fr.placement_id = p.id) as final_report_status,
      (select cer.starts_at from final_presentations fp join ceremonies cer on cer.id = fp.ceremony_id where fp.placement_id = p.id) as ceremony_at,
      (select fp.given_at from final_presentations fp where fp.placement_id = p.id) as presentation_given_at,
      (select min(cc.issued_at) from certificates cc where cc.enrolment_id = e.id and cc.kind = 'citytrainer' and cc.revoked_at is null) as citytrainer_issued_at
    from base b
    left join enrolments e on e.id = b.enrolment_id
    left join applications a on a.id = b.application_id
    join cohorts c on c.id = coalesce(e.cohort_id, a.cohort_id)
    join track_versions tv on tv.id = c.track_version_id
    join municipalities m on m.id = c.municipality_id
    left join lateral (
      select pl.* from placements pl where pl.enrolment_id = e.id
       order by (pl.status in ('proposed', 'active')) desc, pl.created_at desc limit 1
    ) p on true
    left join partner_organisations po on po.id = p.partner_organisation_id
    left join practice_activities pa on pa.placement_id = p.id
    left join activities act on act.id = pa.activity_id
    order by coalesce(e.created_at, a.created_at) desc, key`);
  return result.rows.map((row) => ({
    key: String(row.key),
    municipalityId: String(row.municipality_id),
    enrolmentId: (row.enrolment_id as string | null) ?? null,
    cohortName: String(row.cohort_name),
    trackName: String(row.track_name),
    municipalityName: String(row.municipality_name),
    applicationStatus: (row.application_status as ApplicationStatus | null) ?? null,
    appliedAt: date(row.applied_at),
    admittedAt: row.enrolment_id ? date(row.admitted_at) : null,
    enrolmentStatus: (row.enrolment_status as EnrolmentStatus | null) ?? null,
    firstSessionAt: date(row.first_session_at),
    lastSessionAt: date(row.last_session_at),
    sessionsHeld: Number(row.sessions_held ?? 0),
    sessionsAttended: Number(row.sessions_attended ?? 0),
    participationIssuedAt: date(row.participation_issued_at),
    placementId: (row.placement_id as string | null) ?? null,
    placementStatus: (row.placement_status as PlacementStatus | null) ?? null,
    partnerName: (row.partner_name as string | null) ?? null,
    proposedAt: date(row.proposed_at),
    sharedAt: date(row.shared_at),
    startedAt: date(row.started_at),
    signedOffMinutes: Number(row.signed_off_minutes ?? 0),
    targetHours: Number(row.target_hours ?? 0),
    activityStatus: (row.activity_status as ActivityStatus | null) ?? null,
    activityEvaluatedAt: date(row.activity_evaluated_at),
    finalReportStatus: (row.final_report_status as FinalReportStatus | null) ?? null,
    ceremonyAt: date(row.ceremony_at),
    presentationGivenAt: date(row.presentation_given_at),
    citytrainerIssuedAt: date(row.citytrainer_issued_at),
  }));
}
