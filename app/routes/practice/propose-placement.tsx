import { data, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { findProposalContext } from "~/features/practice/handover-reads.server";
import { isMinorToday } from "~/features/practice/minors";
import { HANDOVER_NOTE_MAX, HANDOVER_PLACE_MAX, proposeInput } from "~/features/practice/handover-schema";
import { proposePlacement } from "~/features/practice/handover-writes.server";
import type { JourneyRole } from "~/features/practice/journey";
import { placementPath } from "~/features/practice/urls";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { authorizeRunCohort } from "~/features/training/course-access.server";
import { leadsProgramme, teachesCohort } from "~/features/training/policy";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { SharedContent } from "~/features/practice/components/shared-content";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm, redisplayableValues } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/propose-placement";
import handoverCss from "~/styles/handover.css?url";

/**
 * The course leader proposes a placement for one trainee (the warm handover): a practice
 * supervisor of a partner organisation, the handover meeting, a note, and exactly what will be
 * shared once the trainee (or, under 16, the guardian) agrees.
 */
async function open(request: Request, params: Route.LoaderArgs["params"]) {
  const gate = await authorizeRunCohort(request, params.slug, params.cohortId);
  const context = await findProposalContext(gate.municipality.id, gate.cohort, params.enrolmentId ?? "");
  if (!context) throw notFound();
  const roles: JourneyRole[] = [];
  if (teachesCohort(gate.user.actor, gate.cohort)) roles.push("course_leader");
  if (leadsProgramme(gate.user.actor, gate.cohort)) roles.push("project_leader");
  return { ...gate, context, roles };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort, context } = await open(request, params);
  const { t } = await getTranslator(request);
  if (isMinorToday(context.trainee.dateOfBirth)) {
    await db().transaction(async (tx) => {
      for (const resource of ["development_plan", "placement"] as const) {
        await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: context.trainee.userId }, resource });
      }
    });
  }
  return {
    ...staffPageData(user, municipality),
    title: `${t("handover.propose.title")} — ${context.trainee.name} — ${municipality.name}`,
    slug: municipality.slug,
    cohort: { id: cohort.id, name: cohort.name },
    trainee: { name: context.trainee.name, enrolmentId: context.trainee.enrolmentId },
    refusal: context.refusal,
    livePlacementId: context.livePlacement?.municipalityId === municipality.id ? context.livePlacement.id : null,
    duringCourseAllowed: context.settings.handoverDuringCourse,
    goals: context.goals.map((g) => ({ id: g.id, description: g.description, status: g.status })),
    observations: context.observations,
    supervisors: context.supervisors.map((s) => ({ value: s.membershipId, label: `${s.name} — ${s.partnerName}` })),
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: handoverCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, cohort, context, roles } = await open(request, params);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(proposeInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await proposePlacement(municipality.id, cohort.id, context.trainee.enrolmentId, parsed.data, { userId: user.id, roles });
  if (!result.ok) {
    // A second live placement is a conflict with what exists, not a typing error.
    const status = result.message === "handover.propose.livePlacement" ? 409 : 400;
    return data({ ok: false as const, errors: { [result.field]: t(result.message) }, values: redisplayableValues(values) }, { status });
  }
  return redirect(`${placementPath(municipality.slug, result.placementId)}?melding=voorgesteld`);
}

const REFUSAL_KEYS = {
  no_certificate: "handover.propose.noCertificate",
  withdrawn: "handover.propose.enrolmentWithdrawn",
  live_placement: "handover.propose.livePlacement",
} as const;

export default function ProposePlacement({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const traineePath = `/beheer/${loaderData.slug}/cohorten/${loaderData.cohort.id}/cursisten/${loaderData.trainee.enrolmentId}`;
  return (
    <div className="handover-page">
      <StaffPageHeader title={t("handover.propose.heading", { name: loaderData.trainee.name })} sections={loaderData.sections} />
      <p>
        <Link className="utrecht-link" to={traineePath}>
          {t("handover.propose.back", { name: loaderData.trainee.name })}
        </Link>
      </p>
      <p className="utrecht-paragraph">{t("handover.propose.intro")}</p>

      <section className="page-section" aria-labelledby="gedeeld">
        <h2 className="utrecht-heading-2" id="gedeeld">
          {t("handover.shared.title")}
        </h2>
        <p className="utrecht-paragraph form-hint">{t("handover.propose.sharedHint")}</p>
        <SharedContent goals={loaderData.goals} observations={loaderData.observations} />
      </section>

      <section className="page-section" aria-labelledby="voorstel">
        <h2 className="utrecht-heading-2" id="voorstel" tabIndex={-1}>
          {t("handover.propose.formTitle")}
        </h2>
        {loaderData.refusal ? (
          <Alert type="info">
            <p className="utrecht-paragraph">{t(REFUSAL_KEYS[loaderData.refusal])}</p>
            {loaderData.refusal === "no_certificate" && (
              <p className="utrecht-paragraph">{t(loaderData.duringCourseAllowed ? "handover.propose.duringCourseOn" : "handover.propose.duringCourseOff")}</p>
            )}
            {loaderData.livePlacementId && (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={placementPath(loaderData.slug, loaderData.livePlacementId)}>
                  {t("handover.propose.viewLive")}
                </Link>
              </p>
            )}
          </Alert>
        ) : loaderData.supervisors.length === 0 ? (
          <Alert type="info">
            <p className="utrecht-paragraph">{t("handover.propose.noSupervisors")}</p>
          </Alert>
        ) : (
          <PostForm>
            <ErrorSummary
              errors={errors}
              labels={{ supervisor: t("handover.field.supervisor"), date: t("handover.field.date"), time: t("handover.field.time"), place: t("handover.field.place"), note: t("handover.field.note") }}
            />
            <SelectField
              name="supervisor"
              label={t("handover.field.supervisor")}
              description={t("handover.field.supervisorHint")}
              required
              includeEmpty={t("handover.field.chooseSupervisor")}
              options={loaderData.supervisors}
              defaultValue={sent.supervisor}
              errors={errors}
            />
            <TextField name="date" type="date" label={t("handover.field.date")} description={t("handover.field.dateHint")} required defaultValue={sent.date} errors={errors} />
            <TextField name="time" type="time" label={t("handover.field.time")} description={t("handover.field.timeHint")} required defaultValue={sent.time} errors={errors} />
            <TextField name="place" label={t("handover.field.place")} required maxLength={HANDOVER_PLACE_MAX} defaultValue={sent.place} errors={errors} />
            <TextAreaField name="note" label={t("handover.field.note")} description={t("handover.field.noteHint")} maxLength={HANDOVER_NOTE_MAX} defaultValue={sent.note} errors={errors} />
            <div className="button-row">
              <SubmitButton>{t("handover.propose.submit")}</SubmitButton>
            </div>
          </PostForm>
        )}
      </section>
    </div>
  );
}
