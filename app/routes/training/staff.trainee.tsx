import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { authorizeRunCohort, readCourseNotice, withCourseNotice } from "~/features/training/course-access.server";
import { findStaffTrainee } from "~/features/training/course-reads.server";
import { addGoalInput, assessmentFields, observationsInput, parseAssessmentForm, PLAN_TEXT_MAX, updateGoalInput } from "~/features/training/course-schema";
import { addLearningGoal, saveAssessments, saveObservations, updateLearningGoal } from "~/features/training/course-writes.server";
import { issueParticipationCertificate } from "~/features/training/certificates.server";
import { notFound } from "~/features/authorization/gate.server";
import { listEnrolmentPlacements } from "~/features/practice/placements-reads.server";
import { placementPath } from "~/features/practice/urls";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { AttendanceSummary, ChangeHistory, GoalForms, ProgressTable, PlanFacts, RubricFieldsets } from "~/components/course";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.trainee";
import courseCss from "~/styles/course.css?url";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort } = await authorizeRunCohort(request, params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const trainee = await findStaffTrainee(municipality.id, cohort, params.enrolmentId ?? "");
  if (!trainee) throw notFound();
  // The page shows the plan, the attendance and the assessments of one person: each is logged.
  await db().transaction(async (tx) => {
    for (const resource of ["development_plan", "attendance", "assessments"] as const) {
      await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: trainee.enrolment.userId }, resource });
    }
  });
  return {
    ...staffPageData(user, municipality),
    notice: readCourseNotice(request),
    slug: municipality.slug,
    cohort: { id: cohort.id, name: cohort.name, trackName: cohort.trackName },
    trainee: { name: trainee.enrolment.name, email: trainee.enrolment.email, status: trainee.enrolment.status },
    enrolmentId: trainee.enrolment.id,
    placements: (await listEnrolmentPlacements(municipality.id, trainee.enrolment.id)).map((p) => ({ id: p.id, status: p.status, partnerName: p.partnerName, proposedOn: formatInZone(p.proposedAt, locale, { dateStyle: "long" }) })),
    plan: trainee.plan,
    goals: trainee.goals.map((g) => ({ id: g.id, description: g.description, status: g.status })),
    changes: trainee.changes.map((c) => ({ id: c.id, part: c.part, newValue: c.newValue, by: c.changedByName, at: formatInZone(c.changedAt, locale, { dateStyle: "medium", timeStyle: "short" }) })),
    schedule: trainee.schedule.map((s) => ({ id: s.id, kind: s.kind, title: s.title, when: formatInZone(s.startsAt, locale, { dateStyle: "medium", timeStyle: "short" }), cancelled: s.cancelledAt !== null, attendance: s.attendance, isLate: s.isLate })),
    completion: trainee.completion,
    moments: trainee.moments,
    competences: trainee.competences,
    assessments: trainee.assessments,
    certificate: trainee.certificate ? { code: trainee.certificate.verificationCode, issuedOn: formatInZone(trainee.certificate.issuedAt, locale, { dateStyle: "long" }) } : null,
    title: `${trainee.enrolment.name} — ${cohort.name} — ${municipality.name}`,
    canIssue: trainee.completion.met && !trainee.certificate && trainee.enrolment.status !== "withdrawn",
    notMetReason: trainee.completion.met ? null : t("course.certificate.notMet", { attended: trainee.completion.attended, min: trainee.completion.minMeetings, missing: trainee.completion.missingAssessments }),
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, cohort } = await authorizeRunCohort(request, params.slug, params.cohortId);
  const { locale, t } = await getTranslator(request);
  const trainee = await findStaffTrainee(municipality.id, cohort, params.enrolmentId ?? "");
  if (!trainee) throw notFound();
  const enrolment = { id: trainee.enrolment.id, municipalityId: municipality.id, cohortId: cohort.id };
  const path = `/beheer/${municipality.slug}/cohorten/${cohort.id}/cursisten/${enrolment.id}`;
  const values = formToObject(await readForm(request));
  const audit = (resource: "development_plan" | "assessments") =>
    logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: trainee.enrolment.userId }, resource, action: "change" });

  switch (values.intent) {
    case "observations": {
      const parsed = parseInput(observationsInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      if ((await saveObservations(municipality.id, enrolment.id, parsed.data.observations, user.id)) > 0) await audit("development_plan");
      return redirect(`${withCourseNotice(path, "opgeslagen")}#plan`);
    }
    case "addGoal": {
      const parsed = parseInput(addGoalInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      await addLearningGoal(enrolment, parsed.data.description, user.id);
      await audit("development_plan");
      return redirect(`${withCourseNotice(path, "doel-toegevoegd")}#leerdoelen`);
    }
    case "updateGoal": {
      const parsed = parseInput(updateGoalInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      if (!(await updateLearningGoal(enrolment, parsed.data, user.id))) return invalid({ _form: t("course.goal.notFound") }, values);
      await audit("development_plan");
      return redirect(`${withCourseNotice(path, "opgeslagen")}#leerdoelen`);
    }
    case "assess": {
      const parsed = parseAssessmentForm(values, trainee.competences.map((c) => ({ id: c.id, levels: c.levels.map((l) => l.level) })));
      if (!parsed.ok) return invalid(Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, t(key)])), values);
      if (!trainee.moments.some((m) => m.id === parsed.momentId)) return invalid({ _form: t("course.assessment.unknownMoment") }, values);
      if (!(await saveAssessments(municipality.id, enrolment, parsed.momentId, parsed.entries, user.id))) return invalid({ _form: t("course.assessment.unknownMoment") }, values);
      await audit("assessments");
      return redirect(`${withCourseNotice(path, "beoordeeld")}#beoordelingen`);
    }
    case "issueCertificate": {
      if (trainee.certificate) return redirect(`${withCourseNotice(path, "al-uitgereikt")}#bewijs`);
      if (!trainee.completion.met || trainee.enrolment.status === "withdrawn") {
        return invalid({ _form: t("course.certificate.refused", { attended: trainee.completion.attended, min: trainee.completion.minMeetings, missing: trainee.completion.missingAssessments }) }, { intent: "issueCertificate" });
      }
      const issued = await issueParticipationCertificate(municipality.id, enrolment.id, user.id);
      if (!issued.ok) throw notFound();
      return redirect(`${withCourseNotice(path, issued.created ? "uitgereikt" : "al-uitgereikt")}#bewijs`);
    }
    default:
      return invalid({ _form: t("validation.invalid") });
  }
}

export default function StaffTrainee({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { trainee, plan, cohort, slug, completion, certificate } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const errorsFor = (intent: string) => (sent.intent === intent ? errors : undefined);
  const basePath = `/beheer/${slug}/cohorten/${cohort.id}`;
  return (
    <>
      <StaffPageHeader title={trainee.name} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">
        {t("course.staff.traineeOf", { cohort: cohort.name, track: cohort.trackName })} · <a className="utrecht-link" href={`mailto:${trainee.email}`}>{trainee.email}</a>
        {trainee.status !== "active" && <> · {t(`course.enrolmentStatus.${trainee.status}`)}</>}
      </p>
      <p>
        <Link className="utrecht-link" to={basePath}>
          {t("course.staff.backToCohort")}
        </Link>
      </p>
      {errors && !sent.intent && <ErrorSummary errors={errors} labels={{}} />}

      <section className="page-section" aria-labelledby="plan" >
        <h2 className="utrecht-heading-2" id="plan" tabIndex={-1}>
          {t("course.plan.title")}
        </h2>
        <p className="utrecht-paragraph form-hint">{t("course.staff.planHint")}</p>
        <PlanFacts plan={plan} />
        <PostForm>
          <ErrorSummary errors={errorsFor("observations")} labels={{ observations: t("course.plan.observations") }} />
          <input type="hidden" name="intent" value="observations" />
          <TextAreaField name="observations" label={t("course.plan.observations")} description={t("course.plan.observationsHint")} maxLength={PLAN_TEXT_MAX} defaultValue={sent.intent === "observations" ? sent.observations : plan.observations} errors={errorsFor("observations")} />
          <div className="button-row">
            <SubmitButton>{t("course.plan.saveObservations")}</SubmitButton>
          </div>
        </PostForm>
      </section>

      <section className="page-section" aria-labelledby="leerdoelen">
        <h2 className="utrecht-heading-2" id="leerdoelen" tabIndex={-1}>
          {t("course.goals.title")}
        </h2>
        <GoalForms goals={loaderData.goals} errors={errors} sent={sent} />
      </section>

      <section className="page-section" aria-labelledby="geschiedenis">
        <h2 className="utrecht-heading-2" id="geschiedenis">
          {t("course.history.title")}
        </h2>
        <ChangeHistory changes={loaderData.changes} goals={loaderData.goals} />
      </section>

      <section className="page-section" aria-labelledby="aanwezigheid">
        <h2 className="utrecht-heading-2" id="aanwezigheid">
          {t("course.attendance.title")}
        </h2>
        <AttendanceSummary completion={completion} schedule={loaderData.schedule} sessionPath={(id) => `${basePath}/bijeenkomsten/${id}`} />
      </section>

      <section className="page-section" aria-labelledby="beoordelingen">
        <h2 className="utrecht-heading-2" id="beoordelingen" tabIndex={-1}>
          {t("course.assessment.title")}
        </h2>
        {loaderData.moments.length === 0 ? (
          <p className="utrecht-paragraph">
            {t("course.assessment.noMoments")}{" "}
            <Link className="utrecht-link" to={`${basePath}/beoordelingen`}>
              {t("course.assessment.addMomentLink")}
            </Link>
          </p>
        ) : (
          <>
            <ProgressTable competences={loaderData.competences} moments={loaderData.moments} assessments={loaderData.assessments} />
            {loaderData.moments.map((moment) => {
              const mine = errorsFor("assess") && sent.momentId === moment.id ? errors : undefined;
              return (
                <PostForm key={moment.id}>
                  <h3 className="utrecht-heading-3" id={`moment-${moment.id}`}>
                    {t("course.assessment.formTitle", { moment: moment.name })}
                  </h3>
                  <ErrorSummary errors={mine} labels={Object.fromEntries(loaderData.competences.flatMap((c) => [[assessmentFields(c.id).level, c.name], [assessmentFields(c.id).narrative, `${c.name}: ${t("course.assessment.narrative")}`]]))} />
                  <input type="hidden" name="intent" value="assess" />
                  <input type="hidden" name="momentId" value={moment.id} />
                  <RubricFieldsets
                    competences={loaderData.competences}
                    given={loaderData.assessments.filter((a) => a.momentId === moment.id)}
                    errors={mine}
                    sent={sent}
                    idPrefix={moment.id}
                    fieldNames={assessmentFields}
                  />
                  <div className="button-row">
                    <SubmitButton>{t("course.assessment.save", { moment: moment.name })}</SubmitButton>
                  </div>
                </PostForm>
              );
            })}
          </>
        )}
      </section>

      <section className="page-section" aria-labelledby="overdracht">
        <h2 className="utrecht-heading-2" id="overdracht">
          {t("handover.title")}
        </h2>
        {loaderData.placements.length > 0 && (
          <ul className="utrecht-unordered-list">
            {loaderData.placements.map((p) => (
              <li className="utrecht-unordered-list__item" key={p.id}>
                <Link className="utrecht-link" to={placementPath(slug, p.id)}>
                  {t("handover.trainee.placementLine", { partner: p.partnerName, date: p.proposedOn })}
                </Link>{" "}
                ({t(`handover.status.${p.status}`)})
              </li>
            ))}
          </ul>
        )}
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${basePath}/cursisten/${loaderData.enrolmentId}/overdracht`}>
            {t("handover.propose.link", { name: trainee.name })}
          </Link>
        </p>
      </section>

      <section className="page-section" aria-labelledby="bewijs">
        <h2 className="utrecht-heading-2" id="bewijs" tabIndex={-1}>
          {t("course.certificate.title")}
        </h2>
        <ErrorSummary errors={errorsFor("issueCertificate")} labels={{}} />
        {certificate ? (
          <p className="utrecht-paragraph">
            {t("course.certificate.issuedOn", { date: certificate.issuedOn, code: certificate.code })}{" "}
            <a className="utrecht-link" href={`/certificaat/${certificate.code}`}>
              {t("course.certificate.verifyLink")}
            </a>
          </p>
        ) : (
          <Form method="post" className="form-stack" noValidate>
            <input type="hidden" name="intent" value="issueCertificate" />
            {!loaderData.canIssue && loaderData.notMetReason && (
              <Alert type="info">
                <p className="utrecht-paragraph" id="certificate-not-met">
                  {loaderData.notMetReason}
                </p>
              </Alert>
            )}
            <div className="button-row">
              <button
                type="submit"
                className="utrecht-button utrecht-button--primary-action"
                disabled={!loaderData.canIssue}
                aria-describedby={!loaderData.canIssue && loaderData.notMetReason ? "certificate-not-met" : undefined}
              >
                {t("course.certificate.issue")}
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}
