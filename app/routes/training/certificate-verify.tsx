import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { findCertificateByCode } from "~/features/training/course-reads.server";
import { Alert, PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/certificate-verify";

/**
 * The public check of a certificate's code: valid or revoked, and what the certificate itself
 * says (holder, track, cohort, municipality, dates). Nothing else; an unknown code is 404.
 */
export const handle = { hydrate: false };

function formatDate(date: string, locale: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { t, locale } = await getTranslator(request);
  const certificate = await findCertificateByCode(params.code ?? "");
  if (!certificate) throw notFound();
  return {
    title: `${t("course.verify.title")} — Buurtkracht`,
    certificate: {
      valid: certificate.revokedAt === null,
      kind: certificate.kind,
      holderName: certificate.holderName,
      trackName: certificate.trackName,
      cohortName: certificate.cohortName,
      municipalityName: certificate.municipalityName,
      from: formatDate(certificate.courseStartedOn, locale),
      to: formatDate(certificate.courseEndedOn, locale),
    },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export default function CertificateVerify({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { certificate } = loaderData;
  return (
    <div className="page-narrow">
      <PageTitle>{t("course.verify.title")}</PageTitle>
      <Alert type={certificate.valid ? "ok" : "warning"}>
        <p className="utrecht-paragraph">{t(certificate.valid ? "course.verify.valid" : "course.verify.revoked")}</p>
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
        <dt>{t("course.verify.municipality")}</dt>
        <dd>{certificate.municipalityName}</dd>
        <dt>{t("course.verify.dates")}</dt>
        <dd>{t("course.verify.period", { from: certificate.from, to: certificate.to })}</dd>
      </dl>
    </div>
  );
}
