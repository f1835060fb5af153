import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { CONSENT_TEXTS, renderConsentText } from "~/features/privacy/consent-texts";
import { PENDING_APPLICATION_DAYS } from "~/features/training/applications-emails.server";
import { findGuardianConsent } from "~/features/training/applications-reads.server";
import { guardianAnswerInput } from "~/features/training/applications-schema";
import { answerGuardianConsent } from "~/features/training/applications-writes.server";
import { findHandoverGuardianConsent } from "~/features/practice/handover-reads.server";
import { answerGuardianSharing } from "~/features/practice/handover-writes.server";
import { photoConsentAnswerInput } from "~/features/organisers/evaluation-schema";
import { answerPhotoConsent, findPhotoConsent } from "~/features/organisers/photo-consent.server";
import { isConsentTextKey } from "~/features/privacy/consent-texts";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/consent";

/**
 * The guardian's page behind the link in their mail: the exact text version they are asked to
 * agree to (in the applicant's language, as the mail was), and buttons to give or refuse consent;
 * later the same link withdraws it. Opening the page changes nothing. The link is for a course
 * application, for sharing an under-16's learning goals at the warm handover, or for photos of an
 * activity's participant (with the choice internal or also public; withdrawing deletes the photos).
 */
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

async function loadConsent(token: string) {
  const application = await findGuardianConsent(token);
  if (application) return { purpose: "course_application" as const, ...application };
  const handover = await findHandoverGuardianConsent(token);
  if (handover) return { purpose: "handover_sharing" as const, ...handover };
  const photos = await findPhotoConsent(token);
  if (photos && isConsentTextKey(photos.consent.textVersion)) return { purpose: "photos" as const, ...photos, textVersion: photos.consent.textVersion };
  throw notFound();
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await loadConsent(params.token);
  const { t } = await getTranslator(request);
  const { consent, textVersion } = found;
  if (found.purpose === "photos") {
    const values = {
      participant: found.participantName,
      activity: found.activityTitle,
      date: formatInZone(found.startsAt, found.consent.locale, { dateStyle: "long" }),
      municipality: found.municipalityName,
    };
    return {
      title: t("organisers.consent.title"),
      purpose: found.purpose,
      applicant: found.participantName,
      about: values,
      status: found.consent.status,
      photoScope: found.consent.photoScope,
      forGuardian: found.consent.givenBy === "guardian",
      answeredOn: found.consent.answeredAt ? formatInZone(found.consent.answeredAt, found.consent.locale, { dateStyle: "long" }) : "",
      textLocale: found.consent.locale,
      version: found.textVersion,
      publishedOn: CONSENT_TEXTS[found.textVersion].publishedOn,
      paragraphs: renderConsentText(found.textVersion, found.consent.locale, values),
    };
  }
  const values: Record<string, string | number> =
    found.purpose === "course_application"
      ? {
          applicant: found.application.name,
          track: found.application.trackName,
          cohort: found.application.cohortName,
          municipality: found.application.municipalityName,
          retentionDays: PENDING_APPLICATION_DAYS,
        }
      : {
          applicant: found.placement.traineeName,
          trainee: found.placement.traineeName,
          partner: found.placement.partnerName,
          supervisor: found.placement.supervisorName,
          track: found.placement.trackName,
          cohort: found.placement.cohortName,
          municipality: found.placement.municipalityName,
        };
  return {
    title: t(found.purpose === "course_application" ? "consent.title" : "handover.guardian.title"),
    purpose: found.purpose,
    applicant: String(values.applicant),
    about: values,
    status: consent.status,
    photoScope: null,
    forGuardian: true,
    answeredOn: consent.answeredAt ? formatInZone(consent.answeredAt, consent.locale, { dateStyle: "long" }) : "",
    textLocale: consent.locale,
    version: textVersion,
    publishedOn: CONSENT_TEXTS[textVersion].publishedOn,
    paragraphs: renderConsentText(textVersion, consent.locale, values),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const found = await loadConsent(params.token);
  const { locale, t } = await getTranslator(request);
  if (found.purpose === "photos") {
    const values = formToObject(await readForm(request));
    const answer = parseInput(photoConsentAnswerInput, values, locale, t);
    if (!answer.ok) return invalid(answer.errors, values);
    const outcome = await answerPhotoConsent(params.token, answer.data);
    if (outcome === "not_found") throw notFound();
    if (typeof outcome === "object") return invalid({ [outcome.field]: t(outcome.message) }, values);
    return { ok: true as const, done: outcome };
  }
  const parsed = parseInput(guardianAnswerInput, formToObject(await readForm(request)), locale, t);
  if (!parsed.ok) return invalid(parsed.errors);
  const result = found.purpose === "course_application" ? await answerGuardianConsent(params.token, parsed.data.intent) : await answerGuardianSharing(params.token, parsed.data.intent);
  if (result === "not_found") throw notFound();
  // A handover answer that arrives after the proposal ended changes nothing, like a second click.
  return { ok: true as const, done: result === "guardian" ? ("unchanged" as const) : result };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Buurtkracht"} — Buurtkracht` },
  { name: "robots", content: "noindex" },
];

function PhotoConsentAnswer({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const sent = (actionData && "values" in actionData ? actionData.values : {}) as Record<string, string>;
  const { status } = loaderData;
  if (status === "requested") {
    return (
      <>
        <h2 className="utrecht-heading-2">{t("consent.question")}</h2>
        <PostForm>
          <ErrorSummary errors={errors} labels={{ scope: t("organisers.consent.scope"), giverName: t("organisers.consent.giverName") }} />
          <fieldset className="utrecht-form-fieldset" aria-describedby={errors?.scope ? "field-scope-error" : undefined}>
            <legend className="utrecht-form-fieldset__legend">{t("organisers.consent.scope")}</legend>
            {errors?.scope && (
              <p className="utrecht-form-field-error-message" id="field-scope-error">
                {errors.scope}
              </p>
            )}
            {(["internal", "public"] as const).map((scope) => (
              <div className="utrecht-form-field utrecht-form-field--radio" key={scope}>
                <div className="utrecht-form-field__input">
                  <input className="utrecht-radio-button utrecht-radio-button--html-input" type="radio" name="scope" value={scope} id={`field-scope-${scope}`} defaultChecked={(sent.scope ?? "internal") === scope} />
                </div>
                <div className="utrecht-form-field__label utrecht-form-field__label--radio">
                  <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`field-scope-${scope}`}>
                    {t(`organisers.consent.scope.${scope}`)}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          {loaderData.forGuardian && <TextField name="giverName" label={t("organisers.consent.giverName")} defaultValue={sent.giverName} autoComplete="name" maxLength={120} errors={errors} required />}
          <div className="button-row">
            <SubmitButton name="intent" value="give">
              {t("organisers.consent.give")}
            </SubmitButton>
            <SubmitButton name="intent" value="refuse" appearance="secondary">
              {t("organisers.consent.refuse")}
            </SubmitButton>
          </div>
        </PostForm>
      </>
    );
  }
  if (status === "given") {
    return (
      <>
        <p className="utrecht-paragraph">
          <strong>{t(loaderData.photoScope === "public" ? "organisers.consent.state.givenPublic" : "organisers.consent.state.givenInternal", { date: loaderData.answeredOn })}</strong>
        </p>
        <p className="utrecht-paragraph">{t("organisers.consent.withdrawQuestion", { participant: loaderData.applicant })}</p>
        <PostForm>
          <input type="hidden" name="intent" value="withdraw" />
          <div className="button-row">
            <SubmitButton appearance="secondary">{t("consent.withdraw.button")}</SubmitButton>
          </div>
        </PostForm>
      </>
    );
  }
  return (
    <p className="utrecht-paragraph">
      <strong>{t(status === "refused" ? "consent.state.refused" : "consent.state.withdrawn")}</strong>
    </p>
  );
}

export default function ConsentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const status = loaderData.status;
  if (loaderData.purpose === "photos") {
    return (
      <div className="page-narrow">
        <PageTitle>{loaderData.title}</PageTitle>
        {done && (
          <Alert type="ok">
            <p className="utrecht-paragraph">{t(`organisers.consent.done.${done as "given" | "refused" | "withdrawn" | "unchanged"}`)}</p>
          </Alert>
        )}
        <p className="utrecht-paragraph">{t("organisers.consent.about", loaderData.about)}</p>
        <div lang={loaderData.textLocale}>
          {loaderData.paragraphs.map((paragraph, index) => (
            // The text of a version never changes, so a paragraph's position is a stable key.
            <p className="utrecht-paragraph" key={index}>
              {paragraph}
            </p>
          ))}
        </div>
        <p className="utrecht-paragraph form-hint">{t("consent.version", { version: loaderData.version, date: loaderData.publishedOn })}</p>
        <PhotoConsentAnswer loaderData={loaderData} actionData={actionData} />
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <PageTitle>{loaderData.title}</PageTitle>
      {done && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.purpose === "course_application" ? `consent.done.${done}` : `handover.guardian.done.${done}`)}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t(loaderData.purpose === "course_application" ? "consent.about" : "handover.guardian.about", loaderData.about)}</p>
      <div lang={loaderData.textLocale}>
        {loaderData.paragraphs.map((paragraph, index) => (
          // The text of a version never changes, so a paragraph's position is a stable key.
          <p className="utrecht-paragraph" key={index}>
            {paragraph}
          </p>
        ))}
      </div>
      <p className="utrecht-paragraph form-hint">{t("consent.version", { version: loaderData.version, date: loaderData.publishedOn })}</p>
      {status === "requested" && (
        <>
          <h2 className="utrecht-heading-2">{t("consent.question")}</h2>
          <PostForm>
            <div className="button-row">
              <SubmitButton name="intent" value="give">
                {t("consent.give")}
              </SubmitButton>
              <SubmitButton name="intent" value="refuse" appearance="secondary">
                {t("consent.refuse")}
              </SubmitButton>
            </div>
          </PostForm>
        </>
      )}
      {status === "given" && (
        <>
          <p className="utrecht-paragraph">
            <strong>{t("consent.state.given", { date: loaderData.answeredOn })}</strong>
          </p>
          <p className="utrecht-paragraph">{t(loaderData.purpose === "course_application" ? "consent.withdraw.question" : "handover.guardian.withdrawQuestion", { applicant: loaderData.applicant })}</p>
          <PostForm>
            <input type="hidden" name="intent" value="withdraw" />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("consent.withdraw.button")}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
      {status === "refused" && (
        <p className="utrecht-paragraph">
          <strong>{t("consent.state.refused")}</strong>
        </p>
      )}
      {status === "withdrawn" && (
        <p className="utrecht-paragraph">
          <strong>{t("consent.state.withdrawn")}</strong>
        </p>
      )}
    </div>
  );
}
