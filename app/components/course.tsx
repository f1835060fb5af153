/**
 * Parts of the course pages shared by the course leader's view of a trainee and the trainee's own
 * "Mijn cursus": the plan, the learning goals, the change history, attendance and the progress
 * per competence (a table, and a chart that the table stands in for).
 */
import { Form } from "react-router";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, SubmitButton, type FormErrors } from "~/components/form";
import { Alert } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";

const GOAL_STATUSES = ["open", "working_on", "achieved", "dropped"] as const;
type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface PlanView {
  ownTalent: string;
  ownStory: string;
  challenges: string;
  observations: string;
}

/** The trainee's three parts, read-only (named as staff and trainee both read them: "Eigen talent", not "Mijn talent"). */
export function PlanFacts({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const parts = [
    ["ownTalent", t("course.plan.part.ownTalent")],
    ["ownStory", t("course.plan.part.ownStory")],
    ["challenges", t("course.plan.part.challenges")],
  ] as const;
  return (
    <dl className="facts plan-facts">
      {parts.map(([part, label]) => (
        <div key={part}>
          <dt>{label}</dt>
          <dd className="plan-text">{plan[part] || t("course.plan.empty")}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface GoalView {
  id: string;
  description: string;
  status: GoalStatus;
}

/** The learning goals, each with its own small form, and a form to add one. */
export function GoalForms({ goals, errors, sent, hidden = {}, idPrefix = "" }: { goals: readonly GoalView[]; errors: FormErrors; sent: Record<string, string>; hidden?: Record<string, string>; idPrefix?: string }) {
  const { t } = useTranslation();
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  const sentHere = Object.entries(hidden).every(([name, value]) => sent[name] === value);
  const addErrors = sent.intent === "addGoal" && sentHere ? errors : undefined;
  return (
    <>
      {goals.length === 0 ? (
        <p className="utrecht-paragraph">{t("course.goals.none")}</p>
      ) : (
        <ol className="goal-list">
          {goals.map((goal, index) => {
            const mine = sent.intent === "updateGoal" && sent.goalId === goal.id ? errors : undefined;
            const id = `${idPrefix}goal-${goal.id}`;
            return (
              <li key={goal.id} className="goal-list__item">
                <Form method="post" className="form-stack" noValidate>
                  <ErrorSummary errors={mine} labels={{ description: t("course.goals.description"), status: t("course.goals.status") }} />
                  <input type="hidden" name="intent" value="updateGoal" />
                  <input type="hidden" name="goalId" value={goal.id} />
                  {hiddenInputs}
                  <div className="utrecht-form-field utrecht-form-field--text">
                    <label className="utrecht-form-label" htmlFor={mine ? "field-description" : `${id}-description`}>
                      {t("course.goals.numbered", { number: index + 1 })}
                    </label>
                    <textarea
                      className="utrecht-textarea utrecht-textarea--html-textarea"
                      id={mine ? "field-description" : `${id}-description`}
                      name="description"
                      rows={2}
                      maxLength={500}
                      defaultValue={mine ? sent.description : goal.description}
                    />
                  </div>
                  <div className="utrecht-form-field utrecht-form-field--text">
                    <label className="utrecht-form-label" htmlFor={mine ? "field-status" : `${id}-status`}>
                      {t("course.goals.status")}
                    </label>
                    <select className="utrecht-select utrecht-select--html-select" id={mine ? "field-status" : `${id}-status`} name="status" defaultValue={goal.status}>
                      {GOAL_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`course.goalStatus.${status}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="button-row">
                    <SubmitButton appearance="secondary">
                      {t("course.goals.save")}
                      <span className="visually-hidden"> {t("course.goals.numbered", { number: index + 1 })}</span>
                    </SubmitButton>
                  </div>
                </Form>
              </li>
            );
          })}
        </ol>
      )}
      <Form method="post" className="form-stack" noValidate>
        <h3 className="utrecht-heading-3">{t("course.goals.add")}</h3>
        <ErrorSummary errors={addErrors} labels={{ description: t("course.goals.description") }} />
        <input type="hidden" name="intent" value="addGoal" />
        {hiddenInputs}
        <div className={`utrecht-form-field utrecht-form-field--text${addErrors?.description ? " utrecht-form-field--invalid" : ""}`}>
          <label className="utrecht-form-label" htmlFor={addErrors ? "field-description" : `${idPrefix}new-goal`}>
            {t("course.goals.description")}
          </label>
          {addErrors?.description && (
            <p className="utrecht-form-field-error-message" id={`${idPrefix}new-goal-error`}>
              {addErrors.description}
            </p>
          )}
          <textarea
            className="utrecht-textarea utrecht-textarea--html-textarea"
            id={addErrors ? "field-description" : `${idPrefix}new-goal`}
            name="description"
            rows={2}
            maxLength={500}
            aria-describedby={addErrors?.description ? `${idPrefix}new-goal-error` : undefined}
            defaultValue={addErrors ? sent.description : ""}
          />
        </div>
        <div className="button-row">
          <SubmitButton appearance="secondary">{t("course.goals.addButton")}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export interface ChangeView {
  id: number;
  part: string;
  newValue: string | null;
  by: string | null;
  at: string;
}

/** Who changed which part of the plan, when, and to what. */
export function ChangeHistory({ changes, goals }: { changes: readonly ChangeView[]; goals: readonly GoalView[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="utrecht-paragraph">{t("course.history.none")}</p>;
  const partLabel = (part: string) => {
    if (part === "own_talent") return t("course.plan.part.ownTalent");
    if (part === "own_story") return t("course.plan.part.ownStory");
    if (part === "challenges") return t("course.plan.part.challenges");
    if (part === "observations") return t("course.plan.observations");
    const index = goals.findIndex((g) => `goal:${g.id}` === part);
    return index >= 0 ? t("course.goals.numbered", { number: index + 1 }) : t("course.history.goal");
  };
  const valueText = (value: string | null) => {
    if (value === null || value === "") return t("course.history.emptied");
    const status = /^status:(open|working_on|achieved|dropped)$/.exec(value)?.[1] as GoalStatus | undefined;
    if (status) return t("course.history.status", { status: t(`course.goalStatus.${status}`) });
    return value.length > 160 ? `${value.slice(0, 160)}…` : value;
  };
  return (
    <DataTable caption={t("course.history.title")} columns={[t("course.history.when"), t("course.history.who"), t("course.history.part"), t("course.history.newValue")]}>
      {changes.map((change) => (
        <tr key={change.id}>
          <td>{change.at}</td>
          <td>{change.by ?? t("course.history.unknownPerson")}</td>
          <td>{partLabel(change.part)}</td>
          <td className="plan-text">{valueText(change.newValue)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export interface ScheduleView {
  id: string;
  kind: "meeting" | "follow_up";
  title: string;
  when: string;
  cancelled: boolean;
  attendance: "present" | "absent_with_notice" | "absent" | null;
  isLate: boolean;
  location?: string;
}

export interface CompletionView {
  attended: number;
  recorded: number;
  remaining: number;
  minMeetings: number;
  met: boolean;
  meetingsMet: boolean;
  missingAssessments: number;
  risk: "none" | "only_just" | "cannot";
  ratePercent: number | null;
}

export function attendanceLabel(t: ReturnType<typeof useTranslation>["t"], item: Pick<ScheduleView, "attendance" | "isLate" | "cancelled">): string {
  if (item.cancelled) return t("course.session.cancelled");
  if (item.attendance === null) return t("course.attendanceStatus.none");
  return item.isLate ? t("course.attendanceStatus.late") : t(`course.attendanceStatus.${item.attendance}`);
}

/** The count against the completion rule, the rate, the at-risk flag and every session. */
export function AttendanceSummary({ completion, schedule, sessionPath, own = false }: { completion: CompletionView; schedule: readonly ScheduleView[]; sessionPath?: (id: string) => string; own?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="utrecht-paragraph">
        {t("course.attendance.summary", { attended: completion.attended, recorded: completion.recorded, min: completion.minMeetings })}
        {completion.ratePercent !== null && <> {t("course.attendance.rate", { rate: completion.ratePercent })}</>}
      </p>
      {completion.risk !== "none" && (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            <strong>{t("course.attendance.atRisk")}</strong>{" "}
            {t(own ? `course.attendance.risk.own.${completion.risk}` : `course.attendance.risk.${completion.risk}`, { remaining: completion.remaining, min: completion.minMeetings })}
          </p>
        </Alert>
      )}
      {schedule.length === 0 ? (
        <p className="utrecht-paragraph">{t("course.schedule.none")}</p>
      ) : (
        <DataTable caption={t("course.schedule.caption")} columns={[t("course.schedule.when"), t("course.schedule.what"), ...(own ? [t("course.schedule.where")] : []), t("course.schedule.attendance")]}>
          {schedule.map((session) => (
            <tr key={session.id}>
              <td>{session.when}</td>
              <td>
                {sessionPath && !session.cancelled ? (
                  <a className="utrecht-link" href={sessionPath(session.id)}>
                    {session.title || t(`course.sessionKind.${session.kind}`)}
                  </a>
                ) : (
                  session.title || t(`course.sessionKind.${session.kind}`)
                )}
              </td>
              {own && <td>{session.location}</td>}
              <td>{attendanceLabel(t, session)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

interface CompetenceView {
  id: string;
  name: string;
  levels: readonly { level: number; name: string }[];
}
interface MomentView {
  id: string;
  name: string;
}
interface AssessmentView {
  momentId: string;
  competenceId: string;
  level: number;
  narrative: string;
}

/** Per competence the level at each moment: the table that the chart stands in for. */
export function ProgressTable({ competences, moments, assessments, showNarratives = false }: { competences: readonly CompetenceView[]; moments: readonly MomentView[]; assessments: readonly AssessmentView[]; showNarratives?: boolean }) {
  const { t } = useTranslation();
  if (competences.length === 0) return <p className="utrecht-paragraph">{t("course.assessment.noCompetences")}</p>;
  return (
    <DataTable caption={t("course.progress.caption")} columns={[t("course.progress.competence"), ...moments.map((m) => m.name)]}>
      {competences.map((competence) => {
        const max = competence.levels.at(-1)?.level ?? 0;
        return (
          <tr key={competence.id}>
            <th scope="row">{competence.name}</th>
            {moments.map((moment) => {
              const given = assessments.find((a) => a.momentId === moment.id && a.competenceId === competence.id);
              const level = given ? competence.levels.find((l) => l.level === given.level) : undefined;
              return (
                <td key={moment.id}>
                  {given ? t("course.progress.level", { level: given.level, max, name: level?.name ?? "" }) : t("course.progress.notYet")}
                  {showNarratives && given?.narrative && <p className="utrecht-paragraph plan-text">{given.narrative}</p>}
                </td>
              );
            })}
          </tr>
        );
      })}
    </DataTable>
  );
}

/**
 * A bar per competence and moment, drawn on the server. The table next to it says the same in
 * words, so the picture is hidden from screen readers.
 */
export function ProgressChart({ competences, moments, assessments }: { competences: readonly CompetenceView[]; moments: readonly MomentView[]; assessments: readonly AssessmentView[] }) {
  const { t } = useTranslation();
  if (competences.length === 0 || moments.length === 0) return null;
  const rowHeight = 18 * moments.length + 26;
  const width = 320;
  const labelWidth = 0;
  const height = rowHeight * competences.length + 8;
  const shades = ["#1d4f91", "#5b8bd0", "#9bbbe8", "#3c6e47", "#7a5195"];
  return (
    <figure className="progress-chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-hidden="true" focusable="false">
        {competences.map((competence, row) => {
          const max = competence.levels.at(-1)?.level ?? 1;
          const top = row * rowHeight;
          return (
            <g key={competence.id}>
              <text x={labelWidth} y={top + 14} fontSize="12" fill="#1a1a1a">
                {competence.name}
              </text>
              {moments.map((moment, index) => {
                const given = assessments.find((a) => a.momentId === moment.id && a.competenceId === competence.id);
                const barWidth = given ? ((width - 40) * given.level) / max : 0;
                const y = top + 20 + index * 18;
                return (
                  <g key={moment.id}>
                    <rect x={0} y={y} width={width - 40} height={14} fill="#eeeeee" />
                    <rect x={0} y={y} width={barWidth} height={14} fill={shades[index % shades.length]} />
                    <text x={width - 36} y={y + 11} fontSize="11" fill="#1a1a1a">
                      {given ? `${given.level}/${max}` : "–"}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="form-hint">
        {t("course.progress.chartCaption", { moments: moments.map((m, index) => `${index + 1}. ${m.name}`).join(", ") })}
      </figcaption>
    </figure>
  );
}

interface RubricCompetence {
  id: string;
  name: string;
  description: string | null;
  levels: readonly { level: number; name: string; description: string | null }[];
}

/**
 * The rubric part of an assessment form: per competence its levels as radio buttons (with each
 * level's description) and a narrative. Shared by the course assessments and the final report's.
 * `errors` are this form's own errors after a refused post; the summary then links to
 * field-<name>, otherwise ids are made unique with `idPrefix` (several forms on one page).
 */
export function RubricFieldsets({
  competences,
  given,
  errors,
  sent,
  idPrefix,
  fieldNames,
}: {
  competences: readonly RubricCompetence[];
  given: readonly { competenceId: string; level: number; narrative: string }[];
  errors: FormErrors;
  sent: Readonly<Record<string, string>>;
  idPrefix: string;
  fieldNames: (competenceId: string) => { level: string; narrative: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      {competences.map((competence) => {
        const fields = fieldNames(competence.id);
        const earlier = given.find((a) => a.competenceId === competence.id);
        const chosen = errors ? sent[fields.level] : earlier?.level.toString();
        const prefix = `${idPrefix}-${competence.id}`;
        const narrativeId = errors ? `field-${fields.narrative}` : `narrative-${prefix}`;
        return (
          <fieldset className="utrecht-form-fieldset rubric" key={competence.id} aria-describedby={errors?.[fields.level] ? `field-${fields.level}-error` : undefined}>
            <legend className="utrecht-form-fieldset__legend">{competence.name}</legend>
            {competence.description && <p className="utrecht-paragraph form-hint">{competence.description}</p>}
            {errors?.[fields.level] && (
              <p className="utrecht-form-field-error-message" id={`field-${fields.level}-error`}>
                {errors[fields.level]}
              </p>
            )}
            {competence.levels.map((level, index) => {
              const id = index === 0 && errors ? `field-${fields.level}` : `level-${prefix}-${level.level}`;
              return (
                <div className="utrecht-form-field utrecht-form-field--radio" key={level.level}>
                  <input
                    className="utrecht-radio-button utrecht-radio-button--html-input"
                    type="radio"
                    name={fields.level}
                    value={level.level}
                    id={id}
                    defaultChecked={chosen === String(level.level)}
                    aria-describedby={level.description ? `level-${prefix}-${level.level}-description` : undefined}
                  />
                  <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                    {t("course.assessment.level", { level: level.level, name: level.name })}
                  </label>
                  {level.description && (
                    <p className="utrecht-paragraph form-hint rubric__description" id={`level-${prefix}-${level.level}-description`}>
                      {level.description}
                    </p>
                  )}
                </div>
              );
            })}
            <div className="utrecht-form-field utrecht-form-field--text">
              <label className="utrecht-form-label" htmlFor={narrativeId}>
                {t("course.assessment.narrative")} <span className="form-optional">({t("form.optional")})</span>
              </label>
              {errors?.[fields.narrative] && (
                <p className="utrecht-form-field-error-message" id={`${narrativeId}-error`}>
                  {errors[fields.narrative]}
                </p>
              )}
              <textarea
                className="utrecht-textarea utrecht-textarea--html-textarea"
                id={narrativeId}
                aria-invalid={errors?.[fields.narrative] ? true : undefined}
                aria-describedby={errors?.[fields.narrative] ? `${narrativeId}-error` : undefined}
                name={fields.narrative}
                rows={3}
                maxLength={2000}
                defaultValue={errors ? sent[fields.narrative] : (earlier?.narrative ?? "")}
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
