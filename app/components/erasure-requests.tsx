import { Form } from "react-router";
import { DataTable } from "~/components/data-table";
import { PostForm, SubmitButton, TextAreaField, type FormErrors } from "~/components/form";
import { ButtonLink } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";

export interface ErasureRequestRow {
  id: string;
  name: string;
  email: string;
  reason: string | null;
  /** The request date, already formatted for the reader. */
  requested: string;
  /** The reader's own request: they may not carry it out or turn it down themselves. */
  isOwn: boolean;
}

/**
 * Open erasure requests as a staff member handles them, on the municipality's privacy page and
 * on the network's: the confirmation step before carrying one out, the form that turns one down
 * with a note, and the list of open requests. `basePath` is the page's own path; the links in the
 * list and the cancel buttons lead back to it. Without `listRequests` the list is left out (a
 * reader who may see the page but not handle requests).
 */
export function ErasureRequests({
  basePath,
  requests,
  confirm,
  reject,
  errors,
  values,
  listRequests = true,
}: {
  basePath: string;
  requests: readonly ErasureRequestRow[];
  /** The request to carry out, once its link in the list was followed. */
  confirm: { id: string; name: string } | null;
  /** The request to turn down, once its link in the list was followed. */
  reject: { id: string; name: string } | null;
  errors: FormErrors;
  /** What was posted, so the reject form comes back with its note after an error. */
  values: Readonly<Record<string, string | undefined>>;
  listRequests?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {confirm && (
        <section className="page-section confirm-step" aria-labelledby="confirm-heading">
          <h2 className="utrecht-heading-2" id="confirm-heading">
            {t("privacy.staff.confirm.title", { name: confirm.name })}
          </h2>
          <p className="utrecht-paragraph">{t("privacy.staff.confirm.body", { name: confirm.name })}</p>
          <Form method="post" className="button-row" noValidate>
            <input type="hidden" name="intent" value="erase" />
            <input type="hidden" name="requestId" value={confirm.id} />
            <SubmitButton>{t("privacy.staff.confirm.yes", { name: confirm.name })}</SubmitButton>
            <ButtonLink to={basePath}>{t("confirm.cancel")}</ButtonLink>
          </Form>
        </section>
      )}
      {(reject || values.intent === "reject") && (
        <section className="page-section confirm-step" aria-labelledby="reject-heading">
          <h2 className="utrecht-heading-2" id="reject-heading">
            {t("privacy.staff.reject.title", { name: reject?.name ?? "" })}
          </h2>
          <PostForm>
            <input type="hidden" name="intent" value="reject" />
            <input type="hidden" name="requestId" value={reject?.id ?? values.requestId ?? ""} />
            <TextAreaField name="note" label={t("privacy.staff.reject.note")} description={t("privacy.staff.reject.noteHint")} required maxLength={1000} rows={3} defaultValue={values.note} errors={errors} />
            <div className="button-row">
              <SubmitButton>{t("privacy.staff.reject.submit")}</SubmitButton>
              <ButtonLink to={basePath}>{t("confirm.cancel")}</ButtonLink>
            </div>
          </PostForm>
        </section>
      )}
      {listRequests && (
        <section className="page-section" aria-labelledby="requests-heading">
          <h2 className="utrecht-heading-2" id="requests-heading">
            {t("privacy.staff.requests.title")}
          </h2>
          {requests.length === 0 ? (
            <p className="utrecht-paragraph">{t("privacy.staff.requests.empty")}</p>
          ) : (
            <DataTable actions caption={t("privacy.staff.requests.title")} columns={[t("privacy.column.person"), t("privacy.column.requested"), t("privacy.column.reason"), t("privacy.column.actions")]}>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.name}
                    <br />
                    <span className="muted">{r.email}</span>
                  </td>
                  <td>{r.requested}</td>
                  <td>{r.reason || "—"}</td>
                  <td>
                    {r.isOwn ? (
                      <span className="muted">{t("privacy.staff.ownAccount")}</span>
                    ) : (
                      <>
                        <a className="utrecht-link link-block" href={`${basePath}?wissen=${r.id}#confirm-heading`}>
                          {t("privacy.staff.carryOut")}
                          <span className="visually-hidden"> {r.name}</span>
                        </a>{" "}
                        <a className="utrecht-link link-block request-actions__second" href={`${basePath}?afwijzen=${r.id}#reject-heading`}>
                          {t("privacy.staff.reject")}
                          <span className="visually-hidden"> {r.name}</span>
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      )}
    </>
  );
}
