/**
 * Reads of the privacy core: who looked at a person's data (for the person, and for the
 * municipality's project leader), and erasure requests. Which requests a project leader sees: those
 * of people who have data in their municipality; requests of people without any municipal data go
 * to the network coordinator (docs/decisions/026-privacy-core.md).
 */
import { sql, type SQL } from "drizzle-orm";
import type { MunicipalityId, NetworkScope } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import type { AuditAction, AuditedResource, ErasureRequestStatus } from "~/lib/db/schema";

export interface OwnAccessEntry {
  id: number;
  at: Date;
  actorName: string | null;
  actorRole: string;
  isSelf: boolean;
  resource: AuditedResource;
  action: AuditAction;
  municipalityName: string | null;
}

/** Who looked at my data: the access-log rows about my account or my applications, newest first. */
export async function listOwnAccessLog(userId: string, limit = 200): Promise<OwnAccessEntry[]> {
  const result = await db().execute(sql`
    select l.id, l.at, actor.name as actor_name, l.actor_role, (l.actor_user_id = ${userId}) as is_self, l.resource, l.action, m.name as municipality_name
    from personal_data_access_log l
    left join users actor on actor.id = l.actor_user_id
    left join municipalities m on m.id = l.municipality_id
    where l.subject_user_id = ${userId}
       or l.subject_application_id in (select a.id from applications a where a.user_id = ${userId})
    order by l.at desc, l.id desc
    limit ${limit}`);
  return (result.rows as Record<string, unknown>[]).map((row) => ({
    id: Number(row.id),
    at: new Date(row.at as string),
    actorName: (row.actor_name as string | null) ?? null,
    actorRole: row.actor_role as string,
    isSelf: row.is_self === true,
    resource: row.resource as AuditedResource,
    action: row.action as AuditAction,
    municipalityName: (row.municipality_name as string | null) ?? null,
  }));
}

export interface ErasureRequestView {
  id: string;
  status: ErasureRequestStatus;
  reason: string;
  requestedAt: Date;
  handledAt: Date | null;
  handlerNote: string;
}

export async function listOwnErasureRequests(userId: string): Promise<ErasureRequestView[]> {
  const result = await db().execute(sql`
    select id, status, reason, created_at, handled_at, handler_note from erasure_requests where user_id = ${userId} order by created_at desc`);
  return (result.rows as Record<string, unknown>[]).map(toRequestView);
}

function toRequestView(row: Record<string, unknown>): ErasureRequestView {
  return {
    id: row.id as string,
    status: row.status as ErasureRequestStatus,
    reason: row.reason as string,
    requestedAt: new Date(row.created_at as string),
    handledAt: row.handled_at ? new Date(row.handled_at as string) : null,
    handlerNote: row.handler_note as string,
  };
}

/**
 * The person `userColumn` has data in municipality `municipalityId`: a role there, an application,
 * a place in a cohort, a sign-up (also one made with their address without an account), a consent.
 */
export function hasDataInMunicipality(userColumn: SQL, municipalityId: SQL): SQL {
  return sql`(
    exists (select 1 from memberships x where x.user_id = ${userColumn} and x.municipality_id = ${municipalityId})
    or exists (select 1 from membership_removals x where x.user_id = ${userColumn} and x.municipality_id = ${municipalityId})
    or exists (select 1 from enrolments x where x.user_id = ${userColumn} and x.municipality_id = ${municipalityId})
    or exists (select 1 from cohort_course_leaders x where x.user_id = ${userColumn} and x.municipality_id = ${municipalityId})
    or exists (select 1 from consent_records x where x.subject_user_id = ${userColumn} and x.municipality_id = ${municipalityId})
    or exists (select 1 from certificates x where x.user_id = ${userColumn} and x.municipality_id = ${municipalityId})
    or exists (select 1 from applications x where x.municipality_id = ${municipalityId}
               and (x.user_id = ${userColumn} or lower(x.email) = (select lower(u.email) from users u where u.id = ${userColumn})))
    or exists (select 1 from registrations x where x.municipality_id = ${municipalityId}
               and (x.user_id = ${userColumn} or lower(x.email) = (select lower(u.email) from users u where u.id = ${userColumn})))
  )`;
}

/** The person has data in no municipality at all (only an account): their request is the network coordinator's. */
function hasNoMunicipalData(userColumn: SQL): SQL {
  return sql`not exists (select 1 from municipalities mm where ${hasDataInMunicipality(userColumn, sql`mm.id`)})`;
}

export interface PendingErasureRequest extends ErasureRequestView {
  userId: string;
  name: string;
  email: string;
}

function toPending(row: Record<string, unknown>): PendingErasureRequest {
  return { ...toRequestView(row), userId: row.user_id as string, name: row.name as string, email: row.email as string };
}

/** Open requests of people with data in this municipality, oldest first. */
export async function listMunicipalErasureRequests(municipalityId: MunicipalityId): Promise<PendingErasureRequest[]> {
  const result = await db().execute(sql`
    select r.*, u.name, u.email from erasure_requests r join users u on u.id = r.user_id
    where r.status = 'pending' and ${hasDataInMunicipality(sql`r.user_id`, sql`${municipalityId}::uuid`)}
    order by r.created_at`);
  return (result.rows as Record<string, unknown>[]).map(toPending);
}

/** Open requests of people without data in any municipality: the network coordinator handles them. */
export async function listNetworkErasureRequests(_network: NetworkScope): Promise<PendingErasureRequest[]> {
  const result = await db().execute(sql`
    select r.*, u.name, u.email from erasure_requests r join users u on u.id = r.user_id
    where r.status = 'pending' and ${hasNoMunicipalData(sql`r.user_id`)}
    order by r.created_at`);
  return (result.rows as Record<string, unknown>[]).map(toPending);
}

/** Where an erasure request may be handled: by a municipality's project leader, or by the network coordinator. */
export type ErasureHandlerScope = { kind: "municipality"; municipalityId: MunicipalityId } | { kind: "network"; network: NetworkScope };

/** One open request the scope may handle, locked for the transaction when `executor` is one. */
export async function findHandleableErasureRequest(executor: Executor, scope: ErasureHandlerScope, requestId: string, options: { lock: boolean }) {
  const allowed =
    scope.kind === "municipality" ? hasDataInMunicipality(sql`r.user_id`, sql`${scope.municipalityId}::uuid`) : hasNoMunicipalData(sql`r.user_id`);
  const result = await executor.execute(sql`
    select r.*, u.name, u.email, u.locale from erasure_requests r join users u on u.id = r.user_id
    where r.id = ${requestId} and r.status = 'pending' and ${allowed}
    ${options.lock ? sql`for update of r` : sql``}`);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  return row ? { ...toPending(row), locale: row.locale === "en" ? ("en" as const) : ("nl" as const) } : null;
}

export interface MunicipalAccessEntry {
  id: number;
  at: Date;
  actorName: string | null;
  actorRole: string;
  subjectName: string | null;
  /** The row's subject was erased (or the row is about an erasure, which never names anyone). */
  isSubjectErased: boolean;
  resource: AuditedResource;
  action: AuditAction;
}

export interface AccessLogFilter {
  /** Part of the name or email address of the person whose data was opened. */
  person?: string;
  resource?: AuditedResource;
  /** Keyset pagination, newest first: rows after the row with this id. */
  before?: number;
}

export const ACCESS_LOG_PAGE_SIZE = 50;

/** The municipality's access log, newest first, one page; `nextBefore` continues it. */
export async function listMunicipalAccessLog(
  municipalityId: MunicipalityId,
  filter: AccessLogFilter,
): Promise<{ entries: MunicipalAccessEntry[]; nextBefore: number | null }> {
  const conditions: SQL[] = [sql`l.municipality_id = ${municipalityId}`];
  if (filter.resource) conditions.push(sql`l.resource = ${filter.resource}`);
  // Keyset on (at, id): the cursor is the id of the last row shown, its time read back here.
  if (filter.before) conditions.push(sql`(l.at, l.id) < (select c.at, c.id from personal_data_access_log c where c.id = ${filter.before})`);
  if (filter.person) {
    const like = `%${filter.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(subject.name ilike ${like} or subject.email ilike ${like} or app.name ilike ${like} or app.email ilike ${like})`);
  }
  const result = await db().execute(sql`
    select l.id, l.at, actor.name as actor_name, l.actor_role, coalesce(subject.name, app.name) as subject_name,
           (l.subject_user_id is null and l.subject_application_id is null) as is_erased, l.resource, l.action
    from personal_data_access_log l
    left join users actor on actor.id = l.actor_user_id
    left join users subject on subject.id = l.subject_user_id
    left join applications app on app.id = l.subject_application_id
    where ${sql.join(conditions, sql` and `)}
    order by l.at desc, l.id desc
    limit ${ACCESS_LOG_PAGE_SIZE + 1}`);
  const rows = result.rows as Record<string, unknown>[];
  const entries = rows.slice(0, ACCESS_LOG_PAGE_SIZE).map((row) => ({
    id: Number(row.id),
    at: new Date(row.at as string),
    actorName: (row.actor_name as string | null) ?? null,
    actorRole: row.actor_role as string,
    subjectName: (row.subject_name as string | null) ?? null,
    isSubjectErased: row.is_erased === true,
    resource: row.resource as AuditedResource,
    action: row.action as AuditAction,
  }));
  return { entries, nextBefore: rows.length > ACCESS_LOG_PAGE_SIZE ? entries[entries.length - 1]!.id : null };
}
