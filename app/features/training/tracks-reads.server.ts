/**
 * Reads of tracks (curriculum templates): the network's templates, and each municipality's own
 * copies. Municipal reads take the municipality scope from the gate; network reads take the
 * network scope.
 */
import { and, asc, desc, eq, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { MunicipalityId, NetworkScope } from "~/features/authorization/gate.server";
import { db, type Executor } from "~/lib/db/client.server";
import { cohorts, competenceLevels, moduleMaterials, trackCompetences, trackModules, tracks, trackVersions } from "~/lib/db/schema";
import { isUuid } from "~/lib/validation";
import { diffTrackVersions, TRACK_DIFF_FIELDS, type TrackFields, type TrackSnapshot } from "./track-diff";

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

// ---------------------------------------------------------------------------------------------
// Whose track: the network's, or a municipality's own copy
// ---------------------------------------------------------------------------------------------

/** The owner of a track, as the gate proved it: the network (coordinator) or one municipality. */
export type TrackOwner = { kind: "network"; network: NetworkScope } | { kind: "municipality"; municipalityId: MunicipalityId };

export function ownedBy(owner: TrackOwner): SQL {
  return owner.kind === "network" ? isNull(tracks.municipalityId) : eq(tracks.municipalityId, owner.municipalityId);
}

// Drizzle leaves columns unqualified in a one-table select, and inside a subquery "id" would then
// mean the subquery's own id: the outer track is named in full.
const trackRef = sql.raw(`"tracks"."id"`);
const adoptedFromRef = sql.raw(`"tracks"."adopted_from_track_id"`);

const latestVersion = sql<number>`(select max(v.version)::int from ${trackVersions} v where v.track_id = ${trackRef})`;
const latestPublishedVersion = sql<number | null>`(select max(v.version)::int from ${trackVersions} v where v.track_id = ${trackRef} and v.status = 'published')`;
const hasDraft = sql<boolean>`exists (select 1 from ${trackVersions} v where v.track_id = ${trackRef} and v.status = 'draft')`;
const currentName = sql<string>`(select v.name from ${trackVersions} v where v.track_id = ${trackRef} order by v.version desc limit 1)`;

/** The network's tracks with their newest version. */
export async function listNetworkTracks(_network: NetworkScope) {
  return db()
    .select({
      id: tracks.id,
      name: currentName,
      latestVersion,
      latestPublishedVersion,
      hasDraft,
      adoptions: sql<number>`(select count(*)::int from ${tracks} t where t.adopted_from_track_id = ${trackRef})`,
    })
    .from(tracks)
    .where(and(isNull(tracks.municipalityId), isNull(tracks.archivedAt)))
    .orderBy(asc(currentName), asc(tracks.id));
}

/** The municipality's own tracks, each with whether the network has published a newer version than the copy is based on. */
export async function listMunicipalTracks(municipalityId: MunicipalityId) {
  const rows = await db()
    .select({
      id: tracks.id,
      name: currentName,
      latestVersion,
      latestPublishedVersion,
      hasDraft,
      declinedNetworkVersionId: tracks.declinedNetworkVersionId,
      basedOnVersion: sql<number | null>`(select b.version from ${trackVersions} v join ${trackVersions} b on b.id = v.based_on_version_id
        where v.track_id = ${trackRef} order by v.version desc limit 1)`,
      networkVersion: sql<number | null>`(select max(n.version)::int from ${trackVersions} n where n.track_id = ${adoptedFromRef} and n.status = 'published')`,
      networkVersionId: sql<string | null>`(select n.id from ${trackVersions} n where n.track_id = ${adoptedFromRef} and n.status = 'published' order by n.version desc limit 1)`,
    })
    .from(tracks)
    .where(and(eq(tracks.municipalityId, municipalityId), isNull(tracks.archivedAt)))
    .orderBy(asc(currentName), asc(tracks.id));
  return rows.map((row) => ({
    ...row,
    networkUpdate:
      row.networkVersion !== null && row.basedOnVersion !== null && row.networkVersion > row.basedOnVersion && row.networkVersionId !== row.declinedNetworkVersionId
        ? row.networkVersion
        : null,
  }));
}

/** Network tracks with a published version that this municipality has not adopted yet. */
export async function listAdoptableNetworkTracks(municipalityId: MunicipalityId) {
  const rows = await db()
    .select({
      id: tracks.id,
      version: trackVersions.version,
      name: trackVersions.name,
      description: trackVersions.description,
      minAge: trackVersions.minAge,
      maxAge: trackVersions.maxAge,
      meetingCount: trackVersions.meetingCount,
    })
    .from(tracks)
    .innerJoin(
      trackVersions,
      and(
        eq(trackVersions.trackId, tracks.id),
        sql`${trackVersions.version} = (select max(v.version) from ${trackVersions} v where v.track_id = ${trackRef} and v.status = 'published')`,
      ),
    )
    .where(
      and(
        isNull(tracks.municipalityId),
        isNull(tracks.archivedAt),
        sql`not exists (select 1 from ${tracks} own where own.municipality_id = ${municipalityId} and own.adopted_from_track_id = ${trackRef})`,
      ),
    )
    .orderBy(asc(trackVersions.name), asc(tracks.id));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// One track with its versions
// ---------------------------------------------------------------------------------------------

/** The full content of one version: settings, competences with levels, modules with materials. */
export async function loadVersion(executor: Executor, versionId: string) {
  const [version] = await executor.select().from(trackVersions).where(eq(trackVersions.id, versionId));
  if (!version) return null;
  const competenceRows = await executor.select().from(trackCompetences).where(eq(trackCompetences.trackVersionId, versionId)).orderBy(asc(trackCompetences.position));
  const levelRows =
    competenceRows.length === 0
      ? []
      : await executor
          .select()
          .from(competenceLevels)
          .where(inArray(competenceLevels.competenceId, competenceRows.map((c) => c.id)))
          .orderBy(asc(competenceLevels.level));
  const moduleRows = await executor.select().from(trackModules).where(eq(trackModules.trackVersionId, versionId)).orderBy(asc(trackModules.position));
  const materialRows =
    moduleRows.length === 0
      ? []
      : await executor
          .select()
          .from(moduleMaterials)
          .where(inArray(moduleMaterials.moduleId, moduleRows.map((m) => m.id)))
          .orderBy(asc(moduleMaterials.createdAt), asc(moduleMaterials.fileName));
  return {
    ...version,
    competences: competenceRows.map((competence) => ({
      ...competence,
      levels: levelRows.filter((level) => level.competenceId === competence.id).map(({ level, name, description }) => ({ level, name, description })),
    })),
    modules: moduleRows.map((module) => ({
      ...module,
      materials: materialRows.filter((material) => material.moduleId === module.id),
    })),
  };
}
export type TrackVersionDetail = NonNullable<Awaited<ReturnType<typeof loadVersion>>>;

/** A version as the diff compares it. */
export function snapshotOf(version: TrackVersionDetail): TrackSnapshot {
  const fields = Object.fromEntries(TRACK_DIFF_FIELDS.map((field) => [field, version[field]])) as TrackFields;
  return {
    fields,
    competences: version.competences.map((c) => ({ key: c.key, name: c.name, description: c.description, levels: c.levels })),
    modules: version.modules.map((m) => ({
      key: m.key,
      title: m.title,
      goal: m.goal,
      content: m.content,
      origin: m.origin,
      materials: m.materials.map((material) => ({ fileName: material.fileName, storageKey: material.storageKey })),
    })),
  };
}

/**
 * One track of this owner with its versions, its draft and newest published version in full,
 * and for a municipality's copy the newer network version it could take over (with what
 * changed). Null when the track is not this owner's.
 */
export async function findTrack(owner: TrackOwner, trackId: string) {
  if (!isUuid(trackId)) return null;
  const [track] = await db()
    .select()
    .from(tracks)
    .where(and(eq(tracks.id, trackId), ownedBy(owner), isNull(tracks.archivedAt)));
  if (!track) return null;
  const versions = await db()
    .select({
      id: trackVersions.id,
      version: trackVersions.version,
      status: trackVersions.status,
      name: trackVersions.name,
      changeNote: trackVersions.changeNote,
      publishedAt: trackVersions.publishedAt,
      basedOnVersionId: trackVersions.basedOnVersionId,
      cohorts: sql<number>`(select count(*)::int from ${cohorts} c where c.track_version_id = ${sql.raw(`"track_versions"."id"`)})`,
    })
    .from(trackVersions)
    .where(eq(trackVersions.trackId, track.id))
    .orderBy(desc(trackVersions.version));
  const draftRow = versions.find((v) => v.status === "draft");
  const publishedRow = versions.find((v) => v.status === "published");
  const draft = draftRow ? await loadVersion(db(), draftRow.id) : null;
  const latestPublished = publishedRow ? await loadVersion(db(), publishedRow.id) : null;
  const current = draft ?? latestPublished;
  return { track, versions, draft, latestPublished, networkUpdate: await findNetworkUpdate(track, current) };
}
export type TrackDetail = NonNullable<Awaited<ReturnType<typeof findTrack>>>;

/**
 * For a municipality's copy: the network's newest published version when it is newer than the
 * one the copy's current version is based on, with what changed and the change notes in between.
 */
async function findNetworkUpdate(track: typeof tracks.$inferSelect, current: TrackVersionDetail | null) {
  if (!track.adoptedFromTrackId || !current?.basedOnVersionId) return null;
  const basedOn = await loadVersion(db(), current.basedOnVersionId);
  if (!basedOn) return null;
  const newer = await db()
    .select({ id: trackVersions.id, version: trackVersions.version, changeNote: trackVersions.changeNote, publishedAt: trackVersions.publishedAt })
    .from(trackVersions)
    .where(and(eq(trackVersions.trackId, track.adoptedFromTrackId), eq(trackVersions.status, "published"), gt(trackVersions.version, basedOn.version)))
    .orderBy(desc(trackVersions.version));
  const newest = newer[0];
  if (!newest) return null;
  const latest = await loadVersion(db(), newest.id);
  if (!latest) return null;
  return {
    basedOnVersion: basedOn.version,
    version: newest.version,
    versionId: newest.id,
    name: latest.name,
    declined: track.declinedNetworkVersionId === newest.id,
    notes: newer.map(({ version, changeNote }) => ({ version, changeNote })),
    diff: diffTrackVersions(snapshotOf(basedOn), snapshotOf(latest)),
  };
}

/** A material of a module of one of this owner's tracks (any version), for download. */
export async function findMaterial(owner: TrackOwner, trackId: string, materialId: string) {
  if (!isUuid(trackId) || !isUuid(materialId)) return null;
  const [row] = await db()
    .select({ fileName: moduleMaterials.fileName, contentType: moduleMaterials.contentType, storageKey: moduleMaterials.storageKey, byteSize: moduleMaterials.byteSize })
    .from(moduleMaterials)
    .innerJoin(trackModules, eq(trackModules.id, moduleMaterials.moduleId))
    .innerJoin(trackVersions, eq(trackVersions.id, trackModules.trackVersionId))
    .innerJoin(tracks, eq(tracks.id, trackVersions.trackId))
    .where(and(eq(moduleMaterials.id, materialId), eq(tracks.id, trackId), ownedBy(owner)));
  return row ?? null;
}
