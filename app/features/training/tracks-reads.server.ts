/**
 * Reads of tracks (curriculum templates): the network's templates, and each municipality's own
 * copies. Municipal reads take the municipality scope from the gate; network reads take the
 * network scope.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { db } from "~/lib/db/client.server";
import { tracks, trackVersions } from "~/lib/db/schema";

/**
 * The published versions of this municipality's tracks, newest version first per track: the
 * versions a cohort may follow (drafts and network templates never).
 */
export async function listPublishedTrackVersions(municipalityId: MunicipalityId) {
  return db()
    .select({
      id: trackVersions.id,
      trackId: trackVersions.trackId,
      name: trackVersions.name,
      version: trackVersions.version,
      meetingCount: trackVersions.meetingCount,
      meetingMinutes: trackVersions.meetingMinutes,
      followUpDays: trackVersions.followUpDays,
      followUpMinutes: trackVersions.followUpMinutes,
      minAge: trackVersions.minAge,
      maxAge: trackVersions.maxAge,
    })
    .from(trackVersions)
    .innerJoin(tracks, eq(tracks.id, trackVersions.trackId))
    .where(and(eq(trackVersions.municipalityId, municipalityId), eq(tracks.municipalityId, municipalityId), eq(trackVersions.status, "published")))
    .orderBy(asc(trackVersions.name), desc(trackVersions.version));
}
export type PublishedTrackVersion = Awaited<ReturnType<typeof listPublishedTrackVersions>>[number];
