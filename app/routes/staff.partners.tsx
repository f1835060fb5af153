import { Link, redirect } from "react-router";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { listPartnerOrganisations } from "~/features/municipalities/reads.server";
import { partnerSchema } from "~/features/municipalities/schema";
import { openStaffPage, withNotice } from "~/features/municipalities/staff-page.server";
import { addPartnerOrganisation } from "~/features/municipalities/writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, SubmitButton } from "~/components/form";
import { PartnerFields, partnerFieldLabels } from "~/components/partner-fields";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { PARTNER_KINDS } from "~/lib/db/schema";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff.partners";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, page } = await openStaffPage(request, params.slug, "municipality.manage_partners", "staff.partners.title");
  return {
    ...page,
    slug: municipality.slug,
    partnerKinds: PARTNER_KINDS,
    partners: await listPartnerOrganisations(municipality.id),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality } = await authorizeMunicipality(request, params.slug, "municipality.manage_partners");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(partnerSchema, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await addPartnerOrganisation(municipality.id, parsed.data);
  if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
  return redirect(withNotice(`/beheer/${municipality.slug}/partners`, "toegevoegd"));
}

export default function Partners({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  return (
    <>
      <StaffPageHeader title={t("staff.partners.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <ErrorSummary errors={errors} labels={partnerFieldLabels(t)} />
      {loaderData.partners.length === 0 ? (
        <p className="utrecht-paragraph">{t("staff.partners.empty")}</p>
      ) : (
        <DataTable caption={t("staff.partners.title")} columns={[t("admin.field.partnerName"), t("admin.field.partnerKind"), t("admin.field.website")]}>
          {loaderData.partners.map((partner) => (
            <tr key={partner.id}>
              <td>
                <Link className="utrecht-link" to={`/beheer/${loaderData.slug}/partners/${partner.id}`}>
                  {partner.name}
                  <span className="visually-hidden"> ({t("form.edit")})</span>
                </Link>
              </td>
              <td>{t(`partnerKind.${partner.kind}`)}</td>
              <td>{partner.website ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section className="page-section">
        <h2 className="utrecht-heading-2">{t("staff.partners.add")}</h2>
        <PostForm>
          <PartnerFields kinds={loaderData.partnerKinds} errors={errors} values={actionData?.values} />
          <div className="button-row">
            <SubmitButton>{t("form.add")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </>
  );
}
