import { data, Form, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality } from "~/features/authorization/gate.server";
import { canInMunicipality } from "~/features/authorization/policy";
import { openStaffPage } from "~/features/municipalities/staff-page.server";
import { describeAccess, describeRole } from "~/features/privacy/labels";
import { listMunicipalAccessLog, listMunicipalErasureRequests } from "~/features/privacy/reads.server";
import { handleErasureInput, readAccessLogFilter, rejectErasureInput } from "~/features/privacy/schema";
import { carryOutErasure, rejectErasure } from "~/features/privacy/writes.server";
import { DataTable } from "~/components/data-table";
import { ErasureRequests } from "~/components/erasure-requests";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { AUDITED_RESOURCES } from "~/lib/db/schema";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-privacy";

/**
 * The municipality's privacy page for its project leader: the access log (who opened whose
 * personal data; filter by person and part, newest first, page by page) and the open erasure
 * requests of people with data here, each carried out or turned down after a confirmation step.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, locale, page } = await openStaffPage(request, params.slug, "privacy.view_audit_log", "privacy.staff.title");
  const url = new URL(request.url);
  const filter = readAccessLogFilter(url);
  const mayErase = canInMunicipality(user.actor, "privacy.handle_erasure", municipality.id);
  const [log, requests] = await Promise.all([listMunicipalAccessLog(municipality.id, filter), mayErase ? listMunicipalErasureRequests(municipality.id) : Promise.resolve([])]);
  const notice = url.searchParams.get("melding");
  const toErase = requests.find((r) => r.id === url.searchParams.get("wissen"));
  const toReject = requests.find((r) => r.id === url.searchParams.get("afwijzen"));
  const older = log.nextBefore ? new URLSearchParams({ ...(filter.person ? { persoon: filter.person } : {}), ...(filter.resource ? { onderdeel: filter.resource } : {}), voor: String(log.nextBefore) }) : null;
  return {
    ...page,
    municipalityName: municipality.name,
    privacyNotice: notice === "gewist" ? ("erased" as const) : notice === "afgewezen" ? ("rejected" as const) : null,
    filter: { person: filter.person ?? "", resource: filter.resource ?? "", isPaged: filter.before !== undefined },
    olderHref: older ? `?${older.toString()}#logboek` : null,
    log: log.entries.map((entry) => ({ ...entry, when: formatInZone(entry.at, locale, { dateStyle: "medium", timeStyle: "short" }) })),
    mayErase,
    ownUserId: user.id,
    requests: requests.map((r) => ({ id: r.id, name: r.name, email: r.email, reason: r.reason, requested: formatInZone(r.requestedAt, locale, { dateStyle: "medium" }), isOwn: r.userId === user.id })),
    confirm: toErase && toErase.userId !== user.id ? { id: toErase.id, name: toErase.name } : null,
    reject: toReject ? { id: toReject.id, name: toReject.name } : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "privacy.handle_erasure");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const scope = { kind: "municipality" as const, municipalityId: municipality.id };
  const back = `/beheer/${municipality.slug}/privacy`;
  if (values.intent === "reject") {
    const parsed = parseInput(rejectErasureInput, values, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, values);
    const result = await rejectErasure(scope, parsed.data.requestId, user.actor, parsed.data.note);
    if (!result.ok) return notHere(t("privacy.staff.notFound"));
    throw redirect(`${back}?melding=afgewezen`);
  }
  if (values.intent !== "erase") return invalid({ _form: t("validation.invalid") });
  const parsed = parseInput(handleErasureInput, values, locale, t);
  if (!parsed.ok) return invalid({ _form: t("privacy.staff.notFound") });
  const result = await carryOutErasure(scope, parsed.data.requestId, user.actor);
  if (!result.ok && result.reason === "own-account") return invalid({ _form: t("privacy.staff.ownAccount") });
  if (!result.ok) return notHere(t("privacy.staff.notFound"));
  throw redirect(`${back}?melding=gewist`);
}

/** A request that is not open here (another municipality's, or already handled): 404, with the reason on the page. */
function notHere(message: string) {
  return data({ ok: false as const, errors: { _form: message } as Record<string, string>, values: {} as Record<string, string> }, { status: 404 });
}

export default function StaffPrivacy({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const slug = loaderData.municipalityTheme.slug;
  const notice = loaderData.privacyNotice ? t(loaderData.privacyNotice === "erased" ? "privacy.staff.notice.erased" : "privacy.staff.notice.rejected") : null;
  const resources = AUDITED_RESOURCES.map((r) => ({ value: r, label: t(`privacy.resource.${r}`) }));
  return (
    <>
      <StaffPageHeader title={t("privacy.staff.title")} sections={loaderData.sections} notice={errors ? null : notice} />
      <p className="utrecht-paragraph">{t("privacy.staff.intro", { municipality: loaderData.municipalityName })}</p>
      <ErrorSummary errors={errors} labels={{ note: t("privacy.staff.reject.note") }} />
      <ErasureRequests basePath={`/beheer/${slug}/privacy`} requests={loaderData.requests} confirm={loaderData.confirm} reject={loaderData.reject} errors={errors} values={values} listRequests={loaderData.mayErase} />
      <section className="page-section" aria-labelledby="logboek">
        <h2 className="utrecht-heading-2" id="logboek">
          {t("privacy.staff.log.title")}
        </h2>
        <Form method="get" className="form-stack" action={`/beheer/${slug}/privacy#logboek`}>
          <TextField name="persoon" type="search" label={t("privacy.staff.log.filterPerson")} maxLength={100} defaultValue={loaderData.filter.person} />
          <SelectField name="onderdeel" label={t("privacy.staff.log.filterResource")} options={resources} includeEmpty={t("privacy.staff.log.allResources")} defaultValue={loaderData.filter.resource} />
          <div className="button-row">
            <SubmitButton appearance="secondary">{t("privacy.staff.log.filter")}</SubmitButton>
          </div>
        </Form>
        {loaderData.log.length === 0 ? (
          <p className="utrecht-paragraph">{t("privacy.staff.log.empty")}</p>
        ) : (
          <DataTable caption={t("privacy.staff.log.title")} columns={[t("privacy.column.when"), t("privacy.column.who"), t("privacy.column.what"), t("privacy.column.whose")]}>
            {loaderData.log.map((entry) => (
              <tr key={entry.id} className="access-log-row">
                <td>{entry.when}</td>
                <td>
                  {entry.actorName ?? t("privacy.log.unknownActor")}
                  <br />
                  <span className="muted">{describeRole(t, entry.actorRole)}</span>
                </td>
                <td>{describeAccess(t, entry.resource, entry.action)}</td>
                <td>{entry.isSubjectErased ? t("privacy.log.erasedSubject") : (entry.subjectName ?? t("privacy.log.nobody"))}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {(loaderData.olderHref || loaderData.filter.isPaged) && (
          <p className="button-row">
            {loaderData.filter.isPaged && (
              <a className="utrecht-link" href={`/beheer/${slug}/privacy#logboek`}>
                {t("privacy.staff.log.newest")}
              </a>
            )}
            {loaderData.olderHref && (
              <a className="utrecht-link" href={loaderData.olderHref}>
                {t("privacy.staff.log.older")}
              </a>
            )}
          </p>
        )}
      </section>
    </>
  );
}
