import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { listCitytrainerCertificates } from "~/features/certificates/reads.server";
import { listSigningKeys, rotateSigningKey } from "~/features/certificates/keys.server";
import { staffCertificateInput } from "~/features/certificates/schema";
import { citytrainersPage } from "~/features/certificates/urls";
import { issueCitytrainerCertificate, revokeCitytrainerCertificate } from "~/features/certificates/writes.server";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { canInMunicipality } from "~/features/authorization/policy";
import { staffPageData } from "~/features/municipalities/staff-page.server";
import { listTraineePaths } from "~/features/practice/path-facts.server";
import { REQUIREMENTS } from "~/features/practice/requirements";
import { RequirementsList } from "~/features/practice/components/requirements-list";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, PostForm, RowActionForm, SelectField, SubmitButton, TextAreaField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff-citytrainers";

/**
 * The project leader's Citytrainer page: trainees with a placement and their requirements, an
 * "issue" button only when nothing is missing (the write checks again), the issued certificates
 * with their status, one revoke form (a reason is required), and the signing key with rotation.
 */
const NOTICES = {
  uitgereikt: "citytrainer.notice.issued",
  ingetrokken: "citytrainer.notice.revoked",
  "nieuwe-sleutel": "citytrainer.notice.rotated",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request, params }: Route.LoaderArgs) {
  // The network coordinator may replace the key but sees no trainee: only the key section then.
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "certificates.rotate_key");
  const mayIssue = canInMunicipality(user.actor, "certificates.issue", municipality.id);
  const { t, locale } = await getTranslator(request);
  const [paths, issued, keys] = await Promise.all([
    mayIssue ? listTraineePaths(municipality.id) : [],
    mayIssue ? listCitytrainerCertificates(municipality.id) : [],
    listSigningKeys(municipality.id),
  ]);
  const candidates = paths.filter((p) => p.placementId !== null && (p.placementStatus === "active" || p.hasCitytrainerCertificate));
  // Names and requirement facts of trainees (often minors) are personal data: every view is logged.
  await db().transaction(async (tx) => {
    for (const path of candidates) {
      await logPersonalDataAccess(tx, { actor: user.actor, municipalityId: municipality.id, subject: { userId: path.userId }, resource: "certificate" });
    }
  });
  const notice = new URL(request.url).searchParams.get("melding");
  const current = keys.find((k) => k.retiredAt === null) ?? null;
  return {
    ...staffPageData(user, municipality),
    notice: notice && Object.hasOwn(NOTICES, notice) ? t(NOTICES[notice as keyof typeof NOTICES]) : null,
    title: `${t("citytrainer.staff.title")} — ${municipality.name}`,
    candidates: candidates.map((p) => ({
      enrolmentId: p.enrolmentId,
      name: p.name,
      cohortName: p.cohortName,
      requirements: REQUIREMENTS.map((r) => ({ requirement: r, met: !p.missing.includes(r) })),
      ready: p.missing.length === 0 && p.placementStatus === "active" && !p.hasCitytrainerCertificate,
      issued: p.hasCitytrainerCertificate,
    })),
    issued: issued.map((c) => ({
      id: c.id,
      code: c.verificationCode,
      holderName: c.holderName,
      trackName: c.trackName,
      issuedAt: formatInZone(c.issuedAt, locale, { dateStyle: "long" }),
      revoked: c.revokedAt ? { date: formatInZone(c.revokedAt, locale, { dateStyle: "long" }), reason: c.revocationReason ?? "" } : null,
    })),
    mayIssue,
    key: current ? { did: current.controller } : null,
    retiredKeys: keys.filter((k) => k.retiredAt !== null).length,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "certificates.rotate_key");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(staffCertificateInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  if (parsed.data.intent !== "rotate" && !canInMunicipality(user.actor, "certificates.issue", municipality.id)) throw notFound();
  const page = citytrainersPage(municipality.slug);
  const input = parsed.data;
  switch (input.intent) {
    case "issue": {
      const outcome = await issueCitytrainerCertificate(municipality.id, input.id, user.id);
      if (!outcome.ok) {
        const message =
          outcome.reason === "requirements_missing"
            ? t("citytrainer.error.requirementsMissing", { missing: (outcome.missing ?? []).map((r) => t(`citytrainer.requirement.${r}`)).join(", ") })
            : t(outcome.reason === "already_issued" ? "citytrainer.error.alreadyIssued" : outcome.reason === "no_placement" ? "citytrainer.error.noPlacement" : "citytrainer.error.notFound");
        return invalid({ _form: message }, values);
      }
      return redirect(`${page}?melding=uitgereikt`);
    }
    case "revoke": {
      const outcome = await revokeCitytrainerCertificate(municipality.id, input.certificateId, user.id, input.reason);
      if (!outcome.ok) {
        return invalid({ certificateId: t(outcome.reason === "already_revoked" ? "citytrainer.error.alreadyRevoked" : "citytrainer.error.notFound") }, values);
      }
      return redirect(`${page}?melding=ingetrokken`);
    }
    case "rotate":
      await rotateSigningKey(municipality.id);
      return redirect(`${page}?melding=nieuwe-sleutel`);
  }
}

export default function StaffCitytrainers({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { candidates, issued, key } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const revocable = issued.filter((c) => c.revoked === null);
  const revokeErrors = sent.intent === "revoke" ? errors : undefined;
  return (
    <>
      <StaffPageHeader title={t("citytrainer.staff.title")} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">{t("citytrainer.staff.intro")}</p>
      {errors && sent.intent !== "revoke" && <ErrorSummary errors={errors} labels={{}} />}

      {loaderData.mayIssue && (
        <>
      <section className="page-section" aria-labelledby="candidates">
        <h2 className="utrecht-heading-2" id="candidates">
          {t("citytrainer.staff.candidates")}
        </h2>
        {candidates.length === 0 ? (
          <p className="utrecht-paragraph">{t("citytrainer.staff.noCandidates")}</p>
        ) : (
          <ul className="card-list">
            {candidates.map((c) => (
              <li className="card" key={c.enrolmentId}>
                <h3 className="utrecht-heading-3">
                  {c.name}
                  {c.issued && <> ({t("citytrainer.status")})</>}
                </h3>
                <p className="utrecht-paragraph">{c.cohortName}</p>
                <RequirementsList requirements={c.requirements} label={t("citytrainer.staff.column.requirements")} />
                {c.ready ? (
                  <RowActionForm intent="issue" id={c.enrolmentId} label={t("citytrainer.staff.issue")} rowName={t("citytrainer.staff.issueFor", { name: c.name })} />
                ) : (
                  <p className="utrecht-paragraph">{t(c.issued ? "citytrainer.staff.alreadyIssued" : "citytrainer.staff.notYet")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="page-section" aria-labelledby="issued">
        <h2 className="utrecht-heading-2" id="issued">
          {t("citytrainer.staff.issued")}
        </h2>
        {issued.length === 0 ? (
          <p className="utrecht-paragraph">{t("citytrainer.staff.noneIssued")}</p>
        ) : (
          <DataTable
            caption={t("citytrainer.staff.issued")}
            columns={[t("citytrainer.staff.column.name"), t("citytrainer.staff.column.code"), t("citytrainer.staff.column.date"), t("citytrainer.staff.column.status")]}
          >
            {issued.map((c) => (
              <tr key={c.id}>
                <td>{c.holderName}</td>
                <td>
                  <a className="utrecht-link" href={`/certificaat/${c.code}`}>
                    {c.code}
                  </a>
                </td>
                <td>{c.issuedAt}</td>
                <td>{c.revoked ? t("citytrainer.staff.revokedOn", { date: c.revoked.date, reason: c.revoked.reason }) : t("citytrainer.staff.valid")}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {revocable.length > 0 && (
          <>
            <h3 className="utrecht-heading-3" id="revoke">
              {t("citytrainer.staff.revoke")}
            </h3>
            <ErrorSummary errors={revokeErrors} labels={{ certificateId: t("citytrainer.staff.column.code"), reason: t("citytrainer.staff.reason") }} />
            <PostForm>
              <input type="hidden" name="intent" value="revoke" />
              <SelectField
                name="certificateId"
                label={t("citytrainer.staff.column.code")}
                required
                errors={revokeErrors}
                defaultValue={sent.certificateId}
                options={revocable.map((c) => ({ value: c.id, label: `${c.code} — ${c.holderName}` }))}
              />
              <TextAreaField name="reason" label={t("citytrainer.staff.reason")} description={t("citytrainer.staff.reasonHint")} required errors={revokeErrors} defaultValue={sent.reason} rows={3} maxLength={500} />
              <SubmitButton appearance="secondary">{t("citytrainer.staff.revoke")}</SubmitButton>
            </PostForm>
          </>
        )}
      </section>

        </>
      )}

      <section className="page-section" aria-labelledby="signing-key">
        <h2 className="utrecht-heading-2" id="signing-key">
          {t("citytrainer.staff.keys")}
        </h2>
        <p className="utrecht-paragraph">{t("citytrainer.staff.keysIntro")}</p>
        {key ? (
          <dl className="facts">
            <dt>{t("citytrainer.staff.currentKey")}</dt>
            <dd>
              <code>{key.did}</code>
            </dd>
          </dl>
        ) : (
          <Alert type="info">
            <p className="utrecht-paragraph">{t("citytrainer.staff.noKey")}</p>
          </Alert>
        )}
        {loaderData.retiredKeys > 0 && <p className="utrecht-paragraph">{t("citytrainer.staff.retiredKeys", { count: loaderData.retiredKeys })}</p>}
        <PostForm>
          <input type="hidden" name="intent" value="rotate" />
          <SubmitButton appearance="secondary">{t("citytrainer.staff.rotate")}</SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
