import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { withCohortNotice } from "~/features/training/cohorts-access.server";
import { cohortPath } from "~/features/training/cohorts-urls";
import { cohortFormOptions } from "~/features/training/cohorts-reads.server";
import { chosenCourseLeaders, cohortInput } from "~/features/training/cohorts-schema";
import { createCohort } from "~/features/training/cohorts-writes.server";
import { CohortForm, type CohortFormValues } from "~/components/cohort-form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/cohort-new";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

/** Opening a cohort: the project leader only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "training.manage_cohorts");
  const { t } = await getTranslator(request);
  return {
    ...staffPageData(user, municipality),
    options: await cohortFormOptions(municipality.id),
    title: `${t("cohorts.new")} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "training.manage_cohorts");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(cohortInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, { ...values, courseLeaderIds: undefined, courseLeaders: chosenCourseLeaders(values) });
  const result = await createCohort(municipality.id, user.id, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, { ...values, courseLeaderIds: undefined, courseLeaders: chosenCourseLeaders(values) });
  return redirect(withCohortNotice(cohortPath(municipality.slug, result.id), "aangemaakt"));
}

export default function NewCohort({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const sent = actionData?.values as Record<string, string> | undefined;
  const values: CohortFormValues = sent ? { ...sent, courseLeaderIds: (sent.courseLeaders ?? "").split(" "), publish: sent.publish === "on" } : {};
  return (
    <>
      <StaffPageHeader title={t("cohorts.new")} sections={loaderData.sections} />
      <CohortForm mode="create" values={values} errors={actionData?.errors} options={loaderData.options} />
    </>
  );
}
