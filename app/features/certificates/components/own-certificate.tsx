import { useTranslation } from "~/lib/i18n/use-translation";
import { OWN_CERTIFICATE_JSON, OWN_CERTIFICATE_PDF } from "../urls";

export interface OwnCertificateView {
  code: string;
  revoked: { date: string; reason: string } | null;
}

/**
 * The holder's Citytrainer certificate on their own page: "You are a Citytrainer", the PDF and
 * the Open Badges file to download, the verification code; or that it was revoked, and why.
 */
export function OwnCitytrainerCertificate({ certificate, headingLevel = 2 }: { certificate: OwnCertificateView; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="page-section" aria-labelledby="citytrainer-certificate">
      <Heading className={`utrecht-heading-${headingLevel}`} id="citytrainer-certificate">
        {t("citytrainer.mine.title")}
      </Heading>
      {certificate.revoked ? (
        <p className="utrecht-paragraph">{t("citytrainer.mine.revoked", { date: certificate.revoked.date, reason: certificate.revoked.reason })}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            <strong>{t("citytrainer.mine.youAre")}</strong>
          </p>
          <ul className="plain-list">
            <li>
              <a className="utrecht-link" href={OWN_CERTIFICATE_PDF} download>
                {t("citytrainer.mine.pdf")}
              </a>
            </li>
            <li>
              <a className="utrecht-link" href={OWN_CERTIFICATE_JSON} download>
                {t("citytrainer.mine.json")}
              </a>
            </li>
          </ul>
          <p className="utrecht-paragraph">{t("citytrainer.mine.jsonHint")}</p>
          <p className="utrecht-paragraph">{t("citytrainer.mine.code", { code: certificate.code })}</p>
        </>
      )}
    </section>
  );
}
