import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { CONSENT_TEXTS, renderConsentText } from "~/features/privacy/consent-texts";
import { PENDING_APPLICATION_DAYS } from "~/features/training/applications-emails.server";
import { findGuardianConsent } from "~/features/training/applications-reads.server";
import { guardianAnswerInput } from "~/features/training/applications-schema";
import { answerGuardianConsent } from "~/features/training/applications-writes.server";
import { findHandoverGuardianConsent } from "~/features/practice/handover-reads.server";
import { answerGuardianSharing } from "~/features/practice/handover-writes.server";
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
 * later the same link withdraws it. Opening the page changes nothing. The link is either for a
 * course application or for sharing an under-16's learning goals at the warm handover.
 */
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

async function loadConsent(token: string) {
  const application = await findGuardianConsent(token);
  if (application) return { purpose: "course_application" as const, ...application };
  const handover = await findHandoverGuardianConsent(token);
  if (handover) return { purpose: "handover_sharing" as const, ...handover };
  throw notFound();
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await loadConsent(params.token);
  const { t } = await getTranslator(request);
  const { consent, textVersion } = found;
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

export default function ConsentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const status = loaderData.status;
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
