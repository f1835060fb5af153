/**
 * The page of one track, for the network coordinator and for a municipality's project leader:
 * its versions, the draft with its settings, competences (with rubric levels) and lesson modules
 * (with materials), publishing, and for a municipality's copy the newer network version to take
 * over. Every form posts to the page itself and works without JavaScript; one competence and one
 * module form at a time (`?competentie=` and `?module=` choose which), so every field id is unique.
 */
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField, type FormErrors } from "~/components/form";
import { DataTable } from "~/components/data-table";
import { Alert } from "~/components/ui";
import type { MessageKey, Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";

export interface TrackLevelView {
  level: number;
  name: string;
  description: string;
}
export interface TrackCompetenceView {
  id: string;
  name: string;
  description: string;
  levels: TrackLevelView[];
}
export interface TrackMaterialView {
  id: string;
  fileName: string;
  size: string;
}
export interface TrackModuleView {
  id: string;
  title: string;
  goal: string;
  content: string;
  origin: "network" | "own";
  materials: TrackMaterialView[];
}
export interface TrackSettingsView {
  name: string;
  description: string;
  minAge: number;
  maxAge: number | null;
  guardianConsentBelowAge: number;
  meetingCount: number;
  meetingMinutes: number;
  followUpDays: number;
  followUpMinutes: number;
  practiceHoursTarget: number;
  completionMinMeetings: number;
  completionRequiresAssessments: boolean;
}
export interface TrackVersionView extends TrackSettingsView {
  id: string;
  version: number;
  status: "draft" | "published";
  competences: TrackCompetenceView[];
  modules: TrackModuleView[];
}
export interface TrackVersionRow {
  id: string;
  version: number;
  status: "draft" | "published";
  name: string;
  changeNote: string;
  publishedOn: string | null;
  cohorts: number;
}
export interface TrackDiffView {
  fields: { label: MessageKey; from: string; to: string }[];
  competencesAdded: string[];
  competencesRemoved: string[];
  competencesChanged: { name: string; previousName: string; parts: MessageKey[] }[];
  modulesAdded: string[];
  modulesRemoved: string[];
  modulesChanged: { name: string; previousName: string; parts: MessageKey[] }[];
}
export interface TrackNetworkUpdateView {
  versionId: string;
  version: number;
  basedOnVersion: number;
  declined: boolean;
  notes: { version: number; changeNote: string }[];
  diff: TrackDiffView;
}
export interface TrackPageView {
  trackId: string;
  municipal: boolean;
  versions: TrackVersionRow[];
  draft: TrackVersionView | null;
  published: TrackVersionView | null;
  editCompetence: TrackCompetenceView | null;
  editModule: TrackModuleView | null;
  networkUpdate: TrackNetworkUpdateView | null;
  canDiscard: boolean;
}

const LEVEL_ROWS = 6;
const DRAFT_INTENTS = ["saveFields", "saveCompetence", "removeCompetence", "moveCompetence", "saveModule", "removeModule", "moveModule", "uploadMaterial", "removeMaterial", "publish"];

function settingsLabels(t: Translate): Record<string, string> {
  return {
    name: t("tracks.field.name"),
    description: t("tracks.field.description"),
    minAge: t("tracks.field.minAge"),
    maxAge: t("tracks.field.maxAge"),
    guardianConsentBelowAge: t("tracks.field.guardianConsentBelowAge"),
    meetingCount: t("tracks.field.meetingCount"),
    meetingMinutes: t("tracks.field.meetingMinutes"),
    followUpDays: t("tracks.field.followUpDays"),
    followUpMinutes: t("tracks.field.followUpMinutes"),
    practiceHoursTarget: t("tracks.field.practiceHoursTarget"),
    completionMinMeetings: t("tracks.field.completionMinMeetings"),
    completionRequiresAssessments: t("tracks.field.completionRequiresAssessments"),
  };
}

function competenceLabels(t: Translate): Record<string, string> {
  const labels: Record<string, string> = { competenceName: t("tracks.field.competenceName"), competenceDescription: t("tracks.field.competenceDescription") };
  for (let level = 1; level <= LEVEL_ROWS; level++) {
    labels[`level${level}Name`] = t("tracks.field.levelName", { level });
    labels[`level${level}Description`] = t("tracks.field.levelDescription", { level });
  }
  return labels;
}

/** A small form with one button that posts an intent about one part of the draft. */
function PartButton({ intent, versionId, id, label, rowName, extra }: { intent: string; versionId: string; id: string; label: string; rowName: string; extra?: Record<string, string> }) {
  return (
    <Form method="post" className="inline-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="id" value={id} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton appearance="subtle">
        {label}
        <span className="visually-hidden"> {rowName}</span>
      </SubmitButton>
    </Form>
  );
}

function Settings({ version }: { version: TrackSettingsView }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t("tracks.facts.ages")}</dt>
      <dd>{version.maxAge === null ? t("tracks.facts.agesFrom", { min: version.minAge }) : t("tracks.facts.agesRange", { min: version.minAge, max: version.maxAge })}</dd>
      <dt>{t("tracks.facts.guardian")}</dt>
      <dd>{version.guardianConsentBelowAge === 0 ? t("tracks.facts.guardianNever") : t("tracks.facts.guardianBelow", { age: version.guardianConsentBelowAge })}</dd>
      <dt>{t("tracks.facts.meetings")}</dt>
      <dd>{t("tracks.facts.meetingsValue", { count: version.meetingCount, minutes: version.meetingMinutes })}</dd>
      <dt>{t("tracks.facts.followUp")}</dt>
      <dd>{version.followUpDays === 0 ? t("tracks.facts.followUpNone") : t("tracks.facts.followUpValue", { count: version.followUpDays, minutes: version.followUpMinutes })}</dd>
      <dt>{t("tracks.facts.practice")}</dt>
      <dd>{t("tracks.facts.practiceValue", { hours: version.practiceHoursTarget })}</dd>
      <dt>{t("tracks.facts.completion")}</dt>
      <dd>
        {t("tracks.facts.completionMeetings", { min: version.completionMinMeetings, count: version.meetingCount })}
        {version.completionRequiresAssessments && <> {t("tracks.facts.completionAssessments")}</>}
      </dd>
    </dl>
  );
}

function Levels({ levels }: { levels: TrackLevelView[] }) {
  const { t } = useTranslation();
  return (
    <ol aria-label={t("tracks.levels")}>
      {levels.map((level) => (
        <li key={level.level}>
          <strong>{level.name}</strong>
          {level.description && <> — {level.description}</>}
        </li>
      ))}
    </ol>
  );
}

function OriginTag({ origin, municipal }: { origin: "network" | "own"; municipal: boolean }) {
  const { t } = useTranslation();
  if (!municipal) return null;
  return <span className="track-origin">{t(origin === "own" ? "tracks.origin.own" : "tracks.origin.network")}</span>;
}

function MaterialLinks({ materials, basePath }: { materials: TrackMaterialView[]; basePath: string }) {
  const { t } = useTranslation();
  if (materials.length === 0) return null;
  return (
    <>
      <p className="utrecht-paragraph">{t("tracks.materials")}:</p>
      <ul>
        {materials.map((material) => (
          <li key={material.id}>
            <a className="utrecht-link" href={`${basePath}/materialen/${material.id}`} download>
              {material.fileName}
            </a>{" "}
            <span className="muted">({material.size})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The content of a published version, read only. */
function VersionContent({ version, basePath, municipal }: { version: TrackVersionView; basePath: string; municipal: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {version.description && <p className="utrecht-paragraph pre-line">{version.description}</p>}
      <Settings version={version} />
      <h3 className="utrecht-heading-3">{t("tracks.competences")}</h3>
      {version.competences.length === 0 ? (
        <p className="utrecht-paragraph">{t("tracks.competences.none")}</p>
      ) : (
        <ul className="track-parts">
          {version.competences.map((competence) => (
            <li className="track-part" key={competence.id}>
              <h4 className="utrecht-heading-4">{competence.name}</h4>
              {competence.description && <p className="utrecht-paragraph pre-line">{competence.description}</p>}
              <Levels levels={competence.levels} />
            </li>
          ))}
        </ul>
      )}
      <h3 className="utrecht-heading-3">{t("tracks.modules")}</h3>
      {version.modules.length === 0 ? (
        <p className="utrecht-paragraph">{t("tracks.modules.none")}</p>
      ) : (
        <ul className="track-parts">
          {version.modules.map((module) => (
            <li className="track-part" key={module.id}>
              <h4 className="utrecht-heading-4">
                {module.title}
                <OriginTag origin={module.origin} municipal={municipal} />
              </h4>
              {module.goal && (
                <p className="utrecht-paragraph pre-line">
                  <strong>{t("tracks.field.moduleGoal")}:</strong> {module.goal}
                </p>
              )}
              {module.content && <p className="utrecht-paragraph pre-line">{module.content}</p>}
              <MaterialLinks materials={module.materials} basePath={basePath} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DiffList({ title, items }: { title: string; items: ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4 className="utrecht-heading-4">{title}</h4>
      <ul>{items}</ul>
    </>
  );
}

function NetworkUpdate({ update }: { update: TrackNetworkUpdateView }) {
  const { t } = useTranslation();
  const { diff } = update;
  const changed = (list: TrackDiffView["modulesChanged"]) =>
    list.map((item) => (
      <li key={`${item.previousName}|${item.name}`}>
        {item.previousName !== item.name ? t("tracks.diff.renamed", { from: item.previousName, to: item.name }) : item.name}: {item.parts.map((part) => t(part)).join(", ")}
      </li>
    ));
  return (
    <section className="page-section track-diff" aria-labelledby="network-update-heading" id="network-update">
      <h2 className="utrecht-heading-2" id="network-update-heading">
        {t("tracks.update.title", { version: update.version })}
      </h2>
      <p className="utrecht-paragraph">{t(update.declined ? "tracks.update.declinedIntro" : "tracks.update.intro", { version: update.version, basedOn: update.basedOnVersion })}</p>
      <h3 className="utrecht-heading-3">{t("tracks.update.notes")}</h3>
      <ul>
        {update.notes.map((note) => (
          <li key={note.version} className="pre-line">
            <strong>{t("tracks.versionNumber", { version: note.version })}:</strong> {note.changeNote || t("tracks.update.noNote")}
          </li>
        ))}
      </ul>
      <h3 className="utrecht-heading-3">{t("tracks.update.whatChanged")}</h3>
      <DiffList
        title={t("tracks.diff.settings")}
        items={diff.fields.map((field) => (
          <li key={field.label}>
            {t(field.label)}: {field.from} → {field.to}
          </li>
        ))}
      />
      <DiffList title={t("tracks.diff.competencesAdded")} items={diff.competencesAdded.map((name) => <li key={name}>{name}</li>)} />
      <DiffList title={t("tracks.diff.competencesRemoved")} items={diff.competencesRemoved.map((name) => <li key={name}>{name}</li>)} />
      <DiffList title={t("tracks.diff.competencesChanged")} items={changed(diff.competencesChanged)} />
      <DiffList title={t("tracks.diff.modulesAdded")} items={diff.modulesAdded.map((name) => <li key={name}>{name}</li>)} />
      <DiffList title={t("tracks.diff.modulesRemoved")} items={diff.modulesRemoved.map((name) => <li key={name}>{name}</li>)} />
      <DiffList title={t("tracks.diff.modulesChanged")} items={changed(diff.modulesChanged)} />
      <p className="utrecht-paragraph">{t("tracks.update.whatHappens")}</p>
      <div className="button-row">
        <Form method="post" className="inline-form" noValidate>
          <input type="hidden" name="intent" value="takeOver" />
          <input type="hidden" name="networkVersionId" value={update.versionId} />
          <SubmitButton>{t("tracks.update.takeOver", { version: update.version })}</SubmitButton>
        </Form>
        {!update.declined && (
          <Form method="post" className="inline-form" noValidate>
            <input type="hidden" name="intent" value="notNow" />
            <input type="hidden" name="networkVersionId" value={update.versionId} />
            <SubmitButton appearance="secondary">{t("tracks.update.notNow")}</SubmitButton>
          </Form>
        )}
      </div>
    </section>
  );
}

function SettingsForm({ draft, errors, sent }: { draft: TrackVersionView; errors: FormErrors; sent: Record<string, string> | null }) {
  const { t } = useTranslation();
  const value = (field: keyof TrackSettingsView) => sent?.[field] ?? String(draft[field] ?? "");
  return (
    <section className="page-section" aria-labelledby="settings-heading" id="settings">
      <h2 className="utrecht-heading-2" id="settings-heading">
        {t("tracks.settings")}
      </h2>
      <ErrorSummary errors={errors} labels={settingsLabels(t)} />
      <PostForm>
        <input type="hidden" name="intent" value="saveFields" />
        <input type="hidden" name="versionId" value={draft.id} />
        <TextField name="name" label={t("tracks.field.name")} required errors={errors} defaultValue={value("name")} maxLength={120} />
        <TextAreaField name="description" label={t("tracks.field.description")} errors={errors} defaultValue={value("description")} maxLength={4000} rows={4} />
        <TextField name="minAge" label={t("tracks.field.minAge")} required inputMode="numeric" errors={errors} defaultValue={value("minAge")} maxLength={3} />
        <TextField name="maxAge" label={t("tracks.field.maxAge")} description={t("tracks.field.maxAge.description")} inputMode="numeric" errors={errors} defaultValue={value("maxAge")} maxLength={3} />
        <TextField
          name="guardianConsentBelowAge"
          label={t("tracks.field.guardianConsentBelowAge")}
          description={t("tracks.field.guardianConsentBelowAge.description")}
          required
          inputMode="numeric"
          errors={errors}
          defaultValue={value("guardianConsentBelowAge")}
          maxLength={2}
        />
        <TextField name="meetingCount" label={t("tracks.field.meetingCount")} required inputMode="numeric" errors={errors} defaultValue={value("meetingCount")} maxLength={2} />
        <TextField name="meetingMinutes" label={t("tracks.field.meetingMinutes")} required inputMode="numeric" errors={errors} defaultValue={value("meetingMinutes")} maxLength={3} />
        <TextField name="followUpDays" label={t("tracks.field.followUpDays")} required inputMode="numeric" errors={errors} defaultValue={value("followUpDays")} maxLength={2} />
        <TextField name="followUpMinutes" label={t("tracks.field.followUpMinutes")} required inputMode="numeric" errors={errors} defaultValue={value("followUpMinutes")} maxLength={3} />
        <TextField name="practiceHoursTarget" label={t("tracks.field.practiceHoursTarget")} required inputMode="numeric" errors={errors} defaultValue={value("practiceHoursTarget")} maxLength={3} />
        <TextField
          name="completionMinMeetings"
          label={t("tracks.field.completionMinMeetings")}
          description={t("tracks.field.completionMinMeetings.description")}
          required
          inputMode="numeric"
          errors={errors}
          defaultValue={value("completionMinMeetings")}
          maxLength={2}
        />
        <CheckboxField
          name="completionRequiresAssessments"
          label={t("tracks.field.completionRequiresAssessments")}
          errors={errors}
          defaultChecked={sent ? sent.completionRequiresAssessments === "on" : draft.completionRequiresAssessments}
        />
        <div className="button-row">
          <SubmitButton>{t("tracks.saveSettings")}</SubmitButton>
        </div>
      </PostForm>
    </section>
  );
}

function CompetencesSection({ draft, basePath, errors }: { draft: TrackVersionView; basePath: string; errors: FormErrors }) {
  const { t } = useTranslation();
  const last = draft.competences.length - 1;
  return (
    <section className="page-section" aria-labelledby="competences-heading" id="competences">
      <h2 className="utrecht-heading-2" id="competences-heading">
        {t("tracks.competences")}
      </h2>
      <ErrorSummary errors={errors} labels={{}} />
      {draft.competences.length === 0 ? (
        <p className="utrecht-paragraph">{t("tracks.competences.none")}</p>
      ) : (
        <ol className="track-parts">
          {draft.competences.map((competence, index) => (
            <li className="track-part" key={competence.id}>
              <h3 className="utrecht-heading-3">{competence.name}</h3>
              {competence.description && <p className="utrecht-paragraph pre-line">{competence.description}</p>}
              <Levels levels={competence.levels} />
              <div className="button-row">
                <Link className="utrecht-link" to={`${basePath}?competentie=${competence.id}#competence-form`}>
                  {t("tracks.edit")}
                  <span className="visually-hidden"> {competence.name}</span>
                </Link>
                {index > 0 && <PartButton intent="moveCompetence" versionId={draft.id} id={competence.id} label={t("tracks.moveUp")} rowName={competence.name} extra={{ direction: "up" }} />}
                {index < last && <PartButton intent="moveCompetence" versionId={draft.id} id={competence.id} label={t("tracks.moveDown")} rowName={competence.name} extra={{ direction: "down" }} />}
                <PartButton intent="removeCompetence" versionId={draft.id} id={competence.id} label={t("tracks.remove")} rowName={competence.name} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CompetenceForm({ draft, editing, basePath, errors, sent }: { draft: TrackVersionView; editing: TrackCompetenceView | null; basePath: string; errors: FormErrors; sent: Record<string, string> | null }) {
  const { t } = useTranslation();
  const level = (index: number) => editing?.levels[index - 1];
  return (
    <section className="page-section" aria-labelledby="competence-form-heading" id="competence-form">
      <h2 className="utrecht-heading-2" id="competence-form-heading">
        {editing ? t("tracks.competence.editTitle", { name: editing.name }) : t("tracks.competence.addTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("tracks.competence.help")}</p>
      <ErrorSummary errors={errors} labels={competenceLabels(t)} />
      <PostForm>
        <input type="hidden" name="intent" value="saveCompetence" />
        <input type="hidden" name="versionId" value={draft.id} />
        <input type="hidden" name="competenceId" value={editing?.id ?? ""} />
        <TextField name="competenceName" label={t("tracks.field.competenceName")} required errors={errors} defaultValue={sent?.competenceName ?? editing?.name} maxLength={120} />
        <TextAreaField name="competenceDescription" label={t("tracks.field.competenceDescription")} errors={errors} defaultValue={sent?.competenceDescription ?? editing?.description} maxLength={2000} rows={3} />
        {Array.from({ length: LEVEL_ROWS }, (_, i) => i + 1).map((index) => (
          <fieldset className="level-fieldset" key={index}>
            <legend>{t("tracks.levelLegend", { level: index })}</legend>
            <TextField name={`level${index}Name`} label={t("tracks.field.levelName", { level: index })} required={index <= 2} errors={errors} defaultValue={sent?.[`level${index}Name`] ?? level(index)?.name} maxLength={80} />
            <TextAreaField
              name={`level${index}Description`}
              label={t("tracks.field.levelDescription", { level: index })}
              errors={errors}
              defaultValue={sent?.[`level${index}Description`] ?? level(index)?.description}
              maxLength={1000}
              rows={2}
            />
          </fieldset>
        ))}
        <div className="button-row">
          <SubmitButton>{editing ? t("tracks.competence.save") : t("tracks.competence.add")}</SubmitButton>
          {editing && (
            <Link className="utrecht-link" to={`${basePath}#competences`}>
              {t("tracks.stopEditing")}
            </Link>
          )}
        </div>
      </PostForm>
    </section>
  );
}

function ModulesSection({ draft, basePath, municipal, errors }: { draft: TrackVersionView; basePath: string; municipal: boolean; errors: FormErrors }) {
  const { t } = useTranslation();
  const last = draft.modules.length - 1;
  return (
    <section className="page-section" aria-labelledby="modules-heading" id="modules">
      <h2 className="utrecht-heading-2" id="modules-heading">
        {t("tracks.modules")}
      </h2>
      {municipal && <p className="utrecht-paragraph">{t("tracks.modules.ownHelp")}</p>}
      <ErrorSummary errors={errors} labels={{}} />
      {draft.modules.length === 0 ? (
        <p className="utrecht-paragraph">{t("tracks.modules.none")}</p>
      ) : (
        <ol className="track-parts">
          {draft.modules.map((module, index) => (
            <li className="track-part" key={module.id}>
              <h3 className="utrecht-heading-3">
                {module.title}
                <OriginTag origin={module.origin} municipal={municipal} />
              </h3>
              {module.goal && (
                <p className="utrecht-paragraph pre-line">
                  <strong>{t("tracks.field.moduleGoal")}:</strong> {module.goal}
                </p>
              )}
              <p className="utrecht-paragraph muted">{t("tracks.materialsCount", { count: module.materials.length })}</p>
              <div className="button-row">
                <Link className="utrecht-link" to={`${basePath}?module=${module.id}#module-form`}>
                  {t("tracks.edit")}
                  <span className="visually-hidden"> {module.title}</span>
                </Link>
                {index > 0 && <PartButton intent="moveModule" versionId={draft.id} id={module.id} label={t("tracks.moveUp")} rowName={module.title} extra={{ direction: "up" }} />}
                {index < last && <PartButton intent="moveModule" versionId={draft.id} id={module.id} label={t("tracks.moveDown")} rowName={module.title} extra={{ direction: "down" }} />}
                <PartButton intent="removeModule" versionId={draft.id} id={module.id} label={t("tracks.remove")} rowName={module.title} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ModuleForm({
  draft,
  editing,
  basePath,
  errors,
  materialErrors,
  sent,
}: {
  draft: TrackVersionView;
  editing: TrackModuleView | null;
  basePath: string;
  errors: FormErrors;
  materialErrors: FormErrors;
  sent: Record<string, string> | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="module-form-heading" id="module-form">
      <h2 className="utrecht-heading-2" id="module-form-heading">
        {editing ? t("tracks.module.editTitle", { title: editing.title }) : t("tracks.module.addTitle")}
      </h2>
      <ErrorSummary errors={errors} labels={{ moduleTitle: t("tracks.field.moduleTitle"), moduleGoal: t("tracks.field.moduleGoal"), moduleContent: t("tracks.field.moduleContent") }} />
      <PostForm>
        <input type="hidden" name="intent" value="saveModule" />
        <input type="hidden" name="versionId" value={draft.id} />
        <input type="hidden" name="moduleId" value={editing?.id ?? ""} />
        <TextField name="moduleTitle" label={t("tracks.field.moduleTitle")} required errors={errors} defaultValue={sent?.moduleTitle ?? editing?.title} maxLength={150} />
        <TextAreaField name="moduleGoal" label={t("tracks.field.moduleGoal")} errors={errors} defaultValue={sent?.moduleGoal ?? editing?.goal} maxLength={2000} rows={3} />
        <TextAreaField name="moduleContent" label={t("tracks.field.moduleContent")} errors={errors} defaultValue={sent?.moduleContent ?? editing?.content} maxLength={10000} rows={8} />
        <div className="button-row">
          <SubmitButton>{editing ? t("tracks.module.save") : t("tracks.module.add")}</SubmitButton>
          {editing && (
            <Link className="utrecht-link" to={`${basePath}#modules`}>
              {t("tracks.stopEditing")}
            </Link>
          )}
        </div>
      </PostForm>
      {editing ? (
        <div id="materials">
          <h3 className="utrecht-heading-3">{t("tracks.materials")}</h3>
          <ErrorSummary errors={materialErrors} labels={{ file: t("tracks.field.file") }} />
          {editing.materials.length === 0 ? (
            <p className="utrecht-paragraph">{t("tracks.materials.none")}</p>
          ) : (
            <ul>
              {editing.materials.map((material) => (
                <li key={material.id}>
                  <a className="utrecht-link" href={`${basePath}/materialen/${material.id}`} download>
                    {material.fileName}
                  </a>{" "}
                  <span className="muted">({material.size})</span>{" "}
                  <PartButton intent="removeMaterial" versionId={draft.id} id={material.id} label={t("tracks.remove")} rowName={material.fileName} extra={{ moduleId: editing.id }} />
                </li>
              ))}
            </ul>
          )}
          <PostForm encType="multipart/form-data">
            <input type="hidden" name="intent" value="uploadMaterial" />
            <input type="hidden" name="versionId" value={draft.id} />
            <input type="hidden" name="id" value={editing.id} />
            <TextField
              name="file"
              type="file"
              label={t("tracks.field.file")}
              description={t("tracks.field.file.description")}
              required
              errors={materialErrors}
              accept=".pdf,.pptx,.odp,.docx,.odt,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("tracks.materials.upload")}</SubmitButton>
            </div>
          </PostForm>
        </div>
      ) : (
        <p className="utrecht-paragraph">{t("tracks.materials.afterSave")}</p>
      )}
    </section>
  );
}

function PublishForm({ draft, errors, sent }: { draft: TrackVersionView; errors: FormErrors; sent: Record<string, string> | null }) {
  const { t } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="publish-heading" id="publish">
      <h2 className="utrecht-heading-2" id="publish-heading">
        {t("tracks.publish.title", { version: draft.version })}
      </h2>
      <p className="utrecht-paragraph">{t("tracks.publish.help")}</p>
      <ErrorSummary errors={errors} labels={{ changeNote: t("tracks.field.changeNote") }} />
      <PostForm>
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="versionId" value={draft.id} />
        <TextAreaField name="changeNote" label={t("tracks.field.changeNote")} description={t("tracks.field.changeNote.description")} required errors={errors} defaultValue={sent?.changeNote} maxLength={2000} rows={3} />
        <div className="button-row">
          <SubmitButton>{t("tracks.publish.button", { version: draft.version })}</SubmitButton>
        </div>
      </PostForm>
    </section>
  );
}

function Versions({ view, errors }: { view: TrackPageView; errors: FormErrors }) {
  const { t } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="versions-heading" id="versions">
      <h2 className="utrecht-heading-2" id="versions-heading">
        {t("tracks.versions")}
      </h2>
      <ErrorSummary errors={errors} labels={{}} />
      <DataTable caption={t("tracks.versions")} columns={[t("tracks.column.version"), t("tracks.column.status"), t("tracks.column.changeNote"), t("tracks.column.cohorts")]}>
        {view.versions.map((version) => (
          <tr key={version.id}>
            <td>
              {t("tracks.versionNumber", { version: version.version })}
              <br />
              <span className="muted">{version.name}</span>
            </td>
            <td>{version.status === "draft" ? t("tracks.status.draft") : t("tracks.status.publishedOn", { date: version.publishedOn ?? "" })}</td>
            <td className="pre-line">{version.changeNote}</td>
            <td>{version.cohorts}</td>
          </tr>
        ))}
      </DataTable>
      <div className="button-row">
        {!view.draft && view.published && (
          <Form method="post" className="inline-form" noValidate>
            <input type="hidden" name="intent" value="newDraft" />
            <SubmitButton>{t("tracks.newDraft")}</SubmitButton>
          </Form>
        )}
        {view.draft && view.canDiscard && (
          <Form method="post" className="inline-form" noValidate>
            <input type="hidden" name="intent" value="discardDraft" />
            <input type="hidden" name="versionId" value={view.draft.id} />
            <SubmitButton appearance="secondary">{t("tracks.discardDraft", { version: view.draft.version })}</SubmitButton>
          </Form>
        )}
      </div>
      {!view.draft && <p className="utrecht-paragraph form-hint">{t("tracks.newDraftHelp")}</p>}
    </section>
  );
}

export function TrackEditor({
  view,
  basePath,
  errors,
  sent,
}: {
  view: TrackPageView;
  basePath: string;
  errors: FormErrors;
  /** The values of the form that was sent back with messages, with its `intent`. */
  sent: Record<string, string> | null;
}) {
  const { t } = useTranslation();
  const intent = sent?.intent ?? null;
  const errorsFor = (...intents: string[]) => (intent && intents.includes(intent) ? errors : undefined);
  const sentFor = (...intents: string[]) => (intent && intents.includes(intent) ? sent : null);
  const { draft, published } = view;
  return (
    <>
      {errorsFor("unknown") && <ErrorSummary errors={errors} labels={{}} />}
      {/* A form of a draft that is no longer there (published or thrown away in another tab): its message on top. */}
      {!draft && errorsFor(...DRAFT_INTENTS) && <ErrorSummary errors={errors} labels={{}} />}
      {view.networkUpdate && (
        <>
          <ErrorSummary errors={errorsFor("takeOver", "notNow")} labels={{}} />
          <NetworkUpdate update={view.networkUpdate} />
        </>
      )}
      <Versions view={view} errors={errorsFor("newDraft", "discardDraft")} />
      {draft ? (
        <>
          <Alert type="info">
            <p className="utrecht-paragraph">{t("tracks.draftNotice", { version: draft.version })}</p>
          </Alert>
          <SettingsForm draft={draft} errors={errorsFor("saveFields")} sent={sentFor("saveFields")} />
          <CompetencesSection draft={draft} basePath={basePath} errors={errorsFor("removeCompetence", "moveCompetence")} />
          <CompetenceForm key={`competence-${view.editCompetence?.id ?? "new"}`} draft={draft} editing={view.editCompetence} basePath={basePath} errors={errorsFor("saveCompetence")} sent={sentFor("saveCompetence")} />
          <ModulesSection draft={draft} basePath={basePath} municipal={view.municipal} errors={errorsFor("removeModule", "moveModule")} />
          <ModuleForm
            key={`module-${view.editModule?.id ?? "new"}`}
            draft={draft}
            editing={view.editModule}
            basePath={basePath}
            errors={errorsFor("saveModule")}
            materialErrors={errorsFor("uploadMaterial", "removeMaterial")}
            sent={sentFor("saveModule")}
          />
          <PublishForm draft={draft} errors={errorsFor("publish")} sent={sentFor("publish")} />
        </>
      ) : (
        published && (
          <section className="page-section" aria-labelledby="published-heading">
            <h2 className="utrecht-heading-2" id="published-heading">
              {t("tracks.publishedContent", { version: published.version })}
            </h2>
            <VersionContent version={published} basePath={basePath} municipal={view.municipal} />
          </section>
        )
      )}
    </>
  );
}
