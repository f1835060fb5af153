/**
 * Reads of cohorts (course groups) and their sessions. Every query of municipal data takes the
 * municipality scope from the gate.
 */
import { and, asc, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { cohorts, trackVersions } from "~/lib/db/schema";
import { MUNICIPAL_TIME_ZONE, utcToZonedLocal } from "~/lib/time";

/** Today's date in Europe/Amsterdam ("2026-12-01"). */
export function todayInAmsterdam(now: Date = new Date()): string {
  return utcToZonedLocal(now, MUNICIPAL_TIME_ZONE).date;
}

/**
 * The cohorts a resident can apply for now: published, and today (Europe/Amsterdam) within the
 * application period. For the municipality's public page.
 */
export async function listOpenCohorts(municipalityId: MunicipalityId, now: Date = new Date()) {
  const today = todayInAmsterdam(now);
  return db()
    .select({
      id: cohorts.id,
      name: cohorts.name,
      location: cohorts.location,
      startsOn: cohorts.startsOn,
      applicationsCloseOn: cohorts.applicationsCloseOn,
      maxSize: cohorts.maxSize,
      admittedCount: cohorts.admittedCount,
      placesLeft: sql<number>`greatest(${cohorts.maxSize} - ${cohorts.admittedCount}, 0)::int`,
      trackName: trackVersions.name,
      minAge: trackVersions.minAge,
      maxAge: trackVersions.maxAge,
    })
    .from(cohorts)
    .innerJoin(trackVersions, eq(trackVersions.id, cohorts.trackVersionId))
    .where(
      and(
        eq(cohorts.municipalityId, municipalityId),
        isNotNull(cohorts.publishedAt),
        sql`${cohorts.finishedAt} is null`,
        lte(cohorts.applicationsOpenOn, today),
        gte(cohorts.applicationsCloseOn, today),
      ),
    )
    .orderBy(asc(cohorts.startsOn), asc(cohorts.name), asc(cohorts.id));
}
export type OpenCohort = Awaited<ReturnType<typeof listOpenCohorts>>[number];
