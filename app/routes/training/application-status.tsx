import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { findApplicationByToken } from "~/features/training/applications-reads.server";
import { applicantActionInput } from "~/features/training/applications-schema";
import { confirmApplicationEmail, withdrawApplicationByToken } from "~/features/training/applications-writes.server";
import { PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/application-status";

/**
 * The page behind the link in the applicant's mails: confirm the address (double opt-in), see
 * how the application is doing, withdraw it. Opening it changes nothing (mail scanners open
 * links); confirming and withdrawing take a POST from a button.
 */
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const application = await findApplicationByToken(params.token);
  if (!application) throw notFound();
  const { t, locale } = await getTranslator(request);
  const state =
    application.status !== "pending"
      ? application.status
      : application.emailConfirmedAt
        ? ("pendingConsent" as const)
        : ("pendingEmail" as const);
  return {
    title: t("applicationPage.title"),
    application: {
      name: application.name,
      trackName: application.trackName,
      cohortName: application.cohortName,
      municipalityName: application.municipalityName,
      state,
      canConfirm: application.status === "pending" && !application.emailConfirmedAt,
      canWithdraw: !["declined", "withdrawn"].includes(application.status),
      intakeWhen: application.intakeAt ? formatInZone(application.intakeAt, locale) : "",
      intakeWhere: application.intakeLocation ?? "",
      position: application.waitlistPosition ?? 0,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { locale, t } = await getTranslator(request);
  const parsed = parseInput(applicantActionInput, formToObject(await readForm(request)), locale, t);
  if (!parsed.ok) return invalid(parsed.errors);
  if (parsed.data.intent === "confirm") {
    const result = await confirmApplicationEmail(params.token);
    if (result === "not_found") throw notFound();
    return { ok: true as const, done: "confirmed" as const };
  }
  const result = await withdrawApplicationByToken(params.token);
  if (result === "not_found") throw notFound();
  return { ok: true as const, done: "withdrawn" as const };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Buurtkracht"} — Buurtkracht` },
  { name: "robots", content: "noindex" },
];

export default function ApplicationStatusPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { application } = loaderData;
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <div className="page-narrow">
      <PageTitle>{t("applicationPage.title")}</PageTitle>
      {done && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(done === "confirmed" ? "applicationPage.confirm.done" : "applicationPage.withdraw.done")}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">
        {t("applicationPage.for", {
          name: application.name,
          track: application.trackName,
          cohort: application.cohortName,
          municipality: application.municipalityName,
        })}
      </p>
      <p className="utrecht-paragraph">
        <strong>{t(`applicationPage.state.${application.state}`, { when: application.intakeWhen, where: application.intakeWhere, position: application.position })}</strong>
      </p>
      {application.state === "admitted" && (
        <p className="utrecht-paragraph page-link">
          <a className="utrecht-link" href="/inloggen">
            {t("applicationPage.signIn")}
          </a>
        </p>
      )}
      {application.canConfirm && (
        <PostForm>
          <input type="hidden" name="intent" value="confirm" />
          <div className="button-row">
            <SubmitButton>{t("applicationPage.confirm.button")}</SubmitButton>
          </div>
        </PostForm>
      )}
      {application.canWithdraw && (
        <>
          <p className="utrecht-paragraph">{t("applicationPage.withdraw.question")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="withdraw" />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("applicationPage.withdraw.button")}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
    </div>
  );
}
