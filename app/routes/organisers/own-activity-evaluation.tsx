import { Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { publicActivityPath } from "~/features/activities/urls";
import { requireOwnOrganisedActivity } from "~/features/organisers/evaluation-access.server";
import { canEditEvaluation, EVALUATION_EDIT_DAYS, isEvaluationOpen, MAX_PHOTOS_PER_ACTIVITY } from "~/features/organisers/evaluation-policy";
import { loadEvaluationPage } from "~/features/organisers/evaluation-reads.server";
import { EVALUATION_TEXT_MAX, evaluationInput, PHOTO_CAPTION_MAX, photoConsentRequestInput, photoDeleteInput, photoUploadInput } from "~/features/organisers/evaluation-schema";
import { saveEvaluation } from "~/features/organisers/evaluation-writes.server";
import { requestPhotoConsents } from "~/features/organisers/photo-consent.server";
import { cleanPhoto, hasPhotoUpload, PhotoRejectedError } from "~/features/organisers/photos-file.server";
import { addActivityPhoto, deleteActivityPhoto } from "~/features/organisers/photos-writes.server";
import { ownActivityPath, ownActivityPhotoPath } from "~/features/organisers/urls";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { capitalise, type MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/own-activity-evaluation";
import courseCss from "~/styles/course.css?url";
import evaluationCss from "~/styles/evaluation.css?url";

/**
 * "Evaluatie": after the activity its organiser (or a co-organiser, or a member of the organising
 * team) records turnout and first-timers (pre-filled from check-in), what went well and what they
 * would do differently; the first save completes the activity. On the same page they ask
 * participants for photo consent and upload photos of people whose consent is given. Every form
 * posts here with an `intent` and works without JavaScript.
 */
const NOTICES = {
  opgeslagen: "organisers.evaluation.notice.saved",
  afgerond: "organisers.evaluation.notice.completed",
  gevraagd: "organisers.photos.notice.asked",
  foto: "organisers.photos.notice.added",
  verwijderd: "organisers.photos.notice.deleted",
} as const;
const PHOTO_PROBLEMS = {
  empty: "organisers.photos.error.noFile",
  tooLarge: "organisers.photos.error.tooLarge",
  wrongType: "organisers.photos.error.wrongType",
} as const;

/** The notice after a redirect; how many were asked decides the sentence (no plural forms in the catalogue). */
function noticeKey(notice: string | null, asked: number): MessageKey | null {
  if (!notice || !Object.hasOwn(NOTICES, notice)) return null;
  if (notice === "gevraagd") return asked === 0 ? "organisers.photos.notice.askedNone" : asked === 1 ? "organisers.photos.notice.askedOne" : "organisers.photos.notice.asked";
  return NOTICES[notice as keyof typeof NOTICES];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { activity } = await requireOwnOrganisedActivity(request, params.activityId);
  const { t, locale } = await getTranslator(request);
  const page = await loadEvaluationPage(activity.municipalityId, activity.activityId);
  const now = new Date();
  const isOpen = isEvaluationOpen(activity.endsAt, now) && (activity.status === "published" || activity.status === "completed");
  const canSave = isOpen && (page.evaluation ? activity.status === "completed" && canEditEvaluation(page.evaluation.evaluatedAt, now) : activity.status === "published");
  const notice = new URL(request.url).searchParams.get("melding");
  const count = Number(new URL(request.url).searchParams.get("aantal"));
  const asked = Number.isSafeInteger(count) && count >= 0 ? count : 0;
  return {
    title: `${t("organisers.evaluation.title")}: ${activity.title} — Buurtkracht`,
    activity: {
      id: activity.activityId,
      title: activity.title,
      status: activity.status,
      ends: formatInZone(activity.endsAt, locale),
      when: `${formatInZone(activity.startsAt, locale)} – ${formatInZone(activity.endsAt, locale, { timeStyle: "short" })}`,
      publicPath: activity.status === "published" || activity.status === "completed" ? publicActivityPath(activity.municipalitySlug, activity.activityId) : null,
    },
    notice: noticeKey(notice, asked),
    asked,
    isOpen,
    canSave,
    evaluation: page.evaluation && {
      turnout: page.evaluation.turnout,
      firstTimeCount: page.evaluation.firstTimeCount,
      wentWell: page.evaluation.wentWell,
      doDifferently: page.evaluation.doDifferently,
      on: formatInZone(page.evaluation.evaluatedAt, locale, { dateStyle: "long" }),
    },
    prefill: page.prefill,
    participants: page.participants.map((p) => ({
      id: p.id,
      name: p.name,
      ageGroup: p.ageGroup,
      attended: p.attendance === "attended",
      isWalkIn: p.isWalkIn,
      canAsk: isOpen && p.hasEmail && p.consent === null,
      consent: p.consent,
    })),
    photos: page.photos.map((photo) => ({ ...photo, src: ownActivityPhotoPath(activity.activityId, photo.id) })),
    canAddPhoto: isOpen && page.photos.length < MAX_PHOTOS_PER_ACTIVITY,
  };
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: courseCss }, { rel: "stylesheet", href: evaluationCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, role, activity } = await requireOwnOrganisedActivity(request, params.activityId);
  const { locale, t } = await getTranslator(request);
  const form = await readForm(request);
  const { photo: upload, ...values } = formToObject(form);
  const back = (notice: keyof typeof NOTICES, extra = "") => redirect(`${ownActivityPath(activity.activityId, "evaluatie")}?melding=${notice}${extra}`);
  switch (values.intent) {
    case "evaluate": {
      const parsed = parseInput(evaluationInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, values);
      const result = await saveEvaluation(activity, { userId: user.id, role }, parsed.data);
      if (!result.ok) return invalid({ [result.field]: t(result.message) }, values);
      return back(result.completed ? "afgerond" : "opgeslagen");
    }
    case "ask_consent": {
      const parsed = parseInput(photoConsentRequestInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, { intent: "ask_consent" });
      const result = await requestPhotoConsents(activity, parsed.data.registrationId);
      if (!result.ok) return invalid({ _form: t(result.message) }, { intent: "ask_consent" });
      return back("gevraagd", `&aantal=${result.asked}#toestemming`);
    }
    case "add_photo": {
      const parsed = parseInput(photoUploadInput, values, locale, t);
      if (!parsed.ok) return invalid(parsed.errors, { intent: "add_photo", caption: values.caption });
      if (!hasPhotoUpload(upload)) return invalid({ photo: t("organisers.photos.error.noFile") }, { intent: "add_photo", caption: values.caption });
      let cleaned: Buffer;
      try {
        cleaned = await cleanPhoto(upload);
      } catch (error) {
        if (error instanceof PhotoRejectedError) return invalid({ photo: t(PHOTO_PROBLEMS[error.problem]) }, { intent: "add_photo", caption: values.caption });
        throw error;
      }
      const result = await addActivityPhoto(activity, user.id, parsed.data, cleaned);
      if (!result.ok) return invalid({ [result.field]: t(result.message) }, { intent: "add_photo", caption: values.caption });
      return back("foto", "#fotos");
    }
    case "delete_photo": {
      const parsed = parseInput(photoDeleteInput, values, locale, t);
      if (!parsed.ok) return invalid({ _form: t("validation.invalid") }, { intent: "delete_photo" });
      const result = await deleteActivityPhoto(activity, parsed.data.photoId);
      if (!result.ok) return invalid({ _form: t(result.message) }, { intent: "delete_photo" });
      return back("verwijderd", "#fotos");
    }
    default:
      return invalid({ _form: t("validation.invalid") });
  }
}

type Participant = Route.ComponentProps["loaderData"]["participants"][number];

function ConsentState({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  const consent = participant.consent;
  if (!consent) return <>{t("organisers.photos.consent.none")}</>;
  if (consent.status === "given") return <>{t(consent.photoScope === "public" ? "organisers.photos.consent.givenPublic" : "organisers.photos.consent.givenInternal")}</>;
  return <>{t(`organisers.photos.consent.${consent.status}`)}</>;
}

export default function OwnActivityEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { activity, evaluation, prefill, participants, photos } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const evaluationErrors = sent.intent === "evaluate" ? errors : undefined;
  const photoErrors = sent.intent === "add_photo" ? errors : undefined;
  const values = evaluationErrors ? sent : evaluation ? { ...evaluation, turnout: String(evaluation.turnout), firstTimeCount: String(evaluation.firstTimeCount) } : { turnout: String(prefill.turnout), firstTimeCount: String(prefill.firstTimeCount) };
  const consented = participants.filter((p) => p.consent?.status === "given");
  const fieldLabels = {
    turnout: t("organisers.evaluation.turnout"),
    firstTimeCount: t("organisers.evaluation.firstTime"),
    wentWell: t("organisers.evaluation.wentWell"),
    doDifferently: t("organisers.evaluation.doDifferently"),
    photo: t("organisers.photos.file"),
    caption: t("organisers.photos.caption"),
    subjects: t("organisers.photos.subjects"),
  };
  return (
    <div className="my-course">
      <OrganiserTabs />
      <PageTitle>{`${t("organisers.evaluation.title")}: ${activity.title}`}</PageTitle>
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice, { count: loaderData.asked })}</p>
        </Alert>
      )}
      {errors && sent.intent !== "evaluate" && sent.intent !== "add_photo" && <ErrorSummary errors={errors} labels={{}} />}
      <p className="utrecht-paragraph">{activity.when}</p>

      <section className="page-section" aria-labelledby="evaluatie">
        <h2 className="utrecht-heading-2" id="evaluatie">
          {t("organisers.evaluation.heading")}
        </h2>
        {!loaderData.isOpen && <p className="utrecht-paragraph">{t("organisers.evaluation.notYet", { when: activity.ends })}</p>}
        {evaluation && <p className="utrecht-paragraph">{t("organisers.evaluation.savedOn", { date: evaluation.on, days: EVALUATION_EDIT_DAYS })}</p>}
        {loaderData.canSave ? (
          <PostForm>
            <input type="hidden" name="intent" value="evaluate" />
            <ErrorSummary errors={evaluationErrors} labels={fieldLabels} />
            <TextField
              name="turnout"
              label={fieldLabels.turnout}
              description={t("organisers.evaluation.turnoutHint", { count: prefill.turnout })}
              type="text"
              inputMode="numeric"
              defaultValue={values.turnout}
              errors={evaluationErrors}
              required
            />
            <TextField
              name="firstTimeCount"
              label={fieldLabels.firstTimeCount}
              description={t("organisers.evaluation.firstTimeHint", { count: prefill.firstTimeCount })}
              type="text"
              inputMode="numeric"
              defaultValue={values.firstTimeCount}
              errors={evaluationErrors}
              required
            />
            <TextAreaField name="wentWell" label={fieldLabels.wentWell} defaultValue={values.wentWell} maxLength={EVALUATION_TEXT_MAX} errors={evaluationErrors} required />
            <TextAreaField name="doDifferently" label={fieldLabels.doDifferently} defaultValue={values.doDifferently} maxLength={EVALUATION_TEXT_MAX} errors={evaluationErrors} required />
            <div className="button-row">
              <SubmitButton>{t(evaluation ? "organisers.evaluation.saveChanges" : "organisers.evaluation.save")}</SubmitButton>
            </div>
          </PostForm>
        ) : (
          evaluation && (
            <dl className="facts">
              <dt>{fieldLabels.turnout}</dt>
              <dd>{evaluation.turnout}</dd>
              <dt>{fieldLabels.firstTimeCount}</dt>
              <dd>{evaluation.firstTimeCount}</dd>
              <dt>{fieldLabels.wentWell}</dt>
              <dd className="plan-text">{evaluation.wentWell}</dd>
              <dt>{fieldLabels.doDifferently}</dt>
              <dd className="plan-text">{evaluation.doDifferently}</dd>
            </dl>
          )
        )}
      </section>

      <section className="page-section" aria-labelledby="toestemming">
        <h2 className="utrecht-heading-2" id="toestemming">
          {t("organisers.photos.consent.heading")}
        </h2>
        <p className="utrecht-paragraph">{t("organisers.photos.consent.intro")}</p>
        {participants.length === 0 ? (
          <p className="utrecht-paragraph">{t("organisers.photos.consent.nobody")}</p>
        ) : (
          <ul className="consent-list">
            {participants.map((p) => (
              <li key={p.id} id={`deelnemer-${p.id}`} className="consent-row">
                <div className="consent-row__person">
                  <strong>{p.name || t("organisers.photos.anonymous")}</strong>
                  <span>
                    {t(`ageGroup.${p.ageGroup}`)}
                    {p.attended ? ` · ${t("organisers.photos.attended")}` : ""}
                  </span>
                </div>
                <span className={`consent-row__state consent-row__state--${p.consent?.status ?? "none"}`}>
                  <ConsentState participant={p} />
                </span>
                {p.canAsk && (
                  <PostForm className="consent-row__ask">
                    <input type="hidden" name="intent" value="ask_consent" />
                    <input type="hidden" name="registrationId" value={p.id} />
                    <SubmitButton appearance="secondary">{t("organisers.photos.consent.askOne", { name: p.name })}</SubmitButton>
                  </PostForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {participants.filter((p) => p.canAsk).length > 1 && (
          <PostForm>
            <input type="hidden" name="intent" value="ask_consent" />
            <input type="hidden" name="registrationId" value="all" />
            <div className="button-row">
              <SubmitButton>{t("organisers.photos.consent.askAll")}</SubmitButton>
            </div>
          </PostForm>
        )}
      </section>

      <section className="page-section" aria-labelledby="fotos">
        <h2 className="utrecht-heading-2" id="fotos">
          {t("organisers.photos.heading")}
        </h2>
        <p className="utrecht-paragraph">{t("organisers.photos.intro")}</p>
        {photos.length > 0 && (
          <div className="activity-photos">
            {photos.map((photo) => (
              <figure key={photo.id} className="activity-photo">
                <img src={photo.src} alt={photo.caption} loading="lazy" />
                <figcaption>
                  <span className="activity-photo__caption">{photo.caption}</span>
                  <span className="activity-photo__meta">
                    {capitalise(t(photo.visibility === "public" ? "organisers.photos.public" : "organisers.photos.internal"))} · {t("organisers.photos.onIt", { names: photo.subjects.map((s) => s.name).join(", ") })}
                  </span>
                </figcaption>
                <details className="activity-photo__delete">
                  <summary>
                    {t("organisers.photos.delete")}
                    <span className="visually-hidden">: {photo.caption}</span>
                  </summary>
                  <p className="utrecht-paragraph">{t("organisers.photos.deleteConfirm")}</p>
                  <PostForm>
                    <input type="hidden" name="intent" value="delete_photo" />
                    <input type="hidden" name="photoId" value={photo.id} />
                    <SubmitButton appearance="secondary">
                      {t("organisers.photos.deleteYes")}
                      <span className="visually-hidden">: {photo.caption}</span>
                    </SubmitButton>
                  </PostForm>
                </details>
              </figure>
            ))}
          </div>
        )}
        {loaderData.canAddPhoto &&
          (consented.length === 0 ? (
            <p className="utrecht-paragraph">{t("organisers.photos.noConsentYet")}</p>
          ) : (
            <>
              <h3 className="utrecht-heading-3" id="foto-toevoegen">
                {t("organisers.photos.addHeading")}
              </h3>
              <PostForm encType="multipart/form-data">
                <input type="hidden" name="intent" value="add_photo" />
                <ErrorSummary errors={photoErrors} labels={fieldLabels} />
                <TextField name="photo" label={fieldLabels.photo} description={t("organisers.photos.fileHint")} type="file" accept="image/jpeg,image/png,image/webp" errors={photoErrors} required />
                <fieldset className="utrecht-form-fieldset photo-subjects" aria-describedby={`field-subjects-hint${photoErrors?.subjects ? " field-subjects-error" : ""}`}>
                  <legend className="utrecht-form-fieldset__legend">{fieldLabels.subjects}</legend>
                  <p className="utrecht-form-field-description" id="field-subjects-hint">
                    {t("organisers.photos.subjectsHint")}
                  </p>
                  {photoErrors?.subjects && (
                    <p className="utrecht-form-field-error-message" id="field-subjects-error">
                      {photoErrors.subjects}
                    </p>
                  )}
                  {consented.map((p, index) => {
                    // The error summary links to #field-subjects: the first box takes that id.
                    const id = index === 0 ? "field-subjects" : `onderwerp-${p.id}`;
                    return (
                      <div className="photo-subjects__choice" key={p.id}>
                        <input className="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name="subjects" value={p.id} />
                        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
                          {p.name} <span className="photo-subjects__scope">({t(p.consent?.photoScope === "public" ? "organisers.photos.consent.givenPublic" : "organisers.photos.consent.givenInternal")})</span>
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
                <TextField name="caption" label={fieldLabels.caption} description={t("organisers.photos.captionHint")} defaultValue={photoErrors ? sent.caption : ""} maxLength={PHOTO_CAPTION_MAX} errors={photoErrors} required />
                <div className="button-row">
                  <SubmitButton>{t("organisers.photos.add")}</SubmitButton>
                </div>
              </PostForm>
            </>
          ))}
      </section>
      <p className="button-row">
        <Link className="utrecht-link" to={ownActivityPath(activity.id)}>
          {t("organisers.evaluation.back")}
        </Link>
        <Link className="utrecht-link" to={ownActivityPath(activity.id, "budget")}>
          {t("organisers.evaluation.toBudget")}
        </Link>
        {activity.publicPath && (
          <Link className="utrecht-link" to={activity.publicPath}>
            {t("organisers.evaluation.publicPage")}
          </Link>
        )}
      </p>
    </div>
  );
}
