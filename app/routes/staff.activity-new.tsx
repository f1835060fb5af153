import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { readActivityForm } from "~/features/activities/form.server";
import { activityFormOptions } from "~/features/activities/reads.server";
import { activityCreateInput } from "~/features/activities/schema";
import { authorizeActivities, withActivityNotice } from "~/features/activities/staff-access.server";
import { createActivities } from "~/features/activities/writes.server";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { ActivityForm, type ActivityFormValues } from "~/components/activity-form";
import { StaffPageHeader } from "~/components/staff-nav";
import { invalid } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff.activity-new";
import staffActivitiesCss from "~/styles/staff-activities.css?url";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, partnerChoice } = await authorizeActivities(request, params.slug);
  const { t } = await getTranslator(request);
  return {
    ...staffPageData(user, municipality),
    options: await activityFormOptions(municipality.id, partnerChoice),
    title: `${t("staffActivities.new")} — ${municipality.name}`,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: staffActivitiesCss }];

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality, partnerChoice } = await authorizeActivities(request, params.slug);
  const { locale, t } = await getTranslator(request);
  const form = await readActivityForm(request, activityCreateInput, locale, t);
  if (!form.ok) return form.response;
  const result = await createActivities(municipality.id, { userId: user.id, partnerChoice }, form.data, form.image?.imagePath ?? null);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, form.values);
  const notice = result.ids.length > 1 ? "reeks-aangemaakt" : "aangemaakt";
  return redirect(withActivityNotice(`/beheer/${municipality.slug}/activiteiten/${result.ids[0]}`, notice));
}

export default function NewActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { options } = loaderData;
  const sent = actionData?.values as Record<string, string> | undefined;
  const values: ActivityFormValues = sent
    ? { ...sent, waitlistEnabled: sent.waitlistEnabled === "on" }
    : { partnerOrganisationId: options.allowNoPartner ? "" : options.partners[0]?.id };
  return (
    <>
      <StaffPageHeader title={t("staffActivities.new")} sections={loaderData.sections} />
      <ActivityForm
        mode="create"
        values={values}
        errors={actionData?.errors}
        categories={options.categories}
        neighbourhoods={options.neighbourhoods}
        partners={options.partners}
        allowNoPartner={options.allowNoPartner}
        imageUrl={null}
      />
    </>
  );
}
