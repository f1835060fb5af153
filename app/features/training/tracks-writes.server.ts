/**
 * Writes of tracks: the network's templates and the municipalities' own copies. Every write is
 * one transaction that first locks the draft it changes and checks that it belongs to the owner
 * the gate proved and is still a draft; the database triggers (migration 0007) refuse a change to
 * a published version as a second line, and that refusal is answered as a refusal, not a 500.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { MunicipalityId, NetworkScope } from "~/features/authorization/gate.server";
import { db, type Transaction } from "~/lib/db/client.server";
import { uniqueViolation } from "~/lib/db/errors";
import { competenceLevels, moduleMaterials, trackCompetences, trackModules, tracks, trackVersions } from "~/lib/db/schema";
import { refuse, type WriteResult } from "~/lib/write-result";
import type { StoredMaterial } from "./materials.server";
import { loadVersion, ownedBy, type TrackOwner, type TrackVersionDetail } from "./tracks-reads.server";
import type { CompetenceInput, ModuleInput, TrackFieldsInput } from "./tracks-schema";

class Refused extends Error {
  constructor(readonly refusal: ReturnType<typeof refuse>) {
    super(refusal.message);
  }
}

function pgCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 4; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate.code;
    current = candidate.cause;
  }
  return null;
}

/** Runs a write in one transaction; a refusal (ours or the database's) rolls everything back. */
async function write<T extends object>(work: (tx: Transaction) => Promise<T>): Promise<WriteResult<T>> {
  try {
    const result = await db().transaction(work);
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (uniqueViolation(error) === "track_versions_one_draft" || uniqueViolation(error) === "track_versions_number_unique") {
      return refuse("_form", "tracks.error.draftExists");
    }
    if (uniqueViolation(error) === "tracks_adopted_once") return refuse("_form", "tracks.error.alreadyAdopted");
    // The frozen-version triggers raise check_violation.
    if (pgCode(error) === "23514") return refuse("_form", "tracks.error.published");
    throw error;
  }
}

function fail(field: string, message: Parameters<typeof refuse>[1]): never {
  throw new Refused(refuse(field, message));
}

/** Locks the owner's track row, so version numbers and the one draft are decided one at a time. */
async function lockTrack(tx: Transaction, owner: TrackOwner, trackId: string) {
  const [track] = await tx
    .select()
    .from(tracks)
    .where(and(eq(tracks.id, trackId), ownedBy(owner)))
    .for("update");
  if (!track) fail("_form", "tracks.error.notFound");
  return track;
}

/** Locks the draft being edited: it must be this owner's track's version and still a draft. */
async function lockDraft(tx: Transaction, owner: TrackOwner, trackId: string, versionId: string) {
  await lockTrack(tx, owner, trackId);
  const [version] = await tx
    .select({ id: trackVersions.id, status: trackVersions.status, meetingCount: trackVersions.meetingCount })
    .from(trackVersions)
    .where(and(eq(trackVersions.id, versionId), eq(trackVersions.trackId, trackId)))
    .for("update");
  if (!version) fail("_form", "tracks.error.notFound");
  if (version.status !== "draft") fail("_form", "tracks.error.published");
  return version;
}

/** Gives the rows positions 1, 2, … in the order given (via a detour, as positions are unique). */
async function renumber(tx: Transaction, table: typeof trackCompetences | typeof trackModules, versionId: string, orderedIds: readonly string[]) {
  if (orderedIds.length === 0) return;
  await tx
    .update(table)
    .set({ position: sql`${table.position} + 10000` })
    .where(eq(table.trackVersionId, versionId));
  for (const [index, id] of orderedIds.entries()) {
    await tx
      .update(table)
      .set({ position: index + 1 })
      .where(and(eq(table.id, id), eq(table.trackVersionId, versionId)));
  }
}

async function idsInOrder(tx: Transaction, table: typeof trackCompetences | typeof trackModules, versionId: string): Promise<string[]> {
  const rows = await tx.select({ id: table.id }).from(table).where(eq(table.trackVersionId, versionId)).orderBy(asc(table.position));
  return rows.map((row) => row.id);
}

function moved(ids: string[], id: string, direction: "up" | "down"): string[] | null {
  const index = ids.indexOf(id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ids.length) return null;
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * Copies the parts of a version into another: competences with their levels, and the given
 * modules with their materials (the same stored files), each keeping its key.
 */
async function copyParts(tx: Transaction, targetVersionId: string, competences: TrackVersionDetail["competences"], modules: TrackVersionDetail["modules"]) {
  for (const [index, competence] of competences.entries()) {
    const [copy] = await tx
      .insert(trackCompetences)
      .values({ trackVersionId: targetVersionId, position: index + 1, name: competence.name, description: competence.description, key: competence.key })
      .returning({ id: trackCompetences.id });
    if (competence.levels.length > 0) {
      await tx.insert(competenceLevels).values(competence.levels.map((level) => ({ competenceId: copy!.id, ...level })));
    }
  }
  for (const [index, module] of modules.entries()) {
    const [copy] = await tx
      .insert(trackModules)
      .values({ trackVersionId: targetVersionId, position: index + 1, title: module.title, goal: module.goal, content: module.content, origin: module.origin, key: module.key })
      .returning({ id: trackModules.id });
    if (module.materials.length > 0) {
      await tx.insert(moduleMaterials).values(
        module.materials.map((material) => ({
          moduleId: copy!.id,
          fileName: material.fileName,
          contentType: material.contentType,
          byteSize: material.byteSize,
          storageKey: material.storageKey,
          uploadedBy: material.uploadedBy,
        })),
      );
    }
  }
}

/** The settings of a version as a new row copies them. */
function settingsOf(version: TrackVersionDetail) {
  return {
    name: version.name,
    description: version.description,
    minAge: version.minAge,
    maxAge: version.maxAge,
    guardianConsentBelowAge: version.guardianConsentBelowAge,
    meetingCount: version.meetingCount,
    meetingMinutes: version.meetingMinutes,
    followUpDays: version.followUpDays,
    followUpMinutes: version.followUpMinutes,
    practiceHoursTarget: version.practiceHoursTarget,
    completionMinMeetings: version.completionMinMeetings,
    completionRequiresAssessments: version.completionRequiresAssessments,
  };
}

async function latestPublished(tx: Transaction, trackId: string) {
  const [row] = await tx
    .select({ id: trackVersions.id })
    .from(trackVersions)
    .where(and(eq(trackVersions.trackId, trackId), eq(trackVersions.status, "published")))
    .orderBy(desc(trackVersions.version))
    .limit(1);
  return row ? loadVersion(tx, row.id) : null;
}

async function nextVersionNumber(tx: Transaction, trackId: string): Promise<number> {
  const [row] = await tx.select({ max: sql<number>`coalesce(max(${trackVersions.version}), 0)::int` }).from(trackVersions).where(eq(trackVersions.trackId, trackId));
  return (row?.max ?? 0) + 1;
}

async function hasDraft(tx: Transaction, trackId: string): Promise<boolean> {
  const [row] = await tx.select({ id: trackVersions.id }).from(trackVersions).where(and(eq(trackVersions.trackId, trackId), eq(trackVersions.status, "draft")));
  return row !== undefined;
}

// ---------------------------------------------------------------------------------------------
// The network's templates
// ---------------------------------------------------------------------------------------------

/** A new network track: version 1 as a draft with the default settings. */
export function createNetworkTrack(_network: NetworkScope, userId: string, input: { name: string }) {
  return write(async (tx) => {
    const [track] = await tx.insert(tracks).values({ createdBy: userId }).returning({ id: tracks.id });
    await tx.insert(trackVersions).values({ trackId: track!.id, version: 1, name: input.name, createdBy: userId });
    return { trackId: track!.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Editing a draft (network or municipality)
// ---------------------------------------------------------------------------------------------

export function saveTrackFields(owner: TrackOwner, trackId: string, input: TrackFieldsInput) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const { versionId, ...fields } = input;
    await tx.update(trackVersions).set(fields).where(eq(trackVersions.id, versionId));
    return {};
  });
}

export function saveCompetence(owner: TrackOwner, trackId: string, input: CompetenceInput) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    let competenceId = input.competenceId;
    if (competenceId) {
      const updated = await tx
        .update(trackCompetences)
        .set({ name: input.name, description: input.description })
        .where(and(eq(trackCompetences.id, competenceId), eq(trackCompetences.trackVersionId, input.versionId)))
        .returning({ id: trackCompetences.id });
      if (updated.length === 0) fail("_form", "tracks.error.notFound");
      await tx.delete(competenceLevels).where(eq(competenceLevels.competenceId, competenceId));
    } else {
      const ids = await idsInOrder(tx, trackCompetences, input.versionId);
      const [row] = await tx
        .insert(trackCompetences)
        .values({ trackVersionId: input.versionId, position: ids.length + 1, name: input.name, description: input.description })
        .returning({ id: trackCompetences.id });
      competenceId = row!.id;
    }
    await tx.insert(competenceLevels).values(input.levels.map((level) => ({ competenceId: competenceId!, ...level })));
    return { competenceId };
  });
}

export function removeCompetence(owner: TrackOwner, trackId: string, input: { versionId: string; id: string }) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const removed = await tx
      .delete(trackCompetences)
      .where(and(eq(trackCompetences.id, input.id), eq(trackCompetences.trackVersionId, input.versionId)))
      .returning({ id: trackCompetences.id });
    if (removed.length === 0) fail("_form", "tracks.error.notFound");
    await renumber(tx, trackCompetences, input.versionId, await idsInOrder(tx, trackCompetences, input.versionId));
    return {};
  });
}

export function moveCompetence(owner: TrackOwner, trackId: string, input: { versionId: string; id: string; direction: "up" | "down" }) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const order = moved(await idsInOrder(tx, trackCompetences, input.versionId), input.id, input.direction);
    if (!order) fail("_form", "tracks.error.cannotMove");
    await renumber(tx, trackCompetences, input.versionId, order);
    return {};
  });
}

export function saveModule(owner: TrackOwner, trackId: string, input: ModuleInput) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    if (input.moduleId) {
      const updated = await tx
        .update(trackModules)
        .set({ title: input.title, goal: input.goal, content: input.content })
        .where(and(eq(trackModules.id, input.moduleId), eq(trackModules.trackVersionId, input.versionId)))
        .returning({ id: trackModules.id });
      if (updated.length === 0) fail("_form", "tracks.error.notFound");
      return { moduleId: input.moduleId };
    }
    const ids = await idsInOrder(tx, trackModules, input.versionId);
    const [row] = await tx
      .insert(trackModules)
      .values({
        trackVersionId: input.versionId,
        position: ids.length + 1,
        title: input.title,
        goal: input.goal,
        content: input.content,
        // A municipality's own addition stays when it takes over a newer network version.
        origin: owner.kind === "municipality" ? "own" : "network",
      })
      .returning({ id: trackModules.id });
    return { moduleId: row!.id };
  });
}

export function removeModule(owner: TrackOwner, trackId: string, input: { versionId: string; id: string }) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const removed = await tx
      .delete(trackModules)
      .where(and(eq(trackModules.id, input.id), eq(trackModules.trackVersionId, input.versionId)))
      .returning({ id: trackModules.id });
    if (removed.length === 0) fail("_form", "tracks.error.notFound");
    await renumber(tx, trackModules, input.versionId, await idsInOrder(tx, trackModules, input.versionId));
    return {};
  });
}

export function moveModule(owner: TrackOwner, trackId: string, input: { versionId: string; id: string; direction: "up" | "down" }) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const order = moved(await idsInOrder(tx, trackModules, input.versionId), input.id, input.direction);
    if (!order) fail("_form", "tracks.error.cannotMove");
    await renumber(tx, trackModules, input.versionId, order);
    return {};
  });
}

/** Adds a stored file to a module of the draft. */
export function addMaterial(owner: TrackOwner, trackId: string, input: { versionId: string; id: string }, file: StoredMaterial, userId: string) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const [module] = await tx
      .select({ id: trackModules.id })
      .from(trackModules)
      .where(and(eq(trackModules.id, input.id), eq(trackModules.trackVersionId, input.versionId)));
    if (!module) fail("_form", "tracks.error.notFound");
    const [row] = await tx.insert(moduleMaterials).values({ moduleId: module.id, ...file, uploadedBy: userId }).returning({ id: moduleMaterials.id });
    return { materialId: row!.id };
  });
}

export function removeMaterial(owner: TrackOwner, trackId: string, input: { versionId: string; id: string }) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const moduleIds = tx.select({ id: trackModules.id }).from(trackModules).where(eq(trackModules.trackVersionId, input.versionId));
    const removed = await tx
      .delete(moduleMaterials)
      .where(and(eq(moduleMaterials.id, input.id), inArray(moduleMaterials.moduleId, moduleIds)))
      .returning({ id: moduleMaterials.id });
    if (removed.length === 0) fail("_form", "tracks.error.notFound");
    return {};
  });
}

// ---------------------------------------------------------------------------------------------
// Versions: publish, new draft, discard
// ---------------------------------------------------------------------------------------------

/** Publishes the draft with its change note; from then on it is frozen. */
export function publishDraft(owner: TrackOwner, trackId: string, input: { versionId: string; changeNote: string }, userId: string) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    const version = await loadVersion(tx, input.versionId);
    if (!version) fail("_form", "tracks.error.notFound");
    if (version.competences.length === 0) fail("_form", "tracks.error.noCompetences");
    if (version.modules.length === 0) fail("_form", "tracks.error.noModules");
    await tx
      .update(trackVersions)
      .set({ status: "published", changeNote: input.changeNote, publishedAt: new Date(), publishedBy: userId })
      .where(eq(trackVersions.id, input.versionId));
    return { version: version.version };
  });
}

/** A new draft: a copy of the newest published version, every part keeping its key. */
export function createDraft(owner: TrackOwner, trackId: string, userId: string) {
  return write(async (tx) => {
    const track = await lockTrack(tx, owner, trackId);
    if (await hasDraft(tx, track.id)) fail("_form", "tracks.error.draftExists");
    const source = await latestPublished(tx, track.id);
    if (!source) fail("_form", "tracks.error.notFound");
    const [draft] = await tx
      .insert(trackVersions)
      .values({
        trackId: track.id,
        municipalityId: track.municipalityId,
        version: await nextVersionNumber(tx, track.id),
        ...settingsOf(source),
        basedOnVersionId: source.basedOnVersionId,
        createdBy: userId,
      })
      .returning({ id: trackVersions.id });
    await copyParts(tx, draft!.id, source.competences, source.modules);
    return { versionId: draft!.id };
  });
}

/** Throws away the draft; only when a published version remains to fall back on. */
export function discardDraft(owner: TrackOwner, trackId: string, input: { versionId: string }) {
  return write(async (tx) => {
    await lockDraft(tx, owner, trackId, input.versionId);
    if (!(await latestPublished(tx, trackId))) fail("_form", "tracks.error.onlyVersion");
    await tx.delete(trackVersions).where(eq(trackVersions.id, input.versionId));
    return {};
  });
}

// ---------------------------------------------------------------------------------------------
// A municipality's own copy
// ---------------------------------------------------------------------------------------------

async function latestNetworkVersion(tx: Transaction, networkTrackId: string) {
  const [track] = await tx
    .select({ id: tracks.id })
    .from(tracks)
    .where(and(eq(tracks.id, networkTrackId), isNull(tracks.municipalityId), isNull(tracks.archivedAt)));
  if (!track) return null;
  return latestPublished(tx, track.id);
}

/**
 * Adopts a network track: the municipality's own track, whose version 1 is a draft copy of the
 * network's newest published version, to adapt and publish.
 */
export function adoptTrack(municipalityId: MunicipalityId, networkTrackId: string, userId: string) {
  return write(async (tx) => {
    const source = await latestNetworkVersion(tx, networkTrackId);
    if (!source) fail("_form", "tracks.error.notFound");
    const [track] = await tx.insert(tracks).values({ municipalityId, adoptedFromTrackId: networkTrackId, createdBy: userId }).returning({ id: tracks.id });
    const [version] = await tx
      .insert(trackVersions)
      .values({ trackId: track!.id, municipalityId, version: 1, ...settingsOf(source), basedOnVersionId: source.id, createdBy: userId })
      .returning({ id: trackVersions.id });
    await copyParts(tx, version!.id, source.competences, source.modules);
    return { trackId: track!.id };
  });
}

/** The network version a municipal copy may take over: the network's newest, newer than the copy's base. */
async function offeredNetworkVersion(tx: Transaction, track: typeof tracks.$inferSelect, networkVersionId: string) {
  if (!track.adoptedFromTrackId) fail("_form", "tracks.error.notFound");
  const newest = await latestNetworkVersion(tx, track.adoptedFromTrackId);
  if (!newest || newest.id !== networkVersionId) fail("_form", "tracks.error.updateGone");
  const current = await tx
    .select({ basedOn: trackVersions.basedOnVersionId })
    .from(trackVersions)
    .where(eq(trackVersions.trackId, track.id))
    .orderBy(desc(trackVersions.version))
    .limit(1);
  const basedOnId = current[0]?.basedOn;
  const [basedOn] = basedOnId ? await tx.select({ version: trackVersions.version }).from(trackVersions).where(eq(trackVersions.id, basedOnId)) : [];
  if (basedOn && basedOn.version >= newest.version) fail("_form", "tracks.error.updateGone");
  return newest;
}

/**
 * Takes over the network's newer version: a new municipal draft with the network's new content,
 * and the municipality's own modules (origin "own") kept after the network's, with their materials.
 * A copy that was never published has only a draft: that draft is replaced (its own modules kept).
 */
export function takeOverNetworkVersion(municipalityId: MunicipalityId, trackId: string, networkVersionId: string, userId: string) {
  const owner: TrackOwner = { kind: "municipality", municipalityId };
  return write(async (tx) => {
    const track = await lockTrack(tx, owner, trackId);
    const network = await offeredNetworkVersion(tx, track, networkVersionId);
    const published = await latestPublished(tx, track.id);
    let own = published;
    if (await hasDraft(tx, track.id)) {
      // A draft next to a published version is work in progress: it is not thrown away unasked.
      if (published) fail("_form", "tracks.error.draftExistsTakeOver");
      // A copy that was never published: its draft makes way, its own modules come along.
      const [draft] = await tx.select({ id: trackVersions.id }).from(trackVersions).where(and(eq(trackVersions.trackId, track.id), eq(trackVersions.status, "draft")));
      own = await loadVersion(tx, draft!.id);
      await tx.delete(trackVersions).where(eq(trackVersions.id, draft!.id));
    }
    const ownModules = (own?.modules ?? []).filter((module) => module.origin === "own");
    const networkModules = network.modules.filter((module) => !ownModules.some((o) => o.key === module.key));
    const [draft] = await tx
      .insert(trackVersions)
      .values({
        trackId: track.id,
        municipalityId,
        version: await nextVersionNumber(tx, track.id),
        ...settingsOf(network),
        basedOnVersionId: network.id,
        createdBy: userId,
      })
      .returning({ id: trackVersions.id });
    await copyParts(tx, draft!.id, network.competences, [...networkModules, ...ownModules]);
    await tx.update(tracks).set({ declinedNetworkVersionId: null }).where(eq(tracks.id, track.id));
    return { versionId: draft!.id };
  });
}

/** "Not now": the offer of this network version stays quiet until the network publishes another. */
export function declineNetworkVersion(municipalityId: MunicipalityId, trackId: string, networkVersionId: string) {
  const owner: TrackOwner = { kind: "municipality", municipalityId };
  return write(async (tx) => {
    const track = await lockTrack(tx, owner, trackId);
    await offeredNetworkVersion(tx, track, networkVersionId);
    await tx.update(tracks).set({ declinedNetworkVersionId: networkVersionId }).where(eq(tracks.id, track.id));
    return {};
  });
}
