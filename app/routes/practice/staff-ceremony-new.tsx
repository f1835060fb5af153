import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { openCeremoniesPage } from "~/features/practice/ceremonies-access.server";
import { ceremoniesPath } from "~/features/practice/ceremonies-urls";
import { ceremonyInput } from "~/features/practice/ceremonies-schema";
import { createCeremony } from "~/features/practice/ceremonies-writes.server";
import { readFinaleNotice, withFinaleNotice } from "~/features/practice/finale-notices";
import { CEREMONY_FIELD_LABEL_KEYS, CeremonyFields } from "~/components/ceremony-form";
import { ErrorSummary, PostForm, SubmitButton } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-ceremony-new";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, page } = await openCeremoniesPage(request, params.slug);
  return { ...page, notice: readFinaleNotice(request), slug: municipality.slug };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await openCeremoniesPage(request, params.slug);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(ceremonyInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const id = await createCeremony(municipality.id, parsed.data, user.id);
  return redirect(withFinaleNotice(ceremoniesPath(municipality.slug, id), "aangemaakt"));
}

export default function StaffCeremonyNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <StaffPageHeader title={t("finale.ceremonies.new")} sections={loaderData.sections} notice={loaderData.notice} />
      <PostForm>
        <ErrorSummary errors={errors} labels={Object.fromEntries(Object.entries(CEREMONY_FIELD_LABEL_KEYS).map(([field, key]) => [field, t(key)]))} />
        <CeremonyFields values={sent} errors={errors} />
        <div className="button-row">
          <SubmitButton>{t("finale.ceremonies.create")}</SubmitButton>
        </div>
      </PostForm>
    </>
  );
}
