import { Form, redirect } from "react-router";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { listNeighbourhoods } from "~/features/municipalities/reads.server";
import { neighbourhoodSchema } from "~/features/municipalities/schema";
import { openStaffPage, withNotice } from "~/features/municipalities/staff-page.server";
import { addNeighbourhood, deleteNeighbourhood, renameNeighbourhood } from "~/features/municipalities/writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, RowActionForm, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff.neighbourhoods";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, page } = await openStaffPage(request, params.slug, "municipality.manage_neighbourhoods", "staff.neighbourhoods.title");
  return { ...page, neighbourhoods: await listNeighbourhoods(municipality.id) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { municipality } = await authorizeMunicipality(request, params.slug, "municipality.manage_neighbourhoods");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(neighbourhoodSchema, values, locale, t);
  // A rename's message belongs to that row's field, not to the "add" field.
  const fieldFor = (field: string) => (values.intent === "rename" && field === "name" ? `rename-${String(values.id)}` : field);
  if (!parsed.ok) {
    return invalid(Object.fromEntries(Object.entries(parsed.errors).map(([field, message]) => [fieldFor(field), message])), values);
  }
  const input = parsed.data;
  const result =
    input.intent === "add"
      ? await addNeighbourhood(municipality.id, input.name)
      : input.intent === "rename"
        ? await renameNeighbourhood(municipality.id, input.id, input.name)
        : await deleteNeighbourhood(municipality.id, input.id);
  if (!result.ok) return invalid({ [fieldFor(result.field)]: t(result.message) }, values);
  const notice = input.intent === "add" ? "toegevoegd" : input.intent === "rename" ? "opgeslagen" : "verwijderd";
  return redirect(withNotice(`/beheer/${municipality.slug}/wijken`, notice));
}

export default function Neighbourhoods({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  return (
    <>
      <StaffPageHeader title={t("staff.neighbourhoods.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <ErrorSummary
        errors={errors}
        labels={{
          name: t("admin.field.neighbourhoodName"),
          ...Object.fromEntries(loaderData.neighbourhoods.map((n) => [`rename-${n.id}`, t("staff.neighbourhoods.renameLabel", { name: n.name })])),
        }}
      />
      {loaderData.neighbourhoods.length === 0 ? (
        <p className="utrecht-paragraph">{t("staff.neighbourhoods.empty")}</p>
      ) : (
        <DataTable caption={t("staff.neighbourhoods.title")} columns={[t("admin.field.neighbourhoodName"), t("admin.column.actions")]}>
          {loaderData.neighbourhoods.map((neighbourhood) => {
            const field = `rename-${neighbourhood.id}`;
            const error = errors?.[field];
            const inputId = `field-${field}`;
            return (
              <tr key={neighbourhood.id}>
                <td>
                  <Form method="post" className="row-form" noValidate>
                    <input type="hidden" name="intent" value="rename" />
                    <input type="hidden" name="id" value={neighbourhood.id} />
                    <label className="visually-hidden" htmlFor={inputId}>
                      {t("staff.neighbourhoods.renameLabel", { name: neighbourhood.name })}
                    </label>
                    <input
                      id={inputId}
                      name="name"
                      className={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
                      defaultValue={values.id === neighbourhood.id ? values.name : neighbourhood.name}
                      maxLength={100}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                    />
                    <SubmitButton appearance="secondary">
                      {t("staff.neighbourhoods.rename")}
                      <span className="visually-hidden"> {neighbourhood.name}</span>
                    </SubmitButton>
                    {error && (
                      <p className="utrecht-form-field-error-message" id={`${inputId}-error`}>
                        {error}
                      </p>
                    )}
                  </Form>
                </td>
                <td>
                  <RowActionForm intent="delete" id={neighbourhood.id} label={t("form.delete")} rowName={neighbourhood.name} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <section className="page-section">
        <h2 className="utrecht-heading-2">{t("staff.neighbourhoods.add")}</h2>
        <PostForm>
          <input type="hidden" name="intent" value="add" />
          <TextField
            name="name"
            label={t("admin.field.neighbourhoodName")}
            required
            errors={errors}
            maxLength={100}
            defaultValue={values.intent === "add" ? values.name : undefined}
          />
          <div className="button-row">
            <SubmitButton>{t("form.add")}</SubmitButton>
          </div>
        </PostForm>
      </section>
    </>
  );
}
