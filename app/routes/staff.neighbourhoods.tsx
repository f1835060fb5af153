import { Form, redirect } from "react-router";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { findNeighbourhoodToDelete, findUndoableNeighbourhoodDeletion, listNeighbourhoods } from "~/features/municipalities/reads.server";
import { neighbourhoodSchema } from "~/features/municipalities/schema";
import { openStaffPage, withNotice } from "~/features/municipalities/staff-page.server";
import { addNeighbourhood, deleteNeighbourhood, NEIGHBOURHOOD_UNDO_MS, renameNeighbourhood, restoreNeighbourhood } from "~/features/municipalities/writes.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, SubmitButton, TextField, UndoNotice } from "~/components/form";
import { ButtonLink } from "~/components/ui";
import { StaffPageHeader } from "~/components/staff-nav";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff.neighbourhoods";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, page } = await openStaffPage(request, params.slug, "municipality.manage_neighbourhoods", "staff.neighbourhoods.title");
  const query = new URL(request.url).searchParams;
  const toDelete = query.get("verwijderen");
  const deletion = query.get("herstel");
  const [neighbourhoods, confirmation, undo] = await Promise.all([
    listNeighbourhoods(municipality.id),
    toDelete ? findNeighbourhoodToDelete(municipality.id, toDelete) : null,
    deletion ? findUndoableNeighbourhoodDeletion(municipality.id, deletion, NEIGHBOURHOOD_UNDO_MS) : null,
  ]);
  return { ...page, neighbourhoods, confirmation, undo };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "municipality.manage_neighbourhoods");
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
        : input.intent === "delete"
          ? await deleteNeighbourhood(municipality.id, input.id, user.id)
          : await restoreNeighbourhood(municipality.id, input.id);
  if (!result.ok) return invalid({ [fieldFor(result.field)]: t(result.message) }, values);
  const path = `/beheer/${municipality.slug}/wijken`;
  if ("deletionId" in result) return redirect(`${withNotice(path, "verwijderd")}&herstel=${result.deletionId}`);
  const notice = input.intent === "add" ? "toegevoegd" : input.intent === "rename" ? "opgeslagen" : "hersteld";
  return redirect(withNotice(path, notice));
}

export default function Neighbourhoods({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  return (
    <>
      <StaffPageHeader title={t("staff.neighbourhoods.title")} sections={loaderData.sections} notice={loaderData.undo ? null : loaderData.notice} />
      {loaderData.undo && !errors && <UndoNotice message={t("undo.neighbourhoodDeleted", { name: loaderData.undo.name })} id={loaderData.undo.id} />}
      {loaderData.confirmation && (
        <section className="page-section confirm-step" aria-labelledby="confirm-heading">
          <h2 className="utrecht-heading-2" id="confirm-heading">
            {t("confirm.neighbourhood.title", { name: loaderData.confirmation.name })}
          </h2>
          <p className="utrecht-paragraph">
            {loaderData.confirmation.activityCount > 0
              ? t("confirm.neighbourhood.activities", { count: loaderData.confirmation.activityCount })
              : t("confirm.neighbourhood.noActivities")}{" "}
            {t("confirm.neighbourhood.undo")}
          </p>
          <Form method="post" className="button-row" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value={loaderData.confirmation.id} />
            <SubmitButton>{t("confirm.neighbourhood.yes")}</SubmitButton>
            <ButtonLink to={`/beheer/${loaderData.municipalityTheme.slug}/wijken`}>{t("confirm.cancel")}</ButtonLink>
          </Form>
        </section>
      )}
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
        <DataTable actions caption={t("staff.neighbourhoods.title")} columns={[t("admin.field.neighbourhoodName"), t("admin.column.actions")]}>
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
                  {/* Asks first: the link opens the "are you sure?" step, which says what the deletion takes with it. */}
                  <ButtonLink to={`?verwijderen=${neighbourhood.id}`} appearance="subtle">
                    {t("form.delete")}
                    <span className="visually-hidden"> {neighbourhood.name}</span>
                  </ButtonLink>
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
