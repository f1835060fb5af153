/**
 * The action behind a track page, shared by the network's page and a municipality's page: every
 * form on the page posts here with its `intent`. Answers a redirect with a notice (POST →
 * redirect → GET) or a 400 with messages for the form that was sent; a refused post writes nothing.
 */
import { redirect } from "react-router";
import type { MunicipalityId } from "~/features/authorization/gate.server";
import { formToObject, invalid, parseInput, readForm, type FieldErrors } from "~/lib/forms.server";
import type { Locale, MessageKey, Translate } from "~/lib/i18n";
import { formatInZone } from "~/lib/time";
import type { WriteResult } from "~/lib/write-result";
import type { TrackDiffView, TrackPageView, TrackVersionView } from "~/components/track-editor";
import { forgetMaterial, MAX_MATERIAL_BYTES, MaterialRejectedError, storeMaterial } from "./materials.server";
import type { CompetencePart, ModulePart, TrackDiff, TrackDiffField } from "./track-diff";
import type { TrackDetail, TrackOwner, TrackVersionDetail } from "./tracks-reads.server";
import { competenceInput, moduleInput, networkVersionInput, partInput, publishInput, trackFieldsInput, trackIntent, versionInput, type TrackIntent } from "./tracks-schema";
import {
  addMaterial,
  createDraft,
  declineNetworkVersion,
  discardDraft,
  moveCompetence,
  moveModule,
  publishDraft,
  removeCompetence,
  removeMaterial,
  removeModule,
  saveCompetence,
  saveModule,
  saveTrackFields,
  takeOverNetworkVersion,
} from "./tracks-writes.server";

const NOTICES = {
  opgeslagen: "tracks.notice.saved",
  verwijderd: "tracks.notice.removed",
  verplaatst: "tracks.notice.moved",
  toegevoegd: "tracks.notice.materialAdded",
  gepubliceerd: "tracks.notice.published",
  concept: "tracks.notice.draftCreated",
  weggegooid: "tracks.notice.draftDiscarded",
  overgenomen: "tracks.notice.takenOver",
  later: "tracks.notice.notNow",
  aangemaakt: "tracks.notice.created",
  overgenomenTraject: "tracks.notice.adopted",
} as const satisfies Record<string, MessageKey>;
export type TrackNotice = keyof typeof NOTICES;

/** The notice named in this request's URL, if it is one of ours. */
export function readTrackNotice(request: Request): MessageKey | null {
  const value = new URL(request.url).searchParams.get("melding");
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as TrackNotice] : null;
}

export function withTrackNotice(path: string, notice: TrackNotice, anchor = ""): string {
  const [base, query] = path.split("?");
  const params = new URLSearchParams(query);
  params.set("melding", notice);
  return `${base}?${params.toString()}${anchor}`;
}

const MATERIAL_MESSAGES = {
  missing: "tracks.error.fileMissing",
  empty: "tracks.error.fileEmpty",
  tooLarge: "tracks.error.fileTooLarge",
  wrongType: "tracks.error.fileType",
} as const satisfies Record<string, MessageKey>;

/** Where each form's errors are shown and where the page goes after it. */
const ANCHORS: Record<TrackIntent, string> = {
  saveFields: "#settings",
  saveCompetence: "#competence-form",
  removeCompetence: "#competences",
  moveCompetence: "#competences",
  saveModule: "#module-form",
  removeModule: "#modules",
  moveModule: "#modules",
  uploadMaterial: "#materials",
  removeMaterial: "#materials",
  publish: "#publish",
  newDraft: "#versions",
  discardDraft: "#versions",
  takeOver: "#network-update",
  notNow: "#network-update",
};

export interface TrackActionContext {
  request: Request;
  owner: TrackOwner;
  trackId: string;
  userId: string;
  locale: Locale;
  t: Translate;
  /** The track page's path, e.g. /netwerk/trajecten/<id>. */
  path: string;
}

/** Handles one post to a track page. */
export async function handleTrackAction(context: TrackActionContext) {
  const { request, owner, trackId, userId, locale, t, path } = context;
  // Refuse an oversized upload before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_MATERIAL_BYTES + 256 * 1024) {
    return invalid({ file: t("tracks.error.fileTooLarge") }, { intent: "uploadMaterial" });
  }
  const form = await readForm(request);
  const values = formToObject(form);
  const parsedIntent = parseInput(trackIntent, values.intent, locale, t);
  if (!parsedIntent.ok) return invalid({ _form: t("tracks.error.unknownAction") }, { intent: "unknown" });
  const intent = parsedIntent.data;
  const shown = { ...values, intent };

  function parse<T>(schema: Parameters<typeof parseInput>[0], input: unknown = values): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
    return parseInput(schema, input, locale, t) as { ok: true; data: T } | { ok: false; errors: FieldErrors };
  }
  function answer(result: WriteResult<object>, notice: TrackNotice, target = path) {
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, shown);
    return redirect(withTrackNotice(target, notice, ANCHORS[intent]));
  }

  const municipal = owner.kind === "municipality" ? owner.municipalityId : null;
  switch (intent) {
    case "saveFields": {
      const parsed = parseInput(trackFieldsInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, shown);
      return answer(await saveTrackFields(owner, trackId, parsed.data), "opgeslagen");
    }
    case "saveCompetence": {
      const parsed = parseInput(competenceInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, shown);
      return answer(await saveCompetence(owner, trackId, parsed.data), "opgeslagen");
    }
    case "saveModule": {
      const parsed = parseInput(moduleInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, shown);
      const result = await saveModule(owner, trackId, parsed.data);
      // A new module opens in its edit form, where materials are added.
      return answer(result, "opgeslagen", result.ok ? `${path}?module=${result.moduleId}` : path);
    }
    case "removeCompetence":
    case "moveCompetence":
    case "removeModule":
    case "moveModule":
    case "removeMaterial": {
      const parsed = parse<{ versionId: string; id: string; direction?: "up" | "down" }>(partInput);
      if (!parsed.ok) return invalid({ _form: t("tracks.error.notFound") }, shown);
      const { versionId, id, direction } = parsed.data;
      if (intent === "removeCompetence") return answer(await removeCompetence(owner, trackId, { versionId, id }), "verwijderd");
      if (intent === "removeModule") return answer(await removeModule(owner, trackId, { versionId, id }), "verwijderd");
      if (intent === "removeMaterial") {
        const moduleId = typeof values.moduleId === "string" ? values.moduleId : "";
        return answer(await removeMaterial(owner, trackId, { versionId, id }), "verwijderd", /^[0-9a-f-]{36}$/.test(moduleId) ? `${path}?module=${moduleId}` : path);
      }
      if (!direction) return invalid({ _form: t("tracks.error.cannotMove") }, shown);
      const move = intent === "moveCompetence" ? moveCompetence : moveModule;
      return answer(await move(owner, trackId, { versionId, id, direction }), "verplaatst");
    }
    case "uploadMaterial": {
      const parsed = parse<{ versionId: string; id: string }>(partInput);
      if (!parsed.ok) return invalid({ _form: t("tracks.error.notFound") }, shown);
      let stored;
      try {
        stored = await storeMaterial(form.get("file"));
      } catch (error) {
        if (error instanceof MaterialRejectedError) return invalid({ file: t(MATERIAL_MESSAGES[error.problem]) }, shown);
        throw error;
      }
      const added = await addMaterial(owner, trackId, parsed.data, stored, userId);
      if (!added.ok) await forgetMaterial(stored.storageKey);
      return answer(added, "toegevoegd", `${path}?module=${parsed.data.id}`);
    }
    case "publish": {
      const parsed = parseInput(publishInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, shown);
      return answer(await publishDraft(owner, trackId, parsed.data, userId), "gepubliceerd");
    }
    case "newDraft":
      return answer(await createDraft(owner, trackId, userId), "concept");
    case "discardDraft": {
      const parsed = parse<{ versionId: string }>(versionInput);
      if (!parsed.ok) return invalid({ _form: t("tracks.error.notFound") }, shown);
      return answer(await discardDraft(owner, trackId, parsed.data), "weggegooid");
    }
    case "takeOver":
    case "notNow": {
      const parsed = parse<{ networkVersionId: string }>(networkVersionInput);
      if (!municipal || !parsed.ok) return invalid({ _form: t("tracks.error.updateGone") }, shown);
      const municipalityId: MunicipalityId = municipal;
      return intent === "takeOver"
        ? answer(await takeOverNetworkVersion(municipalityId, trackId, parsed.data.networkVersionId, userId), "overgenomen")
        : answer(await declineNetworkVersion(municipalityId, trackId, parsed.data.networkVersionId), "later");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What the track page shows
// ---------------------------------------------------------------------------------------------

const FIELD_LABELS: Record<TrackDiffField, MessageKey> = {
  name: "tracks.field.name",
  description: "tracks.field.description",
  minAge: "tracks.field.minAge",
  maxAge: "tracks.field.maxAge",
  guardianConsentBelowAge: "tracks.field.guardianConsentBelowAge",
  meetingCount: "tracks.field.meetingCount",
  meetingMinutes: "tracks.field.meetingMinutes",
  followUpDays: "tracks.field.followUpDays",
  followUpMinutes: "tracks.field.followUpMinutes",
  practiceHoursTarget: "tracks.field.practiceHoursTarget",
  completionMinMeetings: "tracks.field.completionMinMeetings",
  completionRequiresAssessments: "tracks.field.completionRequiresAssessments",
};

const PART_LABELS: Record<CompetencePart | ModulePart, MessageKey> = {
  name: "tracks.diff.part.name",
  title: "tracks.diff.part.title",
  description: "tracks.diff.part.description",
  levels: "tracks.diff.part.levels",
  goal: "tracks.diff.part.goal",
  content: "tracks.diff.part.content",
  materials: "tracks.diff.part.materials",
  position: "tracks.diff.part.position",
};

function fileSize(bytes: number, locale: Locale): string {
  const format = (value: number) => new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 }).format(value);
  return bytes >= 1024 * 1024 ? `${format(bytes / (1024 * 1024))} MB` : `${format(Math.max(1, bytes / 1024))} kB`;
}

function versionView(version: TrackVersionDetail, locale: Locale): TrackVersionView {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
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
    competences: version.competences.map((c) => ({ id: c.id, name: c.name, description: c.description, levels: c.levels })),
    modules: version.modules.map((m) => ({
      id: m.id,
      title: m.title,
      goal: m.goal,
      content: m.content,
      origin: m.origin,
      materials: m.materials.map((material) => ({ id: material.id, fileName: material.fileName, size: fileSize(material.byteSize, locale) })),
    })),
  };
}

function diffView(diff: TrackDiff, t: Translate): TrackDiffView {
  const shown = (field: TrackDiffField, value: string | number | boolean | null): string => {
    if (field === "description") return t("tracks.diff.textChanged");
    if (value === null) return t("tracks.diff.noMaximum");
    if (typeof value === "boolean") return t(value ? "tracks.yes" : "tracks.no");
    return String(value);
  };
  const changed = (list: TrackDiff["modules"]["changed"] | TrackDiff["competences"]["changed"]) =>
    list.map((item) => ({ name: item.name, previousName: item.previousName, parts: item.parts.map((part) => PART_LABELS[part]) }));
  return {
    fields: diff.fields.map((change) => ({
      label: FIELD_LABELS[change.field],
      from: change.field === "description" ? "…" : shown(change.field, change.from),
      to: shown(change.field, change.to),
    })),
    competencesAdded: diff.competences.added.map((c) => c.name),
    competencesRemoved: diff.competences.removed.map((c) => c.name),
    competencesChanged: changed(diff.competences.changed),
    modulesAdded: diff.modules.added.map((m) => m.name),
    modulesRemoved: diff.modules.removed.map((m) => m.name),
    modulesChanged: changed(diff.modules.changed),
  };
}

/** The track page's data: versions, draft, published version, the part being edited, the network's update. */
export function trackPageView(detail: TrackDetail, request: Request, locale: Locale, t: Translate): TrackPageView {
  const url = new URL(request.url);
  const draft = detail.draft ? versionView(detail.draft, locale) : null;
  const competenceId = url.searchParams.get("competentie");
  const moduleId = url.searchParams.get("module");
  const update = detail.networkUpdate;
  return {
    trackId: detail.track.id,
    municipal: detail.track.municipalityId !== null,
    versions: detail.versions.map((version) => ({
      id: version.id,
      version: version.version,
      status: version.status,
      name: version.name,
      changeNote: version.changeNote,
      publishedOn: version.publishedAt ? formatInZone(version.publishedAt, locale, { dateStyle: "medium" }) : null,
      cohorts: version.cohorts,
    })),
    draft,
    published: detail.latestPublished ? versionView(detail.latestPublished, locale) : null,
    editCompetence: draft?.competences.find((c) => c.id === competenceId) ?? null,
    editModule: draft?.modules.find((m) => m.id === moduleId) ?? null,
    networkUpdate: update
      ? {
          versionId: update.versionId,
          version: update.version,
          basedOnVersion: update.basedOnVersion,
          declined: update.declined,
          notes: update.notes,
          diff: diffView(update.diff, t),
        }
      : null,
    canDiscard: detail.draft !== null && detail.latestPublished !== null,
  };
}
