import { Form, redirect } from "react-router";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { findPartnerOrganisation } from "~/features/municipalities/reads.server";
import { partnerSchema } from "~/features/municipalities/schema";
import { readNotice, staffPageData, withNotice } from "~/features/municipalities/staff-page.server";
import { deletePartnerOrganisation, updatePartnerOrganisation } from "~/features/municipalities/writes.server";
import { ErrorSummary, PostForm, SubmitButton } from "~/components/form";
import { PartnerFields, partnerFieldLabels } from "~/components/partner-fields";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { PARTNER_KINDS } from "~/lib/db/schema";
import { useTranslation } from "~/lib/i18n/use-translation";
import { uuid } from "~/lib/validation";
import type { Route } from "./+types/staff.partner";

async function loadPartner(request: Request, params: Route.LoaderArgs["params"]) {
  const gate = await authorizeMunicipality(request, params.slug, "municipality.manage_partners");
  const partner = uuid.safeParse(params.partnerId).success ? await findPartnerOrganisation(gate.municipality.id, params.partnerId) : null;
  if (!partner) throw notFound();
  return { ...gate, partner };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, partner } = await loadPartner(request, params);
  const { t } = await getTranslator(request);
  return {
    ...staffPageData(user, municipality),
    notice: readNotice(request),
    partnerKinds: PARTNER_KINDS,
    partner,
    title: `${partner.name} — ${t("staff.partners.title")} — ${municipality.name}`,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality, partner } = await loadPartner(request, params);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  if (values.intent === "delete") {
    const result = await deletePartnerOrganisation(municipality.id, partner.id);
    if (!result.ok) return invalid({ [result.field]: t(result.message) });
    return redirect(withNotice(`/beheer/${municipality.slug}/partners`, "verwijderd"));
  }
  const parsed = parseInput(partnerSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await updatePartnerOrganisation(municipality.id, partner.id, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect(withNotice(`/beheer/${municipality.slug}/partners/${partner.id}`, "opgeslagen"));
}

export default function PartnerPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const { partner } = loaderData;
  return (
    <>
      <StaffPageHeader title={partner.name} sections={loaderData.sections} notice={loaderData.notice} />
      <ErrorSummary errors={errors} labels={partnerFieldLabels(t)} />
      <PostForm>
        <input type="hidden" name="intent" value="save" />
        <PartnerFields kinds={loaderData.partnerKinds} errors={errors} values={{ ...partner, ...actionData?.values }} />
        <div className="button-row">
          <SubmitButton>{t("form.save")}</SubmitButton>
        </div>
      </PostForm>
      <section className="page-section">
        <h2 className="utrecht-heading-2">{t("staff.partners.delete")}</h2>
        <p className="utrecht-paragraph">{t("staff.partners.deleteHelp")}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="delete" />
          <SubmitButton appearance="secondary">{t("staff.partners.deleteButton", { name: partner.name })}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
