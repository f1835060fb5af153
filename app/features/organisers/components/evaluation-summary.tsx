import { capitalise } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";

export interface EvaluationSummaryData {
  evaluation: { turnout: number; firstTimeCount: number; wentWell: string; doDifferently: string } | null;
  photos: { id: string; src: string; caption: string; visibility: "internal" | "public"; subjects: { name: string }[] }[];
}

/**
 * The organiser's evaluation and photos for staff (the staff activity page, the organisers' review
 * page): counts, texts, and each photo with who is on it and where it may be shown. The loader
 * that fills it audits a view of a minor's photos (photos-audit.server.ts).
 */
export function EvaluationSummary({ data, headingId = "evaluation-heading" }: { data: EvaluationSummaryData; headingId?: string }) {
  const { t } = useTranslation();
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t("organisers.evaluation.staff.heading")}
      </h2>
      {data.evaluation ? (
        <dl className="facts">
          <dt>{t("organisers.evaluation.turnout")}</dt>
          <dd>{data.evaluation.turnout}</dd>
          <dt>{t("organisers.evaluation.firstTime")}</dt>
          <dd>{data.evaluation.firstTimeCount}</dd>
          <dt>{t("organisers.evaluation.wentWell")}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{data.evaluation.wentWell}</dd>
          <dt>{t("organisers.evaluation.doDifferently")}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{data.evaluation.doDifferently}</dd>
        </dl>
      ) : (
        <p className="utrecht-paragraph">{t("organisers.evaluation.staff.none")}</p>
      )}
      {data.photos.length > 0 && (
        <div className="activity-photos">
          {data.photos.map((photo) => (
            <figure key={photo.id} className="activity-photo">
              <img src={photo.src} alt={photo.caption} loading="lazy" />
              <figcaption>
                <span className="activity-photo__caption">{photo.caption}</span>
                <span className="activity-photo__meta">
                  {capitalise(t(photo.visibility === "public" ? "organisers.photos.public" : "organisers.photos.internal"))} · {t("organisers.photos.onIt", { names: photo.subjects.map((s) => s.name).join(", ") })}
                </span>
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}

/** Public photos on an activity's public page: only those every consent allows publicly. */
export function PublicActivityPhotos({ photos }: { photos: { id: string; src: string; caption: string }[] }) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <>
      <h2 className="utrecht-heading-2">{t("organisers.photos.publicHeading")}</h2>
      <div className="activity-photos">
        {photos.map((photo) => (
          <figure key={photo.id} className="activity-photo">
            <img src={photo.src} alt={photo.caption} loading="lazy" />
            <figcaption>
              <span className="activity-photo__caption">{photo.caption}</span>
            </figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}
