import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { OwnCitytrainerCertificate } from "~/features/certificates/components/own-certificate";
import { ownCertificateView } from "~/features/certificates/reads.server";
import { findOwnActiveEnrolment, listOwnCourses, type OwnCourse } from "~/features/training/course-reads.server";
import { addGoalInput, ownPlanInput, PLAN_TEXT_MAX, updateGoalInput } from "~/features/training/course-schema";
import { addLearningGoal, saveOwnPlan, updateLearningGoal } from "~/features/training/course-writes.server";
import { AttendanceSummary, ChangeHistory, GoalForms, ProgressChart, ProgressTable } from "~/components/course";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { Locale } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import { OWN_PRACTICE_PATHS } from "~/features/practice/urls";
import type { Route } from "./+types/my-course";
import courseCss from "~/styles/course.css?url";

/**
 * "Mijn cursus": the trainee's own course in every cohort they are (or were) in: schedule,
 * attendance, their development plan (their parts and learning goals are theirs to edit; the
 * course leader's observations they only read), assessments, the certificate and the course
 * leaders' contact.
 */
const NOTICES = { opgeslagen: "form.saved", "doel-toegevoegd": "course.notice.goalAdded" } as const;

function view(course: OwnCourse, locale: Locale) {
  return {
    id: course.id,
    status: course.status,
    cohortName: course.cohortName,
    trackName: course.trackName,
    municipalityName: course.municipalityName,
    location: course.location,
    leaders: course.leaders,
    plan: course.plan,
    goals: course.goals.map((g) => ({ id: g.id, description: g.description, status: g.status })),
    changes: course.changes.map((c) => ({ id: c.id, part: c.part, newValue: c.newValue, by: c.changedByName, at: formatInZone(c.changedAt, locale, { dateStyle: "medium", timeStyle: "short" }) })),
    schedule: course.schedule.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      when: `${formatInZone(s.startsAt, locale, { dateStyle: "medium", timeStyle: "short" })} – ${formatInZone(s.endsAt, locale, { timeStyle: "short" })}`,
      location: s.location,
      cancelled: s.cancelledAt !== null,
      attendance: s.attendance,
      isLate: s.isLate,
    })),
    completion: course.completion,
    moments: course.moments.map((m) => ({ id: m.id, name: m.name })),
    competences: course.competences.map((c) => ({ id: c.id, name: c.name, levels: c.levels.map((l) => ({ level: l.level, name: l.name })) })),
    assessments: course.assessments,
    certificate: course.certificate && course.certificate.revokedAt === null ? { id: course.certificate.id, code: course.certificate.verificationCode } : null,
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const [courses, citytrainer] = await Promise.all([listOwnCourses(user.id), ownCertificateView(user.id, (date) => formatInZone(date, locale, { dateStyle: "long" }))]);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    title: `${t("course.mine.title")} — Buurtkracht`,
    courses: courses.map((c) => view(c, locale)),
    citytrainer,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const enrolment = await findOwnActiveEnrolment(user.id, typeof values.enrolmentId === "string" ? values.enrolmentId : "");
  if (!enrolment) return invalid({ _form: t("course.mine.notYours") }, values);
  const back = (notice: keyof typeof NOTICES, anchor: string) => redirect(`/mijn-cursus?melding=${notice}#${anchor}-${enrolment.id}`);
  switch (values.intent) {
    case "plan": {
      const parsed = parseInput(ownPlanInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      await saveOwnPlan(enrolment, parsed.data, user.id);
      return back("opgeslagen", "plan");
    }
    case "addGoal": {
      const parsed = parseInput(addGoalInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      await addLearningGoal(enrolment, parsed.data.description, user.id);
      return back("doel-toegevoegd", "leerdoelen");
    }
    case "updateGoal": {
      const parsed = parseInput(updateGoalInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      if (!(await updateLearningGoal(enrolment, parsed.data, user.id))) return invalid({ _form: t("course.goal.notFound") }, values);
      return back("opgeslagen", "leerdoelen");
    }
    default:
      return invalid({ _form: t("validation.invalid") }, values);
  }
}

export default function MyCourse({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { courses } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="my-course">
      <PageTitle>{t("course.mine.title")}</PageTitle>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={OWN_PRACTICE_PATHS.timeline}>
          {t("timeline.link")}
        </a>
      </p>
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      {errors?._form && !sent.enrolmentId && <ErrorSummary errors={errors} labels={{}} />}
      {loaderData.citytrainer && <OwnCitytrainerCertificate certificate={loaderData.citytrainer} />}
      {courses.length === 0 && <p className="utrecht-paragraph">{t("course.mine.none")}</p>}
      {courses.map((course) => {
        const here = sent.enrolmentId === course.id;
        const planErrors = here && sent.intent === "plan" ? errors : undefined;
        const editable = course.status === "active";
        const idPrefix = courses.length > 1 ? `${course.id}-` : "";
        return (
          <article key={course.id} className="my-course__course" aria-labelledby={`course-${course.id}`}>
            <h2 className="utrecht-heading-2" id={`course-${course.id}`}>
              {course.trackName}: {course.cohortName}
            </h2>
            <p className="utrecht-paragraph">
              {course.municipalityName} · {course.location}
              {course.status === "completed" && <> · {t("course.enrolmentStatus.completed")}</>}
            </p>
            {here && errors?._form && <ErrorSummary errors={{ _form: errors._form }} labels={{}} />}

            <section className="page-section" aria-labelledby={`schedule-${course.id}`}>
              <h3 className="utrecht-heading-3" id={`schedule-${course.id}`}>
                {t("course.mine.schedule")}
              </h3>
              <p className="utrecht-paragraph">
                <a className="utrecht-link" href="/account/cursusagenda">
                  {t("course.mine.calendarLink")}
                </a>
              </p>
              <AttendanceSummary completion={course.completion} schedule={course.schedule} own />
            </section>

            <section className="page-section" aria-labelledby={`plan-${course.id}`}>
              <h3 className="utrecht-heading-3" id={`plan-${course.id}`} tabIndex={-1}>
                {t("course.plan.title")}
              </h3>
              {editable ? (
                <PostForm>
                  <ErrorSummary errors={planErrors} labels={{ ownTalent: t("course.plan.ownTalent"), ownStory: t("course.plan.ownStory"), challenges: t("course.plan.challenges") }} />
                  <input type="hidden" name="intent" value="plan" />
                  <input type="hidden" name="enrolmentId" value={course.id} />
                  {(["ownTalent", "ownStory", "challenges"] as const).map((part) =>
                    courses.length > 1 && !planErrors ? (
                      <div className="utrecht-form-field utrecht-form-field--text" key={part}>
                        <label className="utrecht-form-label" htmlFor={`${idPrefix}${part}`}>
                          {t(`course.plan.${part}`)} <span className="form-optional">({t("form.optional")})</span>
                        </label>
                        <textarea className="utrecht-textarea utrecht-textarea--html-textarea" id={`${idPrefix}${part}`} name={part} rows={4} maxLength={PLAN_TEXT_MAX} defaultValue={course.plan[part]} />
                      </div>
                    ) : (
                      <TextAreaField key={part} name={part} label={t(`course.plan.${part}`)} description={t(`course.plan.${part}Hint`)} rows={4} maxLength={PLAN_TEXT_MAX} defaultValue={planErrors ? sent[part] : course.plan[part]} errors={planErrors} />
                    ),
                  )}
                  <div className="button-row">
                    <SubmitButton>{t("course.plan.save")}</SubmitButton>
                  </div>
                </PostForm>
              ) : (
                <dl className="facts plan-facts">
                  {(["ownTalent", "ownStory", "challenges"] as const).map((part) => (
                    <div key={part}>
                      <dt>{t(`course.plan.${part}`)}</dt>
                      <dd className="plan-text">{course.plan[part] || t("course.plan.empty")}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <h4 className="utrecht-heading-4">{t("course.plan.observationsOfLeader")}</h4>
              <p className="utrecht-paragraph plan-text">{course.plan.observations || t("course.plan.noObservations")}</p>
            </section>

            <section className="page-section" aria-labelledby={`leerdoelen-${course.id}`}>
              <h3 className="utrecht-heading-3" id={`leerdoelen-${course.id}`} tabIndex={-1}>
                {t("course.goals.title")}
              </h3>
              {editable ? (
                <GoalForms goals={course.goals} errors={here ? errors : undefined} sent={here ? sent : {}} hidden={{ enrolmentId: course.id }} idPrefix={idPrefix} />
              ) : (
                <ul>
                  {course.goals.map((goal) => (
                    <li key={goal.id}>
                      {goal.description} ({t(`course.goalStatus.${goal.status}`)})
                    </li>
                  ))}
                </ul>
              )}
              <details className="history">
                <summary>{t("course.history.title")}</summary>
                <ChangeHistory changes={course.changes} goals={course.goals} />
              </details>
            </section>

            <section className="page-section" aria-labelledby={`assessments-${course.id}`}>
              <h3 className="utrecht-heading-3" id={`assessments-${course.id}`}>
                {t("course.mine.assessments")}
              </h3>
              {course.moments.length === 0 ? (
                <p className="utrecht-paragraph">{t("course.mine.noAssessments")}</p>
              ) : (
                <>
                  <ProgressChart competences={course.competences} moments={course.moments} assessments={course.assessments} />
                  <ProgressTable competences={course.competences} moments={course.moments} assessments={course.assessments} showNarratives />
                </>
              )}
            </section>

            <section className="page-section" aria-labelledby={`certificate-${course.id}`}>
              <h3 className="utrecht-heading-3" id={`certificate-${course.id}`}>
                {t("course.certificate.title")}
              </h3>
              {course.certificate ? (
                <p className="utrecht-paragraph">
                  <a className="utrecht-link" href={`/mijn-cursus/bewijs-van-deelname/${course.certificate.id}.pdf`} download>
                    {t("course.mine.downloadCertificate")}
                  </a>
                  <br />
                  {t("course.mine.certificateCode", { code: course.certificate.code })}
                </p>
              ) : (
                <p className="utrecht-paragraph">{t("course.mine.noCertificate", { min: course.completion.minMeetings })}</p>
              )}
            </section>

            <section className="page-section" aria-labelledby={`leaders-${course.id}`}>
              <h3 className="utrecht-heading-3" id={`leaders-${course.id}`}>
                {t("course.mine.leaders")}
              </h3>
              {course.leaders.length === 0 ? (
                <p className="utrecht-paragraph">{t("course.mine.noLeaders")}</p>
              ) : (
                <ul className="leader-list">
                  {course.leaders.map((leader) => (
                    <li key={leader.email}>
                      {leader.name}:{" "}
                      <a className="utrecht-link" href={`mailto:${leader.email}`}>
                        {leader.email}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </article>
        );
      })}
    </div>
  );
}
