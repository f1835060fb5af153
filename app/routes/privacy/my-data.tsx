import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { describeAccess, describeRole } from "~/features/privacy/labels";
import { listOwnAccessLog, listOwnErasureRequests } from "~/features/privacy/reads.server";
import { erasureRequestInput } from "~/features/privacy/schema";
import { requestErasure } from "~/features/privacy/writes.server";
import { DataTable } from "~/components/data-table";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { Alert, PageTitle, Section } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/my-data";

/**
 * "Mijn gegevens": download everything (JSON, or a readable summary), see who looked at my data,
 * ask for erasure and follow the request.
 */
export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const [log, requests] = await Promise.all([listOwnAccessLog(user.id), listOwnErasureRequests(user.id)]);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    title: `${t("privacy.myData.title")} — Buurtkracht`,
    notice: notice === "verzoek" ? ("requested" as const) : notice === "al-open" ? ("alreadyOpen" as const) : null,
    log,
    requests,
    hasOpenRequest: requests.some((r) => r.status === "pending"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(erasureRequestInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const { created } = await requestErasure(user.id, parsed.data.reason);
  throw redirect(`/account/mijn-gegevens?melding=${created ? "verzoek" : "al-open"}#verzoeken`);
}

export default function MyData({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <div className="page-narrow">
      <PageTitle>{t("privacy.myData.title")}</PageTitle>
      <p className="utrecht-paragraph">{t("privacy.myData.intro")}</p>
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice === "requested" ? "privacy.myData.erase.requested" : "privacy.myData.erase.alreadyOpen")}</p>
        </Alert>
      )}
      <Section title={t("privacy.myData.download.title")}>
        <p className="utrecht-paragraph">{t("privacy.myData.download.body")}</p>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href="/account/mijn-gegevens/download.json" download>
              {t("privacy.myData.download.json")}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to="/account/mijn-gegevens/overzicht">
              {t("privacy.myData.download.summary")}
            </Link>
          </li>
        </ul>
      </Section>
      <Section title={t("privacy.myData.log.title")}>
        <p className="utrecht-paragraph">{t("privacy.myData.log.intro")}</p>
        {loaderData.log.length === 0 ? (
          <p className="utrecht-paragraph">{t("privacy.myData.log.empty")}</p>
        ) : (
          <DataTable caption={t("privacy.myData.log.title")} columns={[t("privacy.column.when"), t("privacy.column.who"), t("privacy.column.what"), t("privacy.column.where")]}>
            {loaderData.log.map((entry) => (
              <tr key={entry.id} className="access-log-row">
                <td>{formatInZone(new Date(entry.at), locale, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>
                  {entry.isSelf ? t("privacy.log.you") : (entry.actorName ?? t("privacy.log.unknownActor"))}
                  {!entry.isSelf && (
                    <>
                      <br />
                      <span className="muted">{describeRole(t, entry.actorRole)}</span>
                    </>
                  )}
                </td>
                <td>{describeAccess(t, entry.resource, entry.action)}</td>
                <td>{entry.municipalityName ?? t("privacy.log.nobody")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      {loaderData.requests.length > 0 && (
        <section className="page-section" aria-labelledby="verzoeken">
          <h2 className="utrecht-heading-2" id="verzoeken">
            {t("privacy.myData.requests.title")}
          </h2>
          <ul className="utrecht-unordered-list">
            {loaderData.requests.map((r) => (
              <li className="utrecht-unordered-list__item erasure-request" key={r.id}>
                <strong>{t(`privacy.request.status.${r.status}`)}</strong> — {t("privacy.myData.requests.requestedOn", { date: formatInZone(new Date(r.requestedAt), locale, { dateStyle: "long" }) })}
                {r.handlerNote && (
                  <>
                    <br />
                    {t("privacy.myData.requests.note", { note: r.handlerNote })}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!loaderData.hasOpenRequest && (
        <Section title={t("privacy.myData.erase.title")}>
          <p className="utrecht-paragraph">{t("privacy.myData.erase.body")}</p>
          <p className="utrecht-paragraph">{t("privacy.myData.erase.kept")}</p>
          <p className="utrecht-paragraph">{t("privacy.myData.erase.mail")}</p>
          <ErrorSummary errors={errors} labels={{ reason: t("privacy.field.reason"), confirm: t("privacy.field.confirm") }} />
          <PostForm>
            <TextAreaField name="reason" label={t("privacy.field.reason")} description={t("privacy.field.reasonHint")} maxLength={1000} rows={3} defaultValue={values.reason} errors={errors} />
            <CheckboxField name="confirm" label={t("privacy.field.confirm")} errors={errors} />
            <div className="button-row">
              <SubmitButton>{t("privacy.myData.erase.submit")}</SubmitButton>
            </div>
          </PostForm>
        </Section>
      )}
    </div>
  );
}
