/**
 * The facts about each trainee's path that the requirements and the pipeline are computed from
 * (requirements.ts): one query for a whole municipality, or for some cohorts or enrolments, so
 * the pipeline page, the certificate list and a trainee's own timeline read the same numbers.
 * Hours count over every placement of the enrolment (a placement ended early keeps its signed-off
 * hours); the activity, report and presentation are those of the current placement: the live one,
 * else the most recent.
 */
import { sql, type SQL } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import type { ApplicationStatus, EnrolmentStatus, FinalReportStatus, PlacementStatus } from "~/lib/db/schema";
import { todayInAmsterdam } from "~/features/training/age";
import { isUuid } from "~/lib/validation";
import { missingRequirements, pipelineStep, type PathFacts, type PipelineStep, type Requirement } from "./requirements";

export interface TraineePath extends PathFacts {
  enrolmentId: string;
  userId: string;
  name: string;
  cohortId: string;
  cohortName: string;
  trackName: string;
  courseLeaderIds: string[];
  placementId: string | null;
  partnerName: string | null;
  supervisorUserId: string | null;
  step: PipelineStep | null;
  missing: Requirement[];
  /** Under 18 today (by the application's date of birth): staff views of them are logged. */
  isMinor: boolean;
}

interface Row {
  enrolment_id: string;
  user_id: string;
  name: string;
  cohort_id: string;
  cohort_name: string;
  track_name: string;
  course_leader_ids: string[] | null;
  application_status: ApplicationStatus | null;
  enrolment_status: EnrolmentStatus;
  course_started: boolean;
  has_participation_certificate: boolean;
  placement_id: string | null;
  placement_status: PlacementStatus | null;
  partner_name: string | null;
  supervisor_user_id: string | null;
  signed_off_minutes: number;
  target_hours: number;
  practice_activity_evaluated: boolean;
  final_report_status: FinalReportStatus | null;
  presentation_given: boolean;
  has_citytrainer_certificate: boolean;
  is_minor: boolean;
}

export interface PathFilter {
  cohortIds?: readonly string[];
  enrolmentIds?: readonly string[];
  userId?: string;
}

/**
 * Every enrolment of the municipality (or the filtered ones) with its path facts, step and open
 * requirements. A write that decides on these facts (issuing the certificate) passes its own
 * transaction, so it reads them under its locks.
 */
export async function listTraineePaths(municipalityId: MunicipalityId, filter: PathFilter = {}, executor: Executor = db()): Promise<TraineePath[]> {
  const where = buildWhere(municipalityId, filter);
  const today = todayInAmsterdam();
  const result = await executor.execute<Row & Record<string, unknown>>(sql`
    select e.id as enrolment_id, e.user_id, u.name, c.id as cohort_id, c.name as cohort_name, tv.name as track_name,
      (select array_agg(ccl.user_id) from cohort_course_leaders ccl where ccl.cohort_id = c.id) as course_leader_ids,
      a.status as application_status,
      e.status as enrolment_status,
      (c.starts_on <= ${today}::date) as course_started,
      exists (select 1 from certificates pc where pc.enrolment_id = e.id and pc.kind = 'participation' and pc.revoked_at is null) as has_participation_certificate,
      p.id as placement_id, p.status as placement_status, po.name as partner_name, p.supervisor_user_id,
      coalesce((select sum(extract(epoch from (h.ends_at - h.starts_at)) / 60)::int
                  from practice_hours h join placements hp on hp.id = h.placement_id
                 where hp.enrolment_id = e.id and h.status = 'signed_off'), 0) as signed_off_minutes,
      tv.practice_hours_target as target_hours,
      exists (select 1 from practice_activities pa where pa.placement_id = p.id and pa.evaluated_at is not null) as practice_activity_evaluated,
      (select fr.status from final_reports fr where fr.placement_id = p.id) as final_report_status,
      exists (select 1 from final_presentations fp where fp.placement_id = p.id and fp.given_at is not null) as presentation_given,
      exists (select 1 from certificates cc where cc.enrolment_id = e.id and cc.kind = 'citytrainer' and cc.revoked_at is null) as has_citytrainer_certificate,
      coalesce(a.date_of_birth > (${today}::date - interval '18 years'), false) as is_minor
    from enrolments e
    join users u on u.id = e.user_id
    join cohorts c on c.id = e.cohort_id
    join track_versions tv on tv.id = c.track_version_id
    left join applications a on a.id = e.application_id
    left join lateral (
      select pl.* from placements pl where pl.enrolment_id = e.id
       order by (pl.status in ('proposed', 'active')) desc, pl.created_at desc limit 1
    ) p on true
    left join partner_organisations po on po.id = p.partner_organisation_id
    where ${where}
    order by c.starts_on desc, u.name, e.id`);
  return result.rows.map(toPath);
}

/** `column in (…ids)`, false for no ids; ids that are no uuid match nothing (instead of failing the query). */
function inIds(column: SQL, ids: readonly string[]): SQL {
  const valid = ids.filter(isUuid);
  return valid.length ? sql`${column} in (${sql.join(valid.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
}

function buildWhere(municipalityId: MunicipalityId, filter: PathFilter): SQL {
  const parts: SQL[] = [sql`e.municipality_id = ${municipalityId}`];
  if (filter.cohortIds) parts.push(inIds(sql`e.cohort_id`, filter.cohortIds));
  if (filter.enrolmentIds) parts.push(inIds(sql`e.id`, filter.enrolmentIds));
  if (filter.userId) parts.push(sql`e.user_id = ${filter.userId}`);
  return sql.join(parts, sql` and `);
}

function toPath(row: Row): TraineePath {
  const facts: PathFacts = {
    applicationStatus: row.application_status,
    enrolmentStatus: row.enrolment_status,
    courseStarted: row.course_started,
    hasParticipationCertificate: row.has_participation_certificate,
    placementStatus: row.placement_status,
    signedOffMinutes: Number(row.signed_off_minutes),
    targetHours: Number(row.target_hours),
    practiceActivityEvaluated: row.practice_activity_evaluated,
    finalReportStatus: row.final_report_status,
    presentationGiven: row.presentation_given,
    hasCitytrainerCertificate: row.has_citytrainer_certificate,
  };
  return {
    ...facts,
    enrolmentId: row.enrolment_id,
    userId: row.user_id,
    name: row.name,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    trackName: row.track_name,
    courseLeaderIds: row.course_leader_ids ?? [],
    placementId: row.placement_id,
    partnerName: row.partner_name,
    supervisorUserId: row.supervisor_user_id,
    step: pipelineStep(facts),
    missing: missingRequirements(facts),
    isMinor: row.is_minor,
  };
}

/** Applications not (yet) admitted, by status, for the pipeline's first step (counts only: pending ones are not staff-visible). */
export async function countOpenApplications(municipalityId: MunicipalityId, filter: Pick<PathFilter, "cohortIds"> = {}): Promise<Partial<Record<ApplicationStatus, number>>> {
  const cohortFilter = filter.cohortIds ? sql`and ${inIds(sql`cohort_id`, filter.cohortIds)}` : sql``;
  const result = await db().execute<{ status: ApplicationStatus; n: number }>(sql`
    select status, count(*)::int as n from applications
     where municipality_id = ${municipalityId} and status in ('pending', 'submitted', 'intake_planned', 'waitlisted') ${cohortFilter}
     group by status`);
  return Object.fromEntries(result.rows.map((r) => [r.status, Number(r.n)]));
}
