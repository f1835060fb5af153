import { Form, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { staffEventsFrom } from "~/features/training/application-states";
import { authorizeCohortApplications, readApplicationNotice, withApplicationNotice, type ApplicationNotice } from "~/features/training/applications-access.server";
import { findStaffApplication, viewStaffApplication } from "~/features/training/applications-reads.server";
import { decisionInput, intakeInput, notesInput } from "~/features/training/applications-schema";
import { decideApplication, planIntake, saveIntakeNotes, withdrawTrainee } from "~/features/training/applications-writes.server";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone, utcToZonedLocal } from "~/lib/time";
import applicationsCss from "~/styles/training-applications.css?url";
import type { Route } from "./+types/staff.application";

/**
 * One application, for the cohort's course leaders and the project leader: the applicant's data,
 * the intake conversation and notes, and the decision. Every view is written to the access log
 * (application and intake notes) in the same request.
 */
async function openApplication(request: Request, params: Route.LoaderArgs["params"], options: { logView: boolean }) {
  const access = await authorizeCohortApplications(request, params.slug, params.cohortId);
  const application = options.logView
    ? await viewStaffApplication(access.user.actor, access.municipality.id, access.cohort.id, params.applicationId)
    : await findStaffApplication(access.municipality.id, access.cohort.id, params.applicationId);
  if (!application) throw notFound();
  return { ...access, application };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort, canRun, application } = await openApplication(request, params, { logView: true });
  const { t, locale } = await getTranslator(request);
  const intake = application.intakeAt ? utcToZonedLocal(application.intakeAt) : null;
  const consent = application.consent;
  return {
    ...staffPageData(user, municipality),
    notice: readApplicationNotice(request),
    title: `${t("staffApplication.title", { name: application.name })} — ${municipality.name}`,
    heading: t("staffApplication.title", { name: application.name }),
    listPath: `/beheer/${municipality.slug}/cohorten/${cohort.id}/aanmeldingen`,
    application: {
      status: application.status,
      email: application.email,
      dateOfBirth: formatInZone(new Date(`${application.dateOfBirth}T12:00:00Z`), locale, { dateStyle: "long" }),
      age: application.ageOnStart,
      neighbourhood: application.neighbourhoodName,
      motivation: application.motivation,
      talents: application.talents,
      interests: application.interests,
      availability: application.availability,
      heardVia: application.heardVia,
      guardian: application.needsGuardianConsent ? `${application.guardianName ?? ""} (${application.guardianEmail ?? ""})` : null,
      consent: consent
        ? consent.status === "given" && consent.answeredAt
          ? t("staffApplication.consentGiven", { date: formatInZone(consent.answeredAt, locale, { dateStyle: "long" }), version: consent.textVersion })
          : t("staffApplication.consentOther", { status: t(`consentStatus.${consent.status}`), version: consent.textVersion })
        : null,
      intakeText: application.intakeAt ? t("staffApplication.intake.current", { when: formatInZone(application.intakeAt, locale), where: application.intakeLocation ?? "" }) : null,
      intakeDate: intake?.date ?? "",
      intakeTime: intake?.time ?? "",
      intakeLocation: application.intakeLocation ?? "",
      intakeNotes: application.intakeNotes,
    },
    canRun,
    events: canRun ? staffEventsFrom(application.status) : [],
    canWithdrawTrainee: canRun && application.status === "admitted",
    canWriteNotes: canRun && application.status !== "withdrawn" && application.status !== "declined",
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: applicationsCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

const DECISION_NOTICES: Record<"admit" | "waitlist" | "decline" | "withdraw_trainee", ApplicationNotice> = {
  admit: "toegelaten",
  waitlist: "wachtlijst",
  decline: "afgewezen",
  withdraw_trainee: "afgemeld",
};

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, cohort, canRun, application } = await openApplication(request, params, { logView: false });
  const { locale, t } = await getTranslator(request);
  if (!canRun) throw notFound();
  const values = formToObject(await readForm(request));
  const path = `/beheer/${municipality.slug}/cohorten/${cohort.id}/aanmeldingen/${application.id}`;
  if (values.intent === "plan_intake") {
    const parsed = parseInput(intakeInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await planIntake(municipality.id, cohort.id, application.id, parsed.data);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
    return redirect(withApplicationNotice(path, "gepland"));
  }
  if (values.intent === "notes") {
    const parsed = parseInput(notesInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await saveIntakeNotes(municipality.id, cohort.id, application.id, parsed.data.intakeNotes);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
    return redirect(withApplicationNotice(path, "aantekeningen"));
  }
  const parsed = parseInput(decisionInput, values, locale, t);
  if (!parsed.ok) return invalid({ _form: Object.values(parsed.errors)[0] ?? t("validation.invalid") });
  const { intent } = parsed.data;
  const result =
    intent === "withdraw_trainee"
      ? await withdrawTrainee(municipality.id, cohort.id, application.id)
      : await decideApplication(municipality.id, cohort.id, application.id, intent, user.id);
  if (!result.ok) return invalid({ [result.field]: t(result.message) });
  return redirect(withApplicationNotice(path, DECISION_NOTICES[intent]));
}

export default function StaffApplication({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { application } = loaderData;
  const errors = actionData?.errors;
  const sent = actionData?.values as Record<string, string> | undefined;
  const empty = t("staffApplication.empty");
  const intakeLabels = { date: t("staffApplication.intake.date"), time: t("staffApplication.intake.time"), location: t("staffApplication.intake.location") };
  return (
    <>
      <StaffPageHeader title={loaderData.heading} sections={loaderData.sections} notice={loaderData.notice} />
      <p>
        <Link className="utrecht-link" to={loaderData.listPath}>
          {t("staffApplication.back")}
        </Link>
      </p>
      <ErrorSummary errors={errors} labels={{ ...intakeLabels, intakeNotes: t("staffApplication.notes.label") }} />
      <section className="page-section" aria-labelledby="details-heading">
        <h2 className="utrecht-heading-2" id="details-heading">
          {t("staffApplication.details")}
        </h2>
        <dl className="application-facts">
          <dt>{t("staffApplication.status")}</dt>
          <dd>{t(`applicationStatus.${application.status}`)}</dd>
          <dt>{t("staffApplication.email")}</dt>
          <dd>{application.email}</dd>
          <dt>{t("staffApplication.dateOfBirth")}</dt>
          <dd>{application.dateOfBirth}</dd>
          <dt>{t("staffApplication.age")}</dt>
          <dd>{application.age}</dd>
          <dt>{t("staffApplication.neighbourhood")}</dt>
          <dd>{application.neighbourhood ?? empty}</dd>
          <dt>{t("staffApplication.motivation")}</dt>
          <dd>{application.motivation || empty}</dd>
          <dt>{t("staffApplication.talents")}</dt>
          <dd>{application.talents || empty}</dd>
          <dt>{t("staffApplication.interests")}</dt>
          <dd>{application.interests || empty}</dd>
          <dt>{t("staffApplication.availability")}</dt>
          <dd>{application.availability || empty}</dd>
          <dt>{t("staffApplication.heardVia")}</dt>
          <dd>{application.heardVia ? t(`heardVia.${application.heardVia}`) : empty}</dd>
          {application.guardian && (
            <>
              <dt>{t("staffApplication.guardian")}</dt>
              <dd>{application.guardian}</dd>
              <dt>{t("staffApplication.consent")}</dt>
              <dd>{application.consent ?? empty}</dd>
            </>
          )}
        </dl>
      </section>

      {loaderData.events.length > 0 && (
        <section className="page-section" aria-labelledby="decision-heading">
          <h2 className="utrecht-heading-2" id="decision-heading">
            {t("staffApplication.decision.heading")}
          </h2>
          <p className="utrecht-paragraph form-hint">{t("staffApplication.decision.hint")}</p>
          <div className="button-row">
            {loaderData.events
              .filter((event) => event !== "plan_intake")
              .map((event) => (
                <Form method="post" className="inline-form" key={event}>
                  <input type="hidden" name="intent" value={event} />
                  <SubmitButton appearance={event === "admit" ? "primary" : "secondary"}>{t(`staffApplication.decision.${event}`)}</SubmitButton>
                </Form>
              ))}
          </div>
        </section>
      )}

      {(loaderData.events.includes("plan_intake") || application.intakeText) && (
        <section className="page-section" aria-labelledby="intake-heading">
          <h2 className="utrecht-heading-2" id="intake-heading">
            {t("staffApplication.intake.heading")}
          </h2>
          {application.intakeText && <p className="utrecht-paragraph">{application.intakeText}</p>}
          {loaderData.events.includes("plan_intake") && (
            <PostForm>
              <input type="hidden" name="intent" value="plan_intake" />
              <TextField name="date" type="date" label={intakeLabels.date} required errors={errors} defaultValue={sent?.date ?? application.intakeDate} />
              <TextField name="time" type="time" label={intakeLabels.time} required errors={errors} defaultValue={sent?.time ?? application.intakeTime} />
              <TextField name="location" label={intakeLabels.location} required errors={errors} defaultValue={sent?.location ?? application.intakeLocation} maxLength={200} />
              <div className="button-row">
                <SubmitButton appearance="secondary">{t("staffApplication.intake.submit")}</SubmitButton>
              </div>
            </PostForm>
          )}
        </section>
      )}

      <section className="page-section" aria-labelledby="notes-heading">
        <h2 className="utrecht-heading-2" id="notes-heading">
          {t("staffApplication.notes.heading")}
        </h2>
        {loaderData.canWriteNotes ? (
          <PostForm>
            <input type="hidden" name="intent" value="notes" />
            <TextAreaField
              name="intakeNotes"
              label={t("staffApplication.notes.label")}
              description={t("staffApplication.notes.hint")}
              errors={errors}
              defaultValue={sent?.intakeNotes ?? application.intakeNotes}
              rows={6}
              maxLength={5000}
            />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("staffApplication.notes.submit")}</SubmitButton>
            </div>
          </PostForm>
        ) : (
          <p className="utrecht-paragraph">{application.intakeNotes || empty}</p>
        )}
      </section>

      {loaderData.canWithdrawTrainee && (
        <section className="page-section" aria-labelledby="withdraw-heading">
          <h2 className="utrecht-heading-2" id="withdraw-heading">
            {t("staffApplication.withdrawTrainee.heading")}
          </h2>
          <p className="utrecht-paragraph">{t("staffApplication.withdrawTrainee.hint")}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="withdraw_trainee" />
            <SubmitButton appearance="secondary">{t("staffApplication.withdrawTrainee.button")}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}
