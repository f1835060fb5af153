import { data } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { certificateVerdict } from "~/features/certificates/public.server";
import { credentialFileInput } from "~/features/certificates/schema";
import { verifyCredentialDocument } from "~/features/certificates/verify.server";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/certificate-verify";

/**
 * The public check of a certificate's code, without an account: valid or revoked (with the date
 * and the reason), who issued it, when, and for what (track, and for a Citytrainer certificate
 * the competences achieved). A mistyped code and one never issued get the same "not found" page.
 * For a Citytrainer certificate, anyone can also paste the credential file to have its signature
 * and revocation status checked (offline, against this installation's keys and status lists).
 */
export const handle = { hydrate: false };

function formatDate(date: string, locale: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { t, locale } = await getTranslator(request);
  const verdict = await certificateVerdict(params.code ?? "");
  if (!verdict) return data({ title: `${t("citytrainer.verify.unknownTitle")} — Buurtkracht`, certificate: null }, { status: 404 });
  return {
    title: `${t("course.verify.title")} — Buurtkracht`,
    certificate: {
      code: verdict.code,
      valid: verdict.status === "valid",
      kind: verdict.kind,
      holderName: verdict.holderName,
      trackName: verdict.trackName,
      cohortName: verdict.cohortName,
      issuerName: verdict.issuer.name,
      issuerId: verdict.issuer.id,
      issuedAt: formatInZone(verdict.issuedAt, locale, { dateStyle: "long" }),
      from: formatDate(verdict.courseStartedOn, locale),
      to: formatDate(verdict.courseEndedOn, locale),
      revokedAt: verdict.revokedAt ? formatInZone(verdict.revokedAt, locale, { dateStyle: "long" }) : null,
      revocationReason: verdict.revocationReason,
      competences: verdict.competences,
      apiUrl: `/api/v1/certificates/${verdict.code.toLowerCase()}`,
    },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(credentialFileInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  let document: unknown;
  try {
    document = JSON.parse(parsed.data.credential);
  } catch {
    return invalid({ credential: t("citytrainer.verify.fileNotJson") }, values);
  }
  const outcome = await verifyCredentialDocument(document);
  const issuer = (document as { issuer?: { name?: unknown } } | null)?.issuer?.name;
  const result = !outcome.signatureValid ? "invalid" : !outcome.issuedHere ? "foreign" : outcome.revoked ? "revoked" : "valid";
  return { fileResult: result as "invalid" | "foreign" | "revoked" | "valid", issuer: typeof issuer === "string" ? issuer.slice(0, 200) : "" };
}

export default function CertificateVerify({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { certificate } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const fileResult = actionData && "fileResult" in actionData ? actionData : null;
  if (!certificate) {
    return (
      <div className="page-narrow">
        <PageTitle>{t("citytrainer.verify.unknownTitle")}</PageTitle>
        <p className="utrecht-paragraph">{t("citytrainer.verify.unknown")}</p>
      </div>
    );
  }
  const citytrainer = certificate.kind === "citytrainer";
  return (
    <div className="page-narrow">
      <PageTitle>{t("course.verify.title")}</PageTitle>
      <Alert type={certificate.valid ? "ok" : "warning"}>
        <p className="utrecht-paragraph">
          {citytrainer
            ? certificate.valid
              ? t("citytrainer.verify.valid")
              : t("citytrainer.verify.revoked", { date: certificate.revokedAt ?? "" })
            : t(certificate.valid ? "course.verify.valid" : "course.verify.revoked")}
        </p>
        {!certificate.valid && certificate.revocationReason && (
          <p className="utrecht-paragraph">
            {t("citytrainer.verify.reason")}: {certificate.revocationReason}
          </p>
        )}
      </Alert>
      <dl className="facts">
        <dt>{t("course.verify.kind")}</dt>
        <dd>{t(`course.certificateKind.${certificate.kind}`)}</dd>
        <dt>{t("course.verify.holder")}</dt>
        <dd>{certificate.holderName}</dd>
        <dt>{t("course.verify.track")}</dt>
        <dd>{certificate.trackName}</dd>
        <dt>{t("course.verify.cohort")}</dt>
        <dd>{certificate.cohortName}</dd>
        <dt>{t("citytrainer.verify.issuer")}</dt>
        <dd>{certificate.issuerName}</dd>
        <dt>{t("citytrainer.verify.issuedAt")}</dt>
        <dd>{certificate.issuedAt}</dd>
        <dt>{t("course.verify.dates")}</dt>
        <dd>{t("course.verify.period", { from: certificate.from, to: certificate.to })}</dd>
        {citytrainer && certificate.competences.length > 0 && (
          <>
            <dt>{t("citytrainer.verify.competences")}</dt>
            <dd>
              <ul className="plain-list">
                {certificate.competences.map((c) => (
                  <li key={c.name}>{t("citytrainer.verify.competence", { name: c.name, level: c.levelName })}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {certificate.issuerId && (
          <>
            <dt>{t("citytrainer.verify.issuerKey")}</dt>
            <dd>
              <code>{certificate.issuerId}</code>
            </dd>
          </>
        )}
      </dl>
      <p className="utrecht-paragraph">{t("citytrainer.verify.machine", { url: certificate.apiUrl })}</p>

      {citytrainer && (
        <section className="page-section" aria-labelledby="check-file">
          <h2 className="utrecht-heading-2" id="check-file">
            {t("citytrainer.verify.fileTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("citytrainer.verify.fileIntro")}</p>
          {fileResult && (
            <Alert type={fileResult.fileResult === "valid" ? "ok" : fileResult.fileResult === "invalid" ? "error" : "warning"}>
              <p className="utrecht-paragraph" role="status">
                {fileResult.fileResult === "valid"
                  ? t("citytrainer.verify.fileValid", { issuer: fileResult.issuer || certificate.issuerName })
                  : fileResult.fileResult === "revoked"
                    ? t("citytrainer.verify.fileValidRevoked")
                    : fileResult.fileResult === "foreign"
                      ? t("citytrainer.verify.fileForeign")
                      : t("citytrainer.verify.fileInvalid")}
              </p>
            </Alert>
          )}
          <ErrorSummary errors={errors} labels={{ credential: t("citytrainer.verify.fileLabel") }} />
          <PostForm>
            <TextAreaField name="credential" label={t("citytrainer.verify.fileLabel")} required errors={errors} rows={6} />
            <SubmitButton>{t("citytrainer.verify.fileSubmit")}</SubmitButton>
          </PostForm>
        </section>
      )}
    </div>
  );
}
