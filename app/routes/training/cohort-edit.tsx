import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { authorizeCohortEdit, withCohortNotice } from "~/features/training/cohorts-access.server";
import { cohortPath } from "~/features/training/cohorts-urls";
import { cohortFormOptions } from "~/features/training/cohorts-reads.server";
import { chosenCourseLeaders, cohortInput } from "~/features/training/cohorts-schema";
import { updateCohort } from "~/features/training/cohorts-writes.server";
import { CohortForm, type CohortFormValues } from "~/components/cohort-form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/cohort-edit";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/** Editing a cohort's name, track, place, size, course leaders and application period: the project leader only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, cohort } = await authorizeCohortEdit(request, params.slug, params.cohortId);
  const { t } = await getTranslator(request);
  const values: CohortFormValues = {
    trackVersionId: cohort.trackVersionId,
    name: cohort.name,
    location: cohort.location,
    courseLeaderIds: cohort.courseLeaderIds,
    maxSize: String(cohort.maxSize),
    applicationsOpenOn: cohort.applicationsOpenOn,
    applicationsCloseOn: cohort.applicationsCloseOn,
    startsOn: cohort.startsOn,
    publish: cohort.publishedAt !== null,
  };
  return {
    ...staffPageData(user, municipality),
    base: cohortPath(municipality.slug, cohort.id),
    name: cohort.name,
    values,
    options: await cohortFormOptions(municipality.id),
    title: `${t("cohorts.edit")}: ${cohort.name} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, cohort } = await authorizeCohortEdit(request, params.slug, params.cohortId);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const again = { ...values, courseLeaderIds: undefined, courseLeaders: chosenCourseLeaders(values) };
  const parsed = parseInput(cohortInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, again);
  const result = await updateCohort(municipality.id, cohort.id, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, again);
  return redirect(withCohortNotice(cohortPath(municipality.slug, cohort.id), "opgeslagen"));
}

export default function EditCohort({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const sent = actionData?.values as Record<string, string> | undefined;
  const values: CohortFormValues = sent ? { ...sent, courseLeaderIds: (sent.courseLeaders ?? "").split(" "), publish: sent.publish === "on" } : loaderData.values;
  return (
    <>
      <StaffPageHeader title={`${t("cohorts.edit")}: ${loaderData.name}`} sections={loaderData.sections} />
      <p>
        <Link className="utrecht-link" to={loaderData.base}>
          {t("cohorts.backToCohort")}
        </Link>
      </p>
      <CohortForm mode="edit" values={values} errors={actionData?.errors} options={loaderData.options} />
    </>
  );
}
