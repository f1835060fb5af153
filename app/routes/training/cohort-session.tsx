import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { authorizeCohortEdit, withCohortNotice } from "~/features/training/cohorts-access.server";
import { cohortPath } from "~/features/training/cohorts-urls";
import { findCohortSession, listVersionModules } from "~/features/training/cohorts-reads.server";
import { sessionInput } from "~/features/training/cohorts-schema";
import { updateSession } from "~/features/training/cohorts-writes.server";
import { SessionForm, type SessionFormValues } from "~/components/cohort-form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { utcToZonedLocal } from "~/lib/time";
import type { Route } from "./+types/cohort-session";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/** Moving or changing one session of the schedule (the project leader). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort } = await authorizeCohortEdit(request, params.slug, params.cohortId);
  const session = await findCohortSession(municipality.id, cohort.id, params.sessionId);
  if (!session) throw notFound();
  const { t } = await getTranslator(request);
  const start = utcToZonedLocal(session.startsAt);
  const end = utcToZonedLocal(session.endsAt);
  const values: SessionFormValues = {
    kind: session.kind,
    title: session.title,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    location: session.location,
    moduleId: session.moduleId ?? "",
  };
  return {
    ...staffPageData(user, municipality),
    schedulePath: `${cohortPath(municipality.slug, cohort.id)}/rooster`,
    isCancelled: session.cancelledAt !== null,
    values,
    modules: await listVersionModules(cohort.trackVersionId),
    title: `${t("cohorts.session.editTitle")} — ${cohort.name} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, cohort } = await authorizeCohortEdit(request, params.slug, params.cohortId);
  const session = await findCohortSession(municipality.id, cohort.id, params.sessionId);
  if (!session) throw notFound();
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(sessionInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await updateSession(municipality.id, cohort.id, session.id, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect(withCohortNotice(`${cohortPath(municipality.slug, cohort.id)}/rooster`, "aangepast"));
}

export default function CohortSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const sent = actionData?.values as Record<string, string> | undefined;
  return (
    <>
      <StaffPageHeader title={t("cohorts.session.editTitle")} sections={loaderData.sections} />
      <p>
        <Link className="utrecht-link" to={loaderData.schedulePath}>
          {t("cohorts.links.schedule")}
        </Link>
      </p>
      {loaderData.isCancelled ? (
        <p className="utrecht-paragraph">{t("cohorts.session.cancelledNote")}</p>
      ) : (
        <SessionForm values={sent ?? loaderData.values} errors={actionData?.errors} modules={loaderData.modules} submitLabel={t("cohorts.session.save")} />
      )}
    </>
  );
}
