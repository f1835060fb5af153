/**
 * The pipeline view: how many people stand at each step of the path (PIPELINE_STEPS), and who.
 * The first step counts open applications (never names: a pending application is not staff's to
 * see); the other steps come from the path facts of every enrolment (path-facts.server.ts), in
 * the cohorts the viewer may see.
 */
import { asc, desc, eq } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { cohortCourseLeaders, cohorts, type ApplicationStatus } from "~/lib/db/schema";
import { countOpenApplications, listTraineePaths, type TraineePath } from "./path-facts.server";
import { PIPELINE_STEPS, type PipelineStep } from "./requirements";

export interface PipelineCohort {
  id: string;
  name: string;
  municipalityId: string;
  courseLeaderIds: string[];
}

/** The municipality's cohorts with their course leaders, newest first (the filter's choices and the course leader's scope). */
export async function listPipelineCohorts(municipalityId: MunicipalityId): Promise<PipelineCohort[]> {
  const rows = await db()
    .select({ id: cohorts.id, name: cohorts.name, leaderId: cohortCourseLeaders.userId })
    .from(cohorts)
    .leftJoin(cohortCourseLeaders, eq(cohortCourseLeaders.cohortId, cohorts.id))
    .where(eq(cohorts.municipalityId, municipalityId))
    .orderBy(desc(cohorts.startsOn), asc(cohorts.name), asc(cohorts.id));
  const byId = new Map<string, PipelineCohort>();
  for (const row of rows) {
    const cohort = byId.get(row.id) ?? { id: row.id, name: row.name, municipalityId, courseLeaderIds: [] };
    if (row.leaderId) cohort.courseLeaderIds.push(row.leaderId);
    byId.set(row.id, cohort);
  }
  return [...byId.values()];
}

export interface Pipeline {
  counts: Record<PipelineStep, number>;
  /** The open applications behind the first step, by status. */
  applications: Partial<Record<ApplicationStatus, number>>;
  /** The people at each step after the first; those who left the path are not listed. */
  people: Record<Exclude<PipelineStep, "applied">, TraineePath[]>;
}

/** The pipeline of the municipality, or of the given cohorts only. */
export async function loadPipeline(municipalityId: MunicipalityId, cohortIds?: readonly string[]): Promise<Pipeline> {
  const filter = cohortIds ? { cohortIds } : {};
  const [paths, applications] = await Promise.all([listTraineePaths(municipalityId, filter), countOpenApplications(municipalityId, filter)]);
  const counts = Object.fromEntries(PIPELINE_STEPS.map((step) => [step, 0])) as Record<PipelineStep, number>;
  const people = Object.fromEntries(PIPELINE_STEPS.filter((s) => s !== "applied").map((step) => [step, [] as TraineePath[]])) as Pipeline["people"];
  counts.applied = Object.values(applications).reduce((sum, n) => sum + n, 0);
  for (const path of paths) {
    // An enrolment whose application is still open cannot happen after admission; it is counted, never named.
    if (path.step === null || path.step === "applied") {
      if (path.step === "applied") counts.applied += 1;
      continue;
    }
    counts[path.step] += 1;
    people[path.step].push(path);
  }
  return { counts, applications, people };
}
