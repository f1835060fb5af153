import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { authorizeRunCohort, readCourseNotice, withCourseNotice } from "~/features/training/course-access.server";
import { findSessionAttendance } from "~/features/training/course-reads.server";
import { attendanceFields, parseAttendanceForm } from "~/features/training/course-schema";
import { recordSessionAttendance } from "~/features/training/course-writes.server";
import { ErrorSummary, SubmitButton } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.session";
import courseCss from "~/styles/course.css?url";

const STATUSES = ["present", "absent_with_notice", "absent"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort } = await authorizeRunCohort(request, params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const found = await findSessionAttendance(municipality.id, cohort, params.sessionId ?? "");
  if (!found) throw notFound();
  // The page shows each trainee's attendance: one log row per person.
  await db().transaction(async (tx) => {
    for (const trainee of found.trainees) {
      await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: trainee.userId }, resource: "attendance" });
    }
  });
  const title = found.session.title || t(`course.sessionKind.${found.session.kind}`);
  return {
    ...staffPageData(user, municipality),
    notice: readCourseNotice(request),
    slug: municipality.slug,
    cohort: { id: cohort.id, name: cohort.name },
    session: {
      title,
      when: `${formatInZone(found.session.startsAt, locale)} – ${formatInZone(found.session.endsAt, locale, { timeStyle: "short" })}`,
      location: found.session.location,
      cancelled: found.session.cancelledAt !== null,
    },
    trainees: found.trainees.map((tr) => ({ enrolmentId: tr.enrolmentId, name: tr.name, status: tr.status, isLate: tr.isLate })),
    title: `${t("course.session.attendanceTitle", { session: title })} — ${cohort.name} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, cohort } = await authorizeRunCohort(request, params.slug, params.cohortId);
  const { t } = await getTranslator(request);
  const found = await findSessionAttendance(municipality.id, cohort, params.sessionId ?? "");
  if (!found) throw notFound();
  if (found.session.cancelledAt !== null) return invalid({ _form: t("course.session.cancelledNoAttendance") });
  const values = formToObject(await readForm(request));
  const parsed = parseAttendanceForm(values, found.trainees.map((tr) => tr.enrolmentId));
  if (!parsed.ok) return invalid(Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, t(key)])), values);
  await recordSessionAttendance(municipality.id, found.session.id, parsed.entries, user.id);
  const changed = new Set(parsed.entries.map((e) => e.enrolmentId));
  await db().transaction(async (tx) => {
    for (const trainee of found.trainees.filter((tr) => changed.has(tr.enrolmentId))) {
      await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: trainee.userId }, resource: "attendance", action: "change" });
    }
  });
  return redirect(withCourseNotice(`/beheer/${municipality.slug}/cohorten/${cohort.id}/bijeenkomsten/${found.session.id}`, "aanwezigheid"));
}

export default function StaffSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { session, trainees, cohort, slug } = loaderData;
  const errors = actionData?.errors;
  const sent = actionData?.values as Record<string, string> | undefined;
  const labels = Object.fromEntries(trainees.flatMap((tr) => [[attendanceFields(tr.enrolmentId).status, tr.name], [attendanceFields(tr.enrolmentId).late, `${tr.name} (${t("course.attendance.late")})`]]));
  return (
    <>
      <StaffPageHeader title={t("course.session.attendanceTitle", { session: session.title })} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">
        {session.when}
        <br />
        {session.location} · {cohort.name}
      </p>
      <p>
        <Link className="utrecht-link" to={`/beheer/${slug}/cohorten/${cohort.id}`}>
          {t("course.staff.backToCohort")}
        </Link>
      </p>
      {session.cancelled ? (
        <p className="utrecht-paragraph">{t("course.session.cancelledNoAttendance")}</p>
      ) : trainees.length === 0 ? (
        <p className="utrecht-paragraph">{t("course.session.noTrainees")}</p>
      ) : (
        <Form method="post" className="attendance-form" noValidate>
          <ErrorSummary errors={errors} labels={labels} />
          <ul className="attendance-list">
            {trainees.map((trainee) => {
              const fields = attendanceFields(trainee.enrolmentId);
              const status = sent ? sent[fields.status] : trainee.status;
              const late = sent ? sent[fields.late] === "on" : trainee.isLate;
              const error = errors?.[fields.status] ?? errors?.[fields.late];
              return (
                <li key={trainee.enrolmentId} className="attendance-row">
                  <fieldset className="utrecht-form-fieldset" aria-describedby={error ? `${fields.status}-error` : undefined}>
                    <legend className="utrecht-form-fieldset__legend attendance-row__name">{trainee.name}</legend>
                    {error && (
                      <p className="utrecht-form-field-error-message" id={`${fields.status}-error`}>
                        {error}
                      </p>
                    )}
                    <div className="attendance-row__choices">
                      {STATUSES.map((option, index) => {
                        const id = index === 0 ? `field-${fields.status}` : `${fields.status}-${option}`;
                        return (
                          <div className="utrecht-form-field utrecht-form-field--radio attendance-choice" key={option}>
                            <input className="utrecht-radio-button utrecht-radio-button--html-input" type="radio" name={fields.status} value={option} id={id} defaultChecked={status === option} />
                            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                              {t(`course.attendanceStatus.${option}`)}
                            </label>
                          </div>
                        );
                      })}
                      <div className="utrecht-form-field utrecht-form-field--checkbox attendance-choice">
                        <input className="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name={fields.late} value="on" id={`field-${fields.late}`} defaultChecked={late} />
                        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`field-${fields.late}`}>
                          {t("course.attendance.late")}
                        </label>
                      </div>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
          <p className="utrecht-paragraph form-hint">{t("course.session.lateHint")}</p>
          <div className="button-row">
            <SubmitButton>{t("course.session.saveAll")}</SubmitButton>
          </div>
        </Form>
      )}
    </>
  );
}
