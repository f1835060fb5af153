/**
 * What changed between two versions of a track, as a pure function. Competences and modules are
 * matched by their `key` (kept across versions), so a renamed module is "changed", not "removed
 * and added"; the settings are compared field by field.
 */

export const TRACK_DIFF_FIELDS = [
  "name",
  "description",
  "minAge",
  "maxAge",
  "guardianConsentBelowAge",
  "meetingCount",
  "meetingMinutes",
  "followUpDays",
  "followUpMinutes",
  "practiceHoursTarget",
  "completionMinMeetings",
  "completionRequiresAssessments",
] as const;
export type TrackDiffField = (typeof TRACK_DIFF_FIELDS)[number];

export type TrackFields = { [Field in TrackDiffField]: Field extends "name" | "description" ? string : Field extends "maxAge" ? number | null : Field extends "completionRequiresAssessments" ? boolean : number };

export interface SnapshotLevel {
  level: number;
  name: string;
  description: string;
}

export interface SnapshotCompetence {
  key: string;
  name: string;
  description: string;
  levels: readonly SnapshotLevel[];
}

export interface SnapshotModule {
  key: string;
  title: string;
  goal: string;
  content: string;
  origin: "network" | "own";
  materials: readonly { fileName: string; storageKey: string }[];
}

/** The content of one version, as the diff compares it. */
export interface TrackSnapshot {
  fields: TrackFields;
  competences: readonly SnapshotCompetence[];
  modules: readonly SnapshotModule[];
}

export interface FieldChange {
  field: TrackDiffField;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}

export type CompetencePart = "name" | "description" | "levels" | "position";
export type ModulePart = "title" | "goal" | "content" | "materials" | "position";

export interface PartChange<Part> {
  key: string;
  /** The name (competence) or title (module) in the newer version. */
  name: string;
  previousName: string;
  parts: Part[];
}

export interface TrackDiff {
  fields: FieldChange[];
  competences: { added: { key: string; name: string }[]; removed: { key: string; name: string }[]; changed: PartChange<CompetencePart>[] };
  modules: { added: { key: string; name: string }[]; removed: { key: string; name: string }[]; changed: PartChange<ModulePart>[] };
}

function sameLevels(a: readonly SnapshotLevel[], b: readonly SnapshotLevel[]): boolean {
  return a.length === b.length && a.every((level, index) => level.level === b[index]!.level && level.name === b[index]!.name && level.description === b[index]!.description);
}

function sameMaterials(a: SnapshotModule["materials"], b: SnapshotModule["materials"]): boolean {
  const names = (list: SnapshotModule["materials"]) => list.map((m) => `${m.storageKey}\u0000${m.fileName}`).sort().join("\u0001");
  return names(a) === names(b);
}

function diffParts<Item extends { key: string }, Part extends string>(
  before: readonly Item[],
  after: readonly Item[],
  nameOf: (item: Item) => string,
  changedParts: (previous: Item, next: Item) => Part[],
) {
  const previousByKey = new Map(before.map((item, index) => [item.key, { item, index }]));
  const nextKeys = new Set(after.map((item) => item.key));
  const added: { key: string; name: string }[] = [];
  const changed: PartChange<Part | "position">[] = [];
  // Positions are compared among the parts both versions share, so adding one part at the top
  // does not mark every other part as moved.
  const sharedBefore = before.filter((item) => nextKeys.has(item.key)).map((item) => item.key);
  const sharedAfter = after.filter((item) => previousByKey.has(item.key)).map((item) => item.key);
  for (const item of after) {
    const previous = previousByKey.get(item.key);
    if (!previous) {
      added.push({ key: item.key, name: nameOf(item) });
      continue;
    }
    const parts: (Part | "position")[] = changedParts(previous.item, item);
    if (sharedBefore.indexOf(item.key) !== sharedAfter.indexOf(item.key)) parts.push("position");
    if (parts.length > 0) changed.push({ key: item.key, name: nameOf(item), previousName: nameOf(previous.item), parts });
  }
  const removed = before.filter((item) => !nextKeys.has(item.key)).map((item) => ({ key: item.key, name: nameOf(item) }));
  return { added, removed, changed };
}

/** What changed from `before` to `after`. */
export function diffTrackVersions(before: TrackSnapshot, after: TrackSnapshot): TrackDiff {
  const fields: FieldChange[] = TRACK_DIFF_FIELDS.filter((field) => before.fields[field] !== after.fields[field]).map((field) => ({
    field,
    from: before.fields[field],
    to: after.fields[field],
  }));
  const competences = diffParts<SnapshotCompetence, CompetencePart>(
    before.competences,
    after.competences,
    (c) => c.name,
    (a, b) => [
      ...(a.name !== b.name ? (["name"] as const) : []),
      ...(a.description !== b.description ? (["description"] as const) : []),
      ...(!sameLevels(a.levels, b.levels) ? (["levels"] as const) : []),
    ],
  ) as TrackDiff["competences"];
  const modules = diffParts<SnapshotModule, ModulePart>(
    before.modules,
    after.modules,
    (m) => m.title,
    (a, b) => [
      ...(a.title !== b.title ? (["title"] as const) : []),
      ...(a.goal !== b.goal ? (["goal"] as const) : []),
      ...(a.content !== b.content ? (["content"] as const) : []),
      ...(!sameMaterials(a.materials, b.materials) ? (["materials"] as const) : []),
    ],
  ) as TrackDiff["modules"];
  return { fields, competences, modules };
}

export function isEmptyDiff(diff: TrackDiff): boolean {
  return (
    diff.fields.length === 0 &&
    diff.competences.added.length + diff.competences.removed.length + diff.competences.changed.length === 0 &&
    diff.modules.added.length + diff.modules.removed.length + diff.modules.changed.length === 0
  );
}
