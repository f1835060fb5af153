/**
 * The log of staff access to personal data: every time staff open a trainee's or applicant's
 * personal page (application, intake notes, development plan, assessments) a row says who, what,
 * whose and when. Written in the loader that reads the data, so a page view without a log row
 * cannot happen. The municipality's project leader reads it, and so does the person.
 */
import type { Executor } from "~/lib/db/client.server";
import { personalDataAccessLog, type AuditAction, type AuditedResource, type Role } from "~/lib/db/schema";
import type { Actor } from "~/features/authorization/policy";

export interface AccessEntry {
  actor: Actor;
  municipalityId: string;
  subject: { userId?: string | null; applicationId?: string | null };
  resource: AuditedResource;
  action?: AuditAction;
}

/** The role that gave the actor access in this municipality, as shown in the log. */
function roleIn(actor: Actor, municipalityId: string): Role | "network_coordinator" {
  const order: Role[] = ["project_leader", "course_leader", "practice_supervisor", "partner_contact", "network_coordinator"];
  for (const role of order) {
    if (actor.memberships.some((m) => m.role === role && (m.municipalityId === municipalityId || role === "network_coordinator"))) return role;
  }
  return "network_coordinator";
}

export async function logPersonalDataAccess(executor: Executor, entry: AccessEntry): Promise<void> {
  await executor.insert(personalDataAccessLog).values({
    municipalityId: entry.municipalityId,
    actorUserId: entry.actor.userId,
    actorRole: roleIn(entry.actor, entry.municipalityId),
    subjectUserId: entry.subject.userId ?? null,
    subjectApplicationId: entry.subject.applicationId ?? null,
    resource: entry.resource,
    action: entry.action ?? "view",
  });
}

/** One log row per person for a list page that shows several people's data (e.g. the minors on a ceremony page). */
export async function logPersonalDataAccessForEach(
  executor: Executor,
  entry: Omit<AccessEntry, "subject"> & { subjectUserIds: readonly string[] },
): Promise<void> {
  const userIds = [...new Set(entry.subjectUserIds)];
  if (userIds.length === 0) return;
  await executor.insert(personalDataAccessLog).values(
    userIds.map((userId) => ({
      municipalityId: entry.municipalityId,
      actorUserId: entry.actor.userId,
      actorRole: roleIn(entry.actor, entry.municipalityId),
      subjectUserId: userId,
      resource: entry.resource,
      action: entry.action ?? "view",
    })),
  );
}
