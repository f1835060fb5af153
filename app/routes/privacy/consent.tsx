import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { CONSENT_TEXTS, renderConsentText } from "~/features/privacy/consent-texts";
import { PENDING_APPLICATION_DAYS } from "~/features/training/applications-emails.server";
import { findGuardianConsent } from "~/features/training/applications-reads.server";
import { guardianAnswerInput } from "~/features/training/applications-schema";
import { answerGuardianConsent } from "~/features/training/applications-writes.server";
import { PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/consent";

/**
 * The guardian's page behind the link in their mail: the exact text version they are asked to
 * agree to (in the applicant's language, as the mail was), and buttons to give or refuse consent;
 * later the same link withdraws it. Opening the page changes nothing.
 */
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

async function loadConsent(token: string) {
  const found = await findGuardianConsent(token);
  if (!found) throw notFound();
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { consent, application, textVersion } = await loadConsent(params.token);
  const { t } = await getTranslator(request);
  const values = {
    applicant: application.name,
    track: application.trackName,
    cohort: application.cohortName,
    municipality: application.municipalityName,
    retentionDays: PENDING_APPLICATION_DAYS,
  };
  return {
    title: t("consent.title"),
    applicant: application.name,
    about: values,
    status: consent.status,
    answeredOn: consent.answeredAt ? formatInZone(consent.answeredAt, consent.locale, { dateStyle: "long" }) : "",
    textLocale: consent.locale,
    version: textVersion,
    publishedOn: CONSENT_TEXTS[textVersion].publishedOn,
    paragraphs: renderConsentText(textVersion, consent.locale, values),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  await loadConsent(params.token);
  const { locale, t } = await getTranslator(request);
  const parsed = parseInput(guardianAnswerInput, formToObject(await readForm(request)), locale, t);
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await answerGuardianConsent(params.token, parsed.data.intent);
  if (result === "not_found") throw notFound();
  return { ok: true as const, done: result };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Buurtkracht"} — Buurtkracht` },
  { name: "robots", content: "noindex" },
];

export default function ConsentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const status = loaderData.status;
  return (
    <div className="page-narrow">
      <PageTitle>{t("consent.title")}</PageTitle>
      {done && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(`consent.done.${done}`)}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t("consent.about", loaderData.about)}</p>
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
          <p className="utrecht-paragraph">{t("consent.withdraw.question", { applicant: loaderData.applicant })}</p>
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
